import ScorecardCore

extension CategorySectionBuilder {
    /// The engine's reasoning: how the levels combine, each deciding indicator's value and level,
    /// then which levels above the one reached the evidence rules out.
    func findings(_ result: CategoryStageResult) -> [String] {
        guard let reached = result.reachedLevel else { return [] }
        let rule = switch category.combine {
        case .any: "the highest indicator level decides"
        case .all: "a level counts only when every assessed indicator reaches it"
        case .atLeast(let n): "a level counts when at least \(n) indicators reach it"
        }
        // What this stage's own evidence reaches; a floor from a stage that mitigates it is the lead's to say.
        let own = result.floor?.raisedFrom ?? reached
        let finding = result.notRuledOut.isEmpty && own == reached ? "indicates \(report.name(own))" : "shows \(report.name(own)) reached"
        var lines = ["The evidence \(finding) (\(rule))."]
        var missing: [String] = []
        for indicator in category.indicators where category.isDecisive(indicator) {
            guard let outcome = result.indicator(indicator.id), let score = outcome.measurement.score else {
                missing.append(indicator.name)
                continue
            }
            let bars = result.indicator(indicator.id)?.thresholds.map(\.value) ?? []
            var line = "\(indicator.name): \(Formatting.value(score.value, unit: indicator.unit, apartFrom: bars)) (\(score.metric))"
            if let unresolved = outcome.unresolved {
                lines.append(line + "; not assessed: \(unresolved).")
                continue
            }
            guard let level = outcome.level, let deciding = outcome.decidingValue else {
                lines.append(line + "; no thresholds of its own: it can only rule levels out.")
                continue
            }
            if outcome.decidedByBound {
                line += "; the riskier end of its interval, \(Formatting.value(deciding, unit: indicator.unit, apartFrom: bars)), decides"
            }
            let thresholds = outcome.thresholds.map { threshold in
                let met = indicator.comparison.meets(deciding, threshold.value)
                return Formatting.threshold(threshold, of: indicator, scale: framework.scale) + (met ? " met" : " not met")
            }
            line += " → \(report.name(level)) (\(thresholds.joined(separator: "; ")))."
            lines.append(line)
        }
        if !missing.isEmpty {
            lines.append("No evidence at this stage for \(Formatting.prose(missing)).")
        }
        return lines + ruleOutFindings(result, above: reached)
    }

    /// One sentence per level above the one reached, up to the first that is ruled out; a level
    /// with several rule-out routes gets a sentence per route.
    private func ruleOutFindings(_ result: CategoryStageResult, above reached: Level) -> [String] {
        guard case .sets = category.ruleOut else { return [] }
        var lines: [String] = []
        for level in framework.scale.levels where level > reached {
            let routes = result.ruleOutChecks.filter { $0.level == level }
            let name = report.name(level)
            let ruledOut = routes.contains(where: \.ruledOut)
            switch routes.count {
            case 0:
                lines.append("\(name) is not ruled out: the framework names no evidence that rules it out.")
            case 1:
                let verdict = ruledOut ? "is ruled out, and every level above it" : "is not ruled out"
                lines.append("\(name) \(verdict): \(requirement(routes[0])); \(entries(routes[0], of: result)).")
            default:
                lines.append(ruledOut
                    ? "\(name) is ruled out, and every level above it, by one of its \(routes.count) routes:"
                    : "\(name) is not ruled out by any of its \(routes.count) routes:")
                for (index, route) in routes.enumerated() {
                    let verdict = route.ruledOut ? "rules it out" : "does not"
                    lines.append("Route \(index + 1) \(verdict): \(requirement(route)); \(entries(route, of: result)).")
                }
            }
            if ruledOut { break }
        }
        return lines
    }

    /// "every one of A and B must be below its bar", "any one of A or B …", "at least 2 of …".
    private func requirement(_ check: RuleOutCheck) -> String {
        let each = check.entries.map { indicatorName($0.indicator) }
        let names = Formatting.prose(each)
        let which = switch check.requirement {
        case .all: check.entries.count == 1 ? names : "every one of \(names)"
        case .any: check.entries.count == 1 ? names : "any one of \(Formatting.prose(each, or: true))"
        case .atLeast(let n): "at least \(n) of \(names)"
        }
        return "the framework rules it out when \(which) is measured below its bar and none is above"
    }

    /// Each listed indicator's part: "A at 13% is below 50%; B has no evidence". Where the
    /// framework takes the riskier end of an interval and a value below its bar has none, the
    /// line says the rule-out rests on a point estimate.
    private func entries(_ check: RuleOutCheck, of result: CategoryStageResult) -> String {
        check.entries.map { entry in
            let name = indicatorName(entry.indicator)
            let unit = category.indicator(entry.indicator)?.unit ?? .score
            guard let value = entry.value, let bar = entry.bar, let safe = entry.safe else { return "\(name) has no evidence" }
            let side = safe ? "below" : "not below"
            let point = safe && framework.uncertainty == .conservativeBound && result.indicator(entry.indicator)?.measurement.score?.interval == nil
                ? " (a point estimate, with no interval)" : ""
            return "\(name) at \(Formatting.value(value, unit: unit, apartFrom: [bar])) is \(side) \(Formatting.value(bar, unit: unit))\(point)"
        }.joined(separator: "; ")
    }

    /// One line per stage: how many deciding indicators have evidence, and which levels that
    /// evidence rules out — why a Low is a Low, at a glance.
    func coverage() -> [String] {
        let decisive = category.decisiveIndicators
        guard !decisive.isEmpty else { return [] }
        return framework.stages.map { stage in
            guard let result = result.stages[stage.id] else { return "\(stage.name): not judged." }
            let measured = decisive.filter { result.indicator($0.id)?.hasEvidence == true }
            var line = "\(stage.name): \(measured.count) of \(decisive.count) deciding indicator\(decisive.count == 1 ? "" : "s") measured"
            guard let reached = result.reachedLevel else { return line + "; not assessed." }
            let raised = result.floor.flatMap { floor in
                floor.raisedFrom.map { "\(report.name($0)) reached here, \(report.name(reached)) from \(report.stageName(floor.stage))" }
            }
            switch category.ruleOut {
            case .aboveIndicated:
                line += "; levels above \(report.name(reached)) count as ruled out (a schema 1 framework)."
            case .sets:
                if let first = result.notRuledOut.first {
                    line += "; \(raised ?? "\(report.name(reached)) reached"), \(report.range(result.notRuledOut)) not ruled out"
                    if let check = result.nextCheck, let need = ruleOutNeeds(missing: check.missing, risky: check.risky) {
                        line += " (to rule out \(report.name(first)): \(need))"
                    } else if result.nextCheck == nil {
                        line += " (no evidence can rule out \(report.name(first)) under this framework)"
                    }
                    line += "."
                } else if let above = framework.scale.above(reached) {
                    line += "\(raised.map { "; \($0)" } ?? ""); rules out \(report.name(above)) and above, so \(report.name(reached)) stands."
                } else {
                    line += "; \(report.name(reached)) is the top level."
                }
            }
            return line
        }
    }
}
