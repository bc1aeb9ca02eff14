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
                indicator: indicator.id, measurement: measurement, level: nil, decidingValue: nil, warning: nil,
                straddles: [])
            return (result, "\(indicator.id): no evidence (\(reason))")
        }
        let measured = describe(score)
        guard indicator.isDecisive else {
            let result = IndicatorResult(
                indicator: indicator.id, measurement: measurement, level: nil, decidingValue: score.value,
                warning: nil, straddles: [])
            return (result, "\(indicator.id): \(measured); contextual, no thresholds")
        }

        let deciding = decidingValue(score)
        let level = level(for: deciding)
        let straddles = straddledLevels(score)
        let warning = self.warning(deciding, above: level)

        var trace = "\(indicator.id): \(measured)"
        if deciding != score.value {
            trace += "; conservative bound \(Format.short(deciding)) decides"
        }
        trace += " → \(level.id) (\(thresholdSummary(deciding)))"
        if !straddles.isEmpty {
            trace += "; interval straddles the \(straddles.map(\.id).joined(separator: ", ")) threshold"
        }
        if let warning {
            trace += "; approaching \(warning.level.id) (within margin \(Format.number(warning.margin)))"
        }
        let result = IndicatorResult(
            indicator: indicator.id, measurement: measurement, level: level, decidingValue: deciding,
            warning: warning, straddles: straddles)
        return (result, trace)
    }

    var comparison: ThresholdComparison { indicator.comparison }

    /// The highest level whose threshold `value` meets; the floor when none is met.
    func level(for value: Double) -> Level {
        indicator.thresholds.last { comparison.meets(value, $0.value) }?.level ?? scale.floor
    }

    private func decidingValue(_ score: IndicatorScore) -> Double {
        guard policy == .conservativeBound, let interval = score.interval else { return score.value }
        return comparison.ends(of: interval).risky
    }

    private func straddledLevels(_ score: IndicatorScore) -> [Level] {
        guard let interval = score.interval else { return [] }
        let (risky, safe) = comparison.ends(of: interval)
        return indicator.thresholds.filter { comparison.meets(risky, $0.value) && !comparison.meets(safe, $0.value) }
            .map(\.level)
    }

    private func warning(_ value: Double, above level: Level) -> EarlyWarning? {
        let margin = indicator.margin(default: self.margin)
        guard margin > 0, let next = indicator.thresholds.first(where: { $0.level > level }) else { return nil }
        // A little slack so a value exactly at the margin's edge counts despite binary rounding (0.5 − 0.1).
        let slack = 1e-9
        let near = indicator.direction == .higherIsRiskier
            ? value >= next.value - margin - slack : value <= next.value + margin + slack
        guard near else { return nil }
        return EarlyWarning(indicator: indicator.id, level: next.level, value: value, threshold: next.value, margin: margin)
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
        indicator.thresholds.map { threshold in
            let mark = comparison.meets(value, threshold.value) ? "met" : "not met"
            return "\(threshold.level.id) \(comparison.symbol) \(Format.number(threshold.value)) \(mark)"
        }.joined(separator: ", ")
    }
}
