import ScorecardJSON
/// Typed reads of named fields, with errors that say which field had what.
///
/// Used by the Inspect readers: a field of the wrong kind is an error at its byte offset
/// ("eval.task must be text, found a number"), never a trap.
extension JSONCursor {
    /// A description of the next value's kind for messages: "a number", "text", ….
    mutating func kindDescription() -> String {
        switch try? peekKind() {
        case .object?: "an object"
        case .array?: "an array"
        case .string?: "text"
        case .number?: "a number"
        case .bool?: "a boolean"
        case .null?: "null"
        case nil: "nothing"
        }
    }

    /// Text, or nil for null.
    mutating func readOptionalString(_ field: String) throws(JSONError) -> String? {
        switch try peekKind() {
        case .string: return try readString()
        case .null:
            try readNull()
            return nil
        default: throw error("\(field) must be text, found \(kindDescription())")
        }
    }

    /// Text or a number (kept as its JSON text), or nil for null; `task_version` and ids are either.
    mutating func readTextOrNumber(_ field: String) throws(JSONError) -> (text: String, isNumber: Bool)? {
        switch try peekKind() {
        case .string: return (try readString(), false)
        case .number:
            skipWhitespace()
            let start = offset
            _ = try readDouble()
            return (text(from: start, to: offset), true)
        case .null:
            try readNull()
            return nil
        default: throw error("\(field) must be text or a number, found \(kindDescription())")
        }
    }

    /// A boolean, or nil for null.
    mutating func readOptionalBool(_ field: String) throws(JSONError) -> Bool? {
        switch try peekKind() {
        case .bool: return try readBool()
        case .null:
            try readNull()
            return nil
        default: throw error("\(field) must be true or false, found \(kindDescription())")
        }
    }

    /// A whole number, or nil for null.
    mutating func readOptionalInteger(_ field: String) throws(JSONError) -> Int? {
        switch try peekKind() {
        case .number:
            skipWhitespace()
            let start = offset
            do {
                return try readInteger()
            } catch {
                let found = text(from: start, to: offset)
                if let value = Double(found), value.isFinite, value == value.rounded() {
                    throw self.error("\(field) is out of range: at most 9007199254740992 (2^53), found \(found)", at: start)
                }
                throw self.error("\(field) must be a whole number, found \(found)", at: start)
            }
        case .null:
            try readNull()
            return nil
        default: throw error("\(field) must be a whole number, found \(kindDescription())")
        }
    }

    /// A count: a whole number of at least `minimum` (0 for sample counts, 1 for epochs), or nil
    /// for null. A negative count would otherwise pass every check that compares counts.
    mutating func readOptionalCount(_ field: String, atLeast minimum: Int = 0) throws(JSONError) -> Int? {
        skipWhitespace()
        let start = offset
        guard let count = try readOptionalInteger(field) else { return nil }
        if count < minimum { throw error("\(field) must be at least \(minimum), found \(count)", at: start) }
        return count
    }

    /// A number (possibly `NaN` or `Infinity`); null is an error.
    mutating func readRequiredDouble(_ field: String) throws(JSONError) -> Double {
        guard try peekKind() == .number else { throw error("\(field) must be a number, found \(kindDescription())") }
        return try readDouble()
    }

    /// An object's scalar members as text: strings as they are, numbers as their JSON text,
    /// booleans as `true`/`false`. Null, objects and arrays are skipped. Null is an empty object.
    mutating func readScalarObject(_ field: String) throws(JSONError) -> [String: String] {
        if readNullIfPresent() { return [:] }
        guard try peekKind() == .object else { throw error("\(field) must be an object, found \(kindDescription())") }
        var object = try beginObject()
        var result: [String: String] = [:]
        while let key = try nextKey(&object) {
            let name = try string(of: key)
            switch try peekKind() {
            case .string: result[name] = try readString()
            case .number: result[name] = try readTextOrNumber(name)?.text
            case .bool: result[name] = try readBool() ? "true" : "false"
            default: try skipValue()
            }
        }
        return result
    }

    /// An array of strings, or nil for null.
    mutating func readStringArray(_ field: String) throws(JSONError) -> [String]? {
        if readNullIfPresent() { return nil }
        guard try peekKind() == .array else { throw error("\(field) must be a list of text, found \(kindDescription())") }
        var array = try beginArray()
        var items: [String] = []
        while try nextElement(&array) {
            guard try peekKind() == .string else { throw error("\(field) must be a list of text, found \(kindDescription())") }
            items.append(try readString())
        }
        return items
    }

    /// Calls `body` for every member of an object (null reads as an empty object).
    mutating func forEachMember(
        _ field: String, _ body: (inout JSONCursor, JSONCursor.Key) throws(JSONError) -> Void
    ) throws(JSONError) {
        if readNullIfPresent() { return }
        guard try peekKind() == .object else { throw error("\(field) must be an object, found \(kindDescription())") }
        var object = try beginObject()
        while let key = try nextKey(&object) { try body(&self, key) }
    }

    /// Calls `body` for every element of an array (null reads as an empty array).
    mutating func forEachElement(_ field: String, _ body: (inout JSONCursor) throws(JSONError) -> Void) throws(JSONError) {
        if readNullIfPresent() { return }
        guard try peekKind() == .array else { throw error("\(field) must be a list, found \(kindDescription())") }
        var array = try beginArray()
        while try nextElement(&array) { try body(&self) }
    }
}
