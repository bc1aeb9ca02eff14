import Foundation
@testable import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardStore
import ScorecardTesting
import Testing

/// A card's names must match its evidence; what a run does not use is reported, and strict mode
/// stops the run before anything is stored or written.
@Suite struct CardAccountingTests {
    func configure(_ card: CardFixture, _ extra: String, framework: String = "framework.yaml") throws {
        try """
            schema_version: 1
            framework: \(framework)
            evidence:
              - path: evidence/*.jsonl
            reports:
              directory: reports
              formats: [json]
              generated_at: 2025-01-01T00:00:00Z
            \(extra)
            """.write(to: card.config, atomically: true, encoding: .utf8)
    }

    func typo(_ card: CardFixture) throws {
        let text = try String(contentsOf: card.evidence, encoding: .utf8)
        try (text + #"{"model": "model-1", "stage": "pre_mitigation", "eval": "changemyvew", "metric": "percentile", "value": 0.97}"# + "\n")
            .write(to: card.evidence, atomically: true, encoding: .utf8)
    }

    @Test func aCardWhoseModelsMatchNothingFailsNamingTheLineAndTheNearestName() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        try configure(card, "models: [model-1, model-O]")
        do {
            _ = try card.regenerator().run()
            Issue.record("a card whose models: match nothing must not succeed")
        } catch let error as InputError {
            #expect(error.diagnostics.map(\.description) == [
                "\(card.config.path):9: models: 'model-O' matches no model in the evidence or determinations; did you mean 'model-0'? (known: model-0, model-1)",
            ])
        }
        #expect(!FileManager.default.fileExists(atPath: card.reports.path), "nothing was written")
        try configure(card, "models:\n  - {name: model-1, snapshots: [2025-01-01]}")
        #expect(throws: InputError.self) { try card.regenerator().run() }
    }

    @Test func unusedEvidenceIsReportedAndStrictModeStopsBeforeWriting() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        try typo(card)
        do {
            _ = try card.regenerator().run(strict: true)
            Issue.record("strict mode must refuse evidence no indicator reads")
        } catch let error as StrictError {
            #expect(error.warnings.map(\.message) == [
                "model-1: not used: changemyvew percentile at pre_mitigation: no indicator reads evaluation 'changemyvew'; did you mean 'changemyview'?",
            ])
        }
        #expect(!FileManager.default.fileExists(atPath: card.reports.path))
        #expect(try card.store().lastCompletedRun(card: try card.regenerator().cardKey) == nil, "no run was recorded as completed")

        let lenient = try card.regenerator().run()
        #expect(lenient.warnings.map(\.kind) == [.unusedEvidence] && lenient.warnings[0].line == 17)
        #expect(lenient.reportsWritten.count == 2)
        let again = try card.regenerator().run()
        #expect(again.nothingChanged && again.warnings == lenient.warnings, "a run that reads nothing repeats the stored warnings")
        #expect(throws: StrictError.self) { try card.regenerator().run(strict: true) }

        try configure(card, "strict: true")
        #expect(throws: StrictError.self, "strict: true in the card is --strict") { try card.regenerator().run() }
    }

    @Test func aCardMapsStagesOntoTheFrameworksAndCheckReDerivesUnderTheMap() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        try FileManager.default.copyItem(
            at: PackagePaths.file("frameworks/openai-preparedness-v2.yaml"), to: card.directory.appendingPathComponent("v2.yaml"))
        try configure(card, "", framework: "v2.yaml")
        #expect(throws: InputError.self, "Beta stages are refused by v2 without a map") { try card.regenerator().run() }

        try configure(card, "stages: {pre_mitigation: capability, post_mitigation: ~}", framework: "v2.yaml")
        let summary = try card.regenerator().run()
        #expect(summary.models.map(\.status) == ["new", "new"])
        #expect(summary.notes == ["the stage map left out 8 records at stage post_mitigation"])
        let document = try #require(try card.store().currentScorecards().first?.decoded())
        #expect(document.framework.stages == ["capability"])
        #expect(document.stageMap.map(\.from) == ["post_mitigation", "pre_mitigation"])
        let results = try Checker(store: try card.store()).check()
        #expect(results.count == 2 && results.allSatisfy(\.matches), "check applies the stage map the scorecard records")

        try configure(card, "stages: {pre_mitigation: capabilty}", framework: "v2.yaml")
        do {
            _ = try card.regenerator().run()
            Issue.record("a stage map onto an unknown stage must fail")
        } catch let error as InputError {
            #expect(error.diagnostics.map(\.description) == [
                "\(card.config.path):9: stage map pre_mitigation → capabilty: unknown stage 'capabilty'; did you mean 'capability'? (known: capability)",
            ])
        }
    }

    @Test func aDeterminationNamingNoModelOfTheCardIsAnError() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        try """
            schema_version: 1
            determinations:
              - {model: Model-0, category: cbrn, stage: pre_mitigation, level: low, rationale: r, author: a, date: 2024-01-01}
            """.write(to: card.directory.appendingPathComponent("determinations.yaml"), atomically: true, encoding: .utf8)
        try configure(card, "determinations: determinations.yaml")
        do {
            _ = try card.regenerator().run()
            Issue.record("Model-0 is not model-0")
        } catch let error as InputError {
            #expect(error.diagnostics.map(\.description) == [
                "determinations.yaml:3: determination for model 'Model-0' matches no model in the evidence; did you mean 'model-0'? (known: model-0); list a model assessed from determinations alone under models_without_evidence",
            ])
        }
    }
}
