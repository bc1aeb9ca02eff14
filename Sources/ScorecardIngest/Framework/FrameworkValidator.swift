import ScorecardCore

/// The meaning checks of a framework document, one function per rule.
///
/// Each check logs every violation it finds with the position of the offending value; the
/// loader runs all of them so one pass reports every problem.
struct FrameworkValidator {
    static let supportedSchemaVersions = [1, 2, 3]

    let doc: FrameworkDocument
    let registry: EvaluatorRegistry
    /// Evaluators the framework defines whose definitions failed (already reported): indicators
    /// naming them are not reported again as naming an unknown evaluator.
    var failedDefinitions: Set<String> = []

    func run(_ log: inout DiagnosticLog) {
        checkSchemaVersion(&log)
        checkLevels(&log)
        checkStages(&log)
        checkPolicies(&log)
        checkCategoryIDs(&log)
        checkIndicatorIDs(&log)
        for category in doc.categories {
            checkLevelDefinitions(category, &log)
            checkCombination(category, &log)
            for indicator in category.indicators {
                checkEvaluator(indicator, &log)
                checkEnums(indicator, &log)
                checkThresholdLevels(indicator, &log)
                checkThresholdValues(indicator, &log)
                checkMonotonic(indicator, &log)
                checkMargin(indicator.earlyWarningMargin, &log)
                checkRelativeThresholds(indicator, &log)
            }
            checkRuleOut(category, &log)
        }
        checkGates(&log)
        checkSchemaTwoFeatures(&log)
    }

    var levelIDs: [String] { doc.levels.map(\.id.value) }
    var stageIDs: [String] { doc.stages.map(\.id.value) }

    func checkSchemaVersion(_ log: inout DiagnosticLog) {
        guard let version = doc.schemaVersion else { return }
        if !Self.supportedSchemaVersions.contains(version.value) {
            log.add("unsupported schema_version \(version.value) (supported: \(Self.supportedSchemaVersions.map(String.init).joined(separator: ", ")))",
                    line: version.line, column: version.column)
        }
    }

    func checkLevels(_ log: inout DiagnosticLog) {
        if doc.levels.count < 2 {
            log.add("a framework needs at least two levels (a floor and one above it); found \(doc.levels.count)")
        }
        duplicates(doc.levels.map(\.id), "level", &log)
    }

    func checkStages(_ log: inout DiagnosticLog) {
        if doc.stages.isEmpty { log.add("a framework needs at least one stage") }
        duplicates(doc.stages.map(\.id), "stage", &log)
        for (index, stage) in doc.stages.enumerated() {
            guard let mitigates = stage.mitigates else { continue }
            let earlier = doc.stages[..<index].map(\.id.value)
            if mitigates.value == stage.id.value {
                log.add("stage '\(stage.id.value)' cannot mitigate itself", line: mitigates.line, column: mitigates.column)
            } else if !earlier.contains(mitigates.value) {
                let what = stageIDs.contains(mitigates.value) ? "a stage listed after it" : "no stage of this framework"
                log.add("stage '\(stage.id.value)' mitigates '\(mitigates.value)', \(what): name a stage listed before it\(earlier.isEmpty ? "" : known(earlier))",
                        line: mitigates.line, column: mitigates.column)
            }
        }
    }

    func checkPolicies(_ log: inout DiagnosticLog) {
        if let aggregation = doc.aggregation, Aggregation(rawValue: aggregation.value) == nil {
            log.add("unknown aggregation '\(aggregation.value)' (known: \(Aggregation.allCases.map(\.rawValue).joined(separator: ", ")))",
                    line: aggregation.line, column: aggregation.column)
        }
        if let policy = doc.uncertainty, UncertaintyPolicy(rawValue: policy.value) == nil {
            log.add("unknown uncertainty policy '\(policy.value)' (known: \(UncertaintyPolicy.allCases.map(\.rawValue).joined(separator: ", ")))",
                    line: policy.line, column: policy.column)
        }
        checkMargin(doc.earlyWarningMargin, &log)
    }

    func checkMargin(_ margin: Located<Double>?, _ log: inout DiagnosticLog) {
        if let margin, margin.value < 0 {
            log.add("early_warning_margin must not be negative, found \(Format.number(margin.value))",
                    line: margin.line, column: margin.column)
        }
    }

