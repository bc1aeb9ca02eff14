import Foundation
import GRDB
import Testing
import ScorecardCore
@testable import ScorecardStore

/// The store on a temporary file: migrations, refusals, evidence, scorecards, runs.
@Suite struct StoreTests {
    let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    var path: String { directory.appendingPathComponent("store/scorecard.sqlite").path }

    func record(_ value: Double, line: Int = 1, model: String = "o1") -> EvidenceRecord {
        EvidenceRecord(
            subject: Subject(model: model), stage: "pre_mitigation", evaluation: "ctf", metric: "pass@12", variant: "v",
            value: value, n: 100, k: Int(value * 100), interval: ConfidenceInterval(low: value - 0.05, high: value + 0.05, level: 0.95, method: "wilson"),
            source: "https://example.org", notes: "note <b>", location: SourceLocation(file: "e.jsonl", line: line))
    }

    @Test func createsTheDatabaseInWALModeWithTheMigrationsApplied() throws {
        let store = try ScorecardStore(path: path)
        #expect(try store.appliedMigrations() == [
            "v1_initial", "v2_result_lower_is_better", "v3_evidence_consistency", "v4_cards_chain_delivery", "v5_signoffs", "v6_evidence_pending",
        ])
        let mode = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test func evidenceRoundTripsAndIsStoredOnce() throws {
        let store = try ScorecardStore(path: path)
        let sample = SampleRecord(subject: Subject(model: "o1"), stage: "pre_mitigation", evaluation: "ctf", sampleID: "a_epoch_1",
                                  epoch: 2, score: nil, metadata: ["tier": "pro"], error: "timeout", source: "logs/a.eval",
                                  sourceSHA256: String(repeating: "c", count: 64), location: SourceLocation(file: "s.jsonl", line: 4))
        try store.saveEvidence(sha256: String(repeating: "a", count: 64), format: "scorecard", byteCount: 10,
                               records: [record(0.13)], samples: [sample])
        try store.saveEvidence(sha256: String(repeating: "a", count: 64), format: "scorecard", byteCount: 10,
                               records: [record(0.13)], samples: [sample])
        let loaded = try store.loadEvidence(paths: [String(repeating: "a", count: 64): "e.jsonl"])
        #expect(loaded.records == [record(0.13)])
        #expect(loaded.samples.count == 1)
        #expect(loaded.samples[0].metadata == ["tier": "pro"] && loaded.samples[0].score == nil && loaded.samples[0].epoch == 2)
        #expect(loaded.samples[0].location == SourceLocation(file: "e.jsonl", line: 4))
        #expect(loaded.samples[0].error == "timeout" && loaded.samples[0].source == "logs/a.eval")
    }

    @Test func theDirectionOfAResultIsStoredAsTrueFalseOrUnknown() throws {
        let store = try ScorecardStore(path: path)
        let records = [true, false, nil].enumerated().map { index, flag in
            EvidenceRecord(
                subject: Subject(model: "o1"), stage: "pre_mitigation", evaluation: "e", metric: "m\(index)", value: 2,
                unit: .score, lowerIsBetter: flag, location: SourceLocation(file: "e.jsonl", line: index + 1))
        }
        try store.saveEvidence(sha256: String(repeating: "b", count: 64), format: "lm-eval", byteCount: 10, records: records, samples: [])
        let loaded = try store.loadEvidence(paths: [String(repeating: "b", count: 64): "e.jsonl"])
        #expect(loaded.records.map(\.lowerIsBetter) == [true, false, nil])
        let stored = try store.read { db in try Int?.fetchAll(db, sql: "SELECT lower_is_better FROM result ORDER BY line") }
        #expect(stored == [1, 0, nil])
        #expect(throws: (any Error).self) {
            try store.write { db in try db.execute(sql: "UPDATE result SET lower_is_better = 2 WHERE line = 1") }
        }
    }

    @Test func identicalScorecardsAreNotStoredTwiceAndRowsAreImmutable() throws {
        let store = try ScorecardStore(path: path)
        let framework = String(repeating: "f", count: 64)
        try store.write { db in
            try db.execute(sql: "INSERT INTO framework VALUES (?, 'f.yaml', 'x', '1', 'text', 'now')", arguments: [framework])
        }
        let item = ScorecardToStore(subject: Subject(model: "o1"), frameworkSHA256: framework, document: Data("{}".utf8))
        let run1 = try store.beginRun(configPath: "c.yaml", card: "c.yaml")
        let first = try store.commit(run: run1, scorecards: [item], reports: [])
        try store.completeRun(run1, fingerprint: "fp1", summary: "")
        let run2 = try store.beginRun(configPath: "c.yaml", card: "c.yaml")
        let second = try store.commit(run: run2, scorecards: [item], reports: [ReportToRecord(path: "r.md", sha256: String(repeating: "b", count: 64), subject: Subject(model: "o1"), renderFingerprint: "r")])
        #expect(first == second)
        #expect(try store.scorecardCount() == 1)
        let changed = ScorecardToStore(subject: Subject(model: "o1"), frameworkSHA256: framework, document: Data("{\"x\":1}".utf8))
        _ = try store.commit(run: run2, scorecards: [changed], reports: [])
        #expect(try store.scorecardCount() == 2)
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "UPDATE scorecard SET document = 'tampered'") }
        }
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: "DELETE FROM scorecard") }
        }
        #expect(try store.lastCompletedRun(card: "c.yaml")?.fingerprint == "fp1", "run 2 never completed")
        #expect(try store.reports(card: "c.yaml")["r.md"]?.scorecardID == first[Subject(model: "o1")])
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let garbage = Data("this is a report, not a database\n".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try ScorecardStore(path: path) }
        #expect(error.kind == .notADatabase)
        #expect(error.description.contains("left untouched"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func aDamagedDatabaseIsRefused() throws {
        _ = try ScorecardStore(path: path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for i in stride(from: 100, to: min(bytes.count, 4096), by: 7) { bytes[i] = 0xFF }
        try bytes.write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) {
            let store = try ScorecardStore(path: path)
            _ = try store.scorecardCount()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aDatabaseFromANewerToolIsRefused() throws {
        _ = try ScorecardStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9_future')") }
        try queue.close()
        let error = try #require(throws: StoreError.self) { try ScorecardStore(path: path) }
        #expect(error.kind == .newerSchema)
        #expect(error.description.contains("v9_future"))
    }

    @Test func aDatabaseMadeByTheFirstMigrationOpensAndKeepsItsRows() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/v1_initial.sqlite")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: URL(fileURLWithPath: path))
        let store = try ScorecardStore(path: path)
        #expect(try store.appliedMigrations() == Migrations.migrator.migrations)
        #expect(try store.scorecardCount() == 1)
        let columns = try store.read { db in try db.columns(in: "result").map(\.name) }
        #expect(columns.contains("lower_is_better"), "the second migration added the column")
        #expect(columns.contains("consistency"), "the third migration added result.consistency")
        #expect(try store.read { db in try db.columns(in: "sample").map(\.name) }.contains("consistency"))
        #expect(try store.scorecards(model: "o1").first?.document == Data("{\"fixture\":true}".utf8))
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test("a record's and a sample's consistency mark is stored and read back; the schema refuses any other mark")
    func consistencyMarksRoundTrip() throws {
        let store = try ScorecardStore(path: path)
        let base = record(0.4)
        let marked = EvidenceRecord(
            subject: base.subject, stage: base.stage, evaluation: base.evaluation, metric: base.metric, variant: base.variant,
            value: base.value, n: base.n, k: base.k, interval: base.interval, consistency: .contradicts, location: base.location)
        let sample = SampleRecord(subject: base.subject, stage: base.stage, evaluation: "ctf", sampleID: "1", epoch: 1, score: 1,
                                  consistency: .partial, location: SourceLocation(file: "e.jsonl", line: 2))
        let hash = String(repeating: "c", count: 64)
        try store.saveEvidence(sha256: hash, format: "inspect", byteCount: 10, records: [marked, record(0.5, line: 3, model: "o3")], samples: [sample])
        let loaded = try store.loadEvidence(paths: [hash: "e.jsonl"])
        #expect(loaded.records.map(\.consistency) == [.contradicts, nil])
        #expect(loaded.samples.map(\.consistency) == [.partial])
        #expect(throws: (any Error).self) {
            try store.write { db in try db.execute(sql: "UPDATE result SET consistency = 'maybe'") }
        }
    }

    @Test func missingDatabaseWithoutCreateIsAnError() throws {
        let error = try #require(throws: StoreError.self) { try ScorecardStore(path: path, create: false) }
        #expect(error.kind == .missing)
    }
}

