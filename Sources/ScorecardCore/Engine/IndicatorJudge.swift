/// Maps one indicator's measurement to a level through its thresholds.
struct IndicatorJudge {
    let indicator: Indicator
    let policy: UncertaintyPolicy
    let margin: Double
    let scale: LevelScale

    func judge(
        _ measurement: Measurement, stage: String = "", references: ReferenceMeasurements = [:]
    ) -> (result: IndicatorResult, trace: String) {
        guard let score = measurement.score else {
            let reason = if case .missing(let why) = measurement { why } else { "no evidence" }
            let result = IndicatorResult(
                indicator: indicator.id, measurement: measurement, level: nil, decidingValue: nil, riskyValue: nil,
                thresholds: [], unresolved: nil, warning: nil, straddles: [])
            return (result, "\(indicator.id): no evidence (\(reason))")
        }
        let measured = describe(score)
        let risky = score.interval.map { comparison.ends(of: $0).risky } ?? score.value
        guard indicator.isDecisive else {
            let result = IndicatorResult(
                indicator: indicator.id, measurement: measurement, level: nil, decidingValue: score.value,
                riskyValue: risky, thresholds: [], unresolved: nil, warning: nil, straddles: [])
            return (result, "\(indicator.id): \(measured); no thresholds")
        }
        let thresholds: [ResolvedThreshold]
        switch resolve(stage: stage, references: references) {
        case .failure(let reason):
            let result = IndicatorResult(
                indicator: indicator.id, measurement: measurement, level: nil, decidingValue: nil, riskyValue: nil,
                thresholds: [], unresolved: reason.message, warning: nil, straddles: [])
            return (result, "\(indicator.id): \(measured); not assessed: \(reason.message)")
        case .success(let resolved):
            thresholds = resolved
        }

        let deciding = decidingValue(score)
        let level = level(for: deciding, thresholds)
        let straddles = straddledLevels(score, thresholds)
        let warning = self.warning(deciding, above: level, thresholds)

        var trace = "\(indicator.id): \(measured)"
        if deciding != score.value {
            trace += "; conservative bound \(Format.short(deciding)) decides"
        }
        trace += " → \(level.id) (\(thresholdSummary(deciding, thresholds)))"
        if !straddles.isEmpty {
            trace += "; interval straddles the \(straddles.map(\.id).joined(separator: ", ")) threshold"
        }
        if let warning {
            trace += "; approaching \(warning.level.id) (within margin \(Format.number(warning.margin)))"
        }
        let result = IndicatorResult(
            indicator: indicator.id, measurement: measurement, level: level, decidingValue: deciding, riskyValue: risky,
            thresholds: thresholds, unresolved: nil, warning: warning, straddles: straddles)
        return (result, trace)
    }

    private struct Unresolved: Error {
        let message: String
    }

    /// The thresholds as they apply at `stage`: relative ones computed from their reference.
    private func resolve(stage: String, references: ReferenceMeasurements) -> Result<[ResolvedThreshold], Unresolved> {
        var resolved: [ResolvedThreshold] = []
        for threshold in indicator.thresholds {
            switch threshold.bound {
            case .absolute(let value):
                resolved.append(ResolvedThreshold(level: threshold.level, value: value, reference: nil))
            case .relative(let bound):
                let readAt = bound.reference.stage(judging: stage)
                let key = ReferenceKey(indicator: indicator.id, subject: bound.reference.subject, stage: readAt)
                guard let reference = references[key]?.score else {
                    let why = if case .missing(let reason)? = references[key] { reason } else { "not measured" }
                    return .failure(Unresolved(
                        message: "the \(threshold.level.id) threshold is relative to \(bound.reference.subject) at \(readAt), which has no result (\(why))"))
                }
                // Conservative: the reference's end that makes the threshold easier to meet.
                let used = policy == .conservativeBound ? reference.interval.map { comparison.ends(of: $0).safe } ?? reference.value
                    : reference.value
                let value = bound.apply(to: used)
                resolved.append(ResolvedThreshold(
                    level: threshold.level, value: value,
                    reference: ReferenceValue(bound: bound, stage: readAt, measured: reference.value, used: used,
                                              interval: reference.interval)))
            }
        }
        return .success(resolved)
    }

    var comparison: ThresholdComparison { indicator.comparison }

    /// The highest level whose threshold `value` meets; the floor when none is met.
    func level(for value: Double, _ thresholds: [ResolvedThreshold]) -> Level {
        thresholds.last { comparison.meets(value, $0.value) }?.level ?? scale.floor
    }

    private func decidingValue(_ score: IndicatorScore) -> Double {
        guard policy == .conservativeBound, let interval = score.interval else { return score.value }
        return comparison.ends(of: interval).risky
    }

    private func straddledLevels(_ score: IndicatorScore, _ thresholds: [ResolvedThreshold]) -> [Level] {
        guard let interval = score.interval else { return [] }
        let (risky, safe) = comparison.ends(of: interval)
        return thresholds.filter { comparison.meets(risky, $0.value) && !comparison.meets(safe, $0.value) }
            .map(\.level)
    }

    private func warning(_ value: Double, above level: Level, _ thresholds: [ResolvedThreshold]) -> EarlyWarning? {
        let margin = indicator.margin(default: self.margin)
        guard margin > 0, let next = thresholds.first(where: { $0.level > level }),
              EarlyWarning.isNear(value, to: next.value, margin: margin, direction: indicator.direction) else { return nil }
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
        if let consistency = score.consistency { text += " [\(consistency.rawValue): \(consistency.phrase)]" }
        return text
    }

    private func thresholdSummary(_ value: Double, _ thresholds: [ResolvedThreshold]) -> String {
        thresholds.map { threshold in
            let mark = comparison.meets(value, threshold.value) ? "met" : "not met"
            var text = "\(threshold.level.id) \(comparison.symbol) \(Format.number(threshold.value))"
            if let reference = threshold.reference {
                text += " (\(reference.bound.formula("\(reference.bound.reference.subject) \(Format.short(reference.used, places: 4))")))"
            }
            return text + " \(mark)"
        }.joined(separator: ", ")
    }
}
