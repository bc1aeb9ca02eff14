import Foundation
import ScorecardStore
import ScorecardTesting
import Testing

/// A store shared by several cards keeps each card's history apart; a store another process is
/// writing is busy after `--wait`, not before and not much later.
@Suite struct SharedStoreTests {
    /// A second card in `card`'s folder, on the same store, with its own evidence and reports.
    static func secondCard(beside card: CardFixture) throws -> URL {
        let folder = card.directory.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: card.evidence, to: folder.appendingPathComponent("evidence/results.jsonl"))
        let config = folder.appendingPathComponent("scorecard.yaml")
        try """
            schema_version: 1
            framework: ../framework.yaml
            store: ../.scorecard/scorecard.sqlite
            evidence:
              - path: evidence/*.jsonl
            reports:
              directory: reports
              formats: [json]
              generated_at: 2025-01-01T00:00:00Z
            """.write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    @Test func twoCardsOnOneStoreSeeOnlyTheirOwnScorecardsAndAlerts() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        let other = try Self.secondCard(beside: card)
        func regenerateOther() throws -> CLI.Result { try CLI.run(["regenerate", "--config", other.path]) }

        #expect(try card.regenerate().status == 0)
        let first = try regenerateOther()
        #expect(first.status == 0)
        #expect(first.stdout.contains("model-0: first scorecard"), "the other card's history is its own\n\(first.stdout)")
        let quiet = try card.regenerate()
        #expect(quiet.stdout.contains("Nothing changed"), "the other card's run changes nothing for this one\n\(quiet.stdout)")

        try card.writeEvidence(models: 2, version: 1)
        #expect(try card.regenerate().status == 5)
        let otherQuiet = try regenerateOther()
        #expect(otherQuiet.status == 0, "this card's alert is not the other card's\n\(otherQuiet.stdout)")
        #expect(otherQuiet.stdout.contains("Nothing changed"))
        try FileManager.default.copyItem(at: card.evidence, to: other.deletingLastPathComponent().appendingPathComponent("evidence/v1.jsonl"))
        try FileManager.default.removeItem(at: other.deletingLastPathComponent().appendingPathComponent("evidence/results.jsonl"))
        let otherMoved = try regenerateOther()
        #expect(otherMoved.status == 5, "the other card raises its own alert for the same move\n\(otherMoved.stdout)")

        let history = try CLI.run(["history", "--config", card.config.path, "--model", "model-0"])
        #expect(history.stdout.split(separator: "\n").count == 4, "a header, the column titles and this card's two rows\n\(history.stdout)")
        let everything = try CLI.run(["history", "--store", card.storePath, "--model", "model-0"])
        #expect(everything.stdout.split(separator: "\n").count == 6, "--store alone shows every card's rows\n\(everything.stdout)")
        let check = try CLI.run(["check", "--store", card.storePath, "--all"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("History of card ../scorecard.yaml: 4 scorecard rows"))
        #expect(check.stdout.contains("History of card ../other/scorecard.yaml: 4 scorecard rows"))
        #expect(try card.store().cards().map(\.key) == ["../scorecard.yaml", "../other/scorecard.yaml"])
    }

    @Test func aForeignWriteTransactionMakesTheStoreBusyAfterTheWaitWithItsOwnExitCode() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        #expect(try card.regenerate().status == 0)
        try card.writeEvidence(models: 1, version: 1)
        // Another process holds a write transaction for 20 s.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [card.storePath]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer { holder.terminate() }
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nDELETE FROM evidence_source;\n.shell sleep 20\n".utf8))
        usleep(500_000)

        let started = Date()
        let busy = try card.regenerate(["--wait", "1.5"])
        let waited = Date().timeIntervalSince(started)
        #expect(busy.status == 6, "\(busy.stderr)")
        #expect(busy.stderr.contains("the database is busy: another process has held a write transaction on it for more than 1.5 s"))
        #expect(waited >= 1.4 && waited < 6, "waited \(waited) s for --wait 1.5")
    }

    @Test func aWaitThatIsNotANumberOfSecondsIsAUsageError() throws {
        for wait in ["-1", "nan", "inf"] {
            let result = try CLI.run(["regenerate", "--config", "nowhere.yaml", "--wait=\(wait)"])
            #expect(result.status == 64, "--wait \(wait): \(result.stderr)")
            #expect(result.stderr.contains("--wait must be a number of seconds, 0 or more"))
        }
    }
}
