/// Escaping of untrusted text for each output format.
///
/// Every string that reaches a report may come from evidence, determinations, mitigations or a
/// model name, so every `{{value}}` in a template is escaped for its format by the template's
/// content type (see ``ReportContentType``). These functions are that escaping.
public enum Escaping {
    /// Makes invisible or reordering characters visible as `<U+XXXX>`.
    ///
    /// Control characters (other than newline and tab) are not allowed in XML and can rewrite a
    /// terminal; bidirectional overrides such as U+202E make text display in a different order than
    /// it reads ("Trojan Source"). Both are replaced by their code point in angle brackets, which each
    /// format then escapes. A carriage return, alone or before a newline, becomes a newline.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\r" {
                out.append("\n")
            } else if scalar == "\n" {
                if !previousWasCR { out.append(scalar) }
            } else if needsReplacement(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// Escapes text for HTML and XML (SVG) text and quoted attribute values.
    ///
    /// `&`, `<`, `>`, `"` and `'` become the five XML-predefined references, so the result is valid
    /// in element content and in single- or double-quoted attributes, in HTML and in XML alike.
    public static func html(_ text: String) -> String {
        let text = visible(text)
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// ASCII punctuation that can start Markdown syntax anywhere in a line, escaped with a backslash.
    ///
    /// Backslash (escapes), backtick (code spans), `*` `~` (emphasis, strikethrough), `[` `]` (links
    /// and images; `!` is harmless without `[`), `<` (HTML, autolinks), `|` (table cells), `&`
    /// (entity references) and `$` (math on GitHub). `_` is escaped unless it sits between two
    /// letters or digits, where GFM never reads it as emphasis (`win_rate` stays readable).
    private static let markdownSpecial: Set<Character> = ["\\", "`", "*", "~", "[", "]", "<", "|", "&", "$"]

    /// Escapes text so that it is inert inside a line of GitHub-flavoured Markdown.
    ///
    /// The text is made one line (newlines and tabs become spaces, so it cannot end a table row or
    /// start a block), Markdown punctuation is backslash-escaped (so it cannot open HTML, a code
    /// span, emphasis, a link or a cell), and a leading heading, quote, list, rule or setext marker
    /// is escaped too. The result is safe in paragraphs, list items, headings, table cells, link
    /// text and link destinations.
    public static func markdown(_ text: String) -> String {
        var characters: [Character] = []
        characters.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in visible(text) {
            if character.isNewline || character == "\t" || character == " " {
                pendingSpace = !characters.isEmpty
                continue
            }
            if pendingSpace {
                characters.append(" ")
                pendingSpace = false
            }
            characters.append(character)
        }
        var line = ""
        line.reserveCapacity(characters.count + 8)
        for (index, character) in characters.enumerated() {
            if markdownSpecial.contains(character) {
                line.append("\\")
            } else if character == "_" {
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                if !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber) { line.append("\\") }
            }
            line.append(character)
        }
        return escapeLeadingMarker(line)
    }

    /// Block markers at the start of a line: `#` (heading), `>` (quote), `-` or `+` and a space
    /// (list), a line of `-` or `=` (rule, setext heading), digits and `.` or `)` and a space
    /// (numbered list).
    private static func escapeLeadingMarker(_ line: String) -> String {
        guard let first = line.first else { return line }
        let second = line.dropFirst().first
        let spaceOrEnd = second == nil || second == " "
        switch first {
        case "#", ">":
            return "\\" + line
        case "-", "+", "=":
            let ruleLike = line.allSatisfy { $0 == first || $0 == " " }
            return (first != "=" && spaceOrEnd) || ruleLike ? "\\" + line : line
        default:
            guard first.isASCII, first.isNumber else { return line }
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            let rest = line.dropFirst(digits.count)
            guard let marker = rest.first, marker == "." || marker == ")" else { return line }
            let after = rest.dropFirst().first
            return after == nil || after == " " ? digits + "\\" + rest : line
        }
    }
}

extension Escaping {
    /// Makes untrusted text safe for a terminal: control characters (escape sequences, newlines)
    /// become visible `\u{..}` escapes so evidence cannot repaint the screen or fake rows.
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isTerminalControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isTerminalControl(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
    }
}
