/// Deterministic number formatting for messages and traces.
public enum Format {
    /// `value` rounded to at most `places` decimals, without trailing zeros: for messages.
    public static func short(_ value: Double, places: Int = 3) -> String {
        guard value.isFinite else { return number(value) }
        var scale = 1.0
        for _ in 0..<max(0, places) { scale *= 10 }
        return number((value * scale).rounded() / scale)
    }

    /// The shortest decimal that reads back as `value`, without a trailing `.0` for whole numbers.
    ///
    /// `0.13` stays `0.13`, `12.0` becomes `12`, `1e-05` becomes `0.00001`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = "\(value)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        // Expand exponent notation so traces never show 1e-05.
        guard let exponent = Int(text[text.index(after: e)...]), abs(exponent) < 30 else { return text }
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var result = String(digits.prefix(point))
        let rest = digits.dropFirst(point)
        if !rest.isEmpty, rest.contains(where: { $0 != "0" }) {
            var fraction = Substring(rest)
            while fraction.last == "0" { fraction.removeLast() }
            result += "." + fraction
        }
        return (negative ? "-" : "") + result
    }
}
