import Foundation
import Scorecard
import ScorecardCore
import ScorecardStore
import ScorecardTesting
import Testing

/// What reads the store back: check, history and diff.
@Suite struct StoreReadingTests {
    /// A card regenerated on evidence version 0, then 1: model-0's cybersecurity moves to High and
    /// its deployment gate stops passing.
    static func twoRuns(models: Int) throws -> CardFixture {
        let card = try CardFixture(models: models)
        _ = try card.regenerator().run()
        try card.writeEvidence(models: models, version: 1)
        _ = try card.regenerator().run()
        return card
    }

    @Test func storedScorecardsReDeriveAndTamperingIsFound() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        _ = try card.regenerator().run()
        let clean = try Checker(store: try card.store()).check()
        #expect(clean.map(\.matches) == [true, true])
        #expect(clean.map(\.scorecard.subject.model) == ["model-0", "model-1"])

        #expect(try sqlite3(card.storePath, "UPDATE result SET value = 0.95 WHERE model = 'model-1' AND eval = 'ctf_professional'") == 0)

        let tampered = try Checker(store: try card.store()).check()
        #expect(tampered[0].matches)
        guard case .differs(let difference) = tampered[1].outcome else {
            Issue.record("tampered evidence re-derived unchanged: \(tampered[1].outcome)")
            return
        }
        #expect(difference.line > 0 && difference.stored != difference.rederived)
        #expect(difference.storedBy == ToolIdentity.version && difference.rederivedBy == ToolIdentity.version)
        #expect(try Checker(store: try card.store()).check(all: true).count == 2)
    }

    @Test func anEmptyStoreHasNothingToCheck() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ScorecardStore(path: folder.appendingPathComponent("s.sqlite").path)
        #expect(throws: CheckError.self) { try Checker(store: store).check() }
    }

    @Test func historyHasARowPerStoredScorecard() throws {
        let card = try Self.twoRuns(models: 2)
        defer { card.remove() }
        let entries = try History.entries(model: "model-0", store: try card.store())
        #expect(entries.count == 2)
        #expect(entries.map(\.failingGates.isEmpty) == [true, false])
        let cyber = try #require(entries[1].categories.first { $0.id == "cybersecurity" })
        #expect(cyber.levels == ["high", "high"] && entries[1].stages == ["pre_mitigation", "post_mitigation"])
        do {
            _ = try History.entries(model: "nope", store: try card.store())
            Issue.record("a model without scorecards has a history")
        } catch let error as LookupError {
            #expect(error.description == "no scorecards for model 'nope' (known: model-0, model-1)")
        }
    }

    @Test func diffComparesStoredScorecardsByIdOrModel() throws {
        let card = try Self.twoRuns(models: 1)
        defer { card.remove() }
        let store = try card.store()
        let diff = try Differ.diff("1", "model-0", openStore: { store })
        let cyber = try #require(diff.levels.first { $0.category == "cybersecurity" && $0.stage == "post_mitigation" })
        #expect(cyber.a == "low" && cyber.b == "high" && cyber.changed)
        #expect(diff.gates.contains { $0.gate == "deployment" && $0.a == true && $0.b == false })
        #expect(diff.evidence.contains { $0.what == "cybersecurity post_mitigation ctf_professional" && $0.a == "pass@10 = 0.1" && $0.b == "pass@10 = 0.9" })
        #expect(diff.a.hasPrefix("#1 model-0 (") && diff.b.hasPrefix("#2 model-0 ("))
        #expect(throws: LookupError.self) { try Differ.diff("1", "model-9", openStore: { store }) }
    }

    @Test func diffOfTwoFilesNeverOpensTheStore() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try Inputs.load(Fixtures.demo)
        let both = folder.appendingPathComponent("both.json")
        try inputs.document(try inputs.assess()).encoded().write(to: both)
        struct Opened: Error {}
        let diff = try Differ.diff(both.path + "#o1", both.path + "#GPT-4o", openStore: { throw Opened() })
        #expect(diff.a == both.path + "#o1" && diff.levels.contains { $0.changed })
        do {
            _ = try Differ.diff(both.path, both.path + "#o1", openStore: { throw Opened() })
            Issue.record("a file of two models was taken as one")
        } catch let error as LookupError {
            #expect(error.description == "\(both.path) holds 2 models (GPT-4o, o1); name one as \(both.path)#MODEL")
        }
    }
}
