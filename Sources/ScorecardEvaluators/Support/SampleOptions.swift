import ScorecardCore

/// Options shared by evaluators that compute from per-sample records.
struct SampleOptions: Hashable, Sendable {
    static let errored = Parameter.choice(
        "errored", default: SampleStatistics.ErroredPolicy.failure, help: "per-sample only: what an errored attempt counts as")
    static let bootstrapResamples = Parameter.wholeNumber(
        "bootstrap_resamples", in: 100...1_000_000, default: 10_000, help: "per-sample only: bootstrap resamples")
    static let seed = Parameter.wholeNumber("seed", in: 0...Int(Int32.max), default: 0, help: "per-sample only: bootstrap seed")
    /// The parameters every per-sample evaluator takes.
    static let parameters = [errored.spec, bootstrapResamples.spec, seed.spec]

    /// `tier`, for evaluators that filter problems by tier; `what` names the problems.
    static func tier(_ what: String) -> Parameter<String?> {
        .text("tier", help: "per-sample only: keep \(what) whose metadata tier equals this")
    }

    /// `success_threshold`, for evaluators that count successes; `what` says what a success is.
    static func successThreshold(_ what: String) -> Parameter<Double> {
        .number("success_threshold", in: 0...1, default: 1, help: "per-sample only: score that counts as \(what)")
    }

    /// What an errored attempt counts as (a failure unless `errored: exclude`).
    let errored: SampleStatistics.ErroredPolicy
    /// A score at or above this counts as a success.
    let successThreshold: Double
    let bootstrap: Bootstrap.Settings
    /// When set, only problems whose `tier` metadata equals it.
    let tier: String?

    /// Reads the shared parameters, and `tier` and `successThreshold` when the evaluator takes them.
    init(
        _ values: ParameterValues, tier: Parameter<String?>? = nil, successThreshold: Parameter<Double>? = nil
    ) throws(ParameterError) {
        errored = try values[Self.errored]
        self.successThreshold = try successThreshold.map { handle throws(ParameterError) in try values[handle] } ?? 1
        bootstrap = Bootstrap.Settings(resamples: try values[Self.bootstrapResamples], seed: UInt64(clamping: try values[Self.seed]))
        self.tier = try tier.map { handle throws(ParameterError) in try values[handle] } ?? nil
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

    /// Why a summary gives no estimate: nothing was scored, or every usable attempt was excluded.
    func nothingMeasured(_ summary: SampleStatistics.Summary, _ evaluation: String) -> String {
        summary.scored == 0
            ? "no attempt at '\(evaluation)' was scored (\(summary.errored) errored, \(summary.unscored) unscored): a run that scored nothing is no evidence"
            : "every attempt at '\(evaluation)' errored and errored attempts are excluded"
    }

    /// Sample source locations for the score.
    static func sources(_ evidence: EvidenceSlice, _ evaluation: String) -> [SourceLocation] {
        evidence.sampleSources(evaluation: evaluation)
    }
}
