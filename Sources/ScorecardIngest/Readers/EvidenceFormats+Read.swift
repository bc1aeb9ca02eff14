import ScorecardCore

extension EvidenceFormats {
    /// One file read by the reader of its format.
    public struct ReadFile: Sendable {
        public var records: [EvidenceRecord]
        public var samples: [SampleRecord]
        /// Problems that did not stop the reading, with file and place.
        public var warnings: [Diagnostic]
        /// SHA-256 of the file's bytes, when the reader hashed them (Inspect logs and our own format do).
        public var sha256: String?
        /// The name of the format that read the file: `inspect`, `lm-eval`, …, `evidence`.
        public var format: String
    }

    /// Reads one evidence file: with `reader` when given, else with the reader that recognises the
    /// file, else as our own format.
    ///
    /// This is the one way a file becomes evidence (`import`, `assess --evidence`, `regenerate`,
    /// `bench import` all come here). Records and messages call the file `name` (by default
    /// `path`; a card names files relative to its root). `bytes`, when given, are the file's
    /// contents, already read by the caller: detection and our own format use them instead of
    /// reading the file again. `parsed` is called between parsing a log and computing its records
    /// where those are two steps (Inspect logs), so a caller can time them apart; for the other
    /// formats it is not called, and all of the work counts as parsing.
    public static func read(
        path: String, name: String? = nil, reader: (any EvidenceReader.Type)? = nil, options: ImportOptions,
        bytes: [UInt8]? = nil, parsed: () -> Void = {}
    ) throws(InputError) -> ReadFile {
        var records: [EvidenceRecord] = []
        var samples: [SampleRecord] = []
        var file = try stream(path: path, name: name, reader: reader, options: options, bytes: bytes, parsed: parsed) { batch in
            records += batch.records
            samples += batch.samples
        }
        file.records = records
        file.samples = samples
        return file
    }

    /// Reads one evidence file as ``read(path:name:reader:options:bytes:parsed:)`` does, handing its
    /// records to `deliver` in batches as they are read (see
    /// ``EvidenceReader/read(path:name:bytes:options:parsed:deliver:)``); the file returned holds
    /// no records. Batches may have been delivered before the file is refused: the caller then
    /// discards them.
    public static func stream(
        path: String, name: String? = nil, reader: (any EvidenceReader.Type)? = nil, options: ImportOptions,
        bytes: [UInt8]? = nil, parsed: () -> Void = {}, deliver: (ImportedEvidence) -> Void
    ) throws(InputError) -> ReadFile {
        let chosen: any EvidenceReader.Type
        if let reader {
            chosen = reader
        } else {
            let prefix: [UInt8]
            if let bytes { prefix = Array(bytes.prefix(64 << 10)) } else { prefix = try InputFile.prefix(path) }
            chosen = Self.reader(for: path, prefix: prefix)
        }
        // A figure computed from a log can overflow (a mean of scores near 1e308, a bound of value ± 1.96 × a
        // huge standard error): such a record could not be written as JSON nor read back, so the file is refused.
        var overflow: [Diagnostic] = []
        let evidence = try chosen.read(
            path: path, name: name ?? path, bytes: bytes, options: options, parsed: parsed
        ) { batch in
            for record in batch.records where overflow.count < 20 {
                if let problem = Self.nonFinite(record) {
                    overflow.append(Diagnostic(file: record.location.file, line: record.location.line > 0 ? record.location.line : nil, message: problem))
                }
            }
            deliver(batch)
        }
        if !overflow.isEmpty { throw InputError(overflow) }
        return ReadFile(records: [], samples: [], warnings: evidence.warnings, sha256: evidence.sha256, format: chosen.name)
    }

    /// Why a record's value or interval is not a finite number, or nil.
    static func nonFinite(_ record: EvidenceRecord) -> String? {
        let what = "'\(record.evaluation)' \(record.metric)\(record.variant.map { " [\($0)]" } ?? "")"
        if !record.value.isFinite {
            return "\(what): the value computed from the file is \(record.value), not a finite number (a score is not finite, or too large to average)"
        }
        if let interval = record.interval, !(interval.low.isFinite && interval.high.isFinite) {
            return "\(what): the interval computed from the file, [\(interval.low), \(interval.high)], is not finite (its standard error is too large)"
        }
        return nil
    }
}
