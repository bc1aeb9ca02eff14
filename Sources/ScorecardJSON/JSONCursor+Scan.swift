import Foundation

extension JSONCursor {
    /// Scans a string starting at its opening quote; returns the content range and whether it has escapes.
    ///
    /// Raw control characters are rejected, as JSON requires.
    @inlinable mutating func scanString() throws(JSONError) -> (start: Int, end: Int, escaped: Bool) {
        let open = position
        position += 1
        let start = position
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return (start, position - 1, escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2
                continue
            }
            if byte < 0x20 { throw error("raw control character \(describe(byte)) in a string; escape it") }
            position += 1
        }
        throw error("unterminated string", at: open)
    }

    /// Decodes string content, resolving escapes and checking UTF-8.
    @usableFromInline func decodeString(start: Int, end: Int, escaped: Bool) throws(JSONError) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard escaped else {
            guard let text = String(validating: raw, as: UTF8.self) else { throw error("invalid UTF-8 in a string", at: start) }
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        func hex4(_ at: Int) throws(JSONError) -> UInt32 {
            guard at + 4 <= end else { throw error("truncated \\u escape", at: at) }
            var value: UInt32 = 0
            for j in at..<(at + 4) {
                let b = bytes[j]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
                default: throw error("bad hex digit \(describe(b)) in a \\u escape", at: j)
                }
                value = value << 4 | digit
            }
            return value
        }
        while i < end {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            guard i + 1 < end else { throw error("dangling backslash in a string", at: i) }
            let code = bytes[i + 1]
            i += 2
            switch code {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard i + 6 <= end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in a \\u escape", at: i - 6)
                    }
                    let low = try hex4(i + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in a \\u escape", at: i) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("unpaired surrogate in a \\u escape", at: i - 6)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape", at: i - 6) }
                out.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw error("unknown escape \\\(Character(Unicode.Scalar(code)))", at: i - 2)
            }
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in a string", at: start) }
        return text
    }

    /// Scans a number per the JSON grammar.
    @usableFromInline mutating func scanNumber() throws(JSONError) {
        let start = position
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - from
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw error("malformed number", at: start) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if digits() == 0 {
            throw error("malformed number", at: start)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("malformed number: no digits after '.'", at: start) }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw error("malformed number: no digits in the exponent", at: start) }
        }
    }

    /// Skips one value of any kind without building it.
    ///
    /// Strings are skipped with `memchr` to the next quote, so long transcripts cost little more
    /// than reading their bytes once. Brackets are matched; string contents are not validated.
    @inlinable public mutating func skipValue() throws(JSONError) {
        switch try peekKind() {
        case .string: try skipString()
        case .number: try skipNumber()
        case .bool: _ = try readBool()
        case .null: try readNull()
        case .object, .array: try skipContainer()
        }
    }

    /// Skips a number (or `NaN`, `Infinity`, `-Infinity`) after checking its grammar.
    @usableFromInline mutating func skipNumber() throws(JSONError) {
        if matchesNonFinite() != nil { return }
        try scanNumber()
    }

    /// Skips a string starting at its opening quote.
    ///
    /// Short strings (most member names) are scanned inline; longer ones with `memchr`.
    @inlinable @inline(__always)
    mutating func skipString() throws(JSONError) {
        guard let base = bytes.baseAddress else { throw error("unterminated string") }
        let open = position
        let count = bytes.count
        var i = position + 1
        let inlineEnd = min(count, i + 24)
        while i < inlineEnd {
            let byte = base[i]
            if byte == UInt8(ascii: "\"") {
                position = i + 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            i += 1
        }
        while i < count {
            guard let found = memchr(base + i, Int32(UInt8(ascii: "\"")), count - i) else { break }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            // The quote is escaped when an odd number of backslashes precede it.
            var backslashes = 0
            var j = quote - 1
            while j > open, base[j] == UInt8(ascii: "\\") {
                backslashes += 1
                j -= 1
            }
            if backslashes % 2 == 0 {
                position = quote + 1
                return
            }
            i = quote + 1
        }
        throw error("unterminated string", at: open)
    }

    /// Skips an object or array, matching brackets, without building anything.
    ///
    /// A table marks the five bytes that matter (`"`, `{`, `[`, `}`, `]`); everything else,
    /// including the indentation of pretty-printed logs, is passed over in a tight loop. The
    /// open brackets are kept on a stack-allocated bit stack (1 = object), `maxDepth` deep.
    @usableFromInline mutating func skipContainer() throws(JSONError) {
        guard let base = bytes.baseAddress else { throw error("unexpected end of input") }
        let start = position
        let count = bytes.count
        let words = (maxDepth + 63) / 64
        let outcome: Result<Int, JSONError> = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { stack in
            var depth = 0
            var i = start
            let table = JSONByteClass.table
            while i < count {
                let byte = base[i]
                let kind = table[Int(byte)]
                if kind == 0 {
                    i += 1
                    continue
                }
                switch kind {
                case JSONByteClass.quote:
                    position = i
                    do throws(JSONError) {
                        try skipString()
                    } catch {
                        return .failure(error)
                    }
                    i = position
                    continue
                case JSONByteClass.open:
                    guard depth < maxDepth else { return .failure(self.error("nesting deeper than \(maxDepth) levels", at: i)) }
                    let word = depth >> 6, bit = UInt64(1) << UInt64(depth & 63)
                    if byte == UInt8(ascii: "{") { stack[word] |= bit } else { stack[word] &= ~bit }
                    depth += 1
                default:
                    guard depth > 0 else { return .failure(self.error("mismatched \(describe(byte))", at: i)) }
                    depth -= 1
                    let isObject = stack[depth >> 6] & (UInt64(1) << UInt64(depth & 63)) != 0
                    guard isObject == (byte == UInt8(ascii: "}")) else {
                        return .failure(self.error("mismatched \(describe(byte))", at: i))
                    }
                    if depth == 0 { return .success(i + 1) }
                }
                i += 1
            }
            return .failure(self.error(
                "unexpected end of input inside \(base[start] == UInt8(ascii: "{") ? "an object" : "an array")", at: start))
        }
        position = try outcome.get()
    }
}

/// Byte classes for skipping: 0 for bytes that do not change the structure.
enum JSONByteClass {
    static let quote: UInt8 = 1
    static let open: UInt8 = 2
    static let close: UInt8 = 3

    /// 256 entries, one per byte value; global so it is built once.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        table[Int(UInt8(ascii: "\""))] = quote
        table[Int(UInt8(ascii: "{"))] = open
        table[Int(UInt8(ascii: "["))] = open
        table[Int(UInt8(ascii: "}"))] = close
        table[Int(UInt8(ascii: "]"))] = close
        return UnsafePointer(table)
    }()
}
