/// Combines a category's indicator levels into its level at one stage, then applies a determination.
struct CategoryJudge {
    let category: Category
    let framework: Framework

    func judge(
        stage: String, measurements: [String: Measurement], determination: Determination?
    ) -> CategoryStageResult {
        var trace: [String] = []
        var results: [IndicatorResult] = []
        for indicator in category.indicators {
            let judge = IndicatorJudge(
                indicator: indicator, policy: framework.uncertainty, margin: framework.earlyWarningMargin,
                scale: framework.scale)
            let measurement = measurements[indicator.id] ?? .missing(reason: "not measured")
            let (result, line) = judge.judge(measurement)
            results.append(result)
            trace.append(line)
        }

        let (indicated, approaching, reason) = combine(results, trace: &trace)
        var level = indicated
        var status: AssessmentStatus = indicated == nil ? .notAssessed : .assessed
        var lowered = false
        if let determination {
            level = determination.level
            status = .determined
            var line = "determination by \(determination.author) on \(determination.date) sets \(determination.level.id)"
            if let indicated {
                if determination.level < indicated {
                    lowered = true
                    line += ", below the indicated \(indicated.id) (flagged)"
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
        let warnings = results.compactMap(\.warning).filter { EarlyWarning.counts($0.level, above: level) }
        return CategoryStageResult(
            level: level, indicatedLevel: indicated, status: status, notAssessedReason: indicated == nil ? reason : nil,
            approaching: approaching.flatMap { EarlyWarning.counts($0, above: level) ? $0 : nil }, warnings: warnings,
            indicators: results, determination: determination, lowered: lowered, trace: trace)
    }

    /// The indicated level, the level being approached, and the reason when not assessed.
    private func combine(
        _ results: [IndicatorResult], trace: inout [String]
    ) -> (Level?, Level?, NotAssessedReason?) {
        let decisive = category.indicators.filter(\.isDecisive)
        guard !decisive.isEmpty else {
            let reason = NotAssessedReason.determinationOnly
            trace.append(reason.description)
            return (nil, nil, reason)
        }
        let byID = Dictionary(uniqueKeysWithValues: results.map { ($0.indicator, $0) })
        let missingRequired = category.indicators.filter { $0.required && byID[$0.id]?.measurement.score == nil }
        if !missingRequired.isEmpty {
            let reason = NotAssessedReason.requiredWithoutEvidence(missingRequired.map(\.id))
            trace.append("not assessed: \(reason)")
            return (nil, nil, reason)
        }
        let assessed = decisive.compactMap { byID[$0.id] }.filter { $0.level != nil }
        let need: Int
        switch category.combine {
        case .any: need = 1
        case .all: need = assessed.count
        case .atLeast(let n): need = n
        }
        let minimum = max(category.minimumIndicators, category.combine == .all ? 1 : need)
        guard assessed.count >= minimum else {
            let reason: NotAssessedReason = assessed.isEmpty
                ? .noEvidence(decisive.map(\.id))
                : .tooFewIndicators(measured: assessed.map(\.indicator), decisive: decisive.map(\.id), needed: minimum)
            trace.append("not assessed: \(reason)")
            return (nil, nil, reason)
        }

        let levels = framework.scale.levels
        func reached(_ level: Level, counting approaching: Bool) -> Bool {
            let reaching = assessed.filter { result in
                if let reached = result.level, reached >= level { return true }
                if approaching, let near = result.approaching, near >= level { return true }
                return false
            }
            return reaching.count >= need
        }
        let indicated = levels.last { reached($0, counting: false) } ?? framework.scale.floor
        let approaching = levels.last { $0 > indicated && reached($0, counting: true) }
        var line = "combine \(category.combine) over \(assessed.count) assessed indicator\(assessed.count == 1 ? "" : "s") → \(indicated.id)"
        if let approaching { line += "; approaching \(approaching.id)" }
        trace.append(line)
        return (indicated, approaching, nil)
    }
}
