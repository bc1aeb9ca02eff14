import Foundation
import ScorecardCore
import ScorecardIngest

/// Converts evaluation logs and result files into one evidence file (JSON Lines), merging with
/// what the file already holds.
///
/// Inputs are read on a few threads and written in input order. Records of the existing output
/// whose source is being imported again are replaced; others are kept byte for byte. The output
/// is written atomically: on any error (an unreadable input, two sources giving the same
/// results, a full disk) it is left as it was.
public struct Importer: Sendable {
    /// The evidence file to write.
    public let out: String
    /// The files to read, in order: folders expanded, the output itself left out.
    public let files: [EvidenceFormats.Input]
    /// Files in folders that no format recognises, left out.
    public let skipped: [String]
    /// How inputs become records (stage, evaluation ids, samples, bootstrap).
    public let options: ImportOptions
    /// Files read at a time.
    public let jobs: Int
    /// The framework the evidence is for, when known: imported evaluations that none of its
    /// indicators reads are then reported (``ImportSummary/review``).
    public let framework: Framework?
    /// Leave out files that are refused, listing each in the summary, instead of writing nothing;
    /// when every file is refused the import fails all the same.
    public let skipInvalid: Bool
    private let inputs: [String]

    /// Finds the files to read in `inputs` (files or folders); `format` forces a reader by name.
    public init(
        inputs: [String], format: String? = nil, out: String, options: ImportOptions, jobs: Int = 2, framework: Framework? = nil,
        skipInvalid: Bool = false
    ) throws(InputError) {
        let found = try EvidenceFormats.inputs(inputs, forced: format)
        let outPath = (out as NSString).standardizingPath
        self.inputs = inputs
        self.out = out
        self.files = found.inputs.filter { ($0.path as NSString).standardizingPath != outPath }
        self.skipped = found.skipped
        self.options = options
        self.jobs = jobs
        self.framework = framework
        self.skipInvalid = skipInvalid
    }

    /// Reads every file, checks the records against the output's, and replaces the output.
    ///
    /// Throws ``ImportError`` when nothing can be imported or the inputs are refused, and
    /// ``FileError`` when the output cannot be written.
    public func run(progress: (ProgressEvent) -> Void = { _ in }) throws -> ImportSummary {
        let prepared = try prepare(progress: progress)
        try prepared.commit()
        return prepared.summary
    }

    /// Reads every file and writes the new output beside the old one, without replacing it yet:
    /// ``PreparedImport/commit()`` does, ``PreparedImport/discard()`` leaves the output as it was
    /// (a caller in strict mode discards an import with warnings).
    public func prepare(progress: (ProgressEvent) -> Void = { _ in }) throws -> PreparedImport {
        guard !files.isEmpty else { throw ImportError.nothingToImport(inputs: inputs) }
        // Held from reading the output to replacing it: two imports into one file take turns,
        // so neither replaces the file without the other's records.
        let lock = try FileLock.guarding(out)
        try OutputTarget.check(out)
        let writer = try AtomicFileWriter(path: out)
        var merge = try ImportMerge(existing: out, importing: files, writer: writer)
        var problems = merge.existingNameProblems
        var warnings = EvidenceFormats.unappliedOptions(files, options)
        var imported = ImportedNames()
        var writeFailure: Error?
        var refused: [RefusedInput] = []
        let files = self.files, options = self.options, skipInvalid = self.skipInvalid
        let spoolFolder = (out as NSString).deletingLastPathComponent
        progress(.reading(files: files.count))
        OrderedWorkers.run(
            count: files.count, jobs: jobs, work: { ImportPipeline.process(files[$0], options: options, spoolFolder: spoolFolder) }
        ) { index, processed in
            if let failure = processed.spoolFailure {
                if writeFailure == nil { writeFailure = failure }
            } else if let error = processed.error {
                if skipInvalid {
                    refused.append(RefusedInput(path: processed.path, problems: error.diagnostics))
                } else {
                    problems += error.diagnostics
                }
            } else {
                do { problems += try merge.conflicts(processed) } catch { if writeFailure == nil { writeFailure = error } }
                problems += merge.nameProblems(processed)
                warnings += processed.warnings
                imported.add(processed)
                if problems.isEmpty, writeFailure == nil {
                    do { try merge.write(processed, to: writer) } catch { writeFailure = error }
                }
            }
            progress(.read(FileProgress(
                index: index + 1, total: files.count, path: processed.path, byteCount: processed.fileBytes,
                summaryRecords: processed.summaryLines.count, sampleRecords: processed.sampleLines.count,
                failed: processed.error != nil, warnings: processed.error == nil ? processed.warnings : [])))
        }
        progress(.done)
        if let writeFailure {
            writer.discard()
            throw writeFailure
        }
        if refused.count == files.count { problems += refused.flatMap(\.problems) }
        guard problems.isEmpty else {
            writer.discard()
            throw ImportError.refused(problems: InputError(problems).diagnostics, out: out)
        }
        var summary = merge.summary(out: out, files: files.count - refused.count, warnings: warnings)
        summary.review = imported.review(map: options.evaluationMap, framework: framework)
        summary.refused = refused
        return PreparedImport(summary: summary, writer: writer, lock: lock)
    }
}

/// An import read and written beside its output, waiting to replace it.
///
/// It holds the output's lock until it is committed or discarded (or goes away), so no other
/// import reads the output in between.
public final class PreparedImport {
    /// What the import will have written.
    public let summary: ImportSummary
    private let writer: AtomicFileWriter
    private var lock: FileLock?

    init(summary: ImportSummary, writer: AtomicFileWriter, lock: FileLock) {
        self.summary = summary
        self.writer = writer
        self.lock = lock
    }

    /// Replaces the output with the new file.
    public func commit() throws {
        defer { lock = nil }
        try writer.commit()
    }

    /// Removes the new file; the output stays as it was.
    public func discard() {
        writer.discard()
        lock = nil
    }
}
