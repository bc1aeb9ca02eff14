import ScorecardCore

/// Accuracy on a benchmark set beside an expert or human baseline (CBRN knowledge and troubleshooting).
///
/// The value is the accuracy itself by default, so thresholds read in the benchmark's own scale;
/// `report: difference` or `ratio` gives the margin over the baseline named by `compare_to`
/// (one of the indicator's `baselines`). The comparison is always written to the trace.
public struct BenchmarkVsBaselineEvaluator: Evaluator {
    public static let summary = "benchmark accuracy against an expert or human baseline"

    /// What the indicator's value is.
    enum Report: String, CaseIterable, Sendable {
        case value, difference, ratio
    }

    static let compareTo = Parameter.text(
        "compare_to", help: "name of the indicator baseline to compare with (when absent, the first)")
    static let report = Parameter.choice(
        "report", default: Report.value, help: "the accuracy itself, value − baseline, or value ÷ baseline")
    static let twoLevelBootstrap = Parameter.boolean(
        "two_level_bootstrap", default: false, help: "per-sample only: resample attempts within problems too")
    public static let parameters = [compareTo.spec, report.spec, twoLevelBootstrap.spec] + SampleOptions.parameters

    let compareTo: String?
    let report: Report
    let twoLevel: Bool
    let options: SampleOptions

    public init(parameters: ParameterValues) throws(ParameterError) {
        compareTo = try parameters[Self.compareTo]
        report = try parameters[Self.report]
        twoLevel = try parameters[Self.twoLevelBootstrap]
        options = try SampleOptions(parameters)
    }

    public func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement {
        let measured = SampleRate.measure(
            target, in: evidence, options: options, metric: target.metrics.first ?? "accuracy", partialCredit: true,
            twoLevel: twoLevel)
            ?? SummaryReading.measure(target, in: evidence) { target.metrics.contains($0) }
        guard let score = measured.score else { return measured }
        guard let baseline = compareTo.map({ name in target.baselines.first { $0.name == name } }) ?? target.baselines.first else {
            if let compareTo { return .missing(reason: "the indicator defines no baseline named '\(compareTo)'") }
            return measured
        }
        let difference = score.value - baseline.value
        let relation = difference == 0 ? "equal to" : (difference > 0 ? "\(Format.short(abs(difference))) above" : "\(Format.short(abs(difference))) below")
        let note = "\(Format.short(score.value, places: 4)) is \(relation) \(baseline.name) (\(Format.number(baseline.value)))"
        switch report {
        case .difference:
            return .measured(rebased(score, note: note, metric: "\(score.metric) − \(baseline.name)") { $0 - baseline.value })
        case .ratio:
            guard baseline.value > 0 else { return .missing(reason: "baseline '\(baseline.name)' is 0; a ratio is undefined") }
            return .measured(rebased(score, note: note, metric: "\(score.metric) ÷ \(baseline.name)") { $0 / baseline.value })
        case .value:
            return .measured(rebased(score, note: note, metric: score.metric) { $0 })
        }
    }

    private func rebased(_ score: IndicatorScore, note: String, metric: String, _ map: (Double) -> Double) -> IndicatorScore {
        IndicatorScore(
            value: map(score.value),
            interval: score.interval.map { .init(low: map($0.low), high: map($0.high), level: $0.level, method: $0.method) },
            n: score.n, k: score.k, metric: metric, basis: score.basis, sources: score.sources,
            record: metric == score.metric ? score.record : nil, notes: score.notes + [note], consistency: score.consistency)
    }
}
