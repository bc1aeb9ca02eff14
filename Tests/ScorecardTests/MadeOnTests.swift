import Foundation
@testable import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardTesting
import Testing

/// Determinations record what they were made on (`made_on`, the category's evidence hash); one
/// whose evidence changed since is flagged stale, in the document, the report and `check`.
@Suite struct MadeOnTests {
    static func determinations(madeOn: String) -> String {
        """
        schema_version: 1
        determinations:
          - model: model-0
            category: persuasion
            stage: pre_mitigation
            level: medium
            rationale: Treated as Medium as a precaution.
            author: Safety board
            date: 2025-01-01
            made_on: \(madeOn)
        """
    }

    /// The card's persuasion evidence hash of model-0 before mitigations, as `explain` prints it.
    static func hash(_ card: CardFixture) throws -> String {
        let inputs = try Inputs.load(InputFiles(
            framework: card.directory.appendingPathComponent("framework.yaml").path, evidence: [card.evidence.path]))
        let assessment = try #require(try inputs.assess(models: ["model-0"]).first)
        let category = try #require(inputs.framework.category("persuasion"))
        return inputs.evidenceHash(category: category, stage: "pre_mitigation", of: assessment)
    }

    @Test func aDeterminationWhoseEvidenceChangedIsFlaggedStale() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        let path = card.directory.appendingPathComponent("determinations.yaml")
        let madeOn = try Self.hash(card)
        try Self.determinations(madeOn: madeOn).write(to: path, atomically: true, encoding: .utf8)
        let config = try String(contentsOf: card.config, encoding: .utf8)
        try (config + "\ndeterminations: determinations.yaml\n").write(to: card.config, atomically: true, encoding: .utf8)

        _ = try card.regenerator().run()
        let current = try #require(try card.store().currentScorecards().first).decoded()
        #expect(!current.models[0].flags.contains { $0.kind == .staleDetermination }, "made on the evidence it has")

        try card.writeEvidence(models: 1, version: 2)  // changemyview 0.40 → 0.42
        #expect(try Self.hash(card) != madeOn)
        _ = try card.regenerator().run()
        let stale = try #require(try card.store().currentScorecards().first).decoded()
        let flag = try #require(stale.models[0].flags.first { $0.kind == .staleDetermination })
        #expect(flag.category == "persuasion" && flag.stage == "pre_mitigation")
        #expect(flag.message.contains("was made on evidence \(madeOn.prefix(12))"), "\(flag.message)")

        let summary = try Checker(store: try card.store()).summary()
        let lines = summary.results.flatMap(\.flagLines)
        #expect(lines.contains { $0.contains("Stale determination") && $0.contains(String(madeOn.prefix(12))) }, "\(lines)")
    }

    @Test func aHashOfEvidenceTheCategoryDoesNotReadIsUnchanged() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        let before = try Self.hash(card)
        let line = #"{"model": "model-0", "stage": "pre_mitigation", "eval": "ctf_collegiate", "metric": "pass@10", "value": 0.5, "n": 10}"#
        let evidence = try String(contentsOf: card.evidence, encoding: .utf8)
        try (evidence + line + "\n").write(to: card.evidence, atomically: true, encoding: .utf8)
        #expect(try Self.hash(card) == before, "cybersecurity evidence does not touch persuasion's hash")
    }

    @Test func aMalformedMadeOnIsRefusedWithItsLine() throws {
        let framework = try FrameworkLoader.load(path: PackagePaths.file("Tests/Shared/card-framework-v1.yaml").path, registry: StandardEvaluators.registry).framework
        #expect {
            _ = try DeterminationLoader.parse(Self.determinations(madeOn: "ABC123"), file: "d.yaml", framework: framework)
        } throws: { error in
            "\(error)".contains("d.yaml:10") && "\(error)".contains("made_on must be the 64 lowercase hex digits")
        }
    }

    @Test func madeOnIsWrittenIntoBlockMappingsKeepingCommentsAndFlowOnesAreListed() throws {
        let text = """
            # a comment that stays
            schema_version: 1
            determinations:
              - model: o1   # inline comment
                category: cbrn
                rationale: >-
                  Folded text whose lines
                  are deeper than the keys.
                made_on: \(String(repeating: "0", count: 64))

              # between
              - model: o1
                category: persuasion
              - {model: o1, category: cybersecurity}
            mitigations: []
            """
        let one = String(repeating: "a", count: 64), two = String(repeating: "b", count: 64), three = String(repeating: "c", count: 64)
        let (stamped, flow) = MadeOnStamp.apply(text, hashes: [4: one, 12: two, 14: three])
        #expect(flow == [14])
        #expect(stamped == """
            # a comment that stays
            schema_version: 1
            determinations:
              - model: o1   # inline comment
                category: cbrn
                rationale: >-
                  Folded text whose lines
                  are deeper than the keys.
                made_on: \(one)

              # between
              - model: o1
                category: persuasion
                made_on: \(two)
              - {model: o1, category: cybersecurity}
            mitigations: []
            """)
    }

    @Test func writingMadeOnClearsTheStaleFlag() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        let path = card.directory.appendingPathComponent("determinations.yaml").path
        try Self.determinations(madeOn: String(repeating: "0", count: 64)).write(toFile: path, atomically: true, encoding: .utf8)
        let files = InputFiles(
            framework: card.directory.appendingPathComponent("framework.yaml").path, evidence: [card.evidence.path], determinations: path)
        let inputs = try Inputs.load(files)
        let entries = inputs.madeOn(try inputs.assess())
        #expect(entries.map(\.status) == ["stale"])
        #expect(try inputs.stampMadeOn(entries, path: path).isEmpty)
        let again = try Inputs.load(files)
        #expect(again.madeOn(try again.assess()).map(\.status) == ["current"])
        #expect(!(try again.assess()).flatMap(\.flags).contains { $0.kind == .staleDetermination })
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("rationale: Treated as Medium as a precaution."), "the rest is kept")
    }
}
