import ScorecardCore

/// Reads a framework file's YAML tree into a `FrameworkDocument`, logging shape problems.
///
/// Only the shape is checked here (types, required keys, unknown keys); meaning is checked by
/// `FrameworkValidator` once the whole document is read.
struct FrameworkReader {
    static let topKeys = [
        "schema_version", "id", "name", "version", "source", "summary", "levels", "stages", "aggregation",
        "uncertainty", "early_warning_margin", "categories", "gates", "evaluators",
    ]
    static let categoryKeys = [
        "id", "name", "summary", "required", "gating", "levels", "combine", "min_indicators", "indicators", "rule_out",
    ]
    static let indicatorKeys = [
        "id", "name", "evaluator", "params", "eval", "metric", "unit", "direction", "inclusive", "required",
        "early_warning_margin", "thresholds", "baselines",
    ]
    static let gateKeys = ["id", "name", "summary", "stage", "passes_if_at_most", "required_if_at_least", "categories"]

    static func read(_ root: YAMLValue, _ log: inout DiagnosticLog) -> FrameworkDocument {
        var doc = FrameworkDocument()
        guard let map = root.map(&log) else { return doc }
        if let node = map.required("schema_version", &log), let n = node.integer(&log) { doc.schemaVersion = .init(n, at: node) }
        if let node = map.required("id", &log), let s = node.string(&log) { doc.id = .init(s, at: node) }
        if let node = map.required("name", &log), let s = node.string(&log) { doc.name = .init(s, at: node) }
        if let node = map.required("version", &log), let s = node.string(&log) { doc.version = .init(s, at: node) }
        doc.source = map.optional("source")?.string(&log)
        doc.summary = map.optional("summary")?.string(&log)
        if let node = map.required("aggregation", &log), let s = node.string(&log) { doc.aggregation = .init(s, at: node) }
        if let node = map.optional("uncertainty"), let s = node.string(&log) { doc.uncertainty = .init(s, at: node) }
        if let node = map.optional("early_warning_margin"), let n = node.number(&log) { doc.earlyWarningMargin = .init(n, at: node) }
        for item in map.required("levels", &log)?.list(&log) ?? [] {
            guard let m = item.map(&log) else { continue }
            if let idNode = m.required("id", &log), let id = idNode.string(&log) {
                let name = m.optional("name")?.string(&log) ?? id.capitalized
                doc.levels.append(LevelDocument(id: .init(id, at: idNode), name: name, summary: m.optional("summary")?.string(&log)))
            }
            m.finish(known: ["id", "name", "summary"], &log)
        }
        for item in map.required("stages", &log)?.list(&log) ?? [] {
            guard let m = item.map(&log) else { continue }
            if let idNode = m.required("id", &log), let id = idNode.string(&log) {
                let name = m.optional("name")?.string(&log) ?? id
                let mitigates = m.optional("mitigates").flatMap { node in node.string(&log).map { Located($0, at: node) } }
                doc.stages.append(StageDocument(
                    id: .init(id, at: idNode), name: name, summary: m.optional("summary")?.string(&log), mitigates: mitigates))
            }
            m.finish(known: ["id", "name", "summary", "mitigates"], &log)
        }
        for item in map.required("categories", &log)?.list(&log) ?? [] {
            if let category = readCategory(item, &log) { doc.categories.append(category) }
        }
        for item in map.optional("gates")?.list(&log) ?? [] {
            if let gate = readGate(item, &log) { doc.gates.append(gate) }
        }
        doc.evaluatorsNode = map.optional("evaluators")
        map.finish(known: topKeys, &log)
        return doc
    }

