/// The evaluators a framework may name, created by name and parameters.
///
/// The registry is an explicit value passed to whoever needs it, never a global. The built-ins
/// are listed in one place in `ScorecardEvaluators`.
public struct EvaluatorRegistry: Sendable {
    private let types: [String: any Evaluator.Type]

    /// A registry of the given evaluator types, refusing two with the same name.
    public init(_ types: [any Evaluator.Type]) throws(DuplicateEvaluatorName) {
        var byName: [String: any Evaluator.Type] = [:]
        for type in types {
            if let taken = byName[type.name] {
                throw DuplicateEvaluatorName(name: type.name, first: String(reflecting: taken), second: String(reflecting: type))
            }
            byName[type.name] = type
        }
        self.types = byName
    }

    /// The registered names, sorted.
    public var names: [String] { types.keys.sorted() }

    /// The registered types, sorted by name.
    public var evaluators: [any Evaluator.Type] { names.compactMap { types[$0] } }

    /// What each registered evaluator is and takes, sorted by name.
    public var descriptions: [EvaluatorDescription] { evaluators.map { $0.described } }

    /// The parameters the evaluator `name` declares, or nil when none is registered under it.
    public func parameters(of name: String) -> [ParameterSpec]? { types[name]?.parameters }

    /// The type registered under `name`.
    public func type(named name: String) -> (any Evaluator.Type)? { types[name] }

    /// Creates the evaluator `name` with `parameters`, checked against its declarations.
    public func make(_ name: String, parameters: EvaluatorParameters) throws(RegistryError) -> any Evaluator {
        guard let type = types[name] else { throw .unknownEvaluator(name, known: names) }
        do {
            return try type.init(checking: parameters)
        } catch {
            throw .invalidParameter(evaluator: name, error)
        }
    }

    /// Every reason `make(name, parameters:)` would fail (empty when it would not): for a
    /// framework check that reports all of them at once.
    public func problems(_ name: String, parameters: EvaluatorParameters) -> [RegistryError] {
        guard let type = types[name] else { return [.unknownEvaluator(name, known: names)] }
        let problems = ParameterValues.problems(parameters, declared: type.parameters)
        guard problems.isEmpty else { return problems.map { .invalidParameter(evaluator: name, $0) } }
        do {
            _ = try type.init(checking: parameters)
            return []
        } catch {
            return [.invalidParameter(evaluator: name, error)]
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

/// Two evaluators given to one registry under the same name.
public struct DuplicateEvaluatorName: Error, Hashable, Sendable, CustomStringConvertible {
    public let name: String
    /// The two types, fully qualified, in the order they were given.
    public let first: String
    public let second: String

    public init(name: String, first: String, second: String) {
        self.name = name
        self.first = first
        self.second = second
    }

    public var description: String {
        "two evaluators are named '\(name)': \(first) and \(second); give one another name (static let name = \"…\")"
    }
}
