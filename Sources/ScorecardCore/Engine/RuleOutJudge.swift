/// Decides which levels above the one reached the evidence rules out.
///
/// A level is ruled out when enough of its rule-out set is measured on the safe side of its bars,
/// and no measured indicator of the set is on the risky side. The riskier end of a confidence
/// interval is what must clear the bar, so an interval straddling a bar rules nothing out.
/// Ruling a level out rules out every level above it; levels between the one reached and the
/// first ruled-out one are *not ruled out*.
struct RuleOutJudge {
    let category: Category
    let framework: Framework

    /// One check per rule-out set (a level may have several routes), lowest level first.
    func checks(_ results: [IndicatorResult]) -> [RuleOutCheck] {
        guard case .sets(let sets) = category.ruleOut else { return [] }
        return sets.enumerated().sorted { ($0.element.level, $0.offset) < ($1.element.level, $1.offset) }
            .map { check($0.element, results) }
    }

    private func check(_ set: RuleOutSet, _ results: [IndicatorResult]) -> RuleOutCheck {
        let entries = set.entries.map { entry -> RuleOutCheck.Entry in
            guard let result = results.first(where: { $0.indicator == entry.indicator }), result.hasEvidence,
                  let risky = result.riskyValue,
                  let bar = entry.bar ?? result.threshold(for: set.level)?.value,
                  let indicator = category.indicator(entry.indicator) else {
                return RuleOutCheck.Entry(indicator: entry.indicator, bar: entry.bar, value: nil, safe: nil)
            }
            return RuleOutCheck.Entry(indicator: entry.indicator, bar: bar, value: risky, safe: !indicator.comparison.meets(risky, bar))
        }
        let needed = set.requirement.needed(of: set.entries.count)
        let safe = entries.filter { $0.safe == true }.count
        let risky = entries.contains { $0.safe == false }
        return RuleOutCheck(
            level: set.level, requirement: set.requirement, needed: needed, entries: entries,
            ruledOut: needed > 0 && safe >= needed && !risky)
    }

    /// Early warnings for the level the checks ruled out first above `reached`: each indicator of
    /// the route that ruled it out whose value is on the safe side of its bar but within the
    /// early-warning margin of it (the indicator's, else the framework's). A level ruled out
    /// narrowly is one a little more capability would not rule out.
    func narrowlyRuledOut(above reached: Level, checks: [RuleOutCheck], results: [IndicatorResult]) -> [EarlyWarning] {
        guard let first = checks.first(where: { $0.level > reached && $0.ruledOut }) else { return [] }
        return first.entries.compactMap { entry in
            guard entry.safe == true, let value = entry.value, let bar = entry.bar ?? results.first(where: { $0.indicator == entry.indicator })?
                    .threshold(for: first.level)?.value,
                  let indicator = category.indicator(entry.indicator) else { return nil }
            let margin = indicator.margin(default: framework.earlyWarningMargin)
            guard margin > 0, EarlyWarning.isNear(value, to: bar, margin: margin, direction: indicator.direction) else { return nil }
            return EarlyWarning(indicator: indicator.id, level: first.level, value: value, threshold: bar, margin: margin, ruleOutBar: true)
        }
    }

    /// The levels above `reached` that are not ruled out, lowest first, with a trace line per
    /// check. A level with several rule-out routes is ruled out when any route rules it out.
    func notRuledOut(above reached: Level, checks: [RuleOutCheck], trace: inout [String]) -> [Level] {
        guard case .sets = category.ruleOut else { return [] }
        var open: [Level] = []
        for level in framework.scale.levels where level > reached {
            let routes = checks.filter { $0.level == level }
            if routes.isEmpty {
                trace.append("rule-out \(level.id): the framework gives no rule-out set → not ruled out")
            }
            for (index, check) in routes.enumerated() {
                let route = routes.count > 1 ? " (route \(index + 1) of \(routes.count))" : ""
                trace.append("rule-out \(level.id)\(route): \(check.summary) → \(check.ruledOut ? "ruled out, and every level above it" : "not ruled out")")
            }
            if routes.contains(where: \.ruledOut) { break }
            open.append(level)
        }
        if !open.isEmpty {
            trace.append("\(reached.id) reached; not ruled out: \(open.map(\.id).joined(separator: ", "))")
        }
        return open
    }
}
