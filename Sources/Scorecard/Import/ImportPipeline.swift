import Foundation
import ScorecardCore
import ScorecardIngest

/// Reads one input file of any supported format and encodes its records as JSON Lines.
///
/// Shared by `import` (which writes the lines) and `bench import` (which times them): reading
/// (parse, hash) and computing (statistics) are timed apart for Inspect logs, whose reader
/// reports the end of parsing; other formats count as reading only. Records arrive from the
/// reader in batches and are encoded as they come into spools (``LineSpool``), so an input of
/// millions of records is never held as records or as lines in memory.
enum ImportPipeline {
    /// What one input gave, ready to be written.
    struct Processed: Sendable {
        let path: String
        let format: String
        /// Result records' lines, in file order.
        var summaryLines: LineSpool
        /// Per-sample records' lines, in file order; for our own format each line's tag is its
        /// slice's index in `sampleSlices`.
        var sampleLines: LineSpool
        /// Per result-record line, in order: its key as a digest (the key itself is read again
        /// from the line when it has to be named).
        var keyDigests: [Digest128] = []
        /// The result records' subjects and evaluation ids, each once, in order of first appearance.
        var recordSubjects: [Subject] = []
        var recordEvaluations: [String] = []
        var slices: Set<EvidenceSet.SliceKey> = []
        /// For our own format (whose lines can repeat lines already in the output): the slices of
        /// its sample lines, which the lines' tags index.
        var sampleSlices: [EvidenceSet.SliceKey] = []
        var warnings: [Diagnostic] = []
        var error: InputError?
        /// The lines could not be kept (a temporary file could not be written).
        var spoolFailure: FileError?
        var fileBytes = 0
        var readSeconds = 0.0
        var computeSeconds = 0.0
        var encodeSeconds = 0.0
    }

    /// Reads `input`; spools that outgrow memory go to temporary files in `spoolFolder`.
    static func process(_ input: EvidenceFormats.Input, options: ImportOptions, spoolFolder: String) -> Processed {
        var result = Processed(
            path: input.path, format: input.reader.name, summaryLines: LineSpool(folder: spoolFolder),
            sampleLines: LineSpool(folder: spoolFolder))
        result.fileBytes = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? 0
        let clock = ContinuousClock()
        let start = clock.now
        func seconds(_ elapsed: Duration) -> Double {
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        let ownFormat = input.reader is ScorecardEvidenceReader.Type
        var sliceIndex: [EvidenceSet.SliceKey: UInt32] = [:]
        var last: EvidenceSet.SliceKey?
        var seenSubjects = Set<Subject>(), seenEvaluations = Set<String>()
        var encoding = Duration.zero
        var parsedAt: ContinuousClock.Instant?
        let summary = result.summaryLines, samples = result.sampleLines
        do {
            let file = try EvidenceFormats.stream(path: input.path, reader: input.reader, options: options, parsed: { parsedAt = clock.now }) { batch in
                let began = clock.now
                defer { encoding += clock.now - began }
                guard result.spoolFailure == nil else { return }
                do {
                    for record in batch.records {
                        try summary.append(EvidenceJSONL.line(record))
                        result.keyDigests.append(Digest128(record.key))
                        if seenSubjects.insert(record.subject).inserted { result.recordSubjects.append(record.subject) }
                        if seenEvaluations.insert(record.evaluation).inserted { result.recordEvaluations.append(record.evaluation) }
                    }
                    guard options.includeSamples else { return }
                    for sample in batch.samples {
                        let slice = EvidenceSet.SliceKey(subject: sample.subject, stage: sample.stage, evaluation: sample.evaluation)
                        if slice != last { result.slices.insert(slice) }
                        last = slice
                        var tag: UInt32 = 0
                        if ownFormat {
                            if let known = sliceIndex[slice] {
                                tag = known
                            } else {
                                tag = UInt32(result.sampleSlices.count)
                                sliceIndex[slice] = tag
                                result.sampleSlices.append(slice)
                            }
                        }
                        try samples.append(EvidenceJSONL.line(sample), tag: tag)
                    }
                } catch {
                    result.spoolFailure = (error as? FileError) ?? FileError("\(error)")
                }
            }
            result.warnings = file.warnings
        } catch {
            result.error = error
            return result
        }
        let total = seconds(clock.now - start)
        result.encodeSeconds = seconds(encoding)
        if let parsedAt {
            result.readSeconds = seconds(parsedAt - start)
            result.computeSeconds = max(0, total - result.readSeconds - result.encodeSeconds)
        } else {
            result.readSeconds = max(0, total - result.encodeSeconds)
        }
        return result
    }
}
