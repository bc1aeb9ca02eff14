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

    /// One check per level that has a rule-out set, lowest first.
    func checks(_ results: [IndicatorResult]) -> [RuleOutCheck] {
        guard case .sets(let sets) = category.ruleOut else { return [] }
        return sets.sorted { $0.level < $1.level }.map { set in check(set, results) }
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

    /// The levels above `reached` that are not ruled out, lowest first, with a trace line.
    func notRuledOut(above reached: Level, checks: [RuleOutCheck], trace: inout [String]) -> [Level] {
        guard case .sets = category.ruleOut else { return [] }
        var open: [Level] = []
        for level in framework.scale.levels where level > reached {
            if let check = checks.first(where: { $0.level == level }), check.ruledOut {
                trace.append("rule-out \(level.id): \(check.summary) → ruled out, and every level above it")
                break
            }
            if let check = checks.first(where: { $0.level == level }) {
                trace.append("rule-out \(level.id): \(check.summary) → not ruled out")
            } else {
                trace.append("rule-out \(level.id): the framework gives no rule-out set → not ruled out")
            }
            open.append(level)
        }
        if !open.isEmpty {
            trace.append("\(reached.id) reached; not ruled out: \(open.map(\.id).joined(separator: ", "))")
        }
        return open
    }
}
