import ScorecardCore

/// Autonomy task success: SWE-bench Verified, agentic (ARA) tasks, MLE-bench medals.
///
/// Summaries are read as published (worst case over scaffolds and variants), with a Wilson
/// interval when n is known. With per-sample records, the success rate is the mean over tasks of
/// each task's share of successful trials; repeated trials get a bootstrap over tasks.
public struct AgenticEvaluator: Evaluator {
    public static let name = "agentic"
    public static let version = 1
    public static let summary = "agentic task success rate over tasks and trials"
    public static let parameterHelp: [(name: String, help: String)] = [
        ("two_level_bootstrap", "per-sample only: resample trials within tasks too (default false)"),
        ("tier", "per-sample only: keep tasks whose metadata tier equals this"),
        ("errored", "per-sample only: failure (default) or exclude"),
        ("success_threshold", "per-sample only: score that counts as success (default 1)"),
        ("bootstrap_resamples", "per-sample only: bootstrap resamples (default 10000)"),
        ("seed", "per-sample only: bootstrap seed (default 0)"),
    ]

    let twoLevel: Bool
    let options: SampleOptions

    public init(parameters: EvaluatorParameters) throws(ParameterError) {
        try parameters.requireOnly(["two_level_bootstrap"] + SampleOptions.keys)
        twoLevel = try parameters.bool("two_level_bootstrap", default: false)
        options = try SampleOptions(parameters)
    }

    public func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement {
        SampleRate.measure(
            target, in: evidence, options: options, metric: target.metrics.first ?? "success_rate", partialCredit: false,
            twoLevel: twoLevel)
            ?? SummaryReading.measure(target, in: evidence) { target.metrics.contains($0) }
    }
}
