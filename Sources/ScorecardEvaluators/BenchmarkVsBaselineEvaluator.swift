import ScorecardCore

/// Accuracy on a benchmark set beside an expert or human baseline (CBRN knowledge and troubleshooting).
///
/// The value is the accuracy itself by default, so thresholds read in the benchmark's own scale;
/// `report: difference` or `ratio` gives the margin over the baseline named by `compare_to`
/// (one of the indicator's `baselines`). The comparison is always written to the trace.
public struct BenchmarkVsBaselineEvaluator: Evaluator {
    public static let name = "benchmark_vs_baseline"
    public static let version = 1
    public static let summary = "benchmark accuracy against an expert or human baseline"
    public static let parameterHelp: [(name: String, help: String)] = [
        ("compare_to", "name of the indicator baseline to compare with (default: the first)"),
        ("report", "value (default), difference (value − baseline) or ratio (value ÷ baseline)"),
        ("two_level_bootstrap", "per-sample only: resample attempts within problems too (default false)"),
        ("errored", "per-sample only: failure (default) or exclude"),
        ("bootstrap_resamples", "per-sample only: bootstrap resamples (default 10000)"),
        ("seed", "per-sample only: bootstrap seed (default 0)"),
    ]

    let compareTo: String?
    let report: String
    let twoLevel: Bool
    let options: SampleOptions

    public init(parameters: EvaluatorParameters) throws(ParameterError) {
        try parameters.requireOnly(["compare_to", "report", "two_level_bootstrap", "errored", "bootstrap_resamples", "seed"])
        compareTo = try parameters.string("compare_to")
        report = try parameters.choice("report", of: ["value", "difference", "ratio"], default: "value")
        twoLevel = try parameters.bool("two_level_bootstrap", default: false)
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
        case "difference":
            return .measured(rebased(score, note: note, metric: "\(score.metric) − \(baseline.name)") { $0 - baseline.value })
        case "ratio":
            guard baseline.value > 0 else { return .missing(reason: "baseline '\(baseline.name)' is 0; a ratio is undefined") }
            return .measured(rebased(score, note: note, metric: "\(score.metric) ÷ \(baseline.name)") { $0 / baseline.value })
        default:
            return .measured(rebased(score, note: note, metric: score.metric) { $0 })
        }
    }

    private func rebased(_ score: IndicatorScore, note: String, metric: String, _ map: (Double) -> Double) -> IndicatorScore {
        IndicatorScore(
            value: map(score.value),
            interval: score.interval.map { .init(low: map($0.low), high: map($0.high), level: $0.level, method: $0.method) },
            n: score.n, k: score.k, metric: metric, basis: score.basis, sources: score.sources,
            record: metric == score.metric ? score.record : nil, notes: score.notes + [note])
    }
}
