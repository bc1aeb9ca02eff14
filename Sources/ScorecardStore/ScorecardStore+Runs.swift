import Foundation
import GRDB
import ScorecardCore

/// A completed regeneration: what it ended with, for the next run to compare against.
public struct CompletedRun: Sendable {
    public let id: Int64
    public let fingerprint: String?
    public let finishedAt: String?
    /// When its summary was written out in full; nil while its alert is pending.
    public let deliveredAt: String?
    /// The scorecards current when the run completed, by subject.
    public let scorecards: [Subject: StoredScorecard]
}

extension ScorecardStore {
    /// Records the start of a run of the card `card` (its key, see ``card(key:)``) and returns its id.
    public func beginRun(configPath: String, card: String) throws(StoreError) -> Int64 {
        let startedAt = now()
        return try write { db in
            let cardID = try Self.cardForWriting(key: card, createdAt: startedAt, db)
            var row = RunRow(id: nil, cardId: cardID, startedAt: startedAt, finishedAt: nil, status: "started", configPath: configPath)
            try row.insert(db)
            return row.id ?? 0
        }
    }

    /// The card's last run that completed, with its scorecards; nil before the first.
    public func lastCompletedRun(card: String) throws(StoreError) -> CompletedRun? {
        try read { db in
            guard let card = try Self.card(key: card, db) else { return nil }
            return try Self.lastRun(card: card.id, delivered: false, db)
        }
    }

    /// The card's last completed run whose summary was delivered: what the next alert compares with.
    public func lastDeliveredRun(card: String) throws(StoreError) -> CompletedRun? {
        try read { db in
            guard let card = try Self.card(key: card, db) else { return nil }
            return try Self.lastRun(card: card.id, delivered: true, db)
        }
    }

    static func lastRun(card: Int64, delivered: Bool, _ db: Database) throws -> CompletedRun? {
        var request = RunRow.filter(RunRow.Columns.cardId == card && RunRow.Columns.status == "completed")
        if delivered { request = request.filter(RunRow.Columns.deliveredAt != nil) }
        guard let run = try request.order(RunRow.Columns.id.desc).fetchOne(db), let id = run.id else { return nil }
        let rows = try ScorecardRow.fetchAll(db, sql: """
            SELECT scorecard.* FROM scorecard JOIN run_scorecard ON run_scorecard.scorecard_id = scorecard.id
            WHERE run_scorecard.run_id = ? ORDER BY scorecard.id
            """, arguments: [id])
        let scorecards = Dictionary(rows.map { (StoredScorecard($0).subject, StoredScorecard($0)) }) { _, last in last }
        return CompletedRun(id: id, fingerprint: run.fingerprint, finishedAt: run.finishedAt, deliveredAt: run.deliveredAt,
                            scorecards: scorecards)
    }

