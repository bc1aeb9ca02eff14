import Foundation
import ScorecardStore
import ScorecardTesting
import Testing

/// An alert counts as delivered only once its summary was written out: a run killed between
/// commit, print and exit, or one whose output could not be written, has its alert raised again.
@Suite struct AlertDeliveryTests {
    /// The runs that move a level (version 0 → 1 flips model-0's deployment gate: exit 5; back to
    /// 0: the levels move back, exit 4).
    static let moves: [(version: Int, status: Int32)] = [(1, 5), (0, 4)]

    /// A card after a first, delivered run on version 0, then moved to version 1 (and back when
    /// `back`), whose last run died at `crash`.
    static func card(crashingAt crash: String, back: Bool) throws -> (CardFixture, expected: Int32) {
        let card = try CardFixture(models: 2)
        #expect(try card.regenerate().status == 0)
        if back {
            try card.writeEvidence(models: 2, version: 1)
            #expect(try card.regenerate().status == 5)
        }
        let move = moves[back ? 1 : 0]
        try card.writeEvidence(models: 2, version: move.version)
        let killed = try card.regenerate(environment: ["SCORECARD_TEST_CRASH_AT": crash])
        #expect(killed.status == 128 + SIGKILL, "the hook kills the run at \(crash): \(killed.stderr)")
        return (card, move.status)
    }

    @Test(arguments: ["after-commit", "after-print"], [false, true])
    func aRunKilledBeforeItExitsHasItsAlertRaisedAgainWithTheSameCode(_ crash: String, back: Bool) throws {
        let (card, expected) = try Self.card(crashingAt: crash, back: back)
        defer { card.remove() }
        let again = try card.regenerate()
        #expect(again.status == expected, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("completed but its summary was never delivered"))
        #expect(again.stdout.contains("Nothing changed"), "the killed run finished the work; only its alert is repeated")
        #expect(again.stdout.contains(back ? "level  cybersecurity post_mitigation: high → low" : "gate   deployment: Allowed → NOT ALLOWED"))
        let after = try card.regenerate()
        #expect(after.status == 0, "delivered once, the alert is not raised a third time\n\(after.stdout)")
        #expect(!after.stdout.contains("never delivered"))
    }

    @Test func theKilledRunsSummaryWasPrintedInFullBeforeTheKill() throws {
        let (card, _) = try Self.card(crashingAt: "after-print", back: false)
        defer { card.remove() }
        let json = try card.regenerate(["--format", "json"])
        #expect(json.status == 5)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(summary["nothing_changed"] as? Bool == true)
        #expect(summary["repeats_alert_of"] as? Int == 2)
        #expect(summary["exit_code"] as? Int == 5)
        let after = try card.regenerate(["--format", "json"])
        let delivered = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect(delivered["repeats_alert_of"] is NSNull, "the key is there, null, when no alert is owed")
    }

    @Test func anAlertThatCouldNotBePrintedIsRaisedAgain() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        #expect(try card.regenerate().status == 0)
        try card.writeEvidence(models: 2, version: 1)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let lost = try CLI.run(["regenerate", "--config", card.config.path], stdout: full)
        #expect(lost.status == 1)
        #expect(lost.stderr.contains("cannot write to standard output: No space left on device"))
        #expect(try card.store().runCount(status: "completed") == 2, "the work was committed before printing")

        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let broken = try CLI.run(["regenerate", "--config", card.config.path], stdout: pipe)
        #expect(broken.status == 1, "a reader that went away gets no alert either: \(broken.stderr)")
        #expect(broken.stderr.contains("Broken pipe"))

        let again = try card.regenerate()
        #expect(again.status == 5, "\(again.stdout)\(again.stderr)")
        #expect(try card.regenerate().status == 0)
    }

    @Test func aRunRemovesTheTemporaryFilesKilledRunsLeftAndOnlyThose() throws {
        let card = try CardFixture(models: 2, formats: ["md"])
        defer { card.remove() }
        #expect(try card.regenerate().status == 0)
        let charts = card.reports.appendingPathComponent("model-0.charts")
        #expect(FileManager.default.fileExists(atPath: charts.appendingPathComponent("cbrn.svg").path))

        // A process that has exited: its id names no process now.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let dead = gone.processIdentifier
        let stale = [
            charts.appendingPathComponent(".cbrn.svg.\(dead).123456.tmp"),
            card.reports.appendingPathComponent(".model-0.md.\(dead).42.tmp"),
        ]
        let kept = [
            charts.appendingPathComponent(".cbrn.svg.\(getpid()).7.tmp"),   // a live process
            charts.appendingPathComponent(".notes.tmp"),                      // not our naming
            card.reports.appendingPathComponent("draft.\(dead).1.tmp"),       // not hidden: not ours
        ]
        let old = Date(timeIntervalSinceNow: -600)
        for url in stale + kept {
            try Data("partial".utf8).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
        }
        let quiet = try card.regenerate()
        #expect(quiet.stdout.contains("Nothing changed"), "cleaning up is not a change")
        for url in stale { #expect(!FileManager.default.fileExists(atPath: url.path), "\(url.lastPathComponent) was left") }
        for url in kept { #expect(FileManager.default.fileExists(atPath: url.path), "\(url.lastPathComponent) is not ours to remove") }
        #expect(card.temporaryFiles() == [".notes.tmp", "draft.\(dead).1.tmp", ".cbrn.svg.\(getpid()).7.tmp"]
            .map { $0.hasPrefix(".cbrn") || $0 == ".notes.tmp" ? "model-0.charts/\($0)" : $0 }.sorted())
    }
}