/// Writes `Fixtures/v1_initial.sqlite`: a database made by the first migration, with rows in it.
///
/// Run once when the migration shipped (`SCORECARD_WRITE_STORE_FIXTURE=1 swift test --filter
/// writeFirstMigrationFixture`); never regenerate it after a later migration is added.
@Test(.enabled(if: ProcessInfo.processInfo.environment["SCORECARD_WRITE_STORE_FIXTURE"] == "1"))
func writeFirstMigrationFixture() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/v1_initial.sqlite")
    try? FileManager.default.removeItem(at: url)
    let queue = try DatabaseQueue(path: url.path)
    try Migrations.migrator.migrate(queue, upTo: "v1_initial")
    try queue.write { db in
        let f = String(repeating: "f", count: 64), d = String(repeating: "d", count: 64)
        try db.execute(sql: "INSERT INTO framework VALUES (?, 'f.yaml', 'beta', '1', 'text', '2026-01-01T00:00:00Z')", arguments: [f])
        try db.execute(sql: "INSERT INTO run (started_at, status, config_path) VALUES ('2026-01-01T00:00:00Z', 'completed', 'c.yaml')")
        try db.execute(sql: """
            INSERT INTO scorecard (model, snapshot, framework_sha256, document_sha256, document, created_at, run_id)
            VALUES ('o1', '', ?, ?, '{"fixture":true}', '2026-01-01T00:00:00Z', 1)
            """, arguments: [f, d])
    }
    try queue.close()
}
