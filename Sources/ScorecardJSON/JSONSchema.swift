/// A JSON Schema checker for the keywords Scorecard's own schemas and the formats it reads use.
///
/// Covers `type`, `enum`, `const`, `required`, `properties`, `additionalProperties` (a boolean
/// or a schema), `propertyNames`, `dependentRequired`, `items`, `minItems`, `maxItems`,
/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength`,
/// `pattern`, `oneOf`, `anyOf`, `allOf`, `not`, `if`/`then`/`else`, boolean schemas and local
/// `$ref` (`#/$defs/…`, `#/definitions/…`), which is what draft-07 and draft 2020-12 share for
/// these documents. Under draft 2020-12 (a `$schema` naming it) the keywords beside a `$ref`
/// apply too; under draft-07 they are ignored, as that draft says. Other keywords
/// (`description`, `title`, `default`, `$schema`, `$id`) are ignored, as validators do. Tests
/// compare its verdicts with Python's `jsonschema` on the same files. Hand-written: no JSON
/// Schema validator is in the package mirror.
public struct JSONSchema: Sendable {
    /// The schema document.
    public let root: JSONValue

    /// Whether keywords beside `$ref` apply (draft 2019-09 and later) or are ignored (draft-07).
    private let refHasSiblings: Bool
    /// Every `pattern` of the schema, compiled once (a Swift regex takes about a millisecond to compile).
    private let patterns: CompiledPatterns

    public init(_ root: JSONValue) {
        self.root = root
        let draft = root.objectValue?["$schema"]?.stringValue ?? ""
        refHasSiblings = draft.contains("2020-12") || draft.contains("2019-09")
        patterns = CompiledPatterns(root)
    }

    /// Parses a schema document.
    public init(bytes: [UInt8]) throws(JSONError) {
        self.init(try JSONParser.parse(bytes))
    }

    /// The schema with `additionalProperties: false` added to every `"type": "object"` schema
    /// that lists `properties` and says nothing of other members (conditions and branches, which
    /// carry no type, are left as they are).
    ///
    /// Output schemas leave other members open, as their readers ignore them; the closed schema
    /// checks that what Scorecard writes has no member its schema does not describe.
    public var closed: JSONSchema { JSONSchema(Self.closing(root)) }

