/// A plain-text table with columns padded to their widest cell.
struct TextTable {
    var rows: [[String]] = []

    mutating func add(_ cells: [String]) { rows.append(cells) }

    func render(indent: String = "") -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            let padded = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }
            return indent + padded.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

/// Makes untrusted text safe for a terminal: control characters (escape sequences, newlines)
/// become visible `\u{..}` escapes so evidence cannot repaint the screen or fake rows.
func terminalSafe(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
            out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
