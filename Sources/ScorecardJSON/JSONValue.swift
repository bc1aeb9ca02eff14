/// A parsed JSON value, for small documents such as evidence records.
public indirect enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number with its source text, so whole numbers beyond 2^53 and `46` versus `46.0` survive.
    case number(Double, text: String)
    /// A string, escapes resolved.
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// An object, members in order.
    case object(JSONObject)

    /// A short description of the value's kind for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "text"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON object that keeps member order and where each member's value starts.
public struct JSONObject: Hashable, Sendable {
    /// One `"name": value` pair.
    public struct Member: Hashable, Sendable {
        /// The member name, escapes resolved.
        public let key: String
        /// The member's value.
        public let value: JSONValue
        /// Byte offset of the member name.
        public let offset: Int

        public init(key: String, value: JSONValue, offset: Int) {
            self.key = key
            self.value = value
            self.offset = offset
        }
    }

    /// The members in document order (``JSONParser`` refuses duplicate names).
    public let members: [Member]
    /// Byte offset of the opening brace.
    public let offset: Int

    /// An object made in code (or converted from another format); `offset` is where it was read, 0 if nowhere.
    public init(members: [Member], offset: Int) {
        self.members = members
        self.offset = offset
    }

    /// The member value named `key`.
    public subscript(key: String) -> JSONValue? { members.last { $0.key == key }?.value }

    /// The member named `key`.
    public func member(_ key: String) -> Member? { members.last { $0.key == key } }
}

extension JSONCursor {
    /// Reads the next value completely.
    public mutating func readValue() throws(JSONError) -> JSONValue {
        try readValue(depth: 0)
    }

    private mutating func readValue(depth: Int) throws(JSONError) -> JSONValue {
        guard depth < maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        switch try peekKind() {
        case .null:
            try readNull()
            return .null
        case .bool: return .bool(try readBool())
        case .number:
            let (value, text) = try readNumber()
            return .number(value, text: String(text))
        case .string: return .string(try readString())
        case .array:
            var container = try beginArray()
            var items: [JSONValue] = []
            while try nextElement(&container) { items.append(try readValue(depth: depth + 1)) }
            return .array(items)
        case .object:
            let start = offset
            var container = try beginObject()
            var members: [JSONObject.Member] = []
            while let key = try nextKey(&container) {
                let name = try string(of: key)
                // Two members of one name would leave it to the reader which one counts: refused, as YAML refuses them.
                if members.contains(where: { $0.key == name }) {
                    throw error("duplicate key '\(name)' in one object; keep one", at: key.offset)
                }
                members.append(.init(key: name, value: try readValue(depth: depth + 1), offset: key.offset))
            }
            return .object(JSONObject(members: members, offset: start))
        }
    }
}

/// Parses a whole document into a value, rejecting trailing content and duplicate member names.
///
/// A UTF-8 byte-order mark before the document is skipped (offsets still count its three bytes).
public enum JSONParser {
    /// The value `bytes` hold; malformed JSON throws with the byte offset of the problem.
    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        let result: Result<JSONValue, JSONError> = bytes.withUnsafeBufferPointer { buffer in
            let bom = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
            var cursor = JSONCursor(buffer, offset: bom ? 3 : 0)
            do throws(JSONError) {
                let value = try cursor.readValue()
                guard cursor.atEnd() else { return .failure(cursor.error("unexpected content after the value")) }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
