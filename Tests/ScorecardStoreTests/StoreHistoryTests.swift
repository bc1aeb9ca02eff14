import Foundation
import GRDB
import Testing
import ScorecardCore
@testable import ScorecardStore

/// Several cards on one store, the hash chain over scorecard rows, and delivery of alerts.
@Suite struct StoreHistoryTests {
    let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    var path: String { directory.appendingPathComponent("scorecard.sqlite").path }
    let framework = String(repeating: "f", count: 64)

    func store() throws -> ScorecardStore {
        let store = try ScorecardStore(path: path)
        try store.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO framework VALUES (?, 'f.yaml', 'x', '1', 'text', 'now')", arguments: [framework])
        }
        return store
    }

    func item(_ model: String, _ document: String) -> ScorecardToStore {
        ScorecardToStore(subject: Subject(model: model), frameworkSHA256: framework, document: Data(document.utf8))
    }

    /// One completed run of `card` storing `items`.
    @discardableResult
    func run(_ store: ScorecardStore, card: String, _ items: [ScorecardToStore], delivered: Bool = true) throws -> Int64 {
        let run = try store.beginRun(configPath: card, card: card)
        try store.commit(run: run, scorecards: items, reports: [])
        try store.completeRun(run, fingerprint: "fp", summary: "")
        if delivered { try store.markDelivered(run) }
        return run
    }

    @Test func twoCardsKeepTheirRunsScorecardsAndChainsApart() throws {
        let store = try store()
        try run(store, card: "a.yaml", [item("o1", "{\"a\":1}")])
        try run(store, card: "b.yaml", [item("o1", "{\"b\":1}")])
        try run(store, card: "a.yaml", [item("o1", "{\"a\":2}")])
        #expect(try store.lastCompletedRun(card: "a.yaml")?.scorecards[Subject(model: "o1")]?.document == Data("{\"a\":2}".utf8))
        #expect(try store.lastCompletedRun(card: "b.yaml")?.scorecards[Subject(model: "o1")]?.document == Data("{\"b\":1}".utf8))
        #expect(try store.scorecards(model: "o1", card: "a.yaml").count == 2)
        #expect(try store.scorecards(model: "o1", card: "b.yaml").count == 1)
        #expect(try store.scorecards(model: "o1").count == 3)
        #expect(try store.lastCompletedRun(card: "c.yaml") == nil)
        let history = try store.verifyHistory()
        #expect(history.isWhole, "\(history.problems)")
        #expect(history.chains.map(\.rows) == [2, 1])
        #expect(history.chains.map(\.card.key) == ["a.yaml", "b.yaml"])
    }

    @Test func theLastDeliveredRunIsTheOneWhoseSummaryWasWrittenOut() throws {
        let store = try store()
        let first = try run(store, card: "a.yaml", [item("o1", "{\"a\":1}")])
        let second = try run(store, card: "a.yaml", [item("o1", "{\"a\":2}")], delivered: false)
        #expect(try store.lastCompletedRun(card: "a.yaml")?.id == second)
        #expect(try store.lastCompletedRun(card: "a.yaml")?.deliveredAt == nil)
        #expect(try store.lastDeliveredRun(card: "a.yaml")?.id == first)
        try store.markDelivered(second)
        #expect(try store.lastDeliveredRun(card: "a.yaml")?.id == second)
    }

    @Test func aRowThatDoesNotExtendItsCardsChainIsRefusedBySQLite() throws {
        let store = try store()
        let run = try run(store, card: "a.yaml", [item("o1", "{}")])
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(sql: """
                    INSERT INTO scorecard (card_id, model, snapshot, framework_sha256, document_sha256, document, created_at, run_id,
                                           content_sha256, previous_sha256, chain_sha256)
                    VALUES (1, 'o1', '', ?, ?, '{}', 'now', ?, ?, ?, ?)
                    """, arguments: [framework, String(repeating: "d", count: 64), run, String(repeating: "c", count: 64),
                                     ScorecardChain.genesis, String(repeating: "e", count: 64)])
            }
        }
    }

    @Test(arguments: [
        ("DROP TRIGGER scorecard_immutable_delete; DELETE FROM scorecard WHERE id = 1",
         "scorecard 2 (o1, card a.yaml) is the card's first row but was chained after another row"),
        ("DROP TRIGGER scorecard_immutable_delete; DELETE FROM scorecard WHERE id = 3",
         "committed up to chain hash"),
        ("DROP TRIGGER scorecard_immutable_update; UPDATE scorecard SET created_at = '2020-01-01T00:00:00Z' WHERE id = 2",
         "scorecard 2 (o1, card a.yaml): its fields do not hash to its recorded content hash: the row was edited"),
        ("DROP TRIGGER scorecard_immutable_update; UPDATE scorecard SET document = '{\"a\":9}' WHERE id = 2",
         "scorecard 2 (o1, card a.yaml): its document does not hash to its recorded document hash"),
        ("DROP TRIGGER scorecard_immutable_update; UPDATE scorecard SET id = 9 WHERE id = 1",
         "scorecard 2 (o1, card a.yaml) is the card's first row but was chained after another row"),
    ])
    func everyEditDeletionOrReorderingBreaksTheChain(_ attack: (sql: String, message: String)) throws {
        let store = try store()
        for n in 1...3 { try run(store, card: "a.yaml", [item("o1", "{\"a\":\(n)}")]) }
        #expect(try store.verifyHistory().isWhole)
        var shell = Configuration()
        shell.foreignKeysEnabled = false   // as in the sqlite3 shell
        let queue = try DatabaseQueue(path: path, configuration: shell)
        try queue.writeWithoutTransaction { db in try db.execute(sql: attack.sql) }
        try queue.close()
        let history = try ScorecardStore(path: path).verifyHistory()
        #expect(!history.isWhole)
        #expect(history.problems.contains { $0.contains(attack.message) }, "\(history.problems)")
    }

    @Test func aStoreFromTheFirstMigrationBecomesTheHistoryOfTheFirstCardToRun() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/v1_initial.sqlite")
        try FileManager.default.copyItem(at: fixture, to: URL(fileURLWithPath: path))
        let store = try ScorecardStore(path: path)
        #expect(try store.cards().map(\.key) == [nil])
        let legacy = try #require(try store.lastCompletedRun(card: "a.yaml"))
        #expect(legacy.deliveredAt != nil, "runs completed before the migration were delivered under the old rules")
        #expect(legacy.scorecards.isEmpty, "the fixture's run names no scorecards")
        #expect(try store.scorecards(model: "o1", card: "a.yaml").count == 1)
        let history = try store.verifyHistory()
        #expect(history.chains.map(\.rows) == [1])
        #expect(history.problems.allSatisfy { $0.contains("its document does not hash") }, "the fixture's document hash is made up: \(history.problems)")
        try run(store, card: "a.yaml", [item("o1", "{}")])
        #expect(try store.cards().map(\.key) == ["a.yaml"], "the first card to run claims the history")
        #expect(try store.lastCompletedRun(card: "b.yaml") == nil)
        #expect(try store.scorecards(model: "o1", card: "a.yaml").count == 2)
        #expect(try store.verifyHistory().chains.map(\.rows) == [2])
    }

    @Test func theBusyTimeoutIsTheOneGivenAndABusyStoreSaysHowLongItWaited() throws {
        let holder = try DatabaseQueue(path: path)
        _ = try store()
        let waiting = try ScorecardStore(path: path, busyTimeout: 0.3)
        let started = Date()
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let error = try #require(throws: StoreError.self) { _ = try waiting.beginRun(configPath: "a", card: "a") }
            #expect(error.kind == .busy)
            #expect(error.message.contains("for more than 0.3 s"))
            try db.execute(sql: "ROLLBACK")
        }
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= 0.25 && waited < 5, "waited \(waited) s")
        #expect(try ScorecardStore(path: path, busyTimeout: 1e12).busyTimeout == ScorecardStore.longestBusyTimeout)
    }
}
