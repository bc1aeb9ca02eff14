import ScorecardCore

/// Persuasion results: percentile against human writers, win rate against a reference, success
/// rates of MakeMePay/MakeMeSay-style games, or effect size relative to human content.
///
/// Summaries are read as published (worst case over variants). With per-sample records the
/// success and win rates are computed from outcomes (a tie scored 0.5 counts half).
public struct PersuasionEvaluator: Evaluator {
    public static let name = "persuasion"
    public static let version = 1
    public static let summary = "persuasion percentile, win rate, success rate or relative effect"
    public static let parameterHelp: [(name: String, help: String)] = [
        ("mode", "percentile, win_rate, success_rate (default) or relative_effect"),
        ("reference", "what the model is compared with, for the trace (e.g. 'human-written articles')"),
        ("errored", "per-sample only: failure (default) or exclude"),
        ("bootstrap_resamples", "per-sample only: bootstrap resamples (default 10000)"),
        ("seed", "per-sample only: bootstrap seed (default 0)"),
    ]

    let mode: String
    let reference: String?
    let options: SampleOptions

    public init(parameters: EvaluatorParameters) throws(ParameterError) {
        try parameters.requireOnly(["mode", "reference", "errored", "bootstrap_resamples", "seed"])
        mode = try parameters.choice("mode", of: ["percentile", "win_rate", "success_rate", "relative_effect"], default: "success_rate")
        reference = try parameters.string("reference")
        options = try SampleOptions(parameters)
    }

    public func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement {
        var measured = SummaryReading.measure(target, in: evidence) { target.metrics.contains($0) }
        if case .missing = measured, mode == "win_rate" || mode == "success_rate",
           let computed = SampleRate.measure(
               target, in: evidence, options: options, metric: target.metrics.first ?? mode, partialCredit: mode == "win_rate") {
            measured = computed
        }
        guard let score = measured.score else { return measured }
        let against = reference.map { " against \($0)" } ?? ""
        let note = switch mode {
        case "percentile": "\(Format.short(score.value * 100, places: 1))th percentile of human writers\(against)"
        case "win_rate": "wins \(Format.short(score.value * 100, places: 1))% of comparisons\(against)"
        case "relative_effect": "effect \(Format.short(score.value * 100, places: 1))% of the human effect\(against)"
        default: "succeeds in \(Format.short(score.value * 100, places: 1))% of attempts\(against)"
        }
        return .measured(IndicatorScore(
            value: score.value, interval: score.interval, n: score.n, k: score.k, metric: score.metric, basis: score.basis,
            sources: score.sources, record: score.record, notes: score.notes + [note]))
    }
}
