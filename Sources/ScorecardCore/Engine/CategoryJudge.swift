/// Combines a category's indicator results into its level at one stage, then applies a determination.
///
/// Three steps: the level the evidence shows *reached* (thresholds and `combine`); the levels above
/// it that the evidence *rules out* (the framework's rule-out sets, see ``RuleOutJudge``); and a
/// determination, which replaces the level the evidence indicates and is compared with it.
struct CategoryJudge {
    let category: Category
    let framework: Framework

    func judge(
        stage: String, measurements: [String: Measurement], references: ReferenceMeasurements = [:],
        determination: Determination?
    ) -> CategoryStageResult {
        var trace: [String] = []
        var results: [IndicatorResult] = []
        for indicator in category.indicators {
            let judge = IndicatorJudge(
                indicator: indicator, policy: framework.uncertainty, margin: framework.earlyWarningMargin,
                scale: framework.scale)
            let measurement = measurements[indicator.id] ?? .missing(reason: "not measured")
            let (result, line) = judge.judge(measurement, stage: stage, references: references)
            results.append(result)
            trace.append(line)
        }

        let (reached, approaching, reason) = combine(results, trace: &trace)
        let ruleOut = RuleOutJudge(category: category, framework: framework)
        let checks = reached == nil ? [] : ruleOut.checks(results)
        let notRuledOut = reached.map { ruleOut.notRuledOut(above: $0, checks: checks, trace: &trace) } ?? []
        let indicated = notRuledOut.last ?? reached
        var level = indicated
        var status: AssessmentStatus = reached == nil ? .notAssessed : (notRuledOut.isEmpty ? .assessed : .notRuledOut)
        var lowered = false
        if let determination {
            level = determination.level
            status = .determined
            var line = "determination by \(determination.author) on \(determination.date) sets \(determination.level.id)"
            if let reached, let indicated {
                if determination.level < reached {
                    lowered = true
                    line += ", below the \(reached.id) the evidence shows reached (flagged)"
                } else if determination.level < indicated {
                    let open = notRuledOut.filter { $0 > determination.level }
                    let range = open.count > 1 ? "\(open[0].id)–\(open[open.count - 1].id)" : indicated.id
                    line += ", below \(range), which the evidence does not rule out (flagged)"
                } else if determination.level > indicated {
                    line += ", above the indicated \(indicated.id)"
                } else {
                    line += ", equal to the indicated level"
                }
            } else {
                line += " without an indicated level"
            }
            trace.append(line + ": \(determination.rationale)")
        }
        var warnings = results.compactMap(\.warning).filter { EarlyWarning.counts($0.level, above: level) }
        if let reached {
            // A bar that is the level's threshold already has the threshold's early warning.
            let narrow = ruleOut.narrowlyRuledOut(above: notRuledOut.last ?? reached, checks: checks, results: results)
                .filter { near in
                    EarlyWarning.counts(near.level, above: level)
                        && !warnings.contains { $0.indicator == near.indicator && $0.level == near.level && $0.threshold == near.threshold }
                }
            for warning in narrow {
                trace.append("\(warning.indicator): \(Format.number(warning.value)) rules \(warning.level.id) out within margin \(Format.number(warning.margin)) of its bar \(Format.number(warning.threshold))")
            }
            warnings += narrow
        }
        return CategoryStageResult(
            level: level, indicatedLevel: indicated, reachedLevel: reached, notRuledOut: notRuledOut,
            ruleOutChecks: checks, status: status, notAssessedReason: reached == nil ? reason : nil,
            approaching: approaching.flatMap { EarlyWarning.counts($0, above: level) ? $0 : nil }, warnings: warnings,
            indicators: results, determination: determination, lowered: lowered, trace: trace)
    }

    /// The level reached, the level being approached, and the reason when not assessed.
    private func combine(
        _ results: [IndicatorResult], trace: inout [String]
    ) -> (Level?, Level?, NotAssessedReason?) {
        let decisive = category.decisiveIndicators
        guard !decisive.isEmpty else {
            let reason = NotAssessedReason.determinationOnly
            trace.append(reason.description)
            return (nil, nil, reason)
        }
        let byID = Dictionary(uniqueKeysWithValues: results.map { ($0.indicator, $0) })
        let missingRequired = category.indicators.filter { $0.required && byID[$0.id]?.hasEvidence != true }
        if !missingRequired.isEmpty {
            let reason = NotAssessedReason.requiredWithoutEvidence(missingRequired.map(\.id))
            trace.append("not assessed: \(reason)")
            return (nil, nil, reason)
        }
        let measured = decisive.compactMap { byID[$0.id] }.filter(\.hasEvidence)
        // Only indicators with thresholds can show a level reached.
        let reaching = measured.filter { $0.level != nil }
        let need: Int
        switch category.combine {
        case .any: need = 1
        case .all: need = reaching.count
        case .atLeast(let n): need = n
        }
        let minimum = max(category.minimumIndicators, category.combine == .all ? 1 : need)
        guard measured.count >= minimum else {
            let reason: NotAssessedReason = measured.isEmpty
                ? .noEvidence(decisive.map(\.id))
                : .tooFewIndicators(measured: measured.map(\.indicator), decisive: decisive.map(\.id), needed: minimum)
            trace.append("not assessed: \(reason)")
            return (nil, nil, reason)
        }

        let levels = framework.scale.levels
        func reached(_ level: Level, counting approaching: Bool) -> Bool {
            guard need > 0 else { return false }
            let count = reaching.filter { result in
                if let reached = result.level, reached >= level { return true }
                if approaching, let near = result.approaching, near >= level { return true }
                return false
            }.count
            return count >= need
        }
        let indicated = levels.last { $0 > framework.scale.floor && reached($0, counting: false) } ?? framework.scale.floor
        let approaching = levels.last { $0 > indicated && reached($0, counting: true) }
        var line = "combine \(category.combine) over \(measured.count) assessed indicator\(measured.count == 1 ? "" : "s") → \(indicated.id)"
        if let approaching { line += "; approaching \(approaching.id)" }
        trace.append(line)
        return (indicated, approaching, nil)
    }
}
