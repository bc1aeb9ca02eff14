import GRDB
import ScorecardCore

extension Migrations {
    /// `v4_cards_chain_delivery`: several cards on one store, a hash chain over scorecard rows, and
    /// alerts that count as delivered only once printed.
    ///
    /// - `card`: one row per card configuration sharing the store, by ``CardKey``. The history a
    ///   store had before this migration belongs to one card whose key is not known yet (NULL):
    ///   the first card that runs on the store claims it.
    /// - `run` gains `card_id`, `delivered_at` (set once the run's summary was written out; runs
    ///   completed before this migration count as delivered, as they were under the old rules) and
    ///   `chain_head` (the card's chain hash when the run committed).
    /// - `scorecard` gains `card_id`, `content_sha256`, `previous_sha256` and `chain_sha256`
    ///   (``ScorecardChain``); existing rows are chained in id order. A trigger refuses a row that
    ///   does not extend its card's chain, and the immutability triggers are made again.
    /// - `report` and `evidence_source` (the size-and-mtime cache) are kept per card: two cards
    ///   may name different files by the same path relative to their roots. The cache starts empty.
    static func v4CardsChainDelivery(_ db: Database) throws {
        try db.create(table: "card") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("key", .text).unique()
            t.column("created_at", .text).notNull()
        }
        let hasHistory = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM run) + (SELECT count(*) FROM scorecard)") ?? 0 > 0
        var legacy: Int64?
        if hasHistory {
            let created = try String.fetchOne(db, sql: "SELECT min(started_at) FROM run") ?? "1970-01-01T00:00:00Z"
            try db.execute(sql: "INSERT INTO card (key, created_at) VALUES (NULL, ?)", arguments: [created])
            legacy = db.lastInsertedRowID
        }

        try db.create(table: "run_new") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("card_id", .integer).notNull().indexed().references("card")
            t.column("started_at", .text).notNull()
            t.column("finished_at", .text)
            t.column("status", .text).notNull().check { ["started", "completed", "failed"].contains($0) }
            t.column("config_path", .text).notNull()
            t.column("fingerprint", .text)
            t.column("summary", .text)
            t.column("delivered_at", .text)
            t.column("chain_head", .text).check { $0 == nil || length($0) == 64 }
        }
        try db.execute(sql: """
            INSERT INTO run_new (id, card_id, started_at, finished_at, status, config_path, fingerprint, summary, delivered_at)
            SELECT id, ?, started_at, finished_at, status, config_path, fingerprint, summary,
                   CASE WHEN status = 'completed' THEN coalesce(finished_at, started_at) END
            FROM run
            """, arguments: [legacy])
        try db.drop(table: "run")
        try db.rename(table: "run_new", to: "run")

        try db.create(table: "scorecard_new") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("card_id", .integer).notNull().references("card")
            t.column("model", .text).notNull()
            t.column("snapshot", .text).notNull().defaults(to: "")
            t.column("framework_sha256", .text).notNull().references("framework")
            t.column("document_sha256", .text).notNull().check { length($0) == 64 }
            t.column("document", .text).notNull()
            t.column("created_at", .text).notNull()
            t.column("run_id", .integer).notNull().references("run")
            t.column("content_sha256", .text).notNull().check { length($0) == 64 }
            t.column("previous_sha256", .text).notNull().check { length($0) == 64 }
            t.column("chain_sha256", .text).notNull().check { length($0) == 64 }
            t.uniqueKey(["card_id", "previous_sha256"])
        }
        var previous = ScorecardChain.genesis
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, model, snapshot, framework_sha256, document_sha256, document, created_at, run_id FROM scorecard ORDER BY id
            """)
        while let row = try rows.next() {
            guard let legacy else { break }
            let fields = ScorecardChain.Fields(
                card: legacy, model: row["model"], snapshot: row["snapshot"], frameworkSHA256: row["framework_sha256"],
                documentSHA256: row["document_sha256"], createdAt: row["created_at"], runID: row["run_id"])
            let content = ScorecardChain.content(fields)
            let chain = ScorecardChain.link(previous: previous, content: content)
            try db.execute(sql: """
                INSERT INTO scorecard_new (id, card_id, model, snapshot, framework_sha256, document_sha256, document, created_at,
                                          run_id, content_sha256, previous_sha256, chain_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [row["id"], legacy, fields.model, fields.snapshot, fields.frameworkSHA256, fields.documentSHA256,
                                 row["document"] as String, fields.createdAt, fields.runID, content, previous, chain])
            previous = chain
        }
        try db.drop(table: "scorecard")
        try db.rename(table: "scorecard_new", to: "scorecard")
        try db.create(index: "scorecard_subject", on: "scorecard", columns: ["card_id", "model", "snapshot", "id"])
        if legacy != nil, previous != ScorecardChain.genesis {
            // The legacy card's last completed run ends where its chain ends.
            try db.execute(sql: "UPDATE run SET chain_head = ? WHERE id = (SELECT max(id) FROM run WHERE status = 'completed')",
                           arguments: [previous])
        }
        try db.execute(sql: """
            CREATE TRIGGER scorecard_immutable_update BEFORE UPDATE ON scorecard
            BEGIN SELECT RAISE(ABORT, 'scorecard rows are immutable'); END;
            CREATE TRIGGER scorecard_immutable_delete BEFORE DELETE ON scorecard
            BEGIN SELECT RAISE(ABORT, 'scorecard rows are immutable'); END;
            CREATE TRIGGER scorecard_chain_extends BEFORE INSERT ON scorecard
            WHEN NEW.previous_sha256 IS NOT coalesce(
                (SELECT chain_sha256 FROM scorecard WHERE card_id = NEW.card_id ORDER BY id DESC LIMIT 1), '\(ScorecardChain.genesis)')
            BEGIN SELECT RAISE(ABORT, 'a scorecard row must extend its card''s chain'); END;
            """)

        try db.create(table: "report_new") { t in
            t.column("card_id", .integer).notNull().references("card")
            t.column("path", .text).notNull()
            t.column("sha256", .text).notNull().check { length($0) == 64 }
            t.column("scorecard_id", .integer).notNull().references("scorecard")
            t.column("render_fingerprint", .text).notNull()
            t.column("written_at", .text).notNull()
            t.primaryKey(["card_id", "path"])
        }
        try db.execute(sql: """
            INSERT INTO report_new (card_id, path, sha256, scorecard_id, render_fingerprint, written_at)
            SELECT ?, path, sha256, scorecard_id, render_fingerprint, written_at FROM report
            """, arguments: [legacy])
        try db.drop(table: "report")
        try db.rename(table: "report_new", to: "report")

        try db.drop(table: "evidence_source")
        try db.create(table: "evidence_source") { t in
            t.column("card_id", .integer).notNull().references("card", onDelete: .cascade)
            t.column("path", .text).notNull()
            t.column("file_sha256", .text).notNull().references("evidence_file")
            t.column("byte_count", .integer).notNull()
            t.column("modified_ns", .integer).notNull()
            t.column("checked_at", .text).notNull()
            t.primaryKey(["card_id", "path"])
        }
    }
}
