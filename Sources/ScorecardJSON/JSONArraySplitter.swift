#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a JSON array that arrives in pieces into its elements, handing out each one whole.
///
/// For documents too large to hold, such as a stream decompressed from an archive: feed the
/// bytes in any pieces with ``feed(_:element:)``, and each top-level element is passed to the
/// closure as soon as its last byte has arrived, with its byte offset in the whole document.
/// Read each element with a ``JSONCursor``; memory is the largest element plus one piece.
///
/// The splitter only tracks strings, escapes and nesting to find where elements end; it does
/// not check the elements themselves, which is the cursor's job. It checks the array around
/// them: a `[` first, elements separated by commas, a closing `]`, nothing but white space
/// after it, and ``finish()`` once the input is done.
public struct JSONArraySplitter {
    private enum Phase {
        case start
        case beforeElement(first: Bool)
        case inElement
        case done
    }

    /// The deepest nesting inside an element, as the cursor's ``JSONCursor/maxDepth``.
    public let maxDepth = 512

    private var phase = Phase.start
    /// The brackets open inside the current element, innermost last.
    private var open: [UInt8] = []
    private var inString = false
    private var escaped = false
    /// The start of an element whose end has not arrived yet.
    private var pending: [UInt8] = []
    private var elementOffset = 0
    /// Bytes fed before the current piece.
    private var consumed = 0

    /// A splitter at the start of a document.
    public init() {}

    /// Reads the next piece of the document, calling `element` with each element it completes
    /// and that element's byte offset in the document.
    ///
    /// Errors thrown by `element` are passed through; a malformed array throws ``JSONError``.
    public mutating func feed(
        _ piece: UnsafeRawBufferPointer, element: (UnsafeBufferPointer<UInt8>, _ offset: Int) throws -> Void
    ) throws {
        let bytes = piece.bindMemory(to: UInt8.self)
        var index = 0
        var elementStart: Int?
        if case .inElement = phase { elementStart = 0 }
        while index < bytes.count {
            let byte = bytes[index]
            switch phase {
            case .start:
                if !Self.isWhitespace(byte) {
                    guard byte == UInt8(ascii: "[") else {
                        throw JSONError(offset: consumed + index, message: "expected a list ('[')")
                    }
                    phase = .beforeElement(first: true)
                }
                index += 1
            case .beforeElement(let first):
                if Self.isWhitespace(byte) {
                    index += 1
                } else if byte == UInt8(ascii: "]") {
                    guard first else {
                        throw JSONError(offset: consumed + index, message: "expected a value after ',', found ']'")
                    }
                    phase = .done
                    index += 1
                } else {
                    phase = .inElement
                    elementOffset = consumed + index
                    elementStart = index
                }
            case .inElement:
                guard let (end, malformed) = try scan(bytes, from: index) else {
                    index = bytes.count
                    continue
                }
                // A bracket that closes the wrong thing goes to the cursor with the element, so
                // the cursor reports it as it would in a whole document.
                let start = elementStart ?? 0
                let last = malformed ? end + 1 : end
                if pending.isEmpty {
                    try element(UnsafeBufferPointer(rebasing: bytes[start..<last]), elementOffset)
                } else {
                    pending.append(contentsOf: bytes[start..<last])
                    try pending.withUnsafeBufferPointer { try element($0, elementOffset) }
                    pending.removeAll(keepingCapacity: true)
                }
                if malformed {
                    throw JSONError(offset: consumed + end, message: "unexpected '\(Character(Unicode.Scalar(bytes[end])))'")
                }
                elementStart = nil
                phase = bytes[end] == UInt8(ascii: ",") ? .beforeElement(first: false) : .done
                index = end + 1
            case .done:
                guard Self.isWhitespace(byte) else {
                    throw JSONError(offset: consumed + index, message: "unexpected content after the list")
                }
                index += 1
            }
        }
        if case .inElement = phase, let start = elementStart {
            pending.append(contentsOf: bytes[start..<bytes.count])
        }
        consumed += bytes.count
    }

    /// Throws unless the document was a whole array: call it once every piece has been fed.
    public func finish() throws(JSONError) {
        guard case .done = phase else {
            let message = if case .start = phase { "unexpected end of input, expected a list" }
                else { "unexpected end of input inside a list" }
            throw JSONError(offset: consumed, message: message)
        }
    }

    /// Scans an element from `index` and returns the position of the `,` or `]` that ends it,
    /// or of a closing bracket that does not match (`malformed`), or nil when the piece ends first.
    private mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from index: Int
    ) throws(JSONError) -> (position: Int, malformed: Bool)? {
        var position = index
        while position < bytes.count {
            if inString {
                position = skipInString(bytes, from: position)
                continue
            }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard open.count < maxDepth else {
                    throw JSONError(offset: consumed + position, message: "nesting deeper than \(maxDepth) levels")
                }
                open.append(byte)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard let opener = open.popLast() else {
                    return (position, byte != UInt8(ascii: "]"))
                }
                if (opener == UInt8(ascii: "{")) != (byte == UInt8(ascii: "}")) { return (position, true) }
            case UInt8(ascii: ","):
                if open.isEmpty { return (position, false) }
            default:
                break
            }
            position += 1
        }
        return nil
    }

    /// Skips string content from `index` with `memchr` to the next quote; returns where to go on.
    ///
    /// A quote is escaped when an odd number of backslashes precede it. A run of backslashes
    /// cut by the end of a piece is carried over as ``escaped``.
    private mutating func skipInString(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var from = index
        if escaped {
            escaped = false
            from += 1
            if from >= bytes.count { return from }
        }
        guard let base = bytes.baseAddress else { return bytes.count }
        let backslash = UInt8(ascii: "\\")
        func run(before end: Int) -> Int {
            var count = 0
            var j = end - 1
            while j >= from, base[j] == backslash {
                count += 1
                j -= 1
            }
            return count
        }
        guard let found = memchr(base + from, Int32(UInt8(ascii: "\"")), bytes.count - from) else {
            escaped = run(before: bytes.count) % 2 == 1
            return bytes.count
        }
        let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if run(before: quote) % 2 == 0 { inString = false }
        return quote + 1
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
