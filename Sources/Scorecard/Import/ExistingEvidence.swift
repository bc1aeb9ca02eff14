import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardJSON

/// The records already in an `import --out` file, scanned line by line for merging.
///
/// The file is mapped, not loaded; only the fields that identify a record and its source are
/// read from each line, and the caller decides what to do with the line's bytes (write them
/// back unchanged, or fold them into a digest), so memory does not grow with the file.
enum ExistingEvidence {
    /// What identifies one line.
    struct Line {
        let number: Int
        let source: String?
        /// Set for result records.
        let key: EvidenceRecord.Key?
        /// Set for per-sample records.
        let slice: EvidenceSet.SliceKey?
    }

    /// Calls `body` with each non-blank line of the evidence file at `path` and what identifies it;
    /// returns false when there is no such file. Lines that are not evidence records are an error
    /// naming the file and line (the first five are listed).
    static func scan(_ path: String, _ body: (UnsafeBufferPointer<UInt8>, Line) throws -> Void) throws -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        let file = try FileBytes(path: path)
        let bytes = file.bytes
        var problems: [Diagnostic] = []
        var start = 0
        var number = 0
        while start < bytes.count, problems.count < 5 {
            number += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            file.releasePages(before: start)
            guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
            if let parsed = parse(line, number: number) {
                try body(line, parsed)
            } else {
                problems.append(Diagnostic(
                    file: path, line: number,
                    message: "not an evidence record (one JSON object per line with model, stage and eval); --out must be a JSON Lines evidence file to merge into"))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return true
    }

    /// The identifying fields of one line, or nil when it is not a JSON object with model, stage and eval.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, number: Int) -> Line? {
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
        let subject = Subject(model: model, snapshot: fields["snapshot"])
        if isSample {
            return Line(number: number, source: fields["source"], key: nil,
                        slice: .init(subject: subject, stage: stage, evaluation: evaluation))
        }
        let key = EvidenceRecord.Key(subject: subject, stage: stage, evaluation: evaluation,
                                     metric: fields["metric"] ?? "", variant: fields["variant"])
        return Line(number: number, source: fields["source"], key: key, slice: nil)
    }
}
