/// An evaluator's parameters checked against its declarations, with the defaults filled in.
///
/// The only way to make one is to check a framework file's parameters against the evaluator's
/// ``ParameterSpec``s, so an evaluator never sees an unknown key, a value of the wrong kind, or a
/// missing required one. A Swift evaluator reads its values typed, through its ``Parameter``s.
public struct ParameterValues: Hashable, Sendable {
    /// The declarations the values were checked against, in declaration order.
    public let declared: [ParameterSpec]
    /// Every given value, plus the default of every declared parameter not given.
    public let values: [String: ParameterValue]

    /// Checks `given` against `declared`, throwing the first of ``problems(_:declared:)``.
    public init(_ given: EvaluatorParameters, declared: [ParameterSpec]) throws(ParameterError) {
        if let problem = Self.problems(given, declared: declared).first { throw problem }
        var values = given.values
        for spec in declared where values[spec.name] == nil {
            values[spec.name] = spec.defaultValue
        }
        self.declared = declared
        self.values = values
    }

    /// Every problem of `given` against `declared`: unknown names first (sorted, each naming the
    /// known ones), then, in declaration order, values of the wrong kind and missing required ones.
    public static func problems(_ given: EvaluatorParameters, declared: [ParameterSpec]) -> [ParameterError] {
        let known = declared.map(\.name)
        var problems: [ParameterError] = []
        for key in given.keys where !known.contains(key) {
            let list = known.isEmpty ? "this evaluator takes no parameters" : "known: \(known.sorted().joined(separator: ", "))"
            problems.append(ParameterError(key: key, message: "unknown parameter '\(key)' (\(list))"))
        }
        for spec in declared {
            if let value = given.values[spec.name] {
                if let problem = spec.kind.problem(with: value) { problems.append(ParameterError(key: spec.name, message: problem)) }
            } else if spec.isRequired {
                problems.append(ParameterError(key: spec.name, message: "required but not given (expected \(spec.kind))"))
            }
        }
        return problems
    }

    /// The value of `parameter`, typed.
    ///
    /// Throws only when the evaluator reads a parameter it does not declare (a mistake in the
    /// evaluator, reported when a framework naming it is loaded).
    public subscript<Value>(parameter: Parameter<Value>) -> Value {
        get throws(ParameterError) {
            let name = parameter.spec.name
            guard declared.contains(parameter.spec) else {
                throw ParameterError(key: name, message: "is read by the evaluator but not among the parameters it declares")
            }
            guard let value = parameter.read(values[name]) else {
                throw ParameterError(key: name, message: "expected \(parameter.spec.kind), found \(values[name]?.description ?? "nothing")")
            }
            return value
        }
    }

    /// The value of the parameter `name`, untyped: for evaluators that are not Swift types.
    public subscript(name: String) -> ParameterValue? { values[name] }
}
