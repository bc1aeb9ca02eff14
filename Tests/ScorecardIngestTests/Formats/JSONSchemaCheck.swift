import Foundation
@testable import ScorecardIngest
import ScorecardJSON

/// A JSON Schema (draft-07) checker for the keywords EEE's schemas use, for tests only.
///
/// Covers `type`, `enum`, `const`, `required`, `properties`, `additionalProperties` (false or a
/// schema), `items`, `minItems`, `minimum`, `maximum`, `pattern`, `oneOf`, `allOf`, `not`,
/// `if`/`then`/`else` and local `$ref` (`#/$defs/…`). Unknown keywords (`description`, `default`,
/// `$schema`, `version`) are ignored, as validators do. Python's `jsonschema` was run on the same
/// files during development; this keeps the check in `swift test`.
struct JSONSchemaCheck {
    let root: JSONValue

    init(schemaPath: String) throws {
        root = try JSONParser.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: schemaPath))))
    }

    /// Every violation, as `path: problem`.
    func errors(_ value: JSONValue) -> [String] { errors(value, root, "$") }

    private func errors(_ value: JSONValue, _ schema: JSONValue, _ path: String) -> [String] {
        guard case .object(let rules) = schema else { return [] }
        if case .string(let reference)? = rules["$ref"] {
            guard let target = resolve(reference) else { return ["\(path): unresolved $ref \(reference)"] }
            return errors(value, target, path)
        }
        var found: [String] = []
        if let type = rules["type"] {
            let allowed: [String] = switch type {
            case .string(let name): [name]
            case .array(let names): names.compactMap(\.stringValue)
            default: []
            }
            if !allowed.contains(where: { Self.has(value, type: $0) }) { found.append("\(path): expected \(allowed.joined(separator: " or ")), found \(value.kindName)") }
        }
        if case .array(let options)? = rules["enum"], !options.contains(where: { Self.same($0, value) }) {
            found.append("\(path): \(value.shortDescription) is not one of the allowed values")
        }
        if let constant = rules["const"], !Self.same(constant, value) { found.append("\(path): must be \(constant.shortDescription)") }
        if case .object(let object) = value {
            if case .array(let required)? = rules["required"] {
                for case .string(let name) in required where object[name] == nil {
                    found.append("\(path): missing required '\(name)'")
                }
            }
            let properties = rules["properties"]?.objectValue
            for member in object.members {
                if let property = properties?[member.key] {
                    found += errors(member.value, property, "\(path).\(member.key)")
                } else if let additional = rules["additionalProperties"] {
                    if additional == .bool(false) {
                        found.append("\(path): unexpected member '\(member.key)'")
                    } else {
                        found += errors(member.value, additional, "\(path).\(member.key)")
                    }
                }
            }
        }
        if case .array(let items) = value {
            if let itemSchema = rules["items"] {
                for (index, item) in items.enumerated() { found += errors(item, itemSchema, "\(path)[\(index)]") }
            }
            if let minimum = rules["minItems"]?.integerValue, items.count < minimum { found.append("\(path): fewer than \(minimum) items") }
        }
        if case .number(let number, _) = value {
            if let minimum = rules["minimum"]?.numberValue, number < minimum { found.append("\(path): below \(minimum)") }
            if let maximum = rules["maximum"]?.numberValue, number > maximum { found.append("\(path): above \(maximum)") }
        }
        if case .string(let text) = value, case .string(let pattern)? = rules["pattern"] {
            if let regex = try? Regex(pattern), (try? regex.firstMatch(in: text)) == nil { found.append("\(path): does not match \(pattern)") }
        }
        if case .array(let options)? = rules["oneOf"] {
            let matching = options.filter { errors(value, $0, path).isEmpty }.count
            if matching != 1 { found.append("\(path): matches \(matching) of the oneOf schemas, expected exactly 1") }
        }
        if case .array(let all)? = rules["allOf"] {
            for part in all { found += errors(value, part, path) }
        }
        if let negated = rules["not"], errors(value, negated, path).isEmpty { found.append("\(path): matches a schema it must not") }
        if let condition = rules["if"] {
            if errors(value, condition, path).isEmpty {
                if let then = rules["then"] { found += errors(value, then, path) }
            } else if let otherwise = rules["else"] {
                found += errors(value, otherwise, path)
            }
        }
        return found
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: JSONValue? = root
        for part in reference.dropFirst(2).split(separator: "/") { current = current?.objectValue?[String(part)] }
        return current
    }

    private static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): true
        case ("integer", .number(let number, _)): number.isFinite && number == number.rounded()
        default: false
        }
    }

    private static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .number(let x, _) = a, case .number(let y, _) = b { return x == y }
        return a == b
    }
}
