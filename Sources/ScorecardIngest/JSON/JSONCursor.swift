import Foundation

/// A byte-level JSON reader that walks a document in place, reading only what it is asked for.
///
/// Evaluation logs are mostly transcripts that a scorecard never needs. The cursor reads the
/// fields a caller names and skips everything else without building values, which is what makes
/// large logs cheap to import. It also reads Python's bare `NaN`, `Infinity` and `-Infinity`,
/// which Inspect writes for undefined metrics.
///
/// A cursor borrows its buffer: create it inside `withUnsafeBufferPointer` and do not let it
/// escape. Errors carry the byte offset; `LineIndex` turns offsets into lines and columns.
public struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next unread byte.
    public internal(set) var offset: Int
    let maxDepth = 512

    public init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// The kinds of JSON value.
    public enum Kind: Sendable {
        case object, array, string, number, bool, null
    }

    /// State of an object or array being read: whether the next member is the first.
    public struct Container {
        var first = true
    }

    /// A member name: a byte range in the buffer, decoded only on request.
    public struct Key {
        let start: Int
        let end: Int
        let escaped: Bool
        /// Offset of the opening quote.
        public let offset: Int
    }

    // MARK: Looking

    /// True when only whitespace remains.
    public mutating func atEnd() -> Bool {
        skipWhitespace()
        return offset >= bytes.count
    }

    /// The kind of the next value, without consuming it.
    public mutating func peekKind() throws(JSONError) -> Kind {
        skipWhitespace()
        guard offset < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"), UInt8(ascii: "I"): return .number
        default: throw error("unexpected character \(describe(bytes[offset])), expected a value")
        }
    }

    // MARK: Containers

    /// Consumes `{` and returns the state for `nextKey`.
    public mutating func beginObject() throws(JSONError) -> Container {
        try expect(UInt8(ascii: "{"), "an object")
        return Container()
    }

    /// The next member name of the object, with its `:` consumed; nil after the closing `}`.
    public mutating func nextKey(_ container: inout Container) throws(JSONError) -> Key? {
        skipWhitespace()
        guard offset < bytes.count else { throw error("unexpected end of input inside an object") }
        if bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return nil
        }
        if !container.first {
            try expect(UInt8(ascii: ","), "',' or '}' after an object member")
            skipWhitespace()
        }
        container.first = false
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw error("expected a member name in quotes")
        }
        let keyOffset = offset
        let (start, end, escaped) = try scanString()
        try expect(UInt8(ascii: ":"), "':' after a member name")
        return Key(start: start, end: end, escaped: escaped, offset: keyOffset)
    }

    /// Consumes `[` and returns the state for `nextElement`.
    public mutating func beginArray() throws(JSONError) -> Container {
        try expect(UInt8(ascii: "["), "an array")
        return Container()
    }

    /// True when another element follows (the cursor is then at it); false after the closing `]`.
    public mutating func nextElement(_ container: inout Container) throws(JSONError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw error("unexpected end of input inside an array") }
        if bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return false
        }
        if !container.first {
            try expect(UInt8(ascii: ","), "',' or ']' after an array element")
        }
        container.first = false
        return true
    }

    // MARK: Keys

    /// Whether `key` is exactly `name` (compared as bytes; escaped names are decoded first).
    public func key(_ key: Key, is name: StaticString) -> Bool {
        if key.escaped { return (try? string(of: key)) == name.description }
        let length = key.end - key.start
        guard length == name.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
        return memcmp(base + key.start, name.utf8Start, length) == 0
    }

    /// The decoded text of a member name.
    public func string(of key: Key) throws(JSONError) -> String {
        try decodeString(start: key.start, end: key.end, escaped: key.escaped)
    }

    // MARK: Scalars

    /// Reads a string value.
    public mutating func readString() throws(JSONError) -> String {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw error("expected a string") }
        let (start, end, escaped) = try scanString()
        return try decodeString(start: start, end: end, escaped: escaped)
    }

    /// Reads a number, including `NaN`, `Infinity` and `-Infinity`; returns the value and its text.
    public mutating func readNumber() throws(JSONError) -> (value: Double, text: Substring) {
        skipWhitespace()
        let start = offset
        let value = try readDouble()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        return (value, Substring(text))
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws(JSONError) -> Bool {
        skipWhitespace()
        if matches("true") { offset += 4; return true }
        if matches("false") { offset += 5; return false }
        throw error("expected true or false")
    }

    /// Reads `null`.
    public mutating func readNull() throws(JSONError) {
        skipWhitespace()
        guard matches("null") else { throw error("expected null") }
        offset += 4
    }

    /// Reads `null` if it comes next; returns whether it did.
    public mutating func readNullIfPresent() -> Bool {
        skipWhitespace()
        guard matches("null") else { return false }
        offset += 4
        return true
    }

    // MARK: Errors

    /// An error at the cursor (or at `at`).
    public func error(_ message: String, at position: Int? = nil) -> JSONError {
        JSONError(offset: position ?? offset, message: message)
    }

    func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "0x%02X", byte)
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONError) {
        skipWhitespace()
        guard offset < bytes.count else { throw error("unexpected end of input, expected \(what)") }
        guard bytes[offset] == byte else { throw error("unexpected character \(describe(bytes[offset])), expected \(what)") }
        offset += 1
    }

    func matches(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset + length <= bytes.count, let base = bytes.baseAddress else { return false }
        return memcmp(base + offset, literal.utf8Start, length) == 0
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }
}

/// A malformed JSON document: what was wrong and at which byte.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    public let offset: Int
    public let message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "byte \(offset): \(message)" }
}
