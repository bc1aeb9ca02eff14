import Foundation
import ScorecardCore
import ScorecardIngest

/// The records already in an `import --out` file, read line by line for merging.
///
/// Only the fields that identify a record and its source are read from each line; the line
/// itself is kept byte for byte, so records that are not replaced are written back unchanged.
struct ExistingEvidence {
    /// What identifies a result record: model, snapshot, stage, evaluation, metric, variant.
    struct RecordKey: Hashable, Sendable, CustomStringConvertible {
        let model: String, snapshot: String?, stage: String, evaluation: String, metric: String, variant: String?

        init(model: String, snapshot: String?, stage: String, evaluation: String, metric: String, variant: String?) {
            (self.model, self.snapshot, self.stage, self.evaluation, self.metric, self.variant) =
                (model, snapshot, stage, evaluation, metric, variant)
        }

        init(_ key: EvidenceRecord.Key) {
            self.init(model: key.subject.model, snapshot: key.subject.snapshot, stage: key.stage,
                      evaluation: key.evaluation, metric: key.metric, variant: key.variant)
        }

        var description: String {
            "\(model)\(snapshot.map { " (\($0))" } ?? "") \(stage) \(evaluation) \(metric)" + (variant.map { " [\($0)]" } ?? "")
        }
    }

    struct Line {
        let bytes: [UInt8]
        let number: Int
        let source: String?
        /// Set for result records.
        let key: RecordKey?
        /// Set for per-sample records.
        let slice: ImportPipeline.Slice?
    }

    let path: String
    var lines: [Line] = []

    /// Reads `path`; nil when there is no such file. A line that is not an evidence record is an error.
    static func load(_ path: String) throws -> ExistingEvidence? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let bytes = try InputFile.read(path)
        var existing = ExistingEvidence(path: path)
        var problems: [Diagnostic] = []
        var number = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = Array(raw)
            guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
            if let parsed = parse(line, number: number) {
                existing.lines.append(parsed)
            } else {
                problems.append(Diagnostic(
                    file: path, line: number,
                    message: "not an evidence record (one JSON object per line with model, stage and eval); --out must be a JSON Lines evidence file to merge into"))
            }
            if problems.count >= 5 { break }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return existing
    }

    /// The identifying fields of one line, or nil when it is not a JSON object with model, stage and eval.
    static func parse(_ line: [UInt8], number: Int) -> Line? {
        line.withUnsafeBufferPointer { buffer -> Line? in
            var cursor = JSONCursor(buffer)
            var fields: [String: String] = [:]
            var isSample = false
            do {
                guard try cursor.peekKind() == .object else { return nil }
                var object = try cursor.beginObject()
                while let key = try cursor.nextKey(&object) {
                    let name = try cursor.string(of: key)
                    if name == "sample_id" { isSample = true }
                    if try cursor.peekKind() == .string {
                        fields[name] = try cursor.readString()
                    } else {
                        try cursor.skipValue()
                    }
                }
                guard cursor.atEnd() else { return nil }
            } catch {
                return nil
            }
            guard let model = fields["model"], let stage = fields["stage"], let evaluation = fields["eval"] else { return nil }
            let snapshot = fields["snapshot"]
            if isSample {
                return Line(bytes: line, number: number, source: fields["source"], key: nil,
                            slice: .init(model: model, snapshot: snapshot, stage: stage, evaluation: evaluation))
            }
            let key = RecordKey(model: model, snapshot: snapshot, stage: stage, evaluation: evaluation,
                                metric: fields["metric"] ?? "", variant: fields["variant"])
            return Line(bytes: line, number: number, source: fields["source"], key: key, slice: nil)
        }
    }
}
