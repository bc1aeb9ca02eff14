import Foundation
import ScorecardJSON
/// One record as read from JSON, JSONL or CSV, before it is interpreted.
struct RawRecord {
    enum Field {
        case text(String)
        case number(Double, text: String)
        case bool(Bool)
        case null
        case object([String: String])
        case other(String)
    }

    let line: Int
    /// Field values with the line each one is on.
    let fields: [(name: String, value: Field, line: Int)]

    func field(_ name: String) -> (value: Field, line: Int)? {
        fields.last { $0.name == name }.map { ($0.value, $0.line) }
    }
}

extension RawRecord {
    /// Converts a parsed JSON object; `lineOf` maps byte offsets to lines.
    init(object: JSONObject, lineOf: (Int) -> Int) {
        line = lineOf(object.offset)
        fields = object.members.map { member in
            let value: Field
            switch member.value {
            case .null: value = .null
            case .bool(let b): value = .bool(b)
            case .number(let n, let text): value = .number(n, text: text)
            case .string(let s): value = .text(s)
            case .object(let inner):
                var flat: [String: String] = [:]
                for m in inner.members {
                    switch m.value {
                    case .string(let s): flat[m.key] = s
                    case .number(_, let text): flat[m.key] = text
                    case .bool(let b): flat[m.key] = b ? "true" : "false"
                    default: break
                    }
                }
                value = .object(flat)
            case .array: value = .other("an array")
            }
            return (member.key, value, lineOf(member.offset))
        }
    }

    /// Converts a CSV row under `header`; empty cells are absent fields.
    init(row: CSVReader.Row, header: [String]) {
        line = row.line
        var fields: [(String, Field, Int)] = []
        for (name, cell) in zip(header, row.fields) where !cell.isEmpty {
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            // Swift reads hexadecimal (0x10, 0x0.8p0) where JSON refuses it: such a cell stays text,
            // and a numeric field refuses it naming the column and the value.
            let hexadecimal = trimmed.drop { $0 == "-" }.lowercased().hasPrefix("0x")
            if !hexadecimal, let number = Double(trimmed), !trimmed.isEmpty, trimmed.first != "+" {
                fields.append((name, .number(number, text: trimmed), row.line))
            } else {
                fields.append((name, .text(cell), row.line))
            }
        }
        self.fields = fields
    }
}
