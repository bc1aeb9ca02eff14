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
}
