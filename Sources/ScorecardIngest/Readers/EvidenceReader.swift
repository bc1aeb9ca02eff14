import ScorecardCore

/// A reader of one evidence format: our own (JSON, JSON Lines, CSV), an evaluation harness's log,
/// an interchange format.
///
/// Readers are listed in `EvidenceFormats.all`; `EvidenceFormats.read` picks one by content
/// (`detect`) unless the user names a format. Each reader turns one file into evidence records
/// and, where the format has them, per-sample records.
public protocol EvidenceReader: Sendable {
    /// The name used by `--from` and by a card's `format`, such as `inspect`.
    static var name: String { get }
    /// One line for `--help`.
    static var summary: String { get }
    /// Whether a file looks like this format, from its path and its first bytes (up to 64 KiB).
    static func detect(path: String, prefix: [UInt8]) -> Bool
    /// Reads one file. Problems that make the file unusable throw; recoverable ones are warnings.
    static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedEvidence
    /// Reads one file as ``read(path:options:)`` does, naming it `name` in records and messages.
    ///
    /// `bytes`, when given, are the file's contents, already read by the caller. `parsed` is called
    /// once between parsing the file and computing records from it, where those are two steps (an
    /// Inspect log), so that `bench import` can time them apart. The default implementation reads
    /// `path` with ``read(path:options:)``, never calls `parsed` (all of it counts as parsing), and
    /// renames the file in what it returns.
    static func read(
        path: String, name: String, bytes: [UInt8]?, options: ImportOptions, parsed: () -> Void
    ) throws(InputError) -> ImportedEvidence
    /// Reads one file as ``read(path:name:bytes:options:parsed:)`` does, handing its records to
    /// `deliver` in batches as they are read instead of returning them.
    ///
    /// A reader whose files can hold millions of records (our own JSON Lines) delivers them in
    /// bounded batches, so that memory does not grow with the file; the default implementation
    /// reads the whole file and delivers it as one batch. Batches may have been delivered when the
    /// file turns out to be refused: the error is thrown at the end, and the caller discards what
    /// it received. What is returned holds no records, only the warnings and the file's hash.
    static func read(
        path: String, name: String, bytes: [UInt8]?, options: ImportOptions, parsed: () -> Void,
        deliver: (ImportedEvidence) -> Void
    ) throws(InputError) -> ImportedEvidence
}

extension EvidenceReader {
    public static func read(
        path: String, name: String, bytes: [UInt8]?, options: ImportOptions, parsed: () -> Void,
        deliver: (ImportedEvidence) -> Void
    ) throws(InputError) -> ImportedEvidence {
        let evidence = try read(path: path, name: name, bytes: bytes, options: options, parsed: parsed)
        deliver(ImportedEvidence(records: evidence.records, samples: evidence.samples))
        return ImportedEvidence(warnings: evidence.warnings, sha256: evidence.sha256)
    }

    public static func read(
        path: String, name: String, bytes: [UInt8]?, options: ImportOptions, parsed: () -> Void
    ) throws(InputError) -> ImportedEvidence {
        do {
            return try read(path: path, options: options).renamingFile(path, to: name)
        } catch {
            throw error.renamingFile(path, to: name)
        }
    }
}

/// How external results are turned into evidence records.
public struct ImportOptions: Sendable {
    /// The stage every imported record gets, when the format does not say (all external formats).
    public var stage: String?
    /// The stage ids the framework knows; nil accepts any.
    public var allowedStages: [String]?
    /// Task or benchmark name → our evaluation id; names not listed are used as they are.
    public var evaluationMap: [String: String]
    /// Overrides the model name a file records.
    public var model: String?
    /// Import logs of runs that did not finish (status other than success), flagged as incomplete.
    public var allowIncomplete: Bool
    /// Whether per-sample records are produced (summary records are computed from samples either way).
    public var includeSamples: Bool
    /// What an errored sample counts as in computed statistics.
    public var erroredSamples: SampleStatistics.ErroredPolicy
    /// Resamples and seed of the percentile bootstraps.
    public var bootstrap: Bootstrap.Settings
    /// For Inspect `.eval` logs: read every `samples/*` member instead of `summaries.json`, so string
    /// metadata is exactly as logged (summaries trim and collapse its whitespace).
    public var exactMetadata: Bool

    public init(
        stage: String? = nil, allowedStages: [String]? = nil, evaluationMap: [String: String] = [:], model: String? = nil,
        allowIncomplete: Bool = false, includeSamples: Bool = true, erroredSamples: SampleStatistics.ErroredPolicy = .failure,
        bootstrap: Bootstrap.Settings = .init(), exactMetadata: Bool = false
    ) {
        self.stage = stage
        self.allowedStages = allowedStages
        self.evaluationMap = evaluationMap
        self.model = model
        self.allowIncomplete = allowIncomplete
        self.includeSamples = includeSamples
        self.erroredSamples = erroredSamples
        self.bootstrap = bootstrap
        self.exactMetadata = exactMetadata
    }

    /// Our evaluation id for a task name.
    public func evaluation(for task: String) -> String { evaluationMap[task] ?? task }
}

/// What one file yielded.
public struct ImportedEvidence: Sendable {
    public var records: [EvidenceRecord]
    public var samples: [SampleRecord]
    /// Problems that did not stop the import (for example a skipped unscored sample), with place.
    public var warnings: [Diagnostic]
    /// SHA-256 of the file, which every record also carries.
    public var sha256: String?

    public init(records: [EvidenceRecord] = [], samples: [SampleRecord] = [], warnings: [Diagnostic] = [], sha256: String? = nil) {
        self.records = records
        self.samples = samples
        self.warnings = warnings
        self.sha256 = sha256
    }
}

extension ImportedEvidence {
    /// The same evidence with the file read at `path` called `name` in records, samples and warnings.
    public func renamingFile(_ path: String, to name: String) -> ImportedEvidence {
        guard name != path else { return self }
        return ImportedEvidence(
            records: records.map { $0.renamingFile(path, to: name) }, samples: samples.map { $0.renamingFile(path, to: name) },
            warnings: warnings.map { $0.renamingFile(path, to: name) }, sha256: sha256)
    }
}
