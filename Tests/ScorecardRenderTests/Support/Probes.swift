import Foundation
import ScorecardXML
import Testing

/// Reads the structure of rendered Markdown as GitHub would: headings, and table rows as cells.
///
/// Enough of GFM for our own output: ATX headings, pipe tables (cells split at unescaped `|`),
/// `**strong**`, links and images. Backslash escapes are undone in the plain text of a cell.
struct MarkdownProbe {
    let lines: [String]

    init(_ text: String) {
        lines = text.components(separatedBy: "\n")
    }

    /// `(level, text)` of every ATX heading, in order.
    var headings: [(Int, String)] {
        lines.compactMap { line in
            let hashes = line.prefix { $0 == "#" }
            guard (1...6).contains(hashes.count), line.dropFirst(hashes.count).first == " " else { return nil }
            return (hashes.count, Self.plain(String(line.dropFirst(hashes.count + 1))))
        }
    }

    /// Every table as rows of raw cells (the delimiter row dropped), in order.
    var tables: [[[String]]] {
        var tables: [[[String]]] = []
        var current: [[String]] = []
        for line in lines + [""] {
            if line.hasPrefix("|") {
                let cells = Self.cells(line)
                if !cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } && !$0.isEmpty }) { current.append(cells) }
            } else if !current.isEmpty {
                tables.append(current)
                current = []
            }
        }
        return tables
    }

    /// The cells of a table row: split at `|` not preceded by an odd number of backslashes.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var backslashes = 0
        for character in line {
            if character == "|", backslashes % 2 == 0 {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(character)
            }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        cells.append(cell)
        // A row starts and ends with a pipe: drop the empty text before the first and after the last.
        return Array(cells.dropFirst().dropLast()).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The text a reader sees: images and links become their text, `**` and backticks disappear,
    /// escapes are undone, and an e-mail address's `\[@\]` (which keeps renderers from linking
    /// it) reads as the `@` the HTML shows.
    static func plain(_ markdown: String) -> String {
        let markdown = markdown.replacingOccurrences(of: #"\[@\]"#, with: "@")
        // Characters with whether a backslash escaped them.
        var chars: [(Character, Bool)] = []
        var escaping = false
        for c in markdown {
            if escaping {
                chars.append((c, c.isASCII && c.isPunctuation || c.isASCII && c.isSymbol))
                if !(c.isASCII && (c.isPunctuation || c.isSymbol)) { chars.insert(("\\", false), at: chars.count - 1) }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                chars.append((c, false))
            }
        }
        if escaping { chars.append(("\\", false)) }
        var out = ""
        var index = 0
        while index < chars.count {
            let (c, escaped) = chars[index]
            if !escaped, c == "*", index + 1 < chars.count, chars[index + 1] == ("*", false) {
                index += 2
                continue
            }
            if !escaped, c == "`" {
                index += 1
                continue
            }
            if !escaped, c == "!" || c == "[", let (text, end) = link(chars, at: c == "!" ? index + 1 : index) {
                out += text
                index = end
                continue
            }
            out.append(c)
            index += 1
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `[text](target)` starting at `start`: the text and the index after the closing parenthesis.
    private static func link(_ chars: [(Character, Bool)], at start: Int) -> (String, Int)? {
        guard start < chars.count, chars[start] == ("[", false) else { return nil }
        var index = start + 1
        var text = ""
        while index < chars.count, chars[index] != ("]", false) {
            text.append(chars[index].0)
            index += 1
        }
        guard index + 1 < chars.count, chars[index + 1] == ("(", false) else { return nil }
        index += 2
        while index < chars.count, chars[index] != (")", false) { index += 1 }
        guard index < chars.count else { return nil }
        return (text.replacingOccurrences(of: "**", with: ""), index + 1)
    }

    /// Positions (line, character) of `character` that are not backslash-escaped.
    func unescaped(_ character: Character) -> [(Int, String)] {
        var found: [(Int, String)] = []
        for (number, line) in lines.enumerated() {
            var backslashes = 0
            for c in line {
                if c == character, backslashes % 2 == 0 { found.append((number + 1, line)) }
                backslashes = c == "\\" ? backslashes + 1 : 0
            }
        }
        return found
    }
}

/// Reads the structure of rendered HTML through libxml2: headings and table rows as cell text.
struct HTMLProbe {
    let root: XMLTreeElement

    init(_ html: String, file: String = "report.html") throws {
        root = try XMLDocumentParser.parse(html, file: file)
    }

    /// Every element in document order.
    var allElements: [XMLTreeElement] {
        var out: [XMLTreeElement] = []
        func walk(_ element: XMLTreeElement) {
            out.append(element)
            element.childElements.forEach(walk)
        }
        walk(root)
        return out
    }

    var headings: [(Int, String)] {
        allElements.compactMap { element in
            guard element.name.count == 2, element.name.hasPrefix("h"), let level = Int(element.name.dropFirst()) else { return nil }
            return (level, Self.normalized(element.text))
        }
    }

    /// Every table's rows (header rows included) as normalised cell text, in order.
    var tables: [[[String]]] {
        root.elements(named: "table").map { table in
            table.elements(named: "tr").map { row in
                row.childElements.filter { $0.name == "th" || $0.name == "td" }.map { Self.normalized($0.text) }
            }
        }
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
