import GRDB
import ScorecardCore

extension Migrations {
    /// `v5_signoffs`: reviewers' signed decisions on scorecards, append-only and chained.
    ///
    /// One row per ``Signoff``: the signed fields as the record has them, the scorecard row it was
    /// matched to (a row of its card whose document hash is the one signed), and a hash chain over
    /// every sign-off of the store (``SignoffChain``), so `check` finds a row edited, deleted or
    /// reordered as it does for scorecards. Triggers refuse `UPDATE` and `DELETE`, a row that does
    /// not extend the chain, and a row whose signed document hash is not its scorecard's.
    static func v5Signoffs(_ db: Database) throws {
        try db.create(table: "signoff") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("card_id", .integer).notNull().references("card")
            t.column("scorecard_id", .integer).notNull().indexed().references("scorecard")
            t.column("model", .text).notNull()
            t.column("snapshot", .text).notNull().defaults(to: "")
            t.column("document_sha256", .text).notNull().check { length($0) == 64 }
            t.column("framework_sha256", .text).notNull().check { length($0) == 64 }
            t.column("determinations_sha256", .text).check { $0 == nil || length($0) == 64 }
            t.column("decision", .text).notNull().check { SignoffDecision.allCases.map(\.rawValue).contains($0) }
            t.column("reviewer", .text).notNull().check { length($0) > 0 }
            t.column("note", .text)
            t.column("signed_at", .text).notNull()
            t.column("public_key", .text).notNull()
            t.column("signature", .text).notNull().unique()
            t.column("stored_at", .text).notNull()
            t.column("content_sha256", .text).notNull().check { length($0) == 64 }
            t.column("previous_sha256", .text).notNull().unique().check { length($0) == 64 }
            t.column("chain_sha256", .text).notNull().check { length($0) == 64 }
        }
        try db.execute(sql: """
            CREATE TRIGGER signoff_immutable_update BEFORE UPDATE ON signoff
            BEGIN SELECT RAISE(ABORT, 'sign-off rows are immutable'); END;
            CREATE TRIGGER signoff_immutable_delete BEFORE DELETE ON signoff
            BEGIN SELECT RAISE(ABORT, 'sign-off rows are immutable'); END;
            CREATE TRIGGER signoff_chain_extends BEFORE INSERT ON signoff
            WHEN NEW.previous_sha256 IS NOT coalesce(
                (SELECT chain_sha256 FROM signoff ORDER BY id DESC LIMIT 1), '\(ScorecardChain.genesis)')
            BEGIN SELECT RAISE(ABORT, 'a sign-off row must extend the sign-off chain'); END;
            CREATE TRIGGER signoff_names_its_scorecard BEFORE INSERT ON signoff
            WHEN NEW.document_sha256 IS NOT (SELECT document_sha256 FROM scorecard WHERE id = NEW.scorecard_id)
              OR NEW.card_id IS NOT (SELECT card_id FROM scorecard WHERE id = NEW.scorecard_id)
            BEGIN SELECT RAISE(ABORT, 'a sign-off must name a scorecard of its card with the document hash it signed'); END;
            """)
    }
}

/// The hash chain over a store's sign-off rows, as ``ScorecardChain`` is over a card's scorecards.
///
/// A row's content hash covers its card, its scorecard row, the signed payload, the signature and
/// the time it was stored (``CanonicalFields``, prefix `scorecard-signoff-row-v1`); its chain hash
/// is ``ScorecardChain/link(previous:content:)`` of the previous row's.
enum SignoffChain {
    static func content(card: Int64, scorecard: Int64, signoff: Signoff, storedAt: String) -> String {
        SHA256.hex(of: CanonicalFields.encode([
            "scorecard-signoff-row-v1", String(card), String(scorecard), String(decoding: signoff.payload, as: UTF8.self),
            signoff.signature, storedAt,
        ]))
    }
}
