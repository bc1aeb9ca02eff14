import Foundation
import ScorecardCore
import ScorecardIngest

/// Reads one input file of any supported format and encodes its records as JSON Lines.
///
/// Shared by `import` (which writes the lines) and `bench import` (which times them): reading
/// (parse, hash) and computing (statistics) are timed apart for Inspect logs, whose reader
/// reports the end of parsing; other formats count as reading only.
enum ImportPipeline {
    /// What one input gave, ready to be written.
    struct Processed: Sendable {
        let path: String
        let format: String
        var summaryLines: [[UInt8]] = []
        var sampleLines: [[UInt8]] = []
        var keys: [EvidenceRecord.Key] = []
        var slices: Set<EvidenceSet.SliceKey> = []
        /// For our own format (whose lines can repeat lines already in the output): each sample line's slice.
        var sampleSlices: [EvidenceSet.SliceKey] = []
        var warnings: [Diagnostic] = []
        var error: InputError?
        var fileBytes = 0
        var readSeconds = 0.0
        var computeSeconds = 0.0
        var encodeSeconds = 0.0
    }

    static func process(_ input: EvidenceFormats.Input, options: ImportOptions) -> Processed {
        var result = Processed(path: input.path, format: input.reader.name)
        result.fileBytes = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? 0
        let clock = ContinuousClock()
        var mark = clock.now
        func seconds(_ elapsed: Duration) -> Double {
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        func lap() -> Double {
            let now = clock.now
            defer { mark = now }
            return seconds(now - mark)
        }
        let evidence: EvidenceFormats.ReadFile
        var parsedAt: ContinuousClock.Instant?
        do {
            evidence = try EvidenceFormats.read(path: input.path, reader: input.reader, options: options) { parsedAt = clock.now }
        } catch {
            result.error = error
            return result
        }
        if let parsedAt {
            let end = clock.now
            (result.readSeconds, mark) = (seconds(parsedAt - mark), parsedAt)
            (result.computeSeconds, mark) = (seconds(end - parsedAt), end)
        } else {
            result.readSeconds = lap()
        }
        result.warnings = evidence.warnings
        result.summaryLines = evidence.records.map(EvidenceJSONL.line)
        result.keys = evidence.records.map(\.key)
        if options.includeSamples {
            result.sampleLines = evidence.samples.map(EvidenceJSONL.line)
            var last: EvidenceSet.SliceKey?
            for sample in evidence.samples {
                let slice = EvidenceSet.SliceKey(subject: sample.subject, stage: sample.stage, evaluation: sample.evaluation)
                if slice != last { result.slices.insert(slice) }
                if input.reader is ScorecardEvidenceReader.Type { result.sampleSlices.append(slice) }
                last = slice
            }
        }
        result.encodeSeconds = lap()
        return result
    }
}
