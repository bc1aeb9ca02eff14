/// A parameter value from a framework file, before an evaluator interprets it.
public enum ParameterValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([ParameterValue])
    case map([String: ParameterValue])

    public var description: String {
        switch self {
        case .string(let s): s
        case .number(let n): Format.number(n)
        case .bool(let b): b ? "true" : "false"
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let entries):
            "{" + entries.keys.sorted().map { "\($0): \(entries[$0]!.description)" }.joined(separator: ", ") + "}"
        }
    }
}

/// The parameters of one evaluator instance, keyed by name.
///
/// Evaluators read their parameters through the typed accessors, which throw a
/// `ParameterError` naming the key when a value has the wrong shape.
public struct EvaluatorParameters: Hashable, Sendable, CustomStringConvertible {
    public let values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue] = [:]) {
        self.values = values
    }

    public var isEmpty: Bool { values.isEmpty }
    public var keys: [String] { values.keys.sorted() }

    public var description: String {
        keys.map { "\($0)=\(values[$0]!.description)" }.joined(separator: ", ")
    }

    /// A string parameter, or `fallback` when absent.
    public func string(_ key: String, default fallback: String? = nil) throws(ParameterError) -> String? {
        switch values[key] {
        case nil: return fallback
        case .string(let s): return s
        case let other?: throw ParameterError(key: key, message: "expected text, found \(other)")
        }
    }

    /// A number parameter, or `fallback` when absent.
    public func number(_ key: String, default fallback: Double? = nil) throws(ParameterError) -> Double? {
        switch values[key] {
        case nil: return fallback
        case .number(let n) where n.isFinite: return n
        case let other?: throw ParameterError(key: key, message: "expected a finite number, found \(other)")
        }
    }

    /// A whole-number parameter within `range`, or `fallback` when absent.
    public func integer(
        _ key: String, in range: ClosedRange<Int>, default fallback: Int? = nil
    ) throws(ParameterError) -> Int? {
        guard let n = try number(key) else { return fallback }
        guard n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
            throw ParameterError(
                key: key, message: "expected a whole number in \(range.lowerBound)...\(range.upperBound), found \(Format.number(n))")
        }
        return Int(n)
    }

    /// A boolean parameter, or `fallback` when absent.
    public func bool(_ key: String, default fallback: Bool) throws(ParameterError) -> Bool {
        switch values[key] {
        case nil: return fallback
        case .bool(let b): return b
        case let other?: throw ParameterError(key: key, message: "expected true or false, found \(other)")
        }
    }

    /// A parameter that must be one of `choices`.
    public func choice(_ key: String, of choices: [String], default fallback: String) throws(ParameterError) -> String {
        let value = try string(key) ?? fallback
        guard choices.contains(value) else {
            throw ParameterError(key: key, message: "unknown value '\(value)' (known: \(choices.joined(separator: ", ")))")
        }
        return value
    }

    /// Rejects keys the evaluator does not know, naming the known ones.
    public func requireOnly(_ known: [String]) throws(ParameterError) {
        if let unknown = keys.first(where: { !known.contains($0) }) {
            let list = known.isEmpty ? "this evaluator takes no parameters" : "known: \(known.sorted().joined(separator: ", "))"
            throw ParameterError(key: unknown, message: "unknown parameter '\(unknown)' (\(list))")
        }
    }
}

/// An evaluator parameter with the wrong name or shape.
public struct ParameterError: Error, Hashable, Sendable, CustomStringConvertible {
    public let key: String
    public let message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { message }
}