    static func readCategory(_ node: YAMLValue, _ log: inout DiagnosticLog) -> CategoryDocument? {
        guard let map = node.map(&log) else { return nil }
        defer { map.finish(known: categoryKeys, &log) }
        guard let idNode = map.required("id", &log), let id = idNode.string(&log) else { return nil }
        var category = CategoryDocument(id: .init(id, at: idNode))
        category.name = map.required("name", &log)?.string(&log) ?? id
        category.summary = map.optional("summary")?.string(&log)
        category.required = map.optional("required")?.bool(&log) ?? true
        if let levels = map.optional("levels")?.map(&log) {
            for (key, value) in levels.all() {
                if let text = value.string(&log) { category.levelDefinitions.append((.init(key, at: value), text)) }
            }
        }
        if let combine = map.optional("combine") {
            if case .mapping = combine.node, let m = combine.map(&log) {
                if let n = m.required("at_least", &log)?.integer(&log) {
                    category.combine = .init("at_least", at: combine)
                    category.atLeast = n
                }
                m.finish(known: ["at_least"], &log)
            } else if let text = combine.string(&log) {
                category.combine = .init(text, at: combine)
            }
        }
        if let node = map.optional("min_indicators"), let n = node.integer(&log) {
            category.minimumIndicators = .init(n, at: node)
        }
        for item in map.optional("indicators")?.list(&log) ?? [] {
            if let indicator = readIndicator(item, &log) { category.indicators.append(indicator) }
        }
        if let node = map.optional("gating") {
            category.gating = node.bool(&log).map { .init($0, at: node) }
        }
        if let node = map.optional("rule_out") {
            category.ruleOutNode = .init((), at: node)
            for (level, value) in node.map(&log)?.all() ?? [] {
                if case .mapping = value.node, let routes = value.map(&log), routes.keys.contains("any_of") {
                    // Alternative routes: `{any_of: [set, set]}`, each a set as below.
                    for route in routes.optional("any_of")?.list(&log) ?? [] {
                        if let set = readRuleOut(level, route, &log) { category.ruleOut.append(set) }
                    }
                    routes.finish(known: ["any_of"], &log)
                } else if let set = readRuleOut(level, value, &log) {
                    category.ruleOut.append(set)
                }
            }
        }
        return category
    }

    static func readRuleOut(_ level: String, _ node: YAMLValue, _ log: inout DiagnosticLog) -> RuleOutDocument? {
        guard let map = node.map(&log) else { return nil }
        defer { map.finish(known: ["require", "indicators", "rationale"], &log) }
        var set = RuleOutDocument(level: .init(level, at: node))
        set.rationale = map.required("rationale", &log)?.string(&log)
        if let require = map.optional("require") {
            if case .mapping = require.node, let m = require.map(&log) {
                if let n = m.required("at_least", &log)?.integer(&log) { set.require = .init("at_least", at: require); set.atLeast = n }
                m.finish(known: ["at_least"], &log)
            } else if let text = require.string(&log) {
                set.require = .init(text, at: require)
            }
        }
        for item in map.required("indicators", &log)?.list(&log) ?? [] {
            if case .mapping = item.node, let m = item.map(&log) {
                if let idNode = m.required("id", &log), let id = idNode.string(&log) {
                    let bar = m.optional("bar").flatMap { node in node.number(&log).map { Located($0, at: node) } }
                    set.entries.append(RuleOutEntryDocument(indicator: .init(id, at: idNode), bar: bar))
                }
                m.finish(known: ["id", "bar"], &log)
            } else if let id = item.string(&log) {
                set.entries.append(RuleOutEntryDocument(indicator: .init(id, at: item), bar: nil))
            }
        }
        return set
    }

    static func readIndicator(_ node: YAMLValue, _ log: inout DiagnosticLog) -> IndicatorDocument? {
        guard let map = node.map(&log) else { return nil }
        defer { map.finish(known: indicatorKeys, &log) }
        guard let idNode = map.required("id", &log), let id = idNode.string(&log) else { return nil }
        var indicator = IndicatorDocument(id: .init(id, at: idNode))
        indicator.name = map.required("name", &log)?.string(&log) ?? id
        if let node = map.required("evaluator", &log) {
            if case .mapping = node.node {
                indicator.evaluator = .init(EvaluatorDefinitionReader.inlineName(indicator: id), at: node)
                indicator.inlineEvaluator = node
            } else if let s = node.string(&log) {
                indicator.evaluator = .init(s, at: node)
            }
        }
        if let node = map.optional("params") {
            indicator.parameters = .init(EvaluatorParameters(readParameters(node, &log)), at: node)
        }
        indicator.evaluation = map.required("eval", &log)?.string(&log) ?? ""
        indicator.metrics = map.required("metric", &log)?.strings(&log) ?? []
        if let node = map.optional("unit"), let s = node.string(&log) { indicator.unit = .init(s, at: node) }
        if let node = map.optional("direction"), let s = node.string(&log) { indicator.direction = .init(s, at: node) }
        indicator.inclusive = map.optional("inclusive")?.bool(&log) ?? true
        indicator.required = map.optional("required")?.bool(&log) ?? false
        if let node = map.optional("early_warning_margin"), let n = node.number(&log) {
            indicator.earlyWarningMargin = .init(n, at: node)
        }
        if let thresholds = map.optional("thresholds")?.map(&log) {
            for (level, value) in thresholds.all() {
                if let threshold = readThreshold(level, value, &log) { indicator.thresholds.append(threshold) }
            }
        }
        for item in map.optional("baselines")?.list(&log) ?? [] {
            guard let m = item.map(&log) else { continue }
            let name = m.required("name", &log)?.string(&log)
            if let valueNode = m.required("value", &log), let value = valueNode.number(&log), let name {
                indicator.baselines.append(
                    BaselineDocument(name: name, value: .init(value, at: valueNode), source: m.optional("source")?.string(&log)))
            }
            m.finish(known: ["name", "value", "source"], &log)
        }
        return indicator
    }

