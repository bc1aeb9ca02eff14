import ScorecardCore

/// Options shared by evaluators that compute from per-sample records.
struct SampleOptions: Hashable, Sendable {
    /// What an errored attempt counts as.
    enum ErroredPolicy: String, Hashable, Sendable {
        /// An errored attempt is a failed attempt (the default: errors never raise a success rate).
        case failure
        /// Errored attempts are dropped from the denominator.
        case exclude
    }

    static let keys = ["errored", "success_threshold", "bootstrap_resamples", "seed", "tier"]

    let errored: ErroredPolicy
    /// A score at or above this counts as a success.
    let successThreshold: Double
    let bootstrap: Bootstrap.Settings
    /// When set, only problems whose `tier` metadata equals it.
    let tier: String?

    init(_ parameters: EvaluatorParameters) throws(ParameterError) {
        errored = ErroredPolicy(rawValue: try parameters.choice("errored", of: ["failure", "exclude"], default: "failure")) ?? .failure
        successThreshold = try parameters.number("success_threshold", default: 1) ?? 1
        guard (0...1).contains(successThreshold) else {
            throw ParameterError(key: "success_threshold", message: "must be in [0, 1], found \(Format.number(successThreshold))")
        }
        let resamples = try parameters.integer("bootstrap_resamples", in: 100...1_000_000, default: 10_000) ?? 10_000
        let seed = try parameters.integer("seed", in: 0...Int(Int32.max), default: 0) ?? 0
        bootstrap = Bootstrap.Settings(resamples: resamples, seed: UInt64(seed))
        tier = try parameters.string("tier")
    }

    /// The problems to use, filtered by tier.
    func problems(_ all: [Problem]) -> [Problem] {
        guard let tier else { return all }
        return all.filter { $0.metadata["tier"] == tier }
    }

    /// Attempt outcomes of one problem as 0/1 successes under the errored policy.
    func outcomes(_ problem: Problem) -> [Double] {
        problem.scores.compactMap { score in
            guard let score else { return errored == .failure ? 0 : nil }
            return score >= successThreshold ? 1 : 0
        }
    }

    /// Attempt scores of one problem (partial credit kept) under the errored policy.
    func scores(_ problem: Problem) -> [Double] {
        problem.scores.compactMap { score in score ?? (errored == .failure ? 0 : nil) }
    }

    /// A line for the trace describing the denominators and the policy.
    func denominatorNote(_ problems: [Problem]) -> String {
        let attempts = problems.reduce(0) { $0 + $1.scores.count }
        let erroredCount = problems.reduce(0) { $0 + $1.scores.filter { $0 == nil }.count }
        var note = "\(problems.count) problems, \(attempts) attempts (\(attempts - erroredCount) scored, \(erroredCount) errored"
        note += erroredCount > 0 ? "; errored attempts \(errored == .failure ? "count as failures" : "are excluded"))" : ")"
        if let tier { note += "; tier \(tier)" }
        return note
    }

    /// Sample source locations for the score.
    static func sources(_ evidence: EvidenceSlice, _ evaluation: String) -> [SourceLocation] {
        evidence.sampleSources(evaluation: evaluation)
    }
}
