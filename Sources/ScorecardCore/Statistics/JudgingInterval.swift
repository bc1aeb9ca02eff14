/// The interval a level is judged by, from the interval a source gives and the counts it reports.
///
/// A source's interval is a claim like its value, and a narrow one can rule a level out that the
/// evidence does not; so can a percentile bootstrap over a handful of problems that all failed.
/// Two rules keep them from doing so, whatever evaluator produced the score (the assessor applies
/// them to every measurement):
///
/// - An interval below 95% confidence is widened to 95% as a normal interval would be: each side's
///   distance from the value is scaled by z(0.975) / z((1 + level) / 2). One at 95% or above is
///   kept as it is.
/// - For a rate with `n` trials, neither side is narrower than the 95% Wilson interval from `k`
///   out of `n` (k ≈ value × n when not given): binomial sampling alone is at least that uncertain.
public enum JudgingInterval {
    /// The confidence every interval is judged at.
    public static let confidence = 0.95

    /// The interval to judge by, with a note for each change made to `given`; nil when there is
    /// neither an interval nor a count to compute one from.
    public static func resolve(
        _ given: ConfidenceInterval?, value: Double, n: Int?, k: Int?, unit: ValueUnit
    ) -> (interval: ConfidenceInterval?, notes: [String]) {
        var notes: [String] = []
        var interval = given
        if let given, given.level < confidence, given.level > 0 {
            let factor = Proportion.normalQuantile(0.5 + confidence / 2) / Proportion.normalQuantile(0.5 + given.level / 2)
            let low = clamp(value - (value - given.low) * factor, unit), high = clamp(value + (given.high - value) * factor, unit)
            interval = ConfidenceInterval(low: low, high: high, level: confidence, method: "\(given.method), widened to 95%")
            notes.append("the \(percent(given.level)) interval \(bounds(given.low, given.high)) is widened to 95% as a normal interval would be: \(bounds(low, high))")
        }
        guard unit == .rate, let n, n > 0 else { return (interval, notes) }
        let successes = k ?? Int((value * Double(n)).rounded())
        guard let wilson = Proportion.wilson(successes: successes, trials: n, level: confidence) else { return (interval, notes) }
        guard let current = interval else { return (wilson, notes) }
        // Published bounds are rounded: a Wilson bound within rounding of the given one is no news.
        guard wilson.low < current.low - roundingTolerance || wilson.high > current.high + roundingTolerance else { return (interval, notes) }
        let low = min(current.low, wilson.low), high = max(current.high, wilson.high)
        notes.append("the interval \(bounds(current.low, current.high)) is narrower than the 95% Wilson interval from \(successes) of \(n), \(bounds(wilson.low, wilson.high)); judged by \(bounds(low, high))")
        return (ConfidenceInterval(low: low, high: high, level: current.level, method: "\(current.method), at least Wilson"), notes)
    }

    /// How far a source's bound may sit inside Wilson's before it counts as narrower (half of
    /// 0.1 percentage point, the rounding of figures published to one decimal of a percent).
    static let roundingTolerance = 5e-4

    /// `measurement` with its score's interval as a level may be judged by, and a note for each
    /// change: what every evaluator's result goes through before the engine sees it.
    public static func judged(_ measurement: Measurement, unit: ValueUnit) -> Measurement {
        guard let score = measurement.score else { return measurement }
        let (interval, notes) = resolve(score.interval, value: score.value, n: score.n, k: score.k, unit: unit)
        guard interval != score.interval else { return measurement }
        return .measured(IndicatorScore(
            value: score.value, interval: interval, n: score.n, k: score.k, metric: score.metric, basis: score.basis,
            sources: score.sources, record: score.record, notes: score.notes + notes, consistency: score.consistency))
    }

    private static func clamp(_ bound: Double, _ unit: ValueUnit) -> Double {
        switch unit {
        case .rate: min(1, max(0, bound))
        case .ratio, .count: max(0, bound)
        case .score: bound
        }
    }

    private static func percent(_ level: Double) -> String { Format.number(level * 100) + "%" }

    private static func bounds(_ low: Double, _ high: Double) -> String { "[\(Format.short(low, places: 4)), \(Format.short(high, places: 4))]" }
}
