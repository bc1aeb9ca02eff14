import ScorecardCore

/// What an evaluator says when the evidence it measured is marked as disagreeing with its file.
///
/// A marked record (``EvidenceConsistency``) still counts: the level follows from it as from any
/// other evidence, but the measurement carries the mark (the engine's trace names it) and this
/// note, which the report shows beside the figure.
enum ConsistencyNote {
    /// The note for a value read from one summary record marked `mark`.
    static func summary(_ mark: EvidenceConsistency, record: EvidenceRecord) -> String {
        let what = "\(record.metric)\(record.variant.map { " [\($0)]" } ?? "")"
        switch mark {
        case .partial:
            return "CAUTION: \(what) is marked partial: it was computed from a file that holds fewer sample records than its run reports, so it covers part of the run; it decides the level all the same"
        case .contradicts:
            return "CAUTION: \(what) is marked contradicts: its file's own figure and the figure its sample records give disagree; it decides the level all the same"
        }
    }

    /// The note for a value recomputed from per-sample records, the worst of which is marked `mark`.
    static func samples(_ mark: EvidenceConsistency, evaluation: String) -> String {
        switch mark {
        case .partial:
            return "CAUTION: the per-sample records of '\(evaluation)' are marked partial: their file holds fewer of them than its run reports, so this value is recomputed over part of the run; it decides the level all the same"
        case .contradicts:
            return "CAUTION: the per-sample records of '\(evaluation)' are marked contradicts: their file reports a figure they do not give; this value is recomputed from them and decides the level all the same"
        }
    }
}
