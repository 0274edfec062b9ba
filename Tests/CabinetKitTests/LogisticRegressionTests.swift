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

    @Test func onSeparableDataL2KeepsTheWeightFiniteAndStrongerL2ShrinksIt() {
        // 100 changes, files value −1 (no incident) or +1 (incident): separable, so the
        // unpenalized weight grows without bound. The values are already standardized (mean 0,
        // spread 1) and the intercept stays 0 by symmetry, so the penalized optimum solves
        // Σ (y − σ(w·z))·z = λ·w, that is 100·(1 − σ(w)) = λ·w: w = 1.63351 for λ = 10 and
        // w = 3.35928 for λ = 1.
        var samples = RiskSamples()
        for index in 0..<100 { samples.append([index % 2 == 0 ? 1 : -1, 0, 0, 0, 0], incident: index % 2 == 0) }
        let strong = samples.fit(ridge: 10), weak = samples.fit(ridge: 1), whisker = samples.fit(ridge: 1e-6)
        #expect(strong.converged && weak.converged)
        #expect(abs(strong.model.weights[0] - 1.63351) < 1e-4, "\(strong.model.weights[0])")
        #expect(abs(weak.model.weights[0] - 3.35928) < 1e-4, "\(weak.model.weights[0])")
        #expect(abs(strong.model.intercept) < 1e-9)
        #expect(whisker.model.weights[0] > 2 * weak.model.weights[0])
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
        #expect(throws: CabinetError.refused("cannot calibrate: 0 incidents among 100 deployed changes; 6 weights need at least 60 (10 per weight): 60 more incidents needed")) {
            try Calibrator.calibrate(samples, id: "t", at: time("2026-11-27T08:00:00Z"), since: nil, until: time("2026-11-20T08:00:00Z"))
        }
    }

    @Test func aHistoryWithTooFewIncidentsForSixWeightsSaysHowManyMoreAreNeeded() {
        // The issue's history: 155 deployed changes, 25 incidents. The intercept and five weights
        // need 6 × 10 = 60 incidents: 35 more.
        var samples = RiskSamples()
        for index in 0..<155 { samples.append([Double(index % 7), 1, 0.02, Double(index % 2), 0], incident: index < 25) }
        #expect(throws: CabinetError.refused("cannot calibrate: 25 incidents among 155 deployed changes; 6 weights need at least 60 (10 per weight): 35 more incidents needed")) {
            try Calibrator.calibrate(samples, id: "t", at: time("2026-11-27T08:00:00Z"), since: nil, until: time("2026-11-20T08:00:00Z"))
        }
    }

    @Test func aFitThatDoesWorseThanTheDefaultOnTheNewestChangesIsNotStored() throws {
        // 1,000 changes, every fifth a migration. In the oldest 700 every migration (140) had an
        // incident and nothing else did; in the newest 300 no migration (60) did, but 10 other
        // changes did. The fit learns "migration means incident" and is wrong about the newest.
        // The default on those 300 (one service: +0.35; a migration: +0.7): σ(−4.6 + 0.35 + 0.7)
        // = 0.027923 for a migration, σ(−4.25) = 0.014064 otherwise:
        // (60 × 0.027923² + 230 × 0.014064² + 10 × (1 − 0.014064)²) / 300 = 0.0327.
        var samples = RiskSamples()
        for index in 0..<1000 {
            let migration = index % 5 == 0
            let incident = index < 700 ? migration : (!migration && index % 30 == 1)
            samples.append([0, 1, 0, migration ? 1 : 0, 0], incident: incident)
        }
        #expect(samples.slice(700..<1000).incidents == 10)
        do {
            _ = try Calibrator.calibrate(samples, id: "t", at: time("2026-11-27T08:00:00Z"), since: nil, until: time("2026-11-20T08:00:00Z"))
            Issue.record("a calibration worse than the default was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("cannot store the calibration: on the 300 newest deployed changes (10 with an incident) its Brier score 0."))
            #expect(message.hasSuffix(" is not better than the default weights' 0.0327; the weights stay as they are"))
        }
    }

    @Test func theScoresShownAreTheHeldOutOnesAndTheStoredFitUsesAllTheHistory() throws {
        let truth = RiskModel(intercept: -3, weights: [0.3, 0.4, 5, 0.9, 0.7])
        let samples = SyntheticRisk.samples(count: 5000, truth: truth, seed: 11)
        let report = try Calibrator.calibrate(samples, id: "t", at: time("2026-11-27T08:00:00Z"), since: nil, until: time("2026-11-20T08:00:00Z"))
        // The newest 30% of 5,000 are held out: 1,500.
        let newest = samples.slice(3500..<5000)
        #expect(report.heldOutChanges == 1500 && report.heldOutIncidents == newest.incidents)
        #expect(report.reliability.map(\.changes).reduce(0, +) == 1500 && report.defaultReliability.map(\.changes).reduce(0, +) == 1500)
        // The Brier scores are those of the fit on the oldest 3,500 (and of the default) on the newest 1,500.
        let judged = samples.slice(0..<3500).fit(ridge: report.strength).model
        #expect(report.calibration.brier == RiskSamples.brier(newest.predictions(of: judged), newest.labels))
        #expect(report.calibration.defaultBrier == RiskSamples.brier(newest.predictions(of: .uncalibrated), newest.labels))
        #expect(report.calibration.brier < report.calibration.defaultBrier)
        #expect(Calibrator.strengths.contains(report.strength))
        // The stored model is the same strength fitted on all 5,000.
        #expect(report.calibration.changes == 5000 && report.calibration.model == samples.fit(ridge: report.strength).model)
    }

    @Test func theNewestShareIsHeldOutInOrder() {
        var samples = RiskSamples()
        for index in 0..<10 { samples.append([Double(index), 0, 0, 0, 0], incident: index == 9) }
        let (older, newer) = samples.split(holdingOut: 0.3)
        #expect(older.count == 7 && newer.count == 3)
        #expect(newer.values(at: 0).first == 7 && newer.labels == [false, false, true])
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
