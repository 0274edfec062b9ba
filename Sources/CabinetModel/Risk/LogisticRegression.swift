import Foundation

/// Logistic regression by Newton's method (iteratively reweighted least squares) on
/// standardized features, with an L2 penalty (`ridge`) on the standardized weights, not the
/// intercept: its default whisker only keeps separable data converging. Written
/// here rather than imported: five features and a bias need a 6×6 solve per iteration, and a
/// million samples take one pass each.
public struct LogisticRegression: Sendable {
    /// The fitted model on the original feature scale, and the features' mean and spread.
    public struct Fit: Hashable, Sendable {
        public var model: RiskModel
        public var means: [Double]
        public var deviations: [Double]
        public var iterations: Int
        public var converged: Bool
    }

    /// Row-major samples: `features[i * dimension + j]` is feature `j` of sample `i`.
    public var features: [Double]
    public var labels: [Bool]
    public var dimension: Int
    /// The L2 strength λ: the fit maximizes log-likelihood − λ/2 · Σ β², β the standardized weights.
    public var ridge = 1e-6
    public var maximumIterations = 50

    public init(features: [Double], labels: [Bool], dimension: Int, ridge: Double = 1e-6) {
        self.features = features; self.labels = labels; self.dimension = dimension; self.ridge = ridge
    }

    public func fit() -> Fit {
        let n = labels.count, d = dimension, p = d + 1
        var means = Array(repeating: 0.0, count: d), deviations = Array(repeating: 0.0, count: d)
        features.withUnsafeBufferPointer { x in
            for i in 0..<n { for j in 0..<d { means[j] += x[i * d + j] } }
            for j in 0..<d { means[j] /= Double(max(n, 1)) }
            for i in 0..<n { for j in 0..<d { let delta = x[i * d + j] - means[j]; deviations[j] += delta * delta } }
        }
        // A constant feature carries no information: its weight stays 0.
        let scale = deviations.map { $0 > 0 ? 1 / ($0 / Double(max(n, 1))).squareRoot() : 0 }
        for j in 0..<d { deviations[j] = scale[j] > 0 ? 1 / scale[j] : 0 }

        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        let base = (Double(positives) + 0.5) / (Double(n) + 1)
        var beta = Array(repeating: 0.0, count: p)
        beta[0] = log(base / (1 - base))
        var previous = logLikelihood(beta, means: means, scale: scale)
        var iterations = 0, converged = false
        while iterations < maximumIterations, !converged {
            iterations += 1
            let (gradient, hessian) = derivatives(beta, means: means, scale: scale)
            guard let step = Self.solve(hessian, gradient, size: p) else { break }
            var factor = 1.0
            var candidate = beta
            // Halve the step while it lowers the likelihood (rare with logistic losses).
            for _ in 0..<30 {
                candidate = zip(beta, step).map { $0 + factor * $1 }
                let likelihood = logLikelihood(candidate, means: means, scale: scale)
                if likelihood >= previous - 1e-12 * abs(previous) { previous = likelihood; break }
                factor /= 2
            }
            converged = zip(candidate, beta).allSatisfy { abs($0 - $1) < 1e-9 * max(1, abs($0)) }
            beta = candidate
        }
        var weights = Array(repeating: 0.0, count: d)
        var intercept = beta[0]
        for j in 0..<d {
            weights[j] = beta[j + 1] * scale[j]
            intercept -= weights[j] * means[j]
        }
        return Fit(model: RiskModel(intercept: intercept, weights: weights), means: means, deviations: deviations,
                   iterations: iterations, converged: converged)
    }

    /// The penalized log-likelihood of standardized coefficients `beta`.
    private func logLikelihood(_ beta: [Double], means: [Double], scale: [Double]) -> Double {
        let n = labels.count, d = dimension
        var total = 0.0
        features.withUnsafeBufferPointer { x in
            for i in 0..<n {
                var eta = beta[0]
                for j in 0..<d { eta += beta[j + 1] * (x[i * d + j] - means[j]) * scale[j] }
                // log σ(η) for a positive, log(1 − σ(η)) for a negative, without overflow.
                let signed = labels[i] ? eta : -eta
                total -= signed > 0 ? log1p(exp(-signed)) : -signed + log1p(exp(signed))
            }
        }
        return total - 0.5 * ridge * beta.dropFirst().reduce(0) { $0 + $1 * $1 }
    }

    /// The gradient and Hessian (negated, so positive definite) of the penalized log-likelihood.
    private func derivatives(_ beta: [Double], means: [Double], scale: [Double]) -> ([Double], [Double]) {
        let n = labels.count, d = dimension, p = d + 1
        var gradient = Array(repeating: 0.0, count: p)
        var hessian = Array(repeating: 0.0, count: p * p)
        var row = Array(repeating: 1.0, count: p)
        features.withUnsafeBufferPointer { x in
            for i in 0..<n {
                var eta = beta[0]
                for j in 0..<d {
                    row[j + 1] = (x[i * d + j] - means[j]) * scale[j]
                    eta += beta[j + 1] * row[j + 1]
                }
                let probability = sigmoid(eta)
                let residual = (labels[i] ? 1 : 0) - probability
                let weight = probability * (1 - probability)
                for a in 0..<p {
                    gradient[a] += residual * row[a]
                    let wa = weight * row[a]
                    for b in a..<p { hessian[a * p + b] += wa * row[b] }
                }
            }
        }
        for a in 0..<p { for b in 0..<a { hessian[a * p + b] = hessian[b * p + a] } }
        for a in 1..<p {
            gradient[a] -= ridge * beta[a]
            hessian[a * p + a] += ridge
        }
        return (gradient, hessian)
    }

    /// Solves `matrix · x = vector` for a symmetric positive definite matrix by Cholesky; `nil`
    /// when it is not positive definite.
    static func solve(_ matrix: [Double], _ vector: [Double], size p: Int) -> [Double]? {
        var lower = Array(repeating: 0.0, count: p * p)
        for i in 0..<p {
            for j in 0...i {
                var sum = matrix[i * p + j]
                for k in 0..<j { sum -= lower[i * p + k] * lower[j * p + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    lower[i * p + i] = sum.squareRoot()
                } else {
                    lower[i * p + j] = sum / lower[j * p + j]
                }
            }
        }
        var y = Array(repeating: 0.0, count: p)
        for i in 0..<p {
            var sum = vector[i]
            for k in 0..<i { sum -= lower[i * p + k] * y[k] }
            y[i] = sum / lower[i * p + i]
        }
        var x = Array(repeating: 0.0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<p { sum -= lower[k * p + i] * x[k] }
            x[i] = sum / lower[i * p + i]
        }
        return x
    }
}
