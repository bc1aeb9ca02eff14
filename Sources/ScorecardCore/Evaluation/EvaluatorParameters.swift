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

/// The parameters of one evaluator instance as a framework file gives them, keyed by name.
///
/// Unchecked: ``ParameterValues`` checks them against the evaluator's declarations
/// (``ParameterSpec``) before the evaluator sees them.
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

/// A parameter value reads and writes as the plain JSON value it stands for: `"text"`, `3`,
/// `true`, `[…]` or `{…}`.
extension ParameterValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([ParameterValue].self) {
            self = .list(items)
        } else {
            self = .map(try container.decode([String: ParameterValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .list(let items): try container.encode(items)
        case .map(let entries): try container.encode(entries)
        }
    }
}
