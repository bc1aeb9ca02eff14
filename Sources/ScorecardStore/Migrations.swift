import GRDB

/// The store's schema, as named migrations registered in one place.
///
/// A migration is never edited once shipped: changes go in a new migration appended here.
/// Constraints live in the schema (foreign keys, checks, immutability triggers), so a bug in the
/// code cannot write a row the schema forbids.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1_initial", migrate: v1Initial)
        migrator.registerMigration("v2_result_lower_is_better", migrate: v2ResultLowerIsBetter)
        migrator.registerMigration("v3_evidence_consistency", migrate: v3EvidenceConsistency)
        migrator.registerMigration("v4_cards_chain_delivery", migrate: v4CardsChainDelivery)
        migrator.registerMigration("v5_signoffs", migrate: v5Signoffs)
        migrator.registerMigration("v6_evidence_pending", migrate: v6EvidencePending)
        return migrator
    }

    static func v1Initial(_ db: Database) throws {
        try db.create(table: "evidence_file") { t in
            t.primaryKey("sha256", .text).check { length($0) == 64 }
            t.column("format", .text).notNull()
            t.column("byte_count", .integer).notNull().check { $0 >= 0 }
            t.column("record_count", .integer).notNull().check { $0 >= 0 }
            t.column("sample_count", .integer).notNull().check { $0 >= 0 }
            t.column("imported_at", .text).notNull()
        }
        try db.create(table: "evidence_source") { t in
            t.primaryKey("path", .text)
            t.column("file_sha256", .text).notNull().references("evidence_file")
            t.column("byte_count", .integer).notNull()
            t.column("modified_ns", .integer).notNull()
            t.column("checked_at", .text).notNull()
        }
        try db.create(table: "result") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("file_sha256", .text).notNull().indexed().references("evidence_file", onDelete: .cascade)
            t.column("line", .integer).notNull()
            t.column("model", .text).notNull()
            t.column("snapshot", .text).notNull().defaults(to: "")
            t.column("stage", .text).notNull()
            t.column("eval", .text).notNull()
            t.column("metric", .text).notNull()
            t.column("variant", .text).notNull().defaults(to: "")
            t.column("value", .double).notNull()
            t.column("unit", .text).notNull()
            t.column("n", .integer).check { $0 >= 1 }
            t.column("k", .integer).check { $0 >= 0 }
            t.column("ci_low", .double)
            t.column("ci_high", .double)
            t.column("ci_level", .double)
            t.column("ci_method", .text)
            t.column("source", .text)
            t.column("source_sha256", .text)
            t.column("notes", .text)
            t.uniqueKey(["file_sha256", "model", "snapshot", "stage", "eval", "metric", "variant"])
        }
        try db.create(table: "sample") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("file_sha256", .text).notNull().indexed().references("evidence_file", onDelete: .cascade)
            t.column("line", .integer).notNull()
            t.column("model", .text).notNull()
            t.column("snapshot", .text).notNull().defaults(to: "")
            t.column("stage", .text).notNull()
            t.column("eval", .text).notNull()
            t.column("sample_id", .text).notNull()
            t.column("epoch", .integer).notNull().check { $0 >= 1 }
            t.column("score", .double).check { $0 >= 0 && $0 <= 1 }
            t.column("metadata", .text).notNull().defaults(to: "{}")
            t.column("error", .text)
            t.column("source", .text)
            t.column("source_sha256", .text)
            t.uniqueKey(["file_sha256", "model", "snapshot", "stage", "eval", "sample_id", "epoch"])
        }
        try db.create(table: "framework") { t in
            t.primaryKey("sha256", .text).check { length($0) == 64 }
            t.column("path", .text).notNull()
            t.column("framework_id", .text).notNull()
            t.column("version", .text).notNull()
            t.column("text", .text).notNull()
            t.column("stored_at", .text).notNull()
        }
        try db.create(table: "determination_file") { t in
            t.primaryKey("sha256", .text).check { length($0) == 64 }
            t.column("path", .text).notNull()
            t.column("text", .text).notNull()
            t.column("stored_at", .text).notNull()
        }
        try db.create(table: "determination") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("file_sha256", .text).notNull().indexed().references("determination_file", onDelete: .cascade)
            t.column("line", .integer).notNull()
            t.column("model", .text).notNull()
            t.column("snapshot", .text).notNull().defaults(to: "")
            t.column("category", .text).notNull()
            t.column("stage", .text).notNull()
            t.column("level", .text).notNull()
            t.column("rationale", .text).notNull().check { length($0) > 0 }
            t.column("author", .text).notNull()
            t.column("date", .text).notNull()
            t.column("source", .text)
            t.uniqueKey(["file_sha256", "model", "snapshot", "category", "stage"])
        }
        try db.create(table: "run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("started_at", .text).notNull()
            t.column("finished_at", .text)
            t.column("status", .text).notNull().check { ["started", "completed", "failed"].contains($0) }
            t.column("config_path", .text).notNull()
            t.column("fingerprint", .text)
            t.column("summary", .text)
        }
        try db.create(table: "scorecard") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("model", .text).notNull()
            t.column("snapshot", .text).notNull().defaults(to: "")
            t.column("framework_sha256", .text).notNull().references("framework")
            t.column("document_sha256", .text).notNull().check { length($0) == 64 }
            t.column("document", .text).notNull()
            t.column("created_at", .text).notNull()
            t.column("run_id", .integer).notNull().references("run")
        }
        try db.create(index: "scorecard_subject", on: "scorecard", columns: ["model", "snapshot", "id"])
        // Scorecards are a record of what was published: never changed or removed once written.
        try db.execute(sql: """
            CREATE TRIGGER scorecard_immutable_update BEFORE UPDATE ON scorecard
            BEGIN SELECT RAISE(ABORT, 'scorecard rows are immutable'); END;
            CREATE TRIGGER scorecard_immutable_delete BEFORE DELETE ON scorecard
            BEGIN SELECT RAISE(ABORT, 'scorecard rows are immutable'); END;
            """)
        try db.create(table: "run_scorecard") { t in
            t.column("run_id", .integer).notNull().references("run")
            t.column("scorecard_id", .integer).notNull().references("scorecard")
            t.primaryKey(["run_id", "scorecard_id"])
        }
        try db.create(table: "report") { t in
            t.primaryKey("path", .text)
            t.column("sha256", .text).notNull().check { length($0) == 64 }
            t.column("scorecard_id", .integer).notNull().references("scorecard")
            t.column("render_fingerprint", .text).notNull()
            t.column("written_at", .text).notNull()
        }
    }

    /// `result.lower_is_better`: the record's typed direction (1, 0, or NULL for unknown).
    ///
    /// Rows stored before it keep NULL: they are not read again from their files (a stored file is
    /// known by its hash), and nothing that assesses evidence uses the field.
    static func v2ResultLowerIsBetter(_ db: Database) throws {
        try db.alter(table: "result") { t in
            t.add(column: "lower_is_better", .boolean).check { [false, true].contains($0) }  // NULL passes a CHECK
        }
    }

    /// `result.consistency` and `sample.consistency`: `partial`, `contradicts`, or NULL
    /// (``EvidenceConsistency``), as the importer marked the record.
    ///
    /// Rows stored before it keep NULL ("no disagreement found"): stored files are known by their
    /// hash and not read again, so a database written by an earlier version reads as before.
    static func v3EvidenceConsistency(_ db: Database) throws {
        let marks = ["partial", "contradicts"]
        try db.alter(table: "result") { t in
            t.add(column: "consistency", .text).check { marks.contains($0) }  // NULL passes a CHECK
        }
        try db.alter(table: "sample") { t in
            t.add(column: "consistency", .text).check { marks.contains($0) }
        }
    }

    /// `evidence_pending`: evidence files whose records are being stored, or were stored by a run
    /// that did not complete.
    ///
    /// A run stores a new file's per-sample records as it reads them (so that they are never all
    /// in memory) and marks the file pending; the run that completes clears the mark. A pending
    /// file counts as not stored: the next run reads it again (its warnings with it) and replaces
    /// its rows.
    static func v6EvidencePending(_ db: Database) throws {
        try db.create(table: "evidence_pending") { t in
            t.primaryKey("sha256", .text).references("evidence_file", onDelete: .cascade)
        }
    }
}
