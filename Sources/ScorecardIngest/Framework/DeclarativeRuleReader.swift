import ScorecardCore

/// Reads the shape of a declarative evaluator: exactly one of the keys in ``shapes``.
///
/// A result is `{eval, metric, variant}`, each optional (the indicator's evaluation and metrics,
/// any variant); any text or number may be `$name`, the value of the evaluator's parameter `name`.
enum DeclarativeRuleReader {
    static let shapes = ["ratio", "difference", "weighted_mean", "count_above", "worst_of", "best_of"]
    static let operandKeys = ["eval", "metric", "variant"]

    static func read(_ map: YAMLMap, at node: YAMLValue, _ log: inout DiagnosticLog) -> DeclarativeRule? {
        let given = shapes.filter { map.keys.contains($0) }
        guard given.count == 1, let shape = given.first, let value = map.optional(shape) else {
            let found = given.isEmpty ? "none" : given.joined(separator: ", ")
            node.log("a declarative evaluator needs exactly one shape (\(shapes.joined(separator: ", "))); found \(found)", &log)
            for extra in given { _ = map.optional(extra) }
            return nil
        }
        switch shape {
        case "ratio":
            guard let m = value.map(&log) else { return nil }
            defer { m.finish(known: ["numerator", "denominator"], &log) }
            guard let top = m.required("numerator", &log).flatMap({ operand($0, &log) }),
                  let bottom = m.required("denominator", &log).flatMap({ operand($0, &log) }) else { return nil }
            return .ratio(numerator: top, denominator: bottom)
        case "difference":
            return difference(value, &log)
        case "weighted_mean":
            guard let items = value.list(&log), !items.isEmpty else { value.log("weighted_mean needs a list of results", &log); return nil }
            let terms = items.compactMap { term($0, numberKey: "weight", fallback: nil, &log) }
            return terms.count == items.count ? .weightedMean(terms) : nil
        case "count_above":
            guard let m = value.map(&log) else { return nil }
            defer { m.finish(known: ["results", "bar", "inclusive"], &log) }
            let bar = m.optional("bar").flatMap { number($0, &log) }
            let inclusive = m.optional("inclusive")?.bool(&log) ?? true
            guard let items = m.required("results", &log)?.list(&log), !items.isEmpty else { return nil }
            let terms = items.compactMap { term($0, numberKey: "bar", fallback: bar, &log) }
            return terms.count == items.count ? .countAbove(terms, inclusive: inclusive) : nil
        default:
            guard let m = value.map(&log) else { return nil }
            defer { m.finish(known: operandKeys + ["variants"], &log) }
            let variants = m.optional("variants").flatMap { node in node.strings(&log) }?.map(text) ?? []
            let end: DeclarativeRule.Extreme = shape == "best_of" ? .best : .worst
            return .extreme(end, of: operand(m, &log), variants: variants)
        }
    }

    private static func difference(_ value: YAMLValue, _ log: inout DiagnosticLog) -> DeclarativeRule? {
        guard let m = value.map(&log) else { return nil }
        defer { m.finish(known: ["of", "from"], &log) }
        let of = m.optional("of").flatMap { operand($0, &log) } ?? DeclarativeRule.Operand()
        guard let fromNode = m.required("from", &log), let from = fromNode.map(&log) else { return nil }
        defer { from.finish(known: ["result", "baseline", "model", "snapshot", "value"], &log) }
        let kinds = ["result", "baseline", "model", "value"].filter { from.keys.contains($0) }
        guard kinds.count == 1 else {
            fromNode.log("difference.from needs exactly one of result, baseline, model (with an optional snapshot) or value", &log)
            for key in kinds + ["snapshot"] { _ = from.optional(key) }
            return nil
        }
        let reference: DeclarativeRule.Reference?
        switch kinds[0] {
        case "result": reference = from.optional("result").flatMap { operand($0, &log) }.map { .result($0) }
        case "baseline": reference = from.optional("baseline")?.string(&log).map { .baseline(text($0)) }
        case "model":
            let snapshot = from.optional("snapshot")?.string(&log).map(text)
            reference = from.optional("model")?.string(&log).map { .model(text($0), snapshot: snapshot) }
        default: reference = from.optional("value").flatMap { number($0, &log) }.map { .number($0) }
        }
        if kinds[0] != "model", let snapshot = from.optional("snapshot") { snapshot.log("snapshot goes with model", &log) }
        return reference.map { .difference(value: of, from: $0) }
    }

    private static func term(
        _ node: YAMLValue, numberKey: String, fallback: NumberValue?, _ log: inout DiagnosticLog
    ) -> DeclarativeRule.Term? {
        guard let m = node.map(&log) else { return nil }
        defer { m.finish(known: operandKeys + [numberKey], &log) }
        let operand = operand(m, &log)
        guard let number = m.optional(numberKey).flatMap({ number($0, &log) }) ?? fallback else {
            node.log("\(node.path) needs '\(numberKey)'", &log)
            return nil
        }
        return DeclarativeRule.Term(operand: operand, number: number)
    }

    private static func operand(_ node: YAMLValue, _ log: inout DiagnosticLog) -> DeclarativeRule.Operand? {
        guard let m = node.map(&log) else { return nil }
        defer { m.finish(known: operandKeys, &log) }
        return operand(m, &log)
    }

    private static func operand(_ m: YAMLMap, _ log: inout DiagnosticLog) -> DeclarativeRule.Operand {
        DeclarativeRule.Operand(
            evaluation: m.optional("eval")?.string(&log).map(text), metric: m.optional("metric")?.string(&log).map(text),
            variant: m.optional("variant")?.string(&log).map(text))
    }

    static func text(_ written: String) -> TextValue {
        written.hasPrefix("$") && written.count > 1 ? .parameter(String(written.dropFirst())) : .literal(written)
    }

    private static func number(_ node: YAMLValue, _ log: inout DiagnosticLog) -> NumberValue? {
        if case .scalar(let scalar) = node.node, scalar.string.hasPrefix("$"), scalar.string.count > 1 {
            return .parameter(String(scalar.string.dropFirst()))
        }
        return node.number(&log).map { .literal($0) }
    }
}
