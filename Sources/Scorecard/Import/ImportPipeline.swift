import Foundation
import ScorecardCore
import ScorecardIngest

/// Reads one input file of any supported format and encodes its records as JSON Lines.
///
/// Shared by `import` (which writes the lines) and `bench import` (which times them): reading
/// (parse, hash) and computing (statistics) are timed apart for Inspect logs, whose reader
/// exposes the two steps; other formats count as reading only.
enum ImportPipeline {
    /// The model, snapshot, stage and evaluation that a set of per-sample records belongs to.
    struct Slice: Hashable, Sendable, CustomStringConvertible {
        let model: String
        let snapshot: String?
        let stage: String
        let evaluation: String

        var description: String { "\(model)\(snapshot.map { " (\($0))" } ?? "") \(stage) \(evaluation)" }
    }

    /// What one input gave, ready to be written.
    struct Processed: Sendable {
        let path: String
        let format: String
        var summaryLines: [[UInt8]] = []
        var sampleLines: [[UInt8]] = []
        var keys: [EvidenceRecord.Key] = []
        var slices: Set<Slice> = []
        /// For our own format (whose lines can repeat lines already in the output): each sample line's slice.
        var sampleSlices: [Slice] = []
        var warnings: [Diagnostic] = []
        var error: InputError?
        var fileBytes = 0
        var readSeconds = 0.0
        var computeSeconds = 0.0
        var encodeSeconds = 0.0
    }

    static func process(_ input: EvidenceFormats.Input, options: ImportOptions) -> Processed {
        var result = Processed(path: input.path, format: input.reader?.name ?? EvidenceFormats.ownFormatName)
        result.fileBytes = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? Int) ?? 0
        let clock = ContinuousClock()
        var mark = clock.now
        func lap() -> Double {
            let now = clock.now
            defer { mark = now }
            let elapsed = now - mark
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        let evidence: ImportedEvidence
        do {
            if let reader = input.reader, reader is InspectReader.Type {
                let (log, sha256, warnings) = try InspectReader.load(path: input.path, options: options)
                result.readSeconds = lap()
                evidence = try InspectReader.convert(log, path: input.path, sha256: sha256, warnings: warnings, options: options)
                result.computeSeconds = lap()
            } else if let reader = input.reader {
                evidence = try reader.read(path: input.path, options: options)
                result.readSeconds = lap()
            } else {
                let bytes = try InputFile.read(input.path)
                let (records, samples) = try EvidenceLoader.parse(bytes, file: input.path, stages: options.allowedStages)
                evidence = ImportedEvidence(records: records, samples: samples)
                result.readSeconds = lap()
            }
        } catch {
            result.error = error
            return result
        }
        result.warnings = evidence.warnings
        result.summaryLines = evidence.records.map(EvidenceJSONL.line)
        result.keys = evidence.records.map(\.key)
        if options.includeSamples {
            result.sampleLines = evidence.samples.map(EvidenceJSONL.line)
            var last: Slice?
            for sample in evidence.samples {
                let slice = Slice(
                    model: sample.subject.model, snapshot: sample.subject.snapshot, stage: sample.stage,
                    evaluation: sample.evaluation)
                if slice != last { result.slices.insert(slice) }
                if input.reader == nil { result.sampleSlices.append(slice) }
                last = slice
            }
        }
        result.encodeSeconds = lap()
        return result
    }
}
