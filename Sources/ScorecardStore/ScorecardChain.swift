import ScorecardCore

/// The hash chain over a card's scorecard rows, which proves its history whole.
///
/// Each row stores the hash of its content (``content(_:)``: card, subject, framework, document
/// hash, creation time, run), the chain hash of the card's previous row (``genesis`` for the
/// first), and its own chain hash, `SHA-256(previous ‖ content)` (``link(previous:content:)``).
/// Walking a card's rows in id order and recomputing every hash finds a row that was edited
/// (its content no longer hashes to what it stores), deleted or reordered (the next row names a
/// predecessor that is not the row before it), and a forged link. Each completed run records the
/// chain head it ended with, so a deleted last row is found too.
///
/// The chain has no secret: someone who rewrites every later row and run consistently can forge
/// it. `scorecard check` prints each card's head; keeping that line elsewhere (a CI log, a signed
/// commit) turns such a rewrite into a difference too.
public enum ScorecardChain {
    /// The chain hash before a card's first row.
    public static let genesis = String(repeating: "0", count: 64)

    /// What a row's content hash covers.
    struct Fields {
        let card: Int64
        let model: String
        let snapshot: String
        let frameworkSHA256: String
        let documentSHA256: String
        let createdAt: String
        let runID: Int64
    }

    /// The content hash of a row: its fields in ``CanonicalFields`` (each prefixed with its
    /// length, so no two rows encode alike). Version 1; a new layout would need a new name and a
    /// migration.
    static func content(_ fields: Fields) -> String {
        let values = ["scorecard-chain-v1", String(fields.card), fields.model, fields.snapshot, fields.frameworkSHA256,
                      fields.documentSHA256, fields.createdAt, String(fields.runID)]
        return SHA256.hex(of: CanonicalFields.encode(values))
    }

    /// The chain hash of a row whose predecessor's chain hash is `previous`.
    static func link(previous: String, content: String) -> String {
        SHA256.hex(of: "\(previous)\n\(content)")
    }
}
