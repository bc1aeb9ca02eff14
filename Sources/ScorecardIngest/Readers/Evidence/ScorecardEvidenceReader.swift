import Foundation
import ScorecardCore
import ScorecardJSON

/// Our own evidence format, read like every other: a JSON array, JSON Lines, or CSV with a header row.
///
/// The form is found from content: `[` starts a JSON array, `{` starts JSON Lines, anything else is
/// CSV. Records say everything about themselves (model, stage, evaluation), so of the
/// ``ImportOptions`` only `allowedStages` applies. A file is recognised when its first 4 KiB name
/// `model` and `eval` (JSON members or CSV columns); a file named directly that no reader
/// recognises is read as this format all the same, so that its problems are reported rather than
/// the file skipped. Every problem in the file is reported, with line, before anything is returned.
public enum ScorecardEvidenceReader: EvidenceReader {
    public static let name = "evidence"
    public static let summary = "Scorecard evidence: result and per-sample records as a JSON array, JSON Lines or CSV"

    /// JSON records or a CSV header naming both `model` and `eval`.
    public static func detect(path: String, prefix: [UInt8]) -> Bool {
        let text = String(decoding: FormatSniffing.withoutByteOrderMark(Array(prefix.prefix(4096))), as: UTF8.self)
        let head = text.drop { $0.isWhitespace }
        if head.hasPrefix("[") || head.hasPrefix("{") {
            return text.contains("\"model\"") && text.contains("\"eval\"")
        }
        let header = head.prefix { $0 != "\n" && $0 != "\r" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return header.contains("model") && header.contains("eval")
    }

    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedEvidence {
        try read(path: path, name: path, bytes: nil, options: options, parsed: {})
    }

    /// Parses `bytes` (or the file at `path`), naming records and problems after `name`; the file is hashed.
    public static func read(
        path: String, name: String, bytes: [UInt8]?, options: ImportOptions, parsed: () -> Void
    ) throws(InputError) -> ImportedEvidence {
        let contents: [UInt8]
        if let bytes { contents = bytes } else { contents = try InputFile.read(path) }
        let (records, samples) = try parse(contents, file: name, stages: options.allowedStages)
        return ImportedEvidence(records: records, samples: samples, sha256: SHA256.hex(of: contents))
    }

    /// Parses one file's bytes; `stages`, when given, are the only stage ids accepted.
    public static func parse(
        _ bytes: [UInt8], file: String, stages: [String]?
    ) throws(InputError) -> ([EvidenceRecord], [SampleRecord]) {
        var log = DiagnosticLog(file: file)
        let raws = rawRecords(bytes, &log)
        let parser = EvidenceRowParser(file: file, stages: stages)
        var records: [EvidenceRecord] = []
        var samples: [SampleRecord] = []
        for raw in raws {
            switch parser.parse(raw, &log) {
            case .result(let record)?: records.append(record)
            case .sample(let sample)?: samples.append(sample)
            case nil: break
            }
        }
        if raws.isEmpty, log.isEmpty { log.add("no records in the file") }
        guard log.isEmpty else { throw InputError(log.capped) }
        return (records, samples)
    }

    static func rawRecords(_ bytes: [UInt8], _ log: inout DiagnosticLog) -> [RawRecord] {
        // A UTF-8 byte-order mark is not content: the form is told by what follows it.
        let first = bytes[(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        switch first {
        case UInt8(ascii: "[")?: return jsonArray(bytes, &log)
        case UInt8(ascii: "{")?: return jsonLines(bytes, &log)
        case nil: return []
        default: return csv(bytes, &log)
        }
    }

    static func jsonArray(_ bytes: [UInt8], _ log: inout DiagnosticLog) -> [RawRecord] {
        let lines = LineIndex(bytes)
        do {
            guard case .array(let items) = try JSONParser.parse(bytes) else { return [] }
            var records: [RawRecord] = []
            for (index, item) in items.enumerated() {
                guard case .object(let object) = item else {
                    log.add("item \(index + 1) of the array is \(item.kindName), expected an object")
                    continue
                }
                records.append(RawRecord(object: object, lineOf: { lines.line(of: $0) }))
            }
            return records
        } catch {
            let (line, column) = lines.position(of: error.offset)
            log.add("malformed JSON: \(error.message)", line: line, column: column)
            return []
        }
    }

    static func jsonLines(_ bytes: [UInt8], _ log: inout DiagnosticLog) -> [RawRecord] {
        var records: [RawRecord] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let content = Array(line)
            guard content.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
            do {
                guard case .object(let object) = try JSONParser.parse(content) else {
                    log.add("each line must be one JSON object", line: lineNumber)
                    continue
                }
                let current = lineNumber
                records.append(RawRecord(object: object, lineOf: { _ in current }))
            } catch {
                log.add("malformed JSON: \(error.message)", line: lineNumber, column: error.offset + 1)
            }
        }
        return records
    }

    static func csv(_ bytes: [UInt8], _ log: inout DiagnosticLog) -> [RawRecord] {
        do {
            let rows = try CSVReader.rows(bytes)
            guard let header = rows.first else { return [] }
            let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            var columns: [String: Int] = [:]
            for (index, name) in names.enumerated() where !name.isEmpty {
                if let first = columns[name] {
                    log.add("duplicate column '\(name)' (columns \(first + 1) and \(index + 1)); keep one", line: header.line)
                } else {
                    columns[name] = index
                }
            }
            guard log.isEmpty else { return [] }
            var records: [RawRecord] = []
            for row in rows.dropFirst() {
                if row.fields.count != names.count {
                    log.add("row has \(row.fields.count) fields, the header has \(names.count)", line: row.line)
                    continue
                }
                records.append(RawRecord(row: row, header: names))
            }
            return records
        } catch {
            log.add("malformed CSV: \(error.message)", line: error.line)
            return []
        }
    }
}
