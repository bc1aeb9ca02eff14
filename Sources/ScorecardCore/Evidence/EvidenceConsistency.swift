/// Whether a record agrees with the rest of the file it came from.
///
/// An importer compares what a file says about itself with what its records give: a log's own
/// metrics against the ones recomputed from its samples, the number of sample records against
/// the number the run reports. A record with no mark (nil) showed no disagreement; a marked
/// record is still evidence, but any level it decides says so (evaluators add a note, the
/// engine's trace names the mark).
public enum EvidenceConsistency: String, Hashable, Sendable, Codable, CaseIterable {
    /// The file holds fewer records than it says its run had (a log with 1 of its 2,340 sample
    /// records, a run that did not finish): a figure computed from them covers part of the run.
    case partial
    /// The file's own figure and the one its records give disagree (Inspect reports accuracy
    /// 0.027 where its samples give 0.2): at least one of them is wrong.
    case contradicts

    /// The worse of two marks: `contradicts` over `partial` over none.
    public static func worst(_ a: EvidenceConsistency?, _ b: EvidenceConsistency?) -> EvidenceConsistency? {
        if a == .contradicts || b == .contradicts { return .contradicts }
        return a ?? b
    }

    /// What the mark means, for notes and traces.
    public var phrase: String {
        switch self {
        case .partial: "from a partial file (it holds fewer records than its run reports)"
        case .contradicts: "from a file that contradicts itself (its own figure and its records disagree)"
        }
    }
}
