/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes with `""` escaping,
/// LF, CRLF or lone CR line ends, quoted fields may span lines. A leading byte-order mark is skipped; a
/// NUL byte in a field is an error.
///
/// Hand-written because the CSV libraries in reach (CSV.swift, SwiftCSV) do not report the line
/// a row starts on, and every evidence error must name its line.
struct CSVReader {
    struct Row {
        /// 1-based line where the row starts.
        let line: Int
        let fields: [String]
    }

    /// Splits `text` into rows; throws a diagnostic message with its line for an unterminated quote.
    static func rows(_ bytes: [UInt8]) throws(CSVError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var inQuotes = false
        var quoteLine = 0
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var rowHasContent = false

        func endField() throws(CSVError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw CSVError(line: rowLine, message: "invalid UTF-8")
            }
            if field.contains(0) {
                // JSON refuses a NUL byte too: no evidence text holds one, a binary file does.
                throw CSVError(line: rowLine, message: "a NUL byte in field \(fields.count + 1); evidence text cannot contain one")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let byte = bytes[i]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                guard field.isEmpty else {
                    throw CSVError(line: line, message: "a quote inside an unquoted field; quote the whole field and double inner quotes")
                }
                inQuotes = true
                quoteLine = line
                rowHasContent = true
            case UInt8(ascii: ","):
                try endField()
                rowHasContent = true
            case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                break
            case 0x0A, 0x0D:
                // A lone CR ends a row too (classic Mac OS line endings; some spreadsheet exports).
                if rowHasContent || !field.isEmpty {
                    try endField()
                    rows.append(Row(line: rowLine, fields: fields))
                }
                fields.removeAll()
                rowHasContent = false
                line += 1
                rowLine = line
            default:
                field.append(byte)
                rowHasContent = true
            }
            i += 1
        }
        if inQuotes { throw CSVError(line: quoteLine, message: "unterminated quoted field") }
        if rowHasContent || !field.isEmpty {
            try endField()
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}

struct CSVError: Error {
    let line: Int
    let message: String
}
