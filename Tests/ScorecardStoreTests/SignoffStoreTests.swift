import Foundation
import GRDB
import Testing
import ScorecardCore
@testable import ScorecardStore

/// The `signoff` table (`v5_signoffs`): append-only, chained, tied to the scorecard it signed.
@Suite struct SignoffStoreTests {
    let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-signoffs-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    var path: String { directory.appendingPathComponent("scorecard.sqlite").path }
    let framework = String(repeating: "f", count: 64)

    /// A store with one card's run storing o1's scorecard `{"a":1}`; its row id and document hash.
    func stored() throws -> (store: ScorecardStore, scorecard: Int64, document: String) {
        let store = try ScorecardStore(path: path)
        try store.write { db in
            try db.execute(sql: "INSERT INTO framework VALUES (?, 'f.yaml', 'x', '1', 'text', 'now')", arguments: [framework])
        }
        let run = try store.beginRun(configPath: "a.yaml", card: "a.yaml")
        let ids = try store.commit(run: run, scorecards: [
            ScorecardToStore(subject: Subject(model: "o1"), frameworkSHA256: framework, document: Data("{\"a\":1}".utf8)),
        ], reports: [])
        try store.completeRun(run, fingerprint: "fp", summary: "")
        return (store, try #require(ids[Subject(model: "o1")]), SHA256.hex(of: "{\"a\":1}"))
    }

    func signoff(_ document: String, reviewer: String = "Alice") throws -> Signoff {
        let version = Signoff.Version(subject: Subject(model: "o1"), documentSHA256: document, frameworkSHA256: framework, determinationsSHA256: nil)
        return try Signoff.sign(version, decision: .approve, reviewer: reviewer, note: nil, signedAt: "2025-01-01T00:00:00Z",
                                key: try Ed25519.PrivateKey.generate())
    }

    @Test func signoffsAreStoredOnceChainedAndImmutable() throws {
        let (store, scorecard, document) = try stored()
        let first = try store.saveSignoff(try signoff(document), scorecard: scorecard)
        let again = try store.saveSignoff(first.signoff, scorecard: scorecard)
        #expect(again.id == first.id, "the same record is stored once")
        try store.saveSignoff(try signoff(document, reviewer: "Bob"), scorecard: scorecard)
        #expect(try store.signoffs(card: "a.yaml").map(\.signoff.reviewer) == ["Alice", "Bob"])
        #expect(try store.signoffs(card: "b.yaml").isEmpty)
        let history = try store.verifyHistory()
        #expect(history.isWhole && history.signoffRows == 2, "\(history.problems)")
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: "UPDATE signoff SET note = 'x'") } }
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: "DELETE FROM signoff") } }
    }

    @Test func aSignoffOfAnotherDocumentThanItsScorecardsIsRefusedByTheSchema() throws {
        let (store, scorecard, _) = try stored()
        let error = try #require(throws: StoreError.self) {
            try store.saveSignoff(try signoff(String(repeating: "0", count: 64)), scorecard: scorecard)
        }
        #expect(error.description.contains("a sign-off must name a scorecard of its card with the document hash it signed"), "\(error)")
        #expect(try store.signoffs().isEmpty)
    }
}
