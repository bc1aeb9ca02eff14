import ScorecardCore

/// A sample score's `value` as written in the log.
public enum InspectScoreValue: Sendable, Equatable {
    case string(String)
    /// A number with its JSON text; `NaN` marks an unscored sample.
    case number(Double)
    case bool(Bool)
    case null
    /// A list value; Inspect reduces those index by index, which a scorecard cannot use.
    case list(count: Int)
    /// A nested object inside a dict-valued score.
    case object

    /// What a value means for a scorecard.
    public enum Reading: Sendable, Equatable {
        case scored(Double)
        /// `NaN`: the scorer declined to score.
        case unscored
        /// A shape that cannot be a score; the text says what it was.
        case unusable(String)
    }

    /// The value as a float, the way Inspect's `value_to_float()` converts it.
    ///
    /// `"C"` 1, `"P"` 0.5, `"I"` and `"N"` 0 (case-sensitive), numbers as they are, booleans
    /// 1/0, the strings `yes`/`true` 1 and `no`/`false` 0 in any case, finite numeric strings as
    /// numbers. Inspect turns any other string into 0 with a warning; so does this reader (the
    /// caller warns), which keeps computed values equal to the ones Inspect reports. NaN means
    /// unscored; lists, objects and null cannot be scores.
    public var reading: Reading {
        switch self {
        case .number(let value): return value.isNaN ? .unscored : .scored(value)
        case .bool(let value): return .scored(value ? 1 : 0)
        case .string(let text):
            switch text {
            case "C": return .scored(1)
            case "P": return .scored(0.5)
            case "I", "N": return .scored(0)
            default: break
            }
            switch text.lowercased() {
            case "yes", "true": return .scored(1)
            case "no", "false": return .scored(0)
            default: break
            }
            if let number = Self.pythonFloat(text), number.isFinite { return .scored(number) }
            return .unusable("the string '\(Self.excerpt(text))', which Inspect reads as 0")
        case .null: return .unusable("null")
        case .list(let count): return .unusable("a list of \(count) values")
        case .object: return .unusable("a nested object")
        }
    }

    /// Whether a string that Inspect would turn into 0 (an unknown letter or word) rather than refuse.
    public var isUnknownString: Bool {
        if case .string = self, case .unusable = reading { return true }
        return false
    }

    /// Python's `float()` for plain decimal text: surrounding whitespace and `_` between digits
    /// are allowed; hexadecimal (which Swift's `Double(String)` would accept) is not.
    static func pythonFloat(_ text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !SampleAnswer.isPythonWhitespace($0) }),
              let last = scalars.lastIndex(where: { !SampleAnswer.isPythonWhitespace($0) })
        else { return nil }
        let core = scalars[first...last]
        var plain = String.UnicodeScalarView()
        for (offset, scalar) in zip(core.indices, core) {
            if scalar == "_" {
                let isDigit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
                guard offset > first, offset < last, isDigit(scalars[offset - 1]), isDigit(scalars[offset + 1]) else { return nil }
                continue
            }
            guard ("0"..."9").contains(scalar) || [".", "-", "+", "e", "E"].contains(scalar) else { return nil }
            plain.append(scalar)
        }
        return Double(String(plain))
    }

    /// At most 40 characters of `text`, for messages.
    static func excerpt(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}

/// Inspect answers in the form its `.eval` summaries store them.
extension SampleAnswer {
    /// Normalises a score's `answer` as Inspect's `thin_text` does before a summary stores it.
    ///
    /// Summaries keep the first 8,192 characters, collapse whitespace runs to one space, trim
    /// the ends, and cut the result at 1,024 characters. Comparing answers in that form makes a
    /// `.json` log and its `.eval` twin agree; an answer longer than 1,024 characters after
    /// normalising may have been cut, so it is `.incomparable`.
    public init(inspectAnswer raw: String) {
        if let plain = Self.alreadyNormal(raw) {
            self = plain
            return
        }
        var normalised = String.UnicodeScalarView()
        var pendingSpace = false
        var seen = 0
        var length = 0
        for scalar in raw.unicodeScalars {
            seen += 1
            if seen > 8_192 { break }
            if Self.isPythonWhitespace(scalar) {
                pendingSpace = length > 0
                continue
            }
            if pendingSpace {
                normalised.append(" ")
                length += 1
                pendingSpace = false
            }
            normalised.append(scalar)
            length += 1
            if length > 1_024 {
                self = .incomparable
                return
            }
        }
        self = .text(String(normalised))
    }

    /// The answer itself when normalising cannot change it: printable ASCII, single inner spaces, ≤ 1,024 bytes.
    static func alreadyNormal(_ raw: String) -> SampleAnswer? {
        var text = raw
        let normal = text.withUTF8 { bytes -> Bool in
            guard bytes.count <= 1_024 else { return false }
            var previous: UInt8 = 0x20
            for byte in bytes {
                guard byte > 0x20 && byte < 0x7F || byte == 0x20 && previous != 0x20 else { return false }
                previous = byte
            }
            return previous != 0x20 || bytes.isEmpty
        }
        return normal ? .text(raw) : nil
    }

    /// Python's `str.isspace()`, which `str.split()` splits on.
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
