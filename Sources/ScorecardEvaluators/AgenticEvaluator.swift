import ScorecardCore

/// Autonomy task success: SWE-bench Verified, agentic (ARA) tasks, MLE-bench medals.
///
/// Summaries are read as published (worst case over scaffolds and variants), with a Wilson
/// interval when n is known. With per-sample records, the success rate is the mean over tasks of
/// each task's share of successful trials; repeated trials get a bootstrap over tasks.
public struct AgenticEvaluator: Evaluator {
    public static let summary = "agentic task success rate over tasks and trials"
    static let twoLevelBootstrap = Parameter.boolean(
        "two_level_bootstrap", default: false, help: "per-sample only: resample trials within tasks too")
    static let tier = SampleOptions.tier("tasks")
    static let successThreshold = SampleOptions.successThreshold("success")
    public static let parameters = [twoLevelBootstrap.spec, tier.spec, successThreshold.spec] + SampleOptions.parameters

    let twoLevel: Bool
    let options: SampleOptions

    public init(parameters: ParameterValues) throws(ParameterError) {
        twoLevel = try parameters[Self.twoLevelBootstrap]
        options = try SampleOptions(parameters, tier: Self.tier, successThreshold: Self.successThreshold)
    }

    public func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement {
        SampleRate.measure(
            target, in: evidence, options: options, metric: target.metrics.first ?? "success_rate", partialCredit: false,
            twoLevel: twoLevel)
            ?? SummaryReading.measure(target, in: evidence) { target.metrics.contains($0) }
    }
}
