import ScorecardCore

/// Reads the `params:` of an evaluator definition: each parameter declared as a built-in's is.
///
/// ```yaml
/// params:
///   control: {kind: text, required: true, help: metric of the control arm}
///   k: {kind: whole_number, range: [1, 100], default: 1, help: attempts per problem}
///   mode: {kind: choice, values: [mean, max], default: mean, help: how runs combine}
/// ```
enum ParameterDeclarationReader {
    static let kinds = ["text", "number", "whole_number", "boolean", "choice", "text_list"]
    static let keys = ["kind", "help", "default", "required", "range", "values"]

    static func read(_ node: YAMLValue?, _ log: inout DiagnosticLog) -> [ParameterSpec] {
        guard let node, let map = node.map(&log) else { return [] }
        var specs: [ParameterSpec] = []
        for (name, value) in map.all() {
            guard let entry = value.map(&log) else { continue }
            defer { entry.finish(known: keys, &log) }
            guard EvaluatorDefinitionReader.isName(name) else {
                value.log("parameter name '\(name)' must be lower-case letters, digits and underscores, starting with a letter", &log)
                continue
            }
            let help = entry.required("help", &log)?.string(&log) ?? ""
            guard let kindNode = entry.required("kind", &log), let kindText = kindNode.string(&log) else { continue }
            guard let kind = self.kind(kindText, entry, at: kindNode, &log) else { continue }
            let defaultValue = entry.optional("default").flatMap { FrameworkReader.parameterValue($0, &log) }
            let required = entry.optional("required")?.bool(&log) ?? false
            let spec = ParameterSpec(name: name, kind: kind, default: defaultValue, required: required, help: help)
            if let problem = spec.declarationProblem {
                value.log(problem, &log)
                continue
            }
            specs.append(spec)
        }
        return specs
    }

    private static func kind(_ text: String, _ entry: YAMLMap, at node: YAMLValue, _ log: inout DiagnosticLog) -> ParameterSpec.Kind? {
        let range = entry.optional("range").flatMap { node -> (Double, Double)? in
            guard let items = node.list(&log), items.count == 2, let low = items[0].number(&log), let high = items[1].number(&log), low <= high else {
                node.log("range must be [low, high] with low <= high", &log)
                return nil
            }
            return (low, high)
        }
        switch text {
        case "text": return .text
        case "boolean": return .boolean
        case "text_list": return .list(of: .text)
        case "number": return .number(in: range.map { $0.0...$0.1 })
        case "whole_number":
            guard let range else { return .wholeNumber(in: 0...Int(Int32.max)) }
            guard let low = Int(exactly: range.0), let high = Int(exactly: range.1) else {
                node.log("the range of a whole number must be whole numbers", &log)
                return nil
            }
            return .wholeNumber(in: low...high)
        case "choice":
            guard let values = entry.required("values", &log)?.strings(&log), !values.isEmpty else { return nil }
            return .choice(of: values)
        default:
            node.log("unknown parameter kind '\(text)' (known: \(kinds.joined(separator: ", ")))", &log)
            return nil
        }
    }
}
