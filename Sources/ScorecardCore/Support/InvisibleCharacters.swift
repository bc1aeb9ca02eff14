/// Characters that show nothing, or rewrite what is around them, when text is displayed.
///
/// The one place that says which characters a reader cannot see: reports show them as
/// `<U+XXXX>` (``visible(_:)``, through the renderer's escaping), and names that hold them are
/// refused (``NameSkeleton``). They are:
/// - control characters (C0, DEL and C1), which can also rewrite a terminal;
/// - format characters (general category Cf): zero-width space, joiners, the soft hyphen,
///   left-to-right and right-to-left marks, bidirectional embeddings, overrides and isolates
///   ("Trojan Source"), the word joiner, invisible operators, the byte-order mark, tags;
/// - other default-ignorable code points, such as the Hangul fillers and the combining
///   grapheme joiner, which fonts draw as nothing;
/// - the noncharacters U+FFFE and U+FFFF.
///
/// Variation selectors are default-ignorable too, but they choose how the character before them
/// is drawn (text or emoji): prose keeps them, names may not hold them (``isVariationSelector(_:)``).
public enum InvisibleCharacters {
    /// Whether `scalar` is invisible or a control character.
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format: return true
        default: break
        }
        if scalar.value == 0xFFFE || scalar.value == 0xFFFF { return true }
        return properties.isDefaultIgnorableCodePoint && !isVariationSelector(scalar)
    }

    /// Whether `scalar` is a variation selector (U+FE00–FE0F, U+E0100–E01EF, or Mongolian's U+180B–180D, U+180F).
    public static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x180B...0x180D, 0x180F: true
        default: false
        }
    }

    /// `text` with every character that ``contains(_:)`` (or `alsoReplacing`) accepts replaced by
    /// its code point in angle brackets: `GPT-4o<U+200B>`.
    public static func visible(_ text: String, alsoReplacing extra: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
        guard text.unicodeScalars.contains(where: { contains($0) || extra($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if contains(scalar) || extra(scalar) {
                out.append(contentsOf: codePoint(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `<U+XXXX>`, with at least four hexadecimal digits.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>"
    }
}