    /// Stores a run's scorecards and reports in one transaction, extending the run's card's chain.
    ///
    /// A scorecard whose document is byte-identical to the subject's latest stored one of the
    /// card under the same framework is not stored again; the run points at the existing row.
    /// Sign-offs in `signoffs` (read from the card's `signoffs:` file) are stored against the
    /// card's row of their subject with the document hash they signed; those of a version the
    /// card has no row for are left out (the caller has listed them). Returns the scorecard ids
    /// current for each subject after the commit.
    @discardableResult
    public func commit(
        run: Int64, scorecards: [ScorecardToStore], reports: [ReportToRecord], signoffs: [Signoff] = []
    ) throws(StoreError) -> [Subject: Int64] {
        let createdAt = now()
        return try write { db in
            guard let runRow = try RunRow.fetchOne(db, key: run) else {
                throw StoreError(kind: .sqlite, path: path, message: "run \(run) is not in the store")
            }
            let card = runRow.cardId
            var head = try String.fetchOne(
                db, sql: "SELECT chain_sha256 FROM scorecard WHERE card_id = ? ORDER BY id DESC LIMIT 1", arguments: [card])
                ?? ScorecardChain.genesis
            var current: [Subject: Int64] = [:]
            for item in scorecards {
                let sha256 = SHA256.hex(of: [UInt8](item.document))
                let latest = try ScorecardRow
                    .filter(ScorecardRow.Columns.cardId == card)
                    .filter(ScorecardRow.Columns.model == item.subject.model && ScorecardRow.Columns.snapshot == (item.subject.snapshot ?? ""))
                    .filter(Column("framework_sha256") == item.frameworkSHA256)
                    .order(ScorecardRow.Columns.id.desc).fetchOne(db)
                if let latest, latest.documentSha256 == sha256, let id = latest.id {
                    current[item.subject] = id
                } else {
                    let fields = ScorecardChain.Fields(
                        card: card, model: item.subject.model, snapshot: item.subject.snapshot ?? "",
                        frameworkSHA256: item.frameworkSHA256, documentSHA256: sha256, createdAt: createdAt, runID: run)
                    let content = ScorecardChain.content(fields)
                    let chain = ScorecardChain.link(previous: head, content: content)
                    var row = ScorecardRow(
                        id: nil, cardId: card, model: fields.model, snapshot: fields.snapshot,
                        frameworkSha256: item.frameworkSHA256, documentSha256: sha256,
                        document: String(decoding: item.document, as: UTF8.self), createdAt: createdAt, runId: run,
                        contentSha256: content, previousSha256: head, chainSha256: chain)
                    try row.insert(db)
                    head = chain
                    current[item.subject] = row.id
                }
                if let id = current[item.subject] { try RunScorecardRow(runId: run, scorecardId: id).insert(db) }
            }
            for report in reports {
                guard let id = current[report.subject] else { continue }
                try ReportRow(cardId: card, path: report.path, sha256: report.sha256, scorecardId: id, renderFingerprint: report.renderFingerprint,
                              writtenAt: createdAt).save(db)
            }
            try db.execute(sql: "UPDATE run SET chain_head = ? WHERE id = ?",
                           arguments: [head == ScorecardChain.genesis ? nil : head, run])
            for signoff in signoffs {
                let row = try Int64.fetchOne(db, sql: """
                    SELECT id FROM scorecard WHERE card_id = ? AND model = ? AND snapshot = ? AND document_sha256 = ? ORDER BY id DESC LIMIT 1
                    """, arguments: [card, signoff.model, signoff.snapshot ?? "", signoff.documentSha256])
                if let row { _ = try Self.insert(signoff, scorecard: row, storedAt: createdAt, db) }
            }
            return current
        }
    }

    /// Marks a run completed with its input fingerprint and change summary.
    public func completeRun(_ id: Int64, fingerprint: String, summary: String) throws(StoreError) {
        let finishedAt = now()
        try write { db in
            try db.execute(
                sql: "UPDATE run SET status = 'completed', finished_at = ?, fingerprint = ?, summary = ? WHERE id = ?",
                arguments: [finishedAt, fingerprint, summary, id])
        }
    }

    /// Records that a completed run's summary was written out in full, so its alert is not raised
    /// again. The last thing a run does before its process exits.
    public func markDelivered(_ id: Int64) throws(StoreError) {
        let deliveredAt = now()
        try write { db in
            try db.execute(sql: "UPDATE run SET delivered_at = ? WHERE id = ? AND status = 'completed' AND delivered_at IS NULL",
                           arguments: [deliveredAt, id])
        }
    }

    /// Marks a run failed with a message.
    public func failRun(_ id: Int64, message: String) throws(StoreError) {
        let finishedAt = now()
        try write { db in
            try db.execute(sql: "UPDATE run SET status = 'failed', finished_at = ?, summary = ? WHERE id = ?",
                           arguments: [finishedAt, message, id])
        }
    }

    /// The card's reports recorded as written, by path: their hash and the scorecard they came from.
    public func reports(card: String) throws(StoreError) -> [String: RecordedReport] {
        let rows = try read { db -> [ReportRow] in
            guard let card = try Self.card(key: card, db) else { return [] }
            return try ReportRow.filter(Column("card_id") == card.id).fetchAll(db)
        }
        return Dictionary(uniqueKeysWithValues: rows.map {
            ($0.path, RecordedReport(sha256: $0.sha256, scorecardID: $0.scorecardId, renderFingerprint: $0.renderFingerprint))
        })
    }

    /// The number of runs, optionally only those with `status`.
    public func runCount(status: String? = nil) throws(StoreError) -> Int {
        try read { db in
            if let status { return try RunRow.filter(RunRow.Columns.status == status).fetchCount(db) }
            return try RunRow.fetchCount(db)
        }
    }
}
