import ScorecardCore

/// The checks of what `schema_version: 2` adds: rule-out sets, relative thresholds, non-gating
/// categories; and the warnings `frameworks lint` gives about levels no evidence can rule out.
extension FrameworkValidator {
    var schemaVersion: Int { doc.schemaVersion?.value ?? 1 }

    /// `rule_out`, `gating` and relative thresholds need `schema_version: 2`; a version 1 file is
    /// told how its levels are ruled out.
    func checkSchemaTwoFeatures(_ log: inout DiagnosticLog) {
        guard schemaVersion < 2 else { return }
        if let node = doc.evaluatorsNode {
            log.add("evaluators needs schema_version 2 (this file declares \(schemaVersion))", line: node.line, column: node.column)
        }
        for category in doc.categories {
            if let node = category.ruleOutNode {
                log.add("rule_out needs schema_version 2 (this file declares \(schemaVersion))", line: node.line, column: node.column)
            }
            if let gating = category.gating {
                log.add("gating needs schema_version 2 (this file declares \(schemaVersion))", line: gating.line, column: gating.column)
            }
            for indicator in category.indicators {
                if let node = indicator.inlineEvaluator {
                    log.add("an evaluator written on an indicator needs schema_version 2 (this file declares \(schemaVersion))",
                            line: node.line, column: node.column)
                }
                for threshold in indicator.thresholds {
                    if let relative = threshold.relative {
                        log.add("relative_to needs schema_version 2 (this file declares \(schemaVersion))",
                                line: relative.node.line, column: relative.node.column)
                    }
                }
            }
        }
        if doc.categories.contains(where: { $0.indicators.contains { !$0.thresholds.isEmpty } }) {
            log.warn("schema_version 1: once a category is assessed, every level above the one its thresholds indicate counts as ruled out, so a single screen below its threshold gives the floor; schema_version 2 names which evidence rules each level out (see docs/framework-format.md)",
                     line: doc.schemaVersion?.line, column: doc.schemaVersion?.column)
        }
    }

    func checkRelativeThresholds(_ indicator: IndicatorDocument, _ log: inout DiagnosticLog) {
        for threshold in indicator.thresholds {
            guard let relative = threshold.relative else { continue }
            let place = (line: relative.node.line, column: relative.node.column)
            let what = "threshold '\(threshold.level.value)' of indicator '\(indicator.id.value)'"
            if relative.model?.isEmpty ?? true {
                log.add("\(what): relative_to needs the reference model", line: place.line, column: place.column)
            }
            if let stage = relative.stage, !stageIDs.contains(stage.value) {
                log.add("\(what): unknown stage '\(stage.value)'\(known(stageIDs))", line: stage.line, column: stage.column)
            }
            switch (relative.ratio, relative.difference) {
            case (nil, nil):
                log.add("\(what): relative_to needs a ratio (threshold = ratio × reference) or a difference (reference + difference)",
                        line: place.line, column: place.column)
            case (_?, _?):
                log.add("\(what): give a ratio or a difference, not both", line: place.line, column: place.column)
            case (let ratio?, nil):
                if !(ratio.value > 0) || !ratio.value.isFinite {
                    log.add("\(what): ratio must be a positive number, found \(Format.number(ratio.value))",
                            line: ratio.line, column: ratio.column)
                }
            case (nil, let difference?):
                if !difference.value.isFinite {
                    log.add("\(what): difference must be a finite number", line: difference.line, column: difference.column)
                }
            }
        }
    }

    func checkRuleOut(_ category: CategoryDocument, _ log: inout DiagnosticLog) {
        let indicators = Dictionary(category.indicators.map { ($0.id.value, $0) }) { first, _ in first }
        for set in category.ruleOut {
            let level = set.level
            let what = "rule_out '\(level.value)' of category '\(category.id.value)'"
            if !levelIDs.contains(level.value) {
                log.add("\(what): unknown level\(known(levelIDs))", line: level.line, column: level.column)
            } else if level.value == levelIDs.first {
                log.add("\(what): the floor is never ruled out; rule-out sets are for the levels above it",
                        line: level.line, column: level.column)
            }
            if set.rationale?.isEmpty ?? true {
                log.add("\(what) needs a rationale: why these evaluations are enough to rule the level out",
                        line: level.line, column: level.column)
            }
            if set.entries.isEmpty { log.add("\(what) names no indicators", line: level.line, column: level.column) }
            switch set.require.value {
            case "all", "any": break
            case "at_least":
                if let n = set.atLeast, n < 1 || n > set.entries.count {
                    log.add("\(what): at_least \(n), but the set names \(set.entries.count) indicators",
                            line: set.require.line, column: set.require.column)
                }
            default:
                log.add("\(what): unknown require '\(set.require.value)' (known: all, any, {at_least: N})",
                        line: set.require.line, column: set.require.column)
            }
            duplicates(set.entries.map(\.indicator), "indicator in \(what)", &log)
            for entry in set.entries {
                let id = entry.indicator
                guard let indicator = indicators[id.value] else {
                    let others = doc.categories.first { $0.indicators.contains { $0.id.value == id.value } }
                    let hint = others.map { "; it belongs to category '\($0.id.value)'" } ?? known(category.indicators.map(\.id.value))
                    log.add("\(what) names unknown indicator '\(id.value)'\(hint)", line: id.line, column: id.column)
                    continue
                }
                if let bar = entry.bar {
                    if let unit = ValueUnit(rawValue: indicator.unit.value), let problem = unit.problem(with: bar.value) {
                        log.add("\(what): bar of '\(id.value)': \(problem)", line: bar.line, column: bar.column)
                    }
                } else if !indicator.thresholds.contains(where: { $0.level.value == level.value }) {
                    log.add("\(what): indicator '\(id.value)' has no '\(level.value)' threshold; give a bar ({id: \(id.value), bar: VALUE})",
                            line: id.line, column: id.column)
                }
            }
        }
        warnAboutLevelsNeverRuledOut(category, &log)
    }

    /// A level can be ruled out only by its own set or a lower level's. Warn about the lowest
    /// level above the floor without a set (the category can then never be at the floor) and
    /// about every higher level without one (once the level below it is reached, or not ruled
    /// out, nothing can rule it out).
    private func warnAboutLevelsNeverRuledOut(_ category: CategoryDocument, _ log: inout DiagnosticLog) {
        guard schemaVersion >= 2, levelIDs.count > 1 else { return }
        let decisive = category.indicators.contains { !$0.thresholds.isEmpty } || !category.ruleOut.isEmpty
        guard decisive else { return }
        let withSet = Set(category.ruleOut.map(\.level.value))
        let above = Array(levelIDs.dropFirst())
        for (index, level) in above.enumerated() where !withSet.contains(level) {
            let below = index == 0 ? levelIDs[0] : above[index - 1]
            if index == 0 {
                log.warn("category '\(category.id.value)': no evidence can rule out '\(level)', so the category can never be at the floor '\(below)'; add rule_out: {\(level): ...}",
                         line: category.id.line, column: category.id.column)
            } else {
                log.warn("category '\(category.id.value)': '\(level)' has no rule-out set, so once '\(below)' is reached or not ruled out, '\(level)' is not ruled out either; add rule_out: {\(level): ...} if the framework allows it",
                         line: category.id.line, column: category.id.column)
            }
        }
    }
}
