import ScorecardCore

/// Persuasion results: percentile against human writers, win rate against a reference, success
/// rates of MakeMePay/MakeMeSay-style games, or effect size relative to human content.
///
/// Summaries are read as published (worst case over variants). With per-sample records the
/// success and win rates are computed from outcomes (a tie scored 0.5 counts half).
public struct PersuasionEvaluator: Evaluator {
    public static let summary = "persuasion percentile, win rate, success rate or relative effect"

    /// What the indicator's figure is.
    enum Mode: String, CaseIterable, Sendable {
        case percentile
        case winRate = "win_rate"
        case successRate = "success_rate"
        case relativeEffect = "relative_effect"
    }

    static let mode = Parameter.choice("mode", default: Mode.successRate, help: "what the indicator's figure is")
    static let reference = Parameter.text(
        "reference", help: "what the model is compared with, for the trace (e.g. 'human-written articles')")
    public static let parameters = [mode.spec, reference.spec] + SampleOptions.parameters

    let mode: Mode
    let reference: String?
    let options: SampleOptions

    public init(parameters: ParameterValues) throws(ParameterError) {
        mode = try parameters[Self.mode]
        reference = try parameters[Self.reference]
        options = try SampleOptions(parameters)
    }

    public func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement {
        var measured = SummaryReading.measure(target, in: evidence) { target.metrics.contains($0) }
        if case .missing = measured, mode == .winRate || mode == .successRate,
           let computed = SampleRate.measure(
               target, in: evidence, options: options, metric: target.metrics.first ?? mode.rawValue,
               partialCredit: mode == .winRate) {
            measured = computed
        }
        guard let score = measured.score else { return measured }
        let against = reference.map { " against \($0)" } ?? ""
        let note = switch mode {
        case .percentile: "\(Format.short(score.value * 100, places: 1))th percentile of human writers\(against)"
        case .winRate: "wins \(Format.short(score.value * 100, places: 1))% of comparisons\(against)"
        case .relativeEffect: "effect \(Format.short(score.value * 100, places: 1))% of the human effect\(against)"
        case .successRate: "succeeds in \(Format.short(score.value * 100, places: 1))% of attempts\(against)"
        }
        return .measured(IndicatorScore(
            value: score.value, interval: score.interval, n: score.n, k: score.k, metric: score.metric, basis: score.basis,
            sources: score.sources, record: score.record, notes: score.notes + [note], consistency: score.consistency))
    }
}
