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
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next unread byte.
    @inlinable public var offset: Int { position }
    /// The storage of ``offset``, settable only inside the module: a cursor never points outside its buffer.
    @usableFromInline var position: Int
    /// The deepest nesting of objects and arrays read or skipped; deeper documents are an error.
    public let maxDepth = 512

    /// A cursor over `bytes`, at `offset` (the start unless a caller resumes inside a document;
    /// clamped to the buffer).
    public init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0) {
        self.bytes = bytes
        self.position = max(0, min(offset, bytes.count))
    }

    /// The kinds of JSON value.
    public enum Kind: Sendable {
        /// `{…}`.
        case object
        /// `[…]`.
        case array
        /// `"…"`.
        case string
        /// A JSON number, or `NaN`, `Infinity`, `-Infinity`.
        case number
        /// `true` or `false`.
        case bool
        /// `null`.
        case null
    }

    /// State of an object or array being read: whether the next member is the first.
    public struct Container {
        @usableFromInline var first = true

        @usableFromInline init() {}
    }

    /// A member name: a byte range in the buffer, decoded only on request.
    public struct Key {
        @usableFromInline let start: Int
        @usableFromInline let end: Int
        @usableFromInline let escaped: Bool
        /// Offset of the opening quote.
        public let offset: Int

        @usableFromInline init(start: Int, end: Int, escaped: Bool, offset: Int) {
            (self.start, self.end, self.escaped, self.offset) = (start, end, escaped, offset)
        }

        /// The name's length in bytes as written, or nil when it holds escapes (its decoded length
        /// differs): lets a reader skip, by length alone, names it has no field of.
        @inlinable public var plainLength: Int? { escaped ? nil : end - start }
    }

    // MARK: Looking

    /// True when only whitespace remains.
    @inlinable public mutating func atEnd() -> Bool {
        skipWhitespace()
        return position >= bytes.count
    }

    /// The kind of the next value, without consuming it.
    @inlinable public mutating func peekKind() throws(JSONError) -> Kind {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"), UInt8(ascii: "I"): return .number
        default: throw error("unexpected character \(describe(bytes[position])), expected a value")
        }
    }

    // MARK: Containers

    /// Consumes `{` and returns the state for `nextKey`.
    @inlinable public mutating func beginObject() throws(JSONError) -> Container {
        try expect(UInt8(ascii: "{"), "an object")
        return Container()
    }

    /// The next member name of the object, with its `:` consumed; nil after the closing `}`.
    @inlinable public mutating func nextKey(_ container: inout Container) throws(JSONError) -> Key? {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of input inside an object") }
        if bytes[position] == UInt8(ascii: "}") {
            position += 1
            return nil
        }
        if !container.first {
            try expect(UInt8(ascii: ","), "',' or '}' after an object member")
            skipWhitespace()
        }
        container.first = false
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw error("expected a member name in quotes")
        }
        let keyOffset = position
        let (start, end, escaped) = try scanString()
        try expect(UInt8(ascii: ":"), "':' after a member name")
        return Key(start: start, end: end, escaped: escaped, offset: keyOffset)
    }

    /// Consumes `[` and returns the state for `nextElement`.
    @inlinable public mutating func beginArray() throws(JSONError) -> Container {
        try expect(UInt8(ascii: "["), "an array")
        return Container()
    }

    /// True when another element follows (the cursor is then at it); false after the closing `]`.
    @inlinable public mutating func nextElement(_ container: inout Container) throws(JSONError) -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of input inside an array") }
        if bytes[position] == UInt8(ascii: "]") {
            position += 1
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
    @inlinable public func key(_ key: Key, is name: StaticString) -> Bool {
        if key.escaped { return (try? string(of: key)) == name.description }
        let length = key.end - key.start
        guard length == name.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
        return memcmp(base + key.start, name.utf8Start, length) == 0
    }

    /// The decoded text of a member name.
    @inlinable public func string(of key: Key) throws(JSONError) -> String {
        try decodeString(start: key.start, end: key.end, escaped: key.escaped)
    }

    // MARK: Scalars

    /// Reads a string value.
    @inlinable public mutating func readString() throws(JSONError) -> String {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a string") }
        let (start, end, escaped) = try scanString()
        return try decodeString(start: start, end: end, escaped: escaped)
    }

    /// Reads a number, including `NaN`, `Infinity` and `-Infinity`; returns the value and its text.
    public mutating func readNumber() throws(JSONError) -> (value: Double, text: Substring) {
        skipWhitespace()
        let start = position
        let value = try readDouble()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        return (value, Substring(text))
    }

    /// Reads `true` or `false`.
    @inlinable public mutating func readBool() throws(JSONError) -> Bool {
        skipWhitespace()
        if matches("true") { position += 4; return true }
        if matches("false") { position += 5; return false }
        throw error("expected true or false")
    }

    /// Reads `null`.
    @inlinable public mutating func readNull() throws(JSONError) {
        skipWhitespace()
        guard matches("null") else { throw error("expected null") }
        position += 4
    }

    /// Reads `null` if it comes next; returns whether it did.
    @inlinable public mutating func readNullIfPresent() -> Bool {
        skipWhitespace()
        guard matches("null") else { return false }
        position += 4
        return true
    }

    // MARK: Errors

    /// An error at the cursor (or at `at`).
    public func error(_ message: String, at place: Int? = nil) -> JSONError {
        JSONError(offset: place ?? position, message: message)
    }

    @usableFromInline func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : String(format: "0x%02X", byte)
    }

    @inlinable mutating func expect(_ byte: UInt8, _ what: String) throws(JSONError) {
        skipWhitespace()
        guard position < bytes.count else { throw error("unexpected end of input, expected \(what)") }
        guard bytes[position] == byte else { throw error("unexpected character \(describe(bytes[position])), expected \(what)") }
        position += 1
    }

    @inlinable func matches(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard position + length <= bytes.count, let base = bytes.baseAddress else { return false }
        return memcmp(base + position, literal.utf8Start, length) == 0
    }

    /// Moves past spaces, tabs and line breaks to the next token.
    @inlinable @inline(__always)
    public mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }
}

/// A malformed JSON document: what was wrong and at which byte.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte offset of the problem in the document.
    public let offset: Int
    /// What was wrong, such as `unexpected end of input inside an object`.
    public let message: String

    /// An error at byte `offset`.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// `byte N: message`.
    public var description: String { "byte \(offset): \(message)" }
}
