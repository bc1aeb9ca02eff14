import Foundation
import ScorecardCore

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
    /// Files refused and left out because `skipInvalid` was asked, each with its reasons.
    public var refused: [RefusedInput] = []

    public init() {}

    /// An index over the records for evaluators.
    public var evidenceSet: EvidenceSet { EvidenceSet(records: records, samples: samples) }
}

/// Reads evidence files and folders of every format in ``EvidenceFormats`` into one bundle.
///
/// Each file is read by ``EvidenceFormats/read(path:name:reader:options:bytes:parsed:)``; folders
/// contribute the files some format recognises. Every problem in every file is reported, with
/// file and line, before anything is returned; duplicates are checked across all files.
public enum EvidenceLoader {
    /// Loads `paths` (files or folders); `stages`, when given, are the only stage ids accepted.
    ///
    /// `options` say how external formats become records (stage, evaluation ids, …); `format`
    /// forces one format (a reader name, such as `evidence` for our own) instead of detecting it.
    /// With `skipInvalid`, a file that is refused is left out and listed in `refused` (and its
    /// reasons in `warnings`), unless every file is refused; without it, any refusal throws.
    public static func load(
        paths: [String], stages: [String]?, options: ImportOptions = .init(), format: String? = nil, skipInvalid: Bool = false
    ) throws(InputError) -> EvidenceBundle {
        var bundle = EvidenceBundle()
        var diagnostics: [Diagnostic] = []
        let found = try EvidenceFormats.inputs(paths, forced: format)
        bundle.skipped = found.skipped
        var importOptions = options
        importOptions.allowedStages = stages
        for input in found.inputs {
            do {
                let file = try EvidenceFormats.read(path: input.path, reader: input.reader, options: importOptions)
                let sha256: String
                if let known = file.sha256 { sha256 = known } else { sha256 = try FileDigest.sha256(path: input.path) }
                bundle.records += file.records
                bundle.samples += file.samples
                bundle.warnings += file.warnings
                bundle.inputs.append((input.path, sha256))
            } catch {
                if skipInvalid {
                    bundle.refused.append(RefusedInput(path: input.path, problems: error.diagnostics))
                } else {
                    diagnostics += error.diagnostics
                }
            }
        }
        if skipInvalid, !found.inputs.isEmpty, bundle.refused.count == found.inputs.count {
            diagnostics += bundle.refused.flatMap(\.problems)
        }
        bundle.warnings += bundle.refused.flatMap(\.warnings)
        bundle.warnings += EvidenceFormats.unappliedOptions(found.inputs, options)
        diagnostics += duplicateProblems(bundle)
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        return bundle
    }

    /// Duplicate result and sample records across all files of a bundle, each naming both places.
    public static func duplicateProblems(_ bundle: EvidenceBundle) -> [Diagnostic] {
        var problems = duplicateResults(bundle.records)
        struct SampleKey: Hashable {
            let subject: Subject, stage: String, evaluation: String, id: String, epoch: Int
        }
        var seenSamples: [SampleKey: SourceLocation] = [:]
        seenSamples.reserveCapacity(bundle.samples.count)
        for sample in bundle.samples {
            let key = SampleKey(subject: sample.subject, stage: sample.stage, evaluation: sample.evaluation,
                                id: sample.sampleID, epoch: sample.epoch)
            if let first = seenSamples[key] {
                problems.append(duplicate(sample, first: first))
            } else {
                seenSamples[key] = sample.location
            }
        }
        return problems
    }

    /// The problem of a sample record that repeats one at `first` (same subject, stage, evaluation, id and epoch).
    /// Result records that repeat an earlier one of `records` (same key), each with the first one's place.
    public static func duplicateResults(_ records: some Sequence<EvidenceRecord>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [EvidenceRecord.Key: SourceLocation] = [:]
        for record in records {
            if let first = seen[record.key] {
                problems.append(duplicate(record, first: first))
            } else {
                seen[record.key] = record.location
            }
        }
        return problems
    }

    /// The problem of a result record that repeats one at `first` (same key).
    public static func duplicate(_ record: EvidenceRecord, first: SourceLocation) -> Diagnostic {
        Diagnostic(
            file: record.location.file, line: record.location.line,
            message: "duplicate result for \(record.key) (first at \(first)); give distinct variants or remove one")
    }

    public static func duplicate(_ sample: SampleRecord, first: SourceLocation) -> Diagnostic {
        Diagnostic(
            file: sample.location.file, line: sample.location.line,
            message: "duplicate sample '\(sample.sampleID)' epoch \(sample.epoch) of \(sample.evaluation) for \(sample.subject) (first at \(first))")
    }
}
