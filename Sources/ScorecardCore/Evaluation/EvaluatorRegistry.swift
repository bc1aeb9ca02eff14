/// The evaluators a framework may name, created by name and parameters.
///
/// The registry is an explicit value passed to whoever needs it, never a global. The built-ins
/// are listed in one place in `ScorecardEvaluators`. Declarative and external evaluators, which
/// frameworks define, are added with ``defining(_:context:)`` through the builder registered for
/// their kind (``supporting(_:with:)``); from then on they are listed, checked and made exactly as
/// the built-ins are.
public struct EvaluatorRegistry: Sendable {
    /// One registered evaluator: what it is, and how to make it from checked parameters.
    public struct Entry: Sendable {
        public let description: EvaluatorDescription
        /// The Swift type of a built-in; nil for evaluators defined in files.
        public let type: (any Evaluator.Type)?
        let make: @Sendable (ParameterValues) throws(ParameterError) -> any Measuring

        /// An evaluator that is not a Swift type: `make` receives parameters already checked
        /// against `description.parameters`.
        public init(
            description: EvaluatorDescription, make: @escaping @Sendable (ParameterValues) throws(ParameterError) -> any Measuring
        ) {
            self.description = description
            self.type = nil
            self.make = make
        }

        init(type: any Evaluator.Type) {
            description = type.described
            self.type = type
            make = { values throws(ParameterError) in try type.init(parameters: values) }
        }
    }

    /// Makes the evaluator a definition describes, for the indicators that use it.
    public typealias Builder = @Sendable (EvaluatorDefinition, DefinitionContext) throws(DefinitionError) -> Entry

    private let entries: [String: Entry]
    private let builders: [EvaluatorKind: Builder]

    /// A registry of the given evaluator types, refusing two with the same name.
    public init(_ types: [any Evaluator.Type]) throws(DuplicateEvaluatorName) {
        try self.init(entries: types.map(Entry.init(type:)), builders: [:])
    }

    private init(entries list: [Entry], builders: [EvaluatorKind: Builder]) throws(DuplicateEvaluatorName) {
        var byName: [String: Entry] = [:]
        for entry in list {
            let name = entry.description.name
            if let taken = byName[name] {
                throw DuplicateEvaluatorName(name: name, first: Self.label(taken), second: Self.label(entry))
            }
            byName[name] = entry
        }
        entries = byName
        self.builders = builders
    }

    private static func label(_ entry: Entry) -> String {
        if let type = entry.type { return String(reflecting: type) }
        let origin = entry.description.origin
        let place = origin?.file ?? "the framework file"
        return "the \(entry.description.kind.rawValue) evaluator defined in \(place)\(origin?.line.map { ":\($0)" } ?? "")"
    }

    /// The same registry, making evaluators of `kind` from definitions with `builder`.
    public func supporting(_ kind: EvaluatorKind, with builder: @escaping Builder) -> EvaluatorRegistry {
        var builders = self.builders
        builders[kind] = builder
        // The entries are those of a registry already checked for duplicates.
        return (try? EvaluatorRegistry(entries: Array(entries.values), builders: builders)) ?? self
    }

    /// Whether definitions of `kind` can become evaluators in this registry.
    public func supports(_ kind: EvaluatorKind) -> Bool { kind == .builtin || builders[kind] != nil }

    /// The same registry with the evaluators `definitions` describe added.
    ///
    /// Throws the first definition whose kind this registry has no builder for, that its builder
    /// refuses, or whose name is taken.
    public func defining(
        _ definitions: [EvaluatorDefinition], context: (EvaluatorDefinition) -> DefinitionContext = { _ in .init() }
    ) throws(DefinitionError) -> EvaluatorRegistry {
        var added = Array(entries.values)
        for definition in definitions {
            if let taken = entries[definition.name] {
                throw DefinitionError(
                    evaluator: definition.name, message: "the name is taken by \(Self.label(taken)); give the definition another name")
            }
            guard let builder = builders[definition.kind] else {
                throw DefinitionError(
                    evaluator: definition.name, message: "this registry cannot make \(definition.kind.rawValue) evaluators")
            }
            added.append(try builder(definition, context(definition)))
        }
        do {
            return try EvaluatorRegistry(entries: added, builders: builders)
        } catch {
            throw DefinitionError(evaluator: error.name, message: "defined twice: \(error.first) and \(error.second)")
        }
    }

    /// The registered names, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The built-in types, sorted by name.
    public var evaluators: [any Evaluator.Type] { names.compactMap { entries[$0]?.type } }

    /// What each registered evaluator is and takes, sorted by name.
    public var descriptions: [EvaluatorDescription] { names.compactMap { entries[$0]?.description } }

    /// What the evaluator `name` is and takes, or nil when none is registered under it.
    public func description(of name: String) -> EvaluatorDescription? { entries[name]?.description }

    /// The parameters the evaluator `name` declares, or nil when none is registered under it.
    public func parameters(of name: String) -> [ParameterSpec]? { entries[name]?.description.parameters }

    /// The built-in type registered under `name` (nil for evaluators defined in files).
    public func type(named name: String) -> (any Evaluator.Type)? { entries[name]?.type }

    /// Creates the evaluator `name` with `parameters`, checked against its declarations.
    public func make(_ name: String, parameters: EvaluatorParameters) throws(RegistryError) -> any Measuring {
        guard let entry = entries[name] else { throw .unknownEvaluator(name, known: names) }
        do {
            return try entry.make(ParameterValues(parameters, declared: entry.description.parameters))
        } catch {
            throw .invalidParameter(evaluator: name, error)
        }
    }

    /// Every reason `make(name, parameters:)` would fail (empty when it would not): for a
    /// framework check that reports all of them at once.
    public func problems(_ name: String, parameters: EvaluatorParameters) -> [RegistryError] {
        guard let entry = entries[name] else { return [.unknownEvaluator(name, known: names)] }
        let problems = ParameterValues.problems(parameters, declared: entry.description.parameters)
        guard problems.isEmpty else { return problems.map { .invalidParameter(evaluator: name, $0) } }
        do {
            _ = try make(name, parameters: parameters)
            return []
        } catch {
            return [error]
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
