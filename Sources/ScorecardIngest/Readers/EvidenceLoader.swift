import Foundation
import ScorecardCore
import ScorecardJSON

/// Evidence read from files: result records, sample records, and each file's hash.
public struct EvidenceBundle: Sendable {
    public var records: [EvidenceRecord] = []
    public var samples: [SampleRecord] = []
    /// Input path → SHA-256 of its bytes, in the order the files were given.
    public var inputs: [(path: String, sha256: String)] = []
    /// Problems that did not stop the import, such as a score value of an unknown shape.
    public var warnings: [Diagnostic] = []
    /// Files in folders that no format recognised, left out.
    public var skipped: [String] = []

    public init() {}

    /// An index over the records for evaluators.
    public var evidenceSet: EvidenceSet { EvidenceSet(records: records, samples: samples) }
}

/// Reads evidence files: our own format, and every external format in ``EvidenceFormats``.
///
/// Our own format is detected from content: `[` starts a JSON array, `{` starts JSON Lines,
/// anything else is CSV with a header row. External formats (Inspect logs, …) are recognised by
/// their readers; folders contribute the files some format recognises. Every problem in every
/// file is reported, with file and line, before anything is returned; duplicates are checked
/// across all files.
public enum EvidenceLoader {
    /// The most problems listed per file before the rest are summarised.
    static let maximumDiagnosticsPerFile = 50

    /// Loads `paths` (files or folders); `stages`, when given, are the only stage ids accepted.
    ///
    /// `options` say how external formats become records (stage, evaluation ids, …); `format`
    /// forces one format (a reader name, or `evidence` for our own) instead of detecting it.
    public static func load(
        paths: [String], stages: [String]?, options: ImportOptions = .init(), format: String? = nil
    ) throws(InputError) -> EvidenceBundle {
        var bundle = EvidenceBundle()
        var diagnostics: [Diagnostic] = []
        let found = try EvidenceFormats.inputs(paths, forced: format)
        bundle.skipped = found.skipped
        var importOptions = options
        importOptions.allowedStages = stages
        for input in found.inputs {
            do {
                let file = try read(path: input.path, name: input.path, reader: input.reader, stages: stages, options: importOptions)
                bundle.records += file.records
                bundle.samples += file.samples
                bundle.warnings += file.warnings
                bundle.inputs.append((input.path, file.sha256))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        diagnostics += duplicateProblems(bundle)
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        return bundle
    }

    /// One file read in its format.
    public struct ReadFile: Sendable {
        public var records: [EvidenceRecord]
        public var samples: [SampleRecord]
        public var warnings: [Diagnostic]
        public var sha256: String
        /// The reader's name, or `evidence` for our own format.
        public var format: String
    }

    /// Reads one file with `reader` (nil: our own format); records and messages call it `name`.
    ///
    /// `bytes`, when the caller already has the file's contents, saves reading our own format again.
    public static func read(
        path: String, name: String, reader: (any EvidenceReader.Type)?, stages: [String]?, options: ImportOptions,
        bytes: [UInt8]? = nil
    ) throws(InputError) -> ReadFile {
        guard let reader else {
            let contents: [UInt8]
            if let bytes { contents = bytes } else { contents = try InputFile.read(path) }
            let (records, samples) = try parse(contents, file: name, stages: stages)
            return ReadFile(records: records, samples: samples, warnings: [], sha256: SHA256.hex(of: contents),
                            format: EvidenceFormats.ownFormatName)
        }
        var imported: ImportedEvidence
        do {
            imported = try reader.read(path: path, options: options)
        } catch {
            throw InputError(error.diagnostics.map { $0.file == path ? Diagnostic(file: name, line: $0.line, column: $0.column, message: $0.message) : $0 })
        }
        let sha256: String
        if let known = imported.sha256 { sha256 = known } else { sha256 = try FileDigest.sha256(path: path) }
        if name != path {
            imported.records = imported.records.map { $0.renamingFile(path, to: name) }
            imported.samples = imported.samples.map { $0.renamingFile(path, to: name) }
            imported.warnings = imported.warnings.map { $0.file == path ? Diagnostic(file: name, line: $0.line, column: $0.column, message: $0.message) : $0 }
        }
        return ReadFile(records: imported.records, samples: imported.samples, warnings: imported.warnings, sha256: sha256,
                        format: reader.name)
    }

    /// Parses one file's bytes.
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
        guard log.isEmpty else { throw InputError(capped(log.diagnostics, file: file)) }
        return (records, samples)
    }

    static func rawRecords(_ bytes: [UInt8], _ log: inout DiagnosticLog) -> [RawRecord] {
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
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

    /// Duplicate result and sample records across all files of a bundle, each naming both places.
    public static func duplicateProblems(_ bundle: EvidenceBundle) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [EvidenceRecord.Key: SourceLocation] = [:]
        for record in bundle.records {
            if let first = seen[record.key] {
                problems.append(Diagnostic(
                    file: record.location.file, line: record.location.line,
                    message: "duplicate result for \(record.key) (first at \(first)); give distinct variants or remove one"))
            } else {
                seen[record.key] = record.location
            }
        }
        struct SampleKey: Hashable {
            let subject: Subject, stage: String, evaluation: String, id: String, epoch: Int
        }
        var seenSamples: [SampleKey: SourceLocation] = [:]
        seenSamples.reserveCapacity(bundle.samples.count)
        for sample in bundle.samples {
            let key = SampleKey(subject: sample.subject, stage: sample.stage, evaluation: sample.evaluation,
                                id: sample.sampleID, epoch: sample.epoch)
            if let first = seenSamples[key] {
                problems.append(Diagnostic(
                    file: sample.location.file, line: sample.location.line,
                    message: "duplicate sample '\(sample.sampleID)' epoch \(sample.epoch) of \(sample.evaluation) for \(sample.subject) (first at \(first))"))
            } else {
                seenSamples[key] = sample.location
            }
        }
        return problems
    }

    static func capped(_ diagnostics: [Diagnostic], file: String) -> [Diagnostic] {
        guard diagnostics.count > maximumDiagnosticsPerFile else { return diagnostics }
        let sorted = diagnostics.sorted()
        return Array(sorted.prefix(maximumDiagnosticsPerFile))
            + [Diagnostic(file: file, message: "\(diagnostics.count - maximumDiagnosticsPerFile) more problems not shown")]
    }
}
