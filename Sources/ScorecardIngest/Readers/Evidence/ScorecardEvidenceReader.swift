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
            return text.contains("\"model\"") && text.contains("\"eval\"") && !FormatSniffing.isInspectLogListing(prefix)
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
        var records: [EvidenceRecord] = []
        var samples: [SampleRecord] = []
        var evidence = try read(path: path, name: name, bytes: bytes, options: options, parsed: parsed) { batch in
            records += batch.records
            samples += batch.samples
        }
        evidence.records = records
        evidence.samples = samples
        return evidence
    }

    /// Records handed on at a time when JSON Lines are read as a stream.
    public static let batchSize = 4096

    /// Parses `bytes` (or the file at `path`) as ``read(path:name:bytes:options:parsed:)`` does,
    /// handing the records on in batches of at most ``batchSize``.
    ///
    /// JSON Lines are read line by line from the mapped file, whose pages are released behind the
    /// reader, so neither the file nor its records are ever held whole; once a problem is found no
    /// more batches are delivered, and every problem is thrown at the end. A JSON array or CSV is
    /// parsed whole and delivered as one batch.
    public static func read(
        path: String, name: String, bytes: [UInt8]?, options: ImportOptions, parsed: () -> Void,
        deliver: (ImportedEvidence) -> Void
    ) throws(InputError) -> ImportedEvidence {
        if let bytes {
            let sha256 = SHA256.hex(of: bytes)
            try bytes.withUnsafeBufferPointer { buffer throws(InputError) in
                try parse(buffer, file: name, stages: options.allowedStages, release: { _ in }, deliver: deliver)
            }
            return ImportedEvidence(sha256: sha256)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, "is a directory, expected a file") }
        let file = try FileBytes(path: path)
        try parse(file.bytes, file: name, stages: options.allowedStages, release: file.releasePages(before:), deliver: deliver)
        return ImportedEvidence(sha256: try file.sha256())
    }

    /// Parses one file's bytes; `stages`, when given, are the only stage ids accepted.
    public static func parse(
        _ bytes: [UInt8], file: String, stages: [String]?
    ) throws(InputError) -> ([EvidenceRecord], [SampleRecord]) {
        var records: [EvidenceRecord] = []
        var samples: [SampleRecord] = []
        try bytes.withUnsafeBufferPointer { buffer throws(InputError) in
            try parse(buffer, file: file, stages: stages, release: { _ in }) { batch in
                records += batch.records
                samples += batch.samples
            }
        }
        return (records, samples)
    }

    /// Parses `bytes`, delivering records in batches (JSON Lines) or at once (a JSON array, CSV);
    /// `release` is told how far a JSON Lines pass has come, so the pages behind it can go.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, stages: [String]?, release: (Int) -> Void,
        deliver: (ImportedEvidence) -> Void
    ) throws(InputError) {
        var log = DiagnosticLog(file: file)
        let parser = EvidenceRowParser(file: file, stages: stages)
        var batch = ImportedEvidence()
        var count = 0
        func add(_ raw: RawRecord, _ log: inout DiagnosticLog) {
            count += 1
            switch parser.parse(raw, &log) {
            case .result(let record)?: batch.records.append(record)
            case .sample(let sample)?: batch.samples.append(sample)
            case nil: break
            }
        }
        // A UTF-8 byte-order mark is not content: the form is told by what follows it.
        let first = bytes[(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if first == UInt8(ascii: "{") {
            jsonLines(bytes, &log) { raw, offset, log in
                add(raw, &log)
                guard batch.records.count + batch.samples.count >= batchSize else { return }
                if log.isEmpty { deliver(batch) }
                batch = ImportedEvidence()
                release(offset)
            }
        } else {
            for raw in rawRecords(Array(bytes), &log) { add(raw, &log) }
        }
        if count == 0, log.isEmpty { log.add("no records in the file") }
        guard log.isEmpty else { throw InputError(log.capped) }
        if !batch.records.isEmpty || !batch.samples.isEmpty { deliver(batch) }
    }

    static func rawRecords(_ bytes: [UInt8], _ log: inout DiagnosticLog) -> [RawRecord] {
        // A UTF-8 byte-order mark is not content: the form is told by what follows it.
        let first = bytes[(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        switch first {
        case UInt8(ascii: "[")?: return jsonArray(bytes, &log)
        case UInt8(ascii: "{")?:
            var records: [RawRecord] = []
            bytes.withUnsafeBufferPointer { buffer in jsonLines(buffer, &log) { raw, _, _ in records.append(raw) } }
            return records
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

    /// Calls `body` with each line's record, the offset just past the line and the log, in file order.
    static func jsonLines(
        _ bytes: UnsafeBufferPointer<UInt8>, _ log: inout DiagnosticLog, _ body: (RawRecord, Int, inout DiagnosticLog) -> Void
    ) {
        var lineNumber = 0
        var start = 0
        while true {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) {
                do {
                    if case .object(let object) = try JSONParser.parse(Array(line)) {
                        let current = lineNumber
                        body(RawRecord(object: object, lineOf: { _ in current }), end, &log)
                    } else {
                        log.add("each line must be one JSON object", line: lineNumber)
                    }
                } catch {
                    log.add("malformed JSON: \(error.message)", line: lineNumber, column: error.offset + 1)
                }
            }
            guard end < bytes.count else { break }
            start = end + 1
        }
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
