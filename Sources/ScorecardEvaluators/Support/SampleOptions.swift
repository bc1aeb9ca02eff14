import ScorecardCore

/// Options shared by evaluators that compute from per-sample records.
struct SampleOptions: Hashable, Sendable {
    static let keys = ["errored", "success_threshold", "bootstrap_resamples", "seed", "tier"]

    /// What an errored attempt counts as (a failure unless `errored: exclude`).
    let errored: SampleStatistics.ErroredPolicy
    /// A score at or above this counts as a success.
    let successThreshold: Double
    let bootstrap: Bootstrap.Settings
    /// When set, only problems whose `tier` metadata equals it.
    let tier: String?

    init(_ parameters: EvaluatorParameters) throws(ParameterError) {
        let policy = try parameters.choice("errored", of: SampleStatistics.ErroredPolicy.allCases.map(\.rawValue), default: "failure")
        errored = SampleStatistics.ErroredPolicy(rawValue: policy) ?? .failure
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

    /// A problem's attempts for `SampleStatistics`: successes as 0/1, or scores kept as partial credit.
    func attempts(_ problem: Problem, partialCredit: Bool) -> [SampleStatistics.Attempt] {
        problem.scores.map { score in
            guard let score else { return .errored }
            return .scored(partialCredit ? score : (score >= successThreshold ? 1 : 0), answer: .missing)
        }
    }

    /// Summarises problems with the shared per-sample statistics (as `import` does).
    func summarize(_ problems: [Problem], k: Int, partialCredit: Bool) -> SampleStatistics.Summary {
        SampleStatistics.summarize(
            problems.map { attempts($0, partialCredit: partialCredit) }, k: k, errored: errored, bootstrap: bootstrap)
    }

    /// A line for the trace describing the denominators and the policy.
    func denominatorNote(_ summary: SampleStatistics.Summary) -> String {
        var note = "\(summary.problems) problems, \(summary.attempts) attempts (\(summary.scored) scored, \(summary.errored) errored"
        note += summary.errored > 0 ? "; \(errored.phrase))" : ")"
        if let tier { note += "; tier \(tier)" }
        return note
    }

    /// Sample source locations for the score.
    static func sources(_ evidence: EvidenceSlice, _ evaluation: String) -> [SourceLocation] {
        evidence.sampleSources(evaluation: evaluation)
    }
}