    static func readThreshold(_ level: String, _ node: YAMLValue, _ log: inout DiagnosticLog) -> ThresholdDocument? {
        guard let map = node.map(&log) else { return nil }
        defer { map.finish(known: ["value", "relative_to", "ratio", "difference", "rationale"], &log) }
        let rationale = map.required("rationale", &log)?.string(&log)
        if let referenceNode = map.optional("relative_to") {
            var relative = RelativeDocument(node: .init((), at: referenceNode))
            if let m = referenceNode.map(&log) {
                relative.model = m.required("model", &log)?.string(&log)
                relative.snapshot = m.optional("snapshot")?.string(&log)
                relative.stage = m.optional("stage").flatMap { node in node.string(&log).map { Located($0, at: node) } }
                m.finish(known: ["model", "snapshot", "stage"], &log)
            }
            relative.ratio = map.optional("ratio").flatMap { node in node.number(&log).map { Located($0, at: node) } }
            relative.difference = map.optional("difference").flatMap { node in node.number(&log).map { Located($0, at: node) } }
            if let value = map.optional("value") {
                value.log("threshold '\(level)' gives both value and relative_to; give one", &log)
            }
            return ThresholdDocument(level: .init(level, at: node), value: nil, relative: relative, rationale: rationale)
        }
        guard let valueNode = map.required("value", &log), let value = valueNode.number(&log) else { return nil }
        for key in ["ratio", "difference"] {
            if let extra = map.optional(key) { extra.log("'\(key)' needs relative_to (the model it is relative to)", &log) }
        }
        return ThresholdDocument(level: .init(level, at: node), value: .init(value, at: valueNode), relative: nil, rationale: rationale)
    }

    static func readGate(_ node: YAMLValue, _ log: inout DiagnosticLog) -> GateDocument? {
        guard let map = node.map(&log) else { return nil }
        defer { map.finish(known: gateKeys, &log) }
        guard let idNode = map.required("id", &log), let id = idNode.string(&log) else { return nil }
        var gate = GateDocument(id: .init(id, at: idNode))
        gate.name = map.required("name", &log)?.string(&log) ?? id
        gate.summary = map.optional("summary")?.string(&log)
        if let node = map.required("stage", &log), let s = node.string(&log) { gate.stage = .init(s, at: node) }
        if let node = map.optional("categories") {
            gate.categoriesNode = .init((), at: node)
            for item in node.list(&log) ?? [] {
                if let s = item.string(&log) { gate.categories.append(.init(s, at: item)) }
            }
        }
        let ceiling = map.optional("passes_if_at_most")
        let trigger = map.optional("required_if_at_least")
        switch (ceiling, trigger) {
        case (let node?, nil):
            gate.kind = .init("ceiling", at: node)
            if let s = node.string(&log) { gate.level = .init(s, at: node) }
        case (nil, let node?):
            gate.kind = .init("trigger", at: node)
            if let s = node.string(&log) { gate.level = .init(s, at: node) }
        case (_?, _?):
            node.log("gate '\(id)' has both passes_if_at_most and required_if_at_least; give one", &log)
        case (nil, nil):
            node.log("gate '\(id)' needs passes_if_at_most (a ceiling) or required_if_at_least (a trigger)", &log)
        }
        return gate
    }

    static func readParameters(_ node: YAMLValue, _ log: inout DiagnosticLog) -> [String: ParameterValue] {
        guard let map = node.map(&log) else { return [:] }
        var values: [String: ParameterValue] = [:]
        for (key, value) in map.all() {
            if let parsed = parameterValue(value, &log) { values[key] = parsed }
        }
        return values
    }

    static func parameterValue(_ node: YAMLValue, _ log: inout DiagnosticLog) -> ParameterValue? {
        switch node.node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if scalar.string == "true" { return .bool(true) }
                if scalar.string == "false" { return .bool(false) }
                if let number = Double(scalar.string), number.isFinite { return .number(number) }
            }
            return .string(scalar.string)
        case .sequence:
            let items = (node.list(&log) ?? []).compactMap { parameterValue($0, &log) }
            return .list(items)
        case .mapping:
            return .map(readParameters(node, &log))
        case .alias:
            node.log("\(node.path): YAML aliases are not supported in parameters", &log)
            return nil
        }
    }
}
