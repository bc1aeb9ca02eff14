import ScorecardCore

/// Reads any evaluation's metric as published: the long tail of indicators.
///
/// Takes the worst case when several results (variants) match. With per-sample records and no
/// summary, the metrics `accuracy` and `mean` are computed as the mean score over problems.
public struct MetricEvaluator: Evaluator {
    public static let summary = "reads one metric of one evaluation as published (worst case over variants)"
    public static let parameters = SampleOptions.parameters

    let options: SampleOptions

    public init(parameters: ParameterValues) throws(ParameterError) {
        options = try SampleOptions(parameters)
    }

    public func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement {
        let summary = SummaryReading.measure(target, in: evidence) { target.metrics.contains($0) }
        if case .missing = summary,
           let metric = target.metrics.first(where: { $0 == "accuracy" || $0 == "mean" }),
           let computed = SampleRate.measure(target, in: evidence, options: options, metric: metric, partialCredit: true) {
            return computed
        }
        return summary
    }
}
