/// The keywords of objects, numbers and combinations, and the comparisons they use.
extension JSONSchema {
    func objectErrors(_ object: JSONObject, _ rules: JSONObject, _ path: String, in document: JSONValue) -> [String] {
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
            for member in object.members where !errors(.string(member.key), names, path, in: document).isEmpty {
                found.append("\(path): member name '\(member.key)' is not allowed")
            }
        }
        let properties = rules["properties"]?.objectValue
        for member in object.members {
            if let property = properties?[member.key] {
                found += errors(member.value, property, "\(path).\(member.key)", in: document)
            } else if let additional = rules["additionalProperties"] {
                if additional == .bool(false) {
                    found.append("\(path): unexpected member '\(member.key)'")
                } else {
                    found += errors(member.value, additional, "\(path).\(member.key)", in: document)
                }
            }
        }
        return found
    }

    func numberErrors(_ number: Double, _ rules: JSONObject, _ path: String) -> [String] {
        var found: [String] = []
        if let minimum = rules["minimum"]?.numberValue, !(number >= minimum) { found.append("\(path): below \(minimum)") }
        if let maximum = rules["maximum"]?.numberValue, !(number <= maximum) { found.append("\(path): above \(maximum)") }
        if let bound = rules["exclusiveMinimum"]?.numberValue, !(number > bound) { found.append("\(path): not above \(bound)") }
        if let bound = rules["exclusiveMaximum"]?.numberValue, !(number < bound) { found.append("\(path): not below \(bound)") }
        return found
    }

    func combinationErrors(_ value: JSONValue, _ rules: JSONObject, _ path: String, in document: JSONValue) -> [String] {
        func errors(_ value: JSONValue, _ schema: JSONValue, _ path: String) -> [String] { self.errors(value, schema, path, in: document) }
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
    static func closest(_ verdicts: [[String]], _ path: String) -> String {
        let typeMismatch = "\(path): expected "
        let fitting = verdicts.filter { !$0.contains { $0.hasPrefix(typeMismatch) } }
        guard let best = (fitting.isEmpty ? verdicts : fitting).min(by: { $0.count < $1.count }), !best.isEmpty else { return "" }
        return "; the closest fails with: " + best.prefix(3).joined(separator: "; ")
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): true
        case ("integer", .number(let number, _)): number.isFinite && number == number.rounded()
        default: false
        }
    }

    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x, _), .number(let y, _)): return x == y
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.object(let x), .object(let y)):
            return x.members.count == y.members.count && x.members.allSatisfy { member in y[member.key].map { same(member.value, $0) } ?? false }
        default: return a == b
        }
    }
}

/// The `pattern`s of schemas, compiled when the checker is made; immutable afterwards.
final class CompiledPatterns: @unchecked Sendable {
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    init(_ schemas: [JSONValue]) {
        for schema in schemas { collect(schema) }
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
