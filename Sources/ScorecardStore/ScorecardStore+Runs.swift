import Foundation
import GRDB
import ScorecardCore

/// A completed regeneration: what it ended with, for the next run to compare against.
public struct CompletedRun: Sendable {
    public let id: Int64
    public let fingerprint: String?
    public let finishedAt: String?
    /// The scorecards current when the run completed, by subject.
    public let scorecards: [Subject: StoredScorecard]
}

extension ScorecardStore {
    /// Records the start of a run and returns its id.
    public func beginRun(configPath: String) throws(StoreError) -> Int64 {
        let startedAt = now()
        return try write { db in
            var row = RunRow(id: nil, startedAt: startedAt, finishedAt: nil, status: "started", configPath: configPath)
            try row.insert(db)
            return row.id ?? 0
        }
    }

    /// The last run that completed, with its scorecards; nil before the first.
    public func lastCompletedRun() throws(StoreError) -> CompletedRun? {
        try read { db in
            guard let run = try RunRow.filter(RunRow.Columns.status == "completed").order(RunRow.Columns.id.desc).fetchOne(db),
                  let id = run.id else { return nil }
            let rows = try ScorecardRow.fetchAll(db, sql: """
                SELECT scorecard.* FROM scorecard JOIN run_scorecard ON run_scorecard.scorecard_id = scorecard.id
                WHERE run_scorecard.run_id = ? ORDER BY scorecard.id
                """, arguments: [id])
            let scorecards = Dictionary(rows.map { (StoredScorecard($0).subject, StoredScorecard($0)) }) { _, last in last }
            return CompletedRun(id: id, fingerprint: run.fingerprint, finishedAt: run.finishedAt, scorecards: scorecards)
        }
    }

    /// Stores a run's scorecards and reports in one transaction.
    ///
    /// A scorecard whose document is byte-identical to the subject's latest stored one under the
    /// same framework is not stored again; the run points at the existing row. Returns the
    /// scorecard ids current for each subject after the commit.
    @discardableResult
    public func commit(
        run: Int64, scorecards: [ScorecardToStore], reports: [ReportToRecord]
    ) throws(StoreError) -> [Subject: Int64] {
        let createdAt = now()
        return try write { db in
            var current: [Subject: Int64] = [:]
            for item in scorecards {
                let sha256 = SHA256.hex(of: [UInt8](item.document))
                let latest = try ScorecardRow
                    .filter(ScorecardRow.Columns.model == item.subject.model && ScorecardRow.Columns.snapshot == (item.subject.snapshot ?? ""))
                    .filter(Column("framework_sha256") == item.frameworkSHA256)
                    .order(ScorecardRow.Columns.id.desc).fetchOne(db)
                if let latest, latest.documentSha256 == sha256, let id = latest.id {
                    current[item.subject] = id
                } else {
                    var row = ScorecardRow(
                        id: nil, model: item.subject.model, snapshot: item.subject.snapshot ?? "",
                        frameworkSha256: item.frameworkSHA256, documentSha256: sha256,
                        document: String(decoding: item.document, as: UTF8.self), createdAt: createdAt, runId: run)
                    try row.insert(db)
                    current[item.subject] = row.id
                }
                if let id = current[item.subject] { try RunScorecardRow(runId: run, scorecardId: id).insert(db) }
            }
            for report in reports {
                guard let id = current[report.subject] else { continue }
                try ReportRow(path: report.path, sha256: report.sha256, scorecardId: id, renderFingerprint: report.renderFingerprint,
                              writtenAt: createdAt).save(db)
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

    /// Marks a run failed with a message.
    public func failRun(_ id: Int64, message: String) throws(StoreError) {
        let finishedAt = now()
        try write { db in
            try db.execute(sql: "UPDATE run SET status = 'failed', finished_at = ?, summary = ? WHERE id = ?",
                           arguments: [finishedAt, message, id])
        }
    }

    /// The reports recorded as written, by path: their hash and the scorecard they came from.
    public func reports() throws(StoreError) -> [String: RecordedReport] {
        let rows = try read { db in try ReportRow.fetchAll(db) }
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
