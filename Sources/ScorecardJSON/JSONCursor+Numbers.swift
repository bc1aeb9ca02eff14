import Foundation

extension JSONCursor {
    /// Reads a number as a `Double` without allocating, including `NaN`, `Infinity` and `-Infinity`.
    ///
    /// Decimals of up to 19 significant digits whose power of ten is at most 22 are converted
    /// exactly with one multiplication or division (Clinger's fast path, correctly rounded);
    /// anything else goes through `Double(String)`, so every result is the nearest double.
    @inlinable public mutating func readDouble() throws(JSONError) -> Double {
        skipWhitespace()
        if let special = matchesNonFinite() { return special }
        let start = position
        try scanNumber()
        return try convertNumber(from: start, to: position)
    }

    /// Reads a number that must be a whole number representable as `Int`, such as a count or an epoch.
    ///
    /// `3`, `3.0` and `3e0` are accepted; fractions, non-finite values and magnitudes beyond
    /// 2^53 are errors that quote the text.
    @inlinable public mutating func readInteger() throws(JSONError) -> Int {
        skipWhitespace()
        let start = position
        let value = try readDouble()
        guard value.isFinite, value == value.rounded(), abs(value) <= 9_007_199_254_740_992 else {
            throw error("expected a whole number, found \(text(from: start, to: position))", at: start)
        }
        return Int(value)
    }

    /// The raw text of a byte range, for messages and for keeping numbers verbatim.
    public func text(from start: Int, to end: Int) -> String {
        guard start >= 0, start <= end, end <= bytes.count else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// `NaN`, `Infinity` or `-Infinity` at the cursor, consumed; nil when none is there.
    @inlinable mutating func matchesNonFinite() -> Double? {
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "N") where matches("NaN"):
            position += 3
            return .nan
        case UInt8(ascii: "I") where matches("Infinity"):
            position += 8
            return .infinity
        case UInt8(ascii: "-") where matches("-Infinity"):
            position += 9
            return -.infinity
        default:
            return nil
        }
    }

    /// Converts the already validated number text in `start..<end`.
    @usableFromInline func convertNumber(from start: Int, to end: Int) throws(JSONError) -> Double {
        var i = start
        var negative = false
        if bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var exact = true
        while i < end, let digit = Self.digit(bytes[i]) {
            if digits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa != 0 { digits += 1 }
            } else {
                exact = false
            }
            i += 1
        }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, let digit = Self.digit(bytes[i]) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                } else {
                    exact = false
                }
                i += 1
            }
        }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            while i < end, let digit = Self.digit(bytes[i]) {
                if written < 100_000 { written = written * 10 + digit }
                i += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if exact, mantissa <= 1 << 53, abs(exponent) <= 22 {
            let base = Double(mantissa)
            let value = exponent >= 0 ? base * Self.powersOfTen[exponent] : base / Self.powersOfTen[-exponent]
            return negative ? -value : value
        }
        let text = text(from: start, to: end)
        guard let value = Double(text) else { throw error("malformed number '\(text)'", at: start) }
        return value
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// 10^0 … 10^22, each exactly representable as a `Double`.
    private static let powersOfTen: [Double] = {
        var powers: [Double] = [1]
        for _ in 1...22 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()
}
