/// Maps one indicator's measurement to a level through its thresholds.
struct IndicatorJudge {
    let indicator: Indicator
    let policy: UncertaintyPolicy
    let margin: Double
    let scale: LevelScale

    func judge(_ measurement: Measurement) -> (result: IndicatorResult, trace: String) {
        guard let score = measurement.score else {
            let reason = if case .missing(let why) = measurement { why } else { "no evidence" }
            let result = IndicatorResult(
                indicator: indicator.id, measurement: measurement, level: nil, decidingValue: nil, approaching: nil,
                straddles: [])
            return (result, "\(indicator.id): no evidence (\(reason))")
        }
        let measured = describe(score)
        guard indicator.isDecisive else {
            let result = IndicatorResult(
                indicator: indicator.id, measurement: measurement, level: nil, decidingValue: score.value,
                approaching: nil, straddles: [])
            return (result, "\(indicator.id): \(measured); contextual, no thresholds")
        }

        let deciding = decidingValue(score)
        let level = level(for: deciding)
        let straddles = straddledLevels(score)
        let approaching = approachingLevel(deciding, above: level)

        var trace = "\(indicator.id): \(measured)"
        if deciding != score.value {
            trace += "; conservative bound \(Format.short(deciding)) decides"
        }
        trace += " → \(level.id) (\(thresholdSummary(deciding)))"
        if !straddles.isEmpty {
            trace += "; interval straddles the \(straddles.map(\.id).joined(separator: ", ")) threshold"
        }
        if let approaching {
            trace += "; approaching \(approaching.id) (within margin \(Format.number(effectiveMargin)))"
        }
        let result = IndicatorResult(
            indicator: indicator.id, measurement: measurement, level: level, decidingValue: deciding,
            approaching: approaching, straddles: straddles)
        return (result, trace)
    }

    var effectiveMargin: Double { indicator.earlyWarningMargin ?? margin }

    /// Whether `value` reaches `threshold` in the indicator's direction.
    func meets(_ value: Double, _ threshold: Double) -> Bool {
        switch (indicator.direction, indicator.inclusive) {
        case (.higherIsRiskier, true): value >= threshold
        case (.higherIsRiskier, false): value > threshold
        case (.lowerIsRiskier, true): value <= threshold
        case (.lowerIsRiskier, false): value < threshold
        }
    }

    /// The highest level whose threshold `value` meets; the floor when none is met.
    func level(for value: Double) -> Level {
        indicator.thresholds.last { meets(value, $0.value) }?.level ?? scale.floor
    }

    private func decidingValue(_ score: IndicatorScore) -> Double {
        guard policy == .conservativeBound, let interval = score.interval else { return score.value }
        return indicator.direction == .higherIsRiskier ? interval.high : interval.low
    }

    private func straddledLevels(_ score: IndicatorScore) -> [Level] {
        guard let interval = score.interval else { return [] }
        let (risky, safe) = indicator.direction == .higherIsRiskier
            ? (interval.high, interval.low) : (interval.low, interval.high)
        return indicator.thresholds.filter { meets(risky, $0.value) && !meets(safe, $0.value) }.map(\.level)
    }

    private func approachingLevel(_ value: Double, above level: Level) -> Level? {
        guard effectiveMargin > 0, let next = indicator.thresholds.first(where: { $0.level > level }) else { return nil }
        // A little slack so a value exactly at the margin's edge counts despite binary rounding (0.5 − 0.1).
        let slack = 1e-9
        let near = indicator.direction == .higherIsRiskier
            ? value >= next.value - effectiveMargin - slack : value <= next.value + effectiveMargin + slack
        return near ? next.level : nil
    }

    private func describe(_ score: IndicatorScore) -> String {
        var text = "\(score.metric) = \(Format.short(score.value, places: 4))"
        if let interval = score.interval {
            text += " [\(Format.short(interval.low)), \(Format.short(interval.high))]"
        }
        var counts: [String] = []
        if let k = score.k, let n = score.n { counts.append("\(k)/\(n)") } else if let n = score.n { counts.append("n=\(n)") }
        if let first = score.sources.first {
            counts.append(score.sources.count > 1 ? "\(first) and \(score.sources.count - 1) more" : first.description)
        }
        if !counts.isEmpty { text += " (\(counts.joined(separator: ", ")))" }
        return text
    }

    private func thresholdSummary(_ value: Double) -> String {
        let op = switch (indicator.direction, indicator.inclusive) {
        case (.higherIsRiskier, true): "≥"
        case (.higherIsRiskier, false): ">"
        case (.lowerIsRiskier, true): "≤"
        case (.lowerIsRiskier, false): "<"
        }
        return indicator.thresholds.map { threshold in
            let mark = meets(value, threshold.value) ? "met" : "not met"
            return "\(threshold.level.id) \(op) \(Format.number(threshold.value)) \(mark)"
        }.joined(separator: ", ")
    }
}
