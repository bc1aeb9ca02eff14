import ScorecardCore

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
    /// it reads ("Trojan Source"); zero-width spaces and joiners, the soft hyphen, the byte-order mark
    /// and the other characters that ``InvisibleCharacters`` lists show nothing, so `GPT-4o` and
    /// `GPT-4o` followed by U+200B would read alike. All are replaced by their code point in angle
    /// brackets, which each format then escapes. A carriage return, alone or before a newline,
    /// becomes a newline.
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
                out.append(contentsOf: InvisibleCharacters.codePoint(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && scalar != "\n" && InvisibleCharacters.contains(scalar)
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
    /// span, emphasis, a link or a cell), a leading heading, quote, list, rule or setext marker
    /// is escaped too, and so is what would start an autolink (`https\://`, `www\.`, `example\.com`;
    /// an e-mail address's `@` is shown as `[@]`). The result is safe in paragraphs, list items,
    /// headings, table cells, link text and link destinations (of sources without such an `@`).
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
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            if markdownSpecial.contains(character) {
                line.append("\\")
            } else if character == "_" {
                if !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber) { line.append("\\") }
            } else if character == "@", Autolinks.isEmailAt(characters, index) {
                line += "\\[@\\]"
                continue
            } else if Autolinks.opens(characters, at: index) {
                line.append("\\")
            }
            line.append(character)
        }
        return escapeLeadingMarker(line)
    }

    /// Whether some `@` of `text` is one that ``markdown(_:)`` shows as `[@]`.
    ///
    /// A link destination must not hold one (it would no longer be the same address), so a source
    /// that does is shown as text rather than made a link.
    public static func holdsEmailAt(_ text: String) -> Bool {
        let characters = Array(text)
        return characters.indices.contains { characters[$0] == "@" && Autolinks.isEmailAt(characters, $0) }
    }

    /// What Markdown renderers turn into links without being asked, and the one character of it to escape.
    ///
    /// Checked with GitHub's renderer (cmark-gfm 0.29 with its autolink extension) and with
    /// markdown-it-py and linkify-it-py (`gfm-like`, linkify on): see docs/markdown-autolinks.md.
    enum Autolinks {
        /// Whether the character at `index` would let a renderer turn the text around it into a
        /// link, and a backslash before it stops that: the `:` of `scheme://` and the `/` of `//`
        /// (`https://…`), the `.` after `www` (`www.…`), and the `.` before a top-level domain
        /// that linkify finds in bare names (`example.com`, `gpt-4o.md`).
        static func opens(_ characters: [Character], at index: Int) -> Bool {
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            switch characters[index] {
            case ":", "/":
                return after == "/"
            case ".":
                guard index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber else { return false }
                let word = characters[..<index].reversed().prefix { $0.isLetter || $0.isNumber }
                if String(word.reversed()).lowercased().hasSuffix("www") { return true }
                let next = characters[(index + 1)...].prefix { $0.isLetter || $0.isNumber }
                let domain = String(next).lowercased()
                return domain.allSatisfy(\.isLetter) && (domain.count == 2 || topLevelDomains.contains(domain))
            default:
                return false
            }
        }

        /// Top-level domains other than the two-letter country codes that linkify-it knows, and
        /// common newer ones.
        static let topLevelDomains: Set<String> = [
            "aero", "ai", "app", "arpa", "asia", "biz", "blog", "cloud", "com", "coop", "dev", "edu", "gov", "info", "int",
            "io", "mil", "museum", "name", "net", "online", "org", "pro", "shop", "site", "store", "tech", "top", "web",
            "xxx", "xyz", "рф",
        ]

        /// Whether the `@` at `index` makes an e-mail autolink (`user@host.org`, `mailto:…`,
        /// `xmpp:…`): a letter, digit or `.+-_` before it, and after it a domain with a `.` and a letter.
        ///
        /// cmark-gfm finds e-mail addresses after it has joined escaped characters back into the
        /// text, so no escape breaks them: such an `@` is shown as `[@]`, the usual way of writing an
        /// address that must not be followed. Other `@`s (`pass@10`, `@handle`, `5 @ 10`) stay.
        static func isEmailAt(_ characters: [Character], _ index: Int) -> Bool {
            guard index > 0, index + 1 < characters.count else { return false }
            let before = characters[index - 1]
            guard before.isLetter || before.isNumber || ".+-_".contains(before) else { return false }
            let domain = characters[(index + 1)...].prefix { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            let parts = Array(domain)
            return parts.indices.contains { parts[$0] == "." && $0 + 1 < parts.count && parts[$0 + 1].isLetter }
        }
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
    /// and invisible characters become visible `\u{..}` escapes so evidence cannot repaint the
    /// screen, fake rows, or hide a difference between two names.
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

    /// Control characters, and the characters ``InvisibleCharacters`` lists (bidirectional overrides,
    /// zero-width spaces…), which a terminal either obeys or shows as nothing.
    private static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        InvisibleCharacters.contains(scalar)
    }
}
