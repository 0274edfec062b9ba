import Testing
@testable import CabinetModel
@testable import CabinetStore

@Suite struct LogisticRegressionTests {
    /// The model the synthetic incidents are drawn from: a baseline near 1%, more files, more
    /// services, riskier services, migrations and config flags all raising the odds.
    let truth = RiskModel(intercept: -5, weights: [0.3, 0.4, 5, 0.9, 0.7])

    @Test func theFitRecoversKnownWeightsWithinAStatedTolerance() {
        let samples = SyntheticRisk.samples(count: 100_000, truth: truth, seed: 7)
        let fit = LogisticRegression(features: samples.features, labels: samples.labels, dimension: RiskSamples.dimension).fit()
        #expect(fit.converged)
        // Tolerance: 0.25 in log-odds per unit for every weight (about three standard errors at
        // this size; the incident-rate feature spans only 0…0.3, so its weight gets 1.0).
        #expect(abs(fit.model.intercept - truth.intercept) < 0.25, "intercept \(fit.model.intercept)")
        for (position, feature) in RiskFeature.allCases.enumerated() {
            let tolerance = feature == .incidentRate ? 1.0 : 0.25
            #expect(abs(fit.model.weights[position] - truth.weights[position]) < tolerance, "\(feature) \(fit.model.weights[position])")
        }
    }

    @Test func theCalibratedModelBeatsTheUncalibratedDefaultOnFreshData() throws {
        let training = SyntheticRisk.samples(count: 50_000, truth: truth, seed: 1)
        let fresh = SyntheticRisk.samples(count: 50_000, truth: truth, seed: 2)
        let report = try Calibrator.calibrate(training, id: "t", at: time("2026-11-27T08:00:00Z"), since: nil, until: time("2026-11-20T08:00:00Z"))
        let calibrated = RiskSamples.brier(fresh.predictions(of: report.calibration.model), fresh.labels)
        let uncalibrated = RiskSamples.brier(fresh.predictions(of: .uncalibrated), fresh.labels)
        #expect(calibrated < uncalibrated)
        #expect(report.calibration.brier < report.calibration.defaultBrier)
        // The truth itself is the floor: the fit comes within 1% of its Brier score.
        #expect(calibrated < 1.01 * RiskSamples.brier(fresh.predictions(of: truth), fresh.labels))
    }

    @Test func aConstantFeatureGetsNoWeightAndTheFitStillConverges() {
        var samples = RiskSamples()
        for index in 0..<400 { samples.append([Double(index % 4), 1, 0, 0, 0], incident: index % 5 == 0) }
        let fit = LogisticRegression(features: samples.features, labels: samples.labels, dimension: RiskSamples.dimension).fit()
        #expect(fit.converged)
        #expect(fit.model.weights[1] == 0 && fit.model.weights[4] == 0)
    }

    @Test func theSolverSolvesASmallSystemWorkedByHand() {
        // [4 2; 2 3] x = [10; 8]  →  x = [1.75, 1.5]
        let x = LogisticRegression.solve([4, 2, 2, 3], [10, 8], size: 2)
        #expect(x.map { zip($0, [1.75, 1.5]).allSatisfy { abs($0 - $1) < 1e-12 } } == true)
        #expect(LogisticRegression.solve([1, 2, 2, 1], [1, 1], size: 2) == nil)
    }
}

@Suite struct CalibrationReportTests {
    @Test func theReliabilityTableGroupsByDecileOfPrediction() {
        // Twenty predictions 0.025, 0.075, …, 0.975; each decile holds two, one with an incident from decile 6 on.
        let predictions = (0..<20).map { 0.025 + 0.05 * Double($0) }
        let labels = (0..<20).map { $0 >= 10 && $0 % 2 == 1 }
        let table = ReliabilityRow.table(predictions: predictions.reversed(), labels: labels.reversed())
        #expect(table.map(\.changes) == Array(repeating: 2, count: 10))
        #expect(zip(table.map(\.predicted), [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(table.map(\.observed) == [0, 0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5])
    }

    @Test func tooLittleHistoryIsRefusedInOneLine() {
        var samples = RiskSamples()
        for index in 0..<99 { samples.append([0, 1, 0, 0, 0], incident: index == 0) }
        #expect(throws: CabinetError.refused("cannot calibrate: 99 deployed changes in the period (at least 100 needed)")) {
            try Calibrator.calibrate(samples, id: "t", at: time("2026-11-27T08:00:00Z"), since: nil, until: time("2026-11-20T08:00:00Z"))
        }
        samples.append([0, 1, 0, 0, 0], incident: false)
        samples.labels = samples.labels.map { _ in false }
        #expect(throws: CabinetError.refused("cannot calibrate: no deployed change in the period was followed by an incident")) {
            try Calibrator.calibrate(samples, id: "t", at: time("2026-11-27T08:00:00Z"), since: nil, until: time("2026-11-20T08:00:00Z"))
        }
    }

    @Test func oldWeightsAndDriftedDataAreWarnedAbout() {
        let calibration = RiskCalibration(
            id: "c1", calibratedAt: time("2026-08-01T00:00:00Z"), since: nil, until: time("2026-07-25T00:00:00Z"), changes: 1000,
            incidents: 10, brier: 0.01, defaultBrier: 0.02, model: RiskModel(intercept: -4.6, weights: [0, 0, 0, 0, 0]),
            means: [3, 1, 0, 0, 0], deviations: [1, 0, 0, 0, 0])
        #expect(RiskPolicy(calibration: calibration).ageWarning(now: time("2026-10-30T00:00:00Z")) == nil)
        #expect(RiskPolicy(calibration: calibration).ageWarning(now: time("2026-10-31T00:00:00Z"))
            == "the risk weights were calibrated 91 days ago (over 90): run cab risk calibrate")
        #expect(RiskPolicy().ageWarning(now: time("2026-10-31T00:00:00Z")) == "the risk weights are the uncalibrated defaults: run cab risk calibrate")

        // Fifty recent changes, files value 5 (was 3 ± 1), and one in two had an incident where σ(-4.6) ≈ 1% was predicted.
        var recent = RiskSamples()
        for index in 0..<50 { recent.append([5, 1, 0, 0, 0], incident: index % 2 == 0) }
        #expect(RiskDrift.warnings(since: calibration, recent: recent) == [
            "the data drifted since calibration: files changed averages 5.00, was 3.00",
            "the data drifted since calibration: 50.0% of 50 recent changes had an incident, the model predicts 1.0%",
        ])
        #expect(RiskDrift.warnings(since: calibration, recent: RiskSamples()).isEmpty)
    }
}