    private static func closing(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var members = object.members.map { JSONObject.Member(key: $0.key, value: closing($0.value), offset: $0.offset) }
            if object["type"] == .string("object"), object["properties"] != nil, object["additionalProperties"] == nil {
                members.append(JSONObject.Member(key: "additionalProperties", value: .bool(false), offset: 0))
            }
            return .object(JSONObject(members: members, offset: object.offset))
        case .array(let items):
            return .array(items.map(closing))
        default:
            return value
        }
    }

    /// Every violation of `value`, as `path: problem` (`$` is the whole value), in document order.
    public func errors(_ value: JSONValue) -> [String] { errors(value, root, "$") }

    private func errors(_ value: JSONValue, _ schema: JSONValue, _ path: String) -> [String] {
        if case .bool(let accepts) = schema { return accepts ? [] : ["\(path): no value is allowed here"] }
        guard case .object(let rules) = schema else { return [] }
        var found: [String] = []
        if case .string(let reference)? = rules["$ref"] {
            guard let target = resolve(reference) else { return ["\(path): unresolved $ref \(reference)"] }
            found = errors(value, target, path)
            guard refHasSiblings else { return found }
        }
        if let type = rules["type"] {
            let allowed: [String] = switch type {
            case .string(let name): [name]
            case .array(let names): names.compactMap(\.stringValue)
            default: []
            }
            if !allowed.contains(where: { Self.has(value, type: $0) }) {
                found.append("\(path): expected \(allowed.joined(separator: " or ")), found \(value.kindName)")
            }
        }
        if case .array(let options)? = rules["enum"], !options.contains(where: { Self.same($0, value) }) {
            found.append("\(path): \(value.shortDescription) is not one of the allowed values")
        }
        if let constant = rules["const"], !Self.same(constant, value) { found.append("\(path): must be \(constant.shortDescription)") }
        if case .object(let object) = value { found += objectErrors(object, rules, path) }
        if case .array(let items) = value {
            if let itemSchema = rules["items"] {
                for (index, item) in items.enumerated() { found += errors(item, itemSchema, "\(path)[\(index)]") }
            }
            if let minimum = rules["minItems"]?.integerValue, items.count < minimum { found.append("\(path): fewer than \(minimum) items") }
            if let maximum = rules["maxItems"]?.integerValue, items.count > maximum { found.append("\(path): more than \(maximum) items") }
        }
        if case .number(let number, _) = value { found += numberErrors(number, rules, path) }
        if case .string(let text) = value {
            let length = text.unicodeScalars.count
            if let minimum = rules["minLength"]?.integerValue, length < minimum { found.append("\(path): shorter than \(minimum) characters") }
            if let maximum = rules["maxLength"]?.integerValue, length > maximum { found.append("\(path): longer than \(maximum) characters") }
            if case .string(let pattern)? = rules["pattern"], !patterns.matches(pattern, text) {
                found.append("\(path): \(value.shortDescription) does not match \(pattern)")
            }
        }
        found += combinationErrors(value, rules, path)
        return found
    }

    private func objectErrors(_ object: JSONObject, _ rules: JSONObject, _ path: String) -> [String] {
        var found: [String] = []
        if case .array(let required)? = rules["required"] {
            for case .string(let name) in required where object[name] == nil {
                found.append("\(path): missing required '\(name)'")
            }
        }
        if case .object(let dependencies)? = rules["dependentRequired"] {
            for dependency in dependencies.members where object[dependency.key] != nil {
                guard case .array(let needed) = dependency.value else { continue }
                for case .string(let name) in needed where object[name] == nil {
                    found.append("\(path): '\(dependency.key)' needs '\(name)'")
                }
            }
        }
        if let names = rules["propertyNames"] {
            for member in object.members where !errors(.string(member.key), names, path).isEmpty {
                found.append("\(path): member name '\(member.key)' is not allowed")
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
        return found
    }

    private func numberErrors(_ number: Double, _ rules: JSONObject, _ path: String) -> [String] {
        var found: [String] = []
        if let minimum = rules["minimum"]?.numberValue, !(number >= minimum) { found.append("\(path): below \(minimum)") }
        if let maximum = rules["maximum"]?.numberValue, !(number <= maximum) { found.append("\(path): above \(maximum)") }
        if let bound = rules["exclusiveMinimum"]?.numberValue, !(number > bound) { found.append("\(path): not above \(bound)") }
        if let bound = rules["exclusiveMaximum"]?.numberValue, !(number < bound) { found.append("\(path): not below \(bound)") }
        return found
    }

    private func combinationErrors(_ value: JSONValue, _ rules: JSONObject, _ path: String) -> [String] {
        var found: [String] = []
        if case .array(let options)? = rules["oneOf"] {
            let verdicts = options.map { errors(value, $0, path) }
            let matching = verdicts.filter(\.isEmpty).count
            if matching != 1 {
                found.append("\(path): matches \(matching) of the oneOf schemas, expected exactly 1\(matching == 0 ? Self.closest(verdicts, path) : "")")
            }
        }
        if case .array(let options)? = rules["anyOf"] {
            let verdicts = options.map { errors(value, $0, path) }
            if !verdicts.contains(where: \.isEmpty) { found.append("\(path): matches none of the anyOf schemas\(Self.closest(verdicts, path))") }
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

    /// The problems of the alternative that came closest, to say why none matched: of those
    /// whose type fits the value (not refused with `path: expected …`), the one with the fewest.
    private static func closest(_ verdicts: [[String]], _ path: String) -> String {
        let typeMismatch = "\(path): expected "
        let fitting = verdicts.filter { !$0.contains { $0.hasPrefix(typeMismatch) } }
        guard let best = (fitting.isEmpty ? verdicts : fitting).min(by: { $0.count < $1.count }), !best.isEmpty else { return "" }
        return "; the closest fails with: " + best.prefix(3).joined(separator: "; ")
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return reference == "#" ? root : nil }
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
        switch (a, b) {
        case (.number(let x, _), .number(let y, _)): return x == y
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.object(let x), .object(let y)):
            return x.members.count == y.members.count && x.members.allSatisfy { member in y[member.key].map { same(member.value, $0) } ?? false }
        default: return a == b
        }
    }
}

/// The `pattern`s of a schema, compiled when the schema is made; immutable afterwards.
private final class CompiledPatterns: @unchecked Sendable {
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    init(_ schema: JSONValue) {
        collect(schema)
    }

    private func collect(_ value: JSONValue) {
        switch value {
        case .object(let object):
            if case .string(let pattern)? = object["pattern"], compiled[pattern] == nil, let regex = try? Regex(pattern) {
                compiled[pattern] = regex
            }
            for member in object.members { collect(member.value) }
        case .array(let items):
            for item in items { collect(item) }
        default:
            break
        }
    }

    /// Whether `pattern` matches somewhere in `text` (JSON Schema patterns are not anchored); a
    /// pattern that does not compile matches nothing.
    func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = compiled[pattern] ?? (try? Regex(pattern)) else { return false }
        return (try? regex.firstMatch(in: text)) != nil
    }
}