    func checkCategoryIDs(_ log: inout DiagnosticLog) {
        if doc.categories.isEmpty { log.add("a framework needs at least one category") }
        duplicates(doc.categories.map(\.id), "category", &log)
    }

    func checkIndicatorIDs(_ log: inout DiagnosticLog) {
        duplicates(doc.categories.flatMap { $0.indicators.map(\.id) }, "indicator", &log)
    }

    func checkLevelDefinitions(_ category: CategoryDocument, _ log: inout DiagnosticLog) {
        for (level, _) in category.levelDefinitions where !levelIDs.contains(level.value) {
            log.add("unknown level '\(level.value)' in the definitions of category '\(category.id.value)'\(known(levelIDs))",
                    line: level.line, column: level.column)
        }
    }

    func checkCombination(_ category: CategoryDocument, _ log: inout DiagnosticLog) {
        let ruleOut = Set(category.ruleOut.flatMap { $0.entries.map(\.indicator.value) })
        let reaching = category.indicators.filter { !$0.thresholds.isEmpty }.count
        let decisive = category.indicators.filter { !$0.thresholds.isEmpty || ruleOut.contains($0.id.value) }.count
        let combine = category.combine
        switch combine.value {
        case "any", "all":
            break
        case "at_least":
            if let n = category.atLeast, n < 1 || n > reaching {
                log.add("category '\(category.id.value)' combines at_least \(n), but has \(reaching) indicators with thresholds",
                        line: combine.line, column: combine.column)
            }
        default:
            log.add("unknown combine '\(combine.value)' in category '\(category.id.value)' (known: any, all, {at_least: N})",
                    line: combine.line, column: combine.column)
        }
        if let minimum = category.minimumIndicators, minimum.value < 0 || (decisive > 0 && minimum.value > decisive) {
            log.add("category '\(category.id.value)' needs min_indicators between 0 and \(decisive), found \(minimum.value)",
                    line: minimum.line, column: minimum.column)
        }
    }

    func checkEvaluator(_ indicator: IndicatorDocument, _ log: inout DiagnosticLog) {
        guard let name = indicator.evaluator, !failedDefinitions.contains(name.value) else { return }
        for problem in registry.problems(name.value, parameters: indicator.parameters.value) {
            switch problem {
            case .unknownEvaluator:
                log.add("indicator '\(indicator.id.value)': \(problem)", line: name.line, column: name.column)
            case .invalidParameter(_, let error):
                // A misspelt name gets a suggestion among the names the evaluator declares.
                let declared = registry.parameters(of: name.value)?.map(\.name) ?? []
                let hint = declared.contains(error.key) ? nil : closest(to: error.key, in: declared)
                log.add("indicator '\(indicator.id.value)': \(problem)\(hint.map { "; did you mean '\($0)'?" } ?? "")",
                        line: indicator.parameters.line ?? name.line, column: indicator.parameters.column ?? name.column)
            }
        }
    }

    func checkEnums(_ indicator: IndicatorDocument, _ log: inout DiagnosticLog) {
        let unit = indicator.unit
        if ValueUnit(rawValue: unit.value) == nil {
            log.add("unknown unit '\(unit.value)' in indicator '\(indicator.id.value)' (known: \(ValueUnit.allCases.map(\.rawValue).joined(separator: ", ")))",
                    line: unit.line, column: unit.column)
        }
        let direction = indicator.direction
        if Direction(rawValue: direction.value) == nil {
            log.add("unknown direction '\(direction.value)' in indicator '\(indicator.id.value)' (known: higher, lower)",
                    line: direction.line, column: direction.column)
        }
        if indicator.metrics.isEmpty { log.add("indicator '\(indicator.id.value)' names no metric", line: indicator.id.line) }
    }

    func checkThresholdLevels(_ indicator: IndicatorDocument, _ log: inout DiagnosticLog) {
        for threshold in indicator.thresholds {
            let level = threshold.level
            if !levelIDs.contains(level.value) {
                log.add("unknown level '\(level.value)' in the thresholds of indicator '\(indicator.id.value)'\(known(levelIDs))",
                        line: level.line, column: level.column)
            } else if level.value == levelIDs.first {
                log.add("indicator '\(indicator.id.value)' has a threshold for '\(level.value)', the lowest level; the floor needs none",
                        line: level.line, column: level.column)
            }
        }
    }

