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
    private let inputs: [String]

    /// Finds the files to read in `inputs` (files or folders); `format` forces a reader by name.
    public init(inputs: [String], format: String? = nil, out: String, options: ImportOptions, jobs: Int = 2) throws(InputError) {
        let found = try EvidenceFormats.inputs(inputs, forced: format)
        let outPath = (out as NSString).standardizingPath
        self.inputs = inputs
        self.out = out
        self.files = found.inputs.filter { ($0.path as NSString).standardizingPath != outPath }
        self.skipped = found.skipped
        self.options = options
        self.jobs = jobs
    }

    /// Reads every file, checks the records against the output's, and replaces the output.
    ///
    /// Throws ``ImportError`` when nothing can be imported or the inputs are refused, and
    /// ``FileError`` when the output cannot be written.
    public func run(progress: (ProgressEvent) -> Void = { _ in }) throws -> ImportSummary {
        guard !files.isEmpty else { throw ImportError.nothingToImport(inputs: inputs) }
        let writer = try AtomicFileWriter(path: out)
        var merge = try ImportMerge(existing: out, importing: files, writer: writer)
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var writeFailure: Error?
        let files = self.files, options = self.options
        progress(.reading(files: files.count))
        OrderedWorkers.run(count: files.count, jobs: jobs, work: { ImportPipeline.process(files[$0], options: options) }) { index, processed in
            if let error = processed.error {
                problems += error.diagnostics
            } else {
                problems += merge.conflicts(processed)
                warnings += processed.warnings
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
        guard problems.isEmpty else {
            writer.discard()
            throw ImportError.refused(problems: InputError(problems).diagnostics, out: out)
        }
        try writer.commit()
        return merge.summary(out: out, files: files.count, warnings: warnings)
    }
}
