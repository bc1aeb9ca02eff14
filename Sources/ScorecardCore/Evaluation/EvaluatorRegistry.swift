/// The evaluators a framework may name, created by name and parameters.
///
/// The registry is an explicit value passed to whoever needs it, never a global. The built-ins
/// are listed in one place in `ScorecardEvaluators`.
public struct EvaluatorRegistry: Sendable {
    private let types: [String: any Evaluator.Type]

    /// A registry of the given evaluator types. A later type with a taken name replaces the earlier.
    public init(_ types: [any Evaluator.Type]) {
        var byName: [String: any Evaluator.Type] = [:]
        for type in types { byName[type.name] = type }
        self.types = byName
    }

    /// The registered names, sorted.
    public var names: [String] { types.keys.sorted() }

    /// The registered types, sorted by name.
    public var evaluators: [any Evaluator.Type] { names.compactMap { types[$0] } }

    /// The type registered under `name`.
    public func type(named name: String) -> (any Evaluator.Type)? { types[name] }

    /// Creates the evaluator `name` with `parameters`.
    public func make(_ name: String, parameters: EvaluatorParameters) throws(RegistryError) -> any Evaluator {
        guard let type = types[name] else { throw .unknownEvaluator(name, known: names) }
        do {
            return try type.init(parameters: parameters)
        } catch {
            throw .invalidParameter(evaluator: name, error)
        }
    }
}

/// Why an evaluator could not be created.
public enum RegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownEvaluator(String, known: [String])
    case invalidParameter(evaluator: String, ParameterError)

    public var description: String {
        switch self {
        case .unknownEvaluator(let name, let known):
            "unknown evaluator '\(name)' (known: \(known.joined(separator: ", ")))"
        case .invalidParameter(let evaluator, let error):
            "evaluator '\(evaluator)': parameter '\(error.key)': \(error.message)"
        }
    }
}