    func checkThresholdValues(_ indicator: IndicatorDocument, _ log: inout DiagnosticLog) {
        guard let unit = ValueUnit(rawValue: indicator.unit.value) else { return }
        for threshold in indicator.thresholds {
            if let value = threshold.value, let problem = unit.problem(with: value.value) {
                log.add("threshold '\(threshold.level.value)' of indicator '\(indicator.id.value)': \(problem)",
                        line: value.line, column: value.column)
            }
        }
        for baseline in indicator.baselines {
            if let problem = unit.problem(with: baseline.value.value) {
                log.add("baseline '\(baseline.name)' of indicator '\(indicator.id.value)': \(problem)",
                        line: baseline.value.line, column: baseline.value.column)
            }
        }
    }

    func checkMonotonic(_ indicator: IndicatorDocument, _ log: inout DiagnosticLog) {
        // Relative thresholds move with their reference; only absolute ones are compared here.
        let ranked = indicator.thresholds
            .compactMap { threshold in
                threshold.value.flatMap { value in levelIDs.firstIndex(of: threshold.level.value).map { ($0, threshold.level, value) } }
            }
            .sorted { $0.0 < $1.0 }
        let higher = indicator.direction.value != Direction.lowerIsRiskier.rawValue
        for (previous, next) in zip(ranked, ranked.dropFirst()) {
            let ok = higher ? next.2.value > previous.2.value : next.2.value < previous.2.value
            if !ok {
                let word = higher ? "above" : "below"
                log.add("thresholds of indicator '\(indicator.id.value)' are not monotonic: \(next.1.value) \(Format.number(next.2.value)) must be \(word) \(previous.1.value) \(Format.number(previous.2.value)) (\(higher ? "higher" : "lower") values are riskier)",
                        line: next.2.line, column: next.2.column)
            }
        }
    }

    func checkGates(_ log: inout DiagnosticLog) {
        duplicates(doc.gates.map(\.id), "gate", &log)
        for gate in doc.gates {
            if let stage = gate.stage, !stageIDs.contains(stage.value) {
                log.add("gate '\(gate.id.value)' names unknown stage '\(stage.value)'\(known(stageIDs))",
                        line: stage.line, column: stage.column)
            }
            if let level = gate.level, !levelIDs.contains(level.value) {
                log.add("gate '\(gate.id.value)' names unknown level '\(level.value)'\(known(levelIDs))",
                        line: level.line, column: level.column)
            }
            checkGateCategories(gate, &log)
        }
    }

    /// A gate's `categories` (schema 3): a non-empty list of gating categories, each named once.
    func checkGateCategories(_ gate: GateDocument, _ log: inout DiagnosticLog) {
        guard let node = gate.categoriesNode else { return }
        let what = "gate '\(gate.id.value)'"
        if schemaVersion < 3 {
            log.add("\(what): categories needs schema_version 3 (this file declares \(schemaVersion))", line: node.line, column: node.column)
            return
        }
        if gate.categories.isEmpty {
            log.add("\(what): categories names no category; leave it out to gate on every gating category",
                    line: node.line, column: node.column)
        }
        duplicates(gate.categories, "category in \(what)", &log)
        let ids = doc.categories.map(\.id.value)
        for id in gate.categories {
            guard let category = doc.categories.first(where: { $0.id.value == id.value }) else {
                let hint = NearestName.hint(id.value, in: ids)
                log.add("\(what) names unknown category '\(id.value)'\(hint)\(known(ids))", line: id.line, column: id.column)
                continue
            }
            if category.gating?.value == false {
                log.add("\(what) names category '\(id.value)', which does not gate (gating: false)", line: id.line, column: id.column)
            }
        }
    }

    func duplicates(_ ids: [Located<String>], _ what: String, _ log: inout DiagnosticLog) {
        var seen: [String: Located<String>] = [:]
        for id in ids {
            if let first = seen[id.value] {
                log.add("duplicate \(what) id '\(id.value)' (first defined at line \(first.line ?? 0))", line: id.line, column: id.column)
            } else {
                seen[id.value] = id
            }
        }
    }

    func known(_ ids: [String]) -> String {
        " (known: \(ids.joined(separator: ", ")))"
    }
}
