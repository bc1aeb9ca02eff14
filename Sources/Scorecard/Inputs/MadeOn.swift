import Foundation
import ScorecardCore
import ScorecardIngest

/// Where each determination stands against the evidence it was made on (`scorecard made-on`).
public struct MadeOnEntry: Sendable {
    public let determination: Determination
    /// The evidence hash of its category and stage now.
    public let current: String

    /// `current`, `stale` (the recorded hash is another) or `not recorded`.
    public var status: String {
        guard let recorded = determination.madeOn else { return "not recorded" }
        return recorded == current ? "current" : "stale"
    }
}

extension Inputs {
    /// Each determination with the evidence hash of its category and stage now, in file order.
    /// A determination of a subject that is not assessed (a typo is an error before this) is left out.
    public func madeOn(_ assessments: [SubjectAssessment]) -> [MadeOnEntry] {
        determinations.compactMap { determination in
            guard let category = framework.category(determination.category),
                  let assessment = assessments.first(where: { determination.applies(to: $0.subject) }) else { return nil }
            return MadeOnEntry(
                determination: determination, current: evidenceHash(category: category, stage: determination.stage, of: assessment))
        }
    }

    /// Records each entry's current hash as its determination's `made_on` in the determinations
    /// file at `path` (atomically, re-read to check it still loads with those hashes). Returns the
    /// lines of flow-style determinations it left for hand editing.
    public func stampMadeOn(_ entries: [MadeOnEntry], path: String) throws -> [Int] {
        let text = String(decoding: try InputFile.read(path), as: UTF8.self)
        let hashes = Dictionary(entries.map { ($0.determination.location.line, $0.current) }) { first, _ in first }
        let (stamped, flow) = MadeOnStamp.apply(text, hashes: hashes)
        let reread = try DeterminationLoader.parse(stamped, file: path, framework: framework)
        let written = reread.determinations.compactMap(\.madeOn)
        let expected = entries.filter { !flow.contains($0.determination.location.line) }.map(\.current)
        guard Set(expected).isSubset(of: Set(written)) else {
            throw FileError("could not write made_on into \(path) safely; nothing was written: record the hashes `scorecard made-on` prints by hand")
        }
        try AtomicFile.write(Data(stamped.utf8), to: path)
        return flow
    }
}
