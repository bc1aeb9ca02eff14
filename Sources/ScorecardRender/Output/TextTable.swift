/// A plain-text table with columns padded to their widest cell, for terminal output.
public struct TextTable: Sendable {
    public private(set) var rows: [[String]] = []

    public init() {}

    /// Appends a row; cells are shown as given (escape untrusted text with ``Escaping/terminal(_:)``).
    public mutating func add(_ cells: [String]) { rows.append(cells) }

    /// The table, one line per row, each prefixed by `indent`; the last column is not padded.
    public func render(indent: String = "") -> String {
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
