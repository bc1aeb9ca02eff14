import Foundation
@testable import Scorecard
import ScorecardIngest
import ScorecardStore
import ScorecardTesting
import Testing

/// Regeneration through the API: what a run reads, what it reports as moved, what it refuses.
@Suite struct RegeneratorTests {
    @Test func aSecondRunChangesNothingAndReadsNothing() throws {
        let card = try CardFixture()
        defer { card.remove() }
        let events = Fixtures.Events()
        let first = try card.regenerator().run(progress: events.record)
        #expect(!first.nothingChanged && first.status == .success)
        #expect(first.models.map(\.status) == ["new", "new", "new"])
        #expect(first.reportsWritten.count == 3 && first.evidence.new == 1)
        #expect(events.outline == ["reading 1", "read 1/1", "done"])
        #expect(events.paths == ["evidence/results.jsonl"], "files are named relative to the configuration")
        let reports = try card.reportContents()

        let quiet = Fixtures.Events()
        let second = try card.regenerator().run(progress: quiet.record)
        #expect(second.nothingChanged && second.reportsUnchanged == 3 && second.reportsWritten.isEmpty)
        #expect(second.models.map(\.status) == ["unchanged", "unchanged", "unchanged"])
        #expect(quiet.all.isEmpty, "nothing is read when nothing changed")
        #expect(try card.reportContents() == reports)
        #expect(try card.store().scorecardCount() == 3)
    }

    @Test func aTouchedButIdenticalFileIsNotAChange() throws {
        let card = try CardFixture()
        defer { card.remove() }
        _ = try card.regenerator().run()
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: card.evidence.path)
        let touched = try card.regenerator().run()
        #expect(touched.nothingChanged && touched.evidence.unchanged == 1)
        #expect(try card.store().scorecardCount() == 3)
    }

    @Test func aFlippedGateOutranksAMovedLevelAndMovesBackAsALevel() throws {
        let card = try CardFixture()
        defer { card.remove() }
        _ = try card.regenerator().run()
        try card.writeEvidence(models: 3, version: 1)
        let flipped = try card.regenerator().run()
        #expect(flipped.status == .gateFlipped && flipped.evidence.changed == 1)
        let model0 = try #require(flipped.models.first { $0.model == "model-0" })
        #expect(model0.gates.contains(ModelChange.GateChange(gate: "deployment", kind: .ceiling, from: true, to: false)))
        #expect(model0.levels.contains(ModelChange.LevelChange(category: "cybersecurity", stage: "post_mitigation", from: "low", to: "high")))
        #expect(flipped.models.filter { $0.status == "unchanged" }.count == 2)

        try card.writeEvidence(models: 3, version: 0)
        let back = try card.regenerator().run()
        #expect(back.status == .levelsChanged, "levels moved back, and no gate newly failed")
        #expect(back.exitCode == ExitStatus.levelsChanged.rawValue)
    }

    @Test func aDeletedEvidenceFileNamesTheConfigurationLine() throws {
        let card = try CardFixture()
        defer { card.remove() }
        _ = try card.regenerator().run()
        try FileManager.default.removeItem(at: card.evidence)
        do {
            _ = try card.regenerator().run()
            Issue.record("a deleted evidence file went unnoticed")
        } catch let error as InputError {
            #expect(error.diagnostics.first?.description.hasPrefix("\(card.config.path):4:5: evidence 'evidence/*.jsonl' matches no file") == true,
                    "\(error)")
        }
        #expect(try card.store().scorecardCount() == 3)
    }

    @Test func theSameResultsListedTwiceAreRefused() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        try FileManager.default.copyItem(at: card.evidence, to: card.directory.appendingPathComponent("evidence/copy.jsonl"))
        #expect(throws: InputError.self) { try card.regenerator().run() }
    }

    @Test func aStoreHeldByAnotherRunIsBusyAfterTheWait() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        let regenerator = try card.regenerator()
        let held = try #require(try FileLock(path: regenerator.storePath + ".lock", timeout: 0))
        var waited = 0
        do {
            _ = try withExtendedLifetime(held) { try regenerator.run(wait: 0.2, waiting: { waited += 1 }) }
            Issue.record("ran while another run held the lock")
        } catch let error as RegenerateError {
            #expect(error.description == "another scorecard run still holds \(regenerator.storePath).lock after 0.2 s; try again later")
        }
        #expect(waited == 1)
    }

    @Test func theStoreOptionOverridesTheConfiguration() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        let elsewhere = card.directory.appendingPathComponent("other/store.sqlite").path
        let regenerator = try Regenerator(config: card.config.path, store: elsewhere)
        #expect(regenerator.storePath == elsewhere && regenerator.config.store == card.storePath)
        _ = try regenerator.run()
        #expect(FileManager.default.fileExists(atPath: elsewhere) && !FileManager.default.fileExists(atPath: card.storePath))
    }

    @Test func aCardsOwnSectionFileIsRecordedAndNamedRelativeToTheCard() throws {
        let card = try CardFixture(formats: ["json", "md"])
        defer { card.remove() }
        try """
            schema_version: 1
            id: uplift
            title: Uplift
            tables:
              - {id: ctf, title: CTF, rows: [{eval: ctf_professional, metric: pass@10}]}
            """.write(to: card.directory.appendingPathComponent("uplift.yaml"), atomically: true, encoding: .utf8)
        let config = try String(contentsOf: card.config, encoding: .utf8)
        try (config + "\nsections: [preparedness, uplift.yaml]\n").write(to: card.config, atomically: true, encoding: .utf8)
        _ = try card.regenerator().run()
        let document = try #require(try card.store().currentScorecards().first?.decoded())
        #expect(document.sections.map(\.file) == ["uplift.yaml"], "not the absolute path of this machine")

        try "schema_version: 1\nid: uplift\ntitle: Uplift\ntables: [{id: ctf, title: CTF, kind: pie, rows: []}]\n"
            .write(to: card.directory.appendingPathComponent("uplift.yaml"), atomically: true, encoding: .utf8)
        #expect {
            try card.regenerator().run()
        } throws: { error in
            let text = "\(error)"
            return text.contains("uplift.yaml:") && !text.contains(card.directory.path) && text.contains("unknown table kind 'pie'")
        }
    }
}
