import Foundation
import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardTesting
import Testing

/// Every input accounted for: names that match nothing are errors, and every record is read by
/// an indicator or listed as not used, with the nearest name one reads.
@Suite struct AccountingTests {
    let scratch: ScratchFolder

    init() throws {
        scratch = try ScratchFolder("scorecard-accounting")
    }

    /// The demo's evidence with o1 renamed `acme-2`, and `edit` applied to its lines.
    func evidence(_ edit: (String) -> String = { $0 }) throws -> String {
        let demo = try String(contentsOfFile: Fixtures.demo.evidence[0], encoding: .utf8)
        let path = scratch.path("evidence.jsonl")
        try edit(demo.replacingOccurrences(of: #""model": "o1""#, with: #""model": "acme-2""#))
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The demo's determinations with o1 renamed `model`.
    func determinations(model: String, extra: String = "") throws -> String {
        let demo = try String(contentsOfFile: Fixtures.demo.determinations!, encoding: .utf8)
        let path = scratch.path("determinations.yaml")
        try (demo.replacingOccurrences(of: "model: o1", with: "model: \(model)") + extra)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func files(evidence: String, determinations: String? = nil, stageMap: StageMap = StageMap(), framework: String? = nil) -> InputFiles {
        InputFiles(
            framework: framework ?? Fixtures.demo.framework, evidence: [evidence], determinations: determinations,
            stageMap: stageMap)
    }

    func diagnostics(_ files: InputFiles) -> [String] {
        do {
            _ = try Inputs.load(files)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aDeterminationWhoseModelTheEvidenceSpellsOtherwiseIsAnErrorNamingTheNearest() throws {
        let found = diagnostics(files(evidence: try evidence(), determinations: try determinations(model: "Acme-2")))
        let path = scratch.path("determinations.yaml")
        #expect(found.contains("\(path):38: determination for model 'Acme-2' matches no model in the evidence; did you mean 'acme-2'? (known: GPT-4o, acme-2); list a model assessed from determinations alone under models_without_evidence"), "\(found)")
        #expect(found.contains { $0.hasPrefix("\(path):89: mitigation for model 'Acme-2'") && $0.contains("did you mean 'acme-2'?") })
        #expect(found.count == 10, "six determinations and four mitigations: \(found)")
        // Spelt as the evidence spells it, the determination applies: CBRN post-mitigation is the recorded Medium.
        let inputs = try Inputs.load(files(evidence: try evidence(), determinations: try determinations(model: "acme-2")))
        let acme = try #require(try inputs.assess(models: ["acme-2"]).first)
        #expect(acme.categories.first { $0.category == "cbrn" }?.stages["post_mitigation"]?.level?.id == "medium")
    }

    @Test func aModelWithoutEvidenceIsAssessedOnlyWhenTheFileSaysSo() throws {
        let extra = """

            models_without_evidence: [legacy-model]
            """
        let legacy = """
              - {model: legacy-model, category: cbrn, stage: pre_mitigation, level: low, rationale: "Assessed before the tool.",
                 author: SAG, date: 2024-01-01}
            """
        let demo = try String(contentsOfFile: Fixtures.demo.determinations!, encoding: .utf8)
        let withLegacy = demo.replacingOccurrences(of: "determinations:\n", with: "determinations:\n\(legacy)\n")
        let path = scratch.path("determinations.yaml")
        try withLegacy.write(toFile: path, atomically: true, encoding: .utf8)
        let unlisted = diagnostics(InputFiles(framework: Fixtures.demo.framework, evidence: Fixtures.demo.evidence, determinations: path))
        #expect(unlisted.contains { $0.contains("determination for model 'legacy-model' matches no model in the evidence") }, "\(unlisted)")

        try (withLegacy + extra).write(toFile: path, atomically: true, encoding: .utf8)
        let inputs = try Inputs.load(InputFiles(framework: Fixtures.demo.framework, evidence: Fixtures.demo.evidence, determinations: path))
        #expect(inputs.models.contains("legacy-model"))
        let assessments = try inputs.assess()
        #expect(assessments.map(\.subject.model) == ["GPT-4o", "legacy-model", "o1"])

        try (demo + "\nmodels_without_evidence: [o1, nobody]\n").write(toFile: path, atomically: true, encoding: .utf8)
        let contradictions = diagnostics(InputFiles(framework: Fixtures.demo.framework, evidence: Fixtures.demo.evidence, determinations: path))
        #expect(contradictions.contains { $0.contains("model 'o1' is listed under models_without_evidence but the evidence has records of it") })
        #expect(contradictions.contains { $0.contains("model 'nobody' is listed under models_without_evidence but no determination names it") })
    }

    @Test func anEvaluationIdTypoIsListedNotUsedWithTheNearestId() throws {
        let path = try evidence { $0.replacingOccurrences(of: "biothreat_expert_comparison\"", with: "biothreat_expert_comparisons\"") }
        let inputs = try Inputs.load(files(evidence: path))
        let acme = try #require(try inputs.assess(models: ["acme-2"]).first)
        let unused = acme.evidenceUse.unused
        #expect(unused.count == 3, "three win rates of the misspelt evaluation: \(unused)")
        #expect(unused.allSatisfy { $0.suggestion == "biothreat_expert_comparison" && $0.evaluation == "biothreat_expert_comparisons" })
        #expect(unused[0].description == "\(path):16: not used: biothreat_expert_comparisons win_rate_accuracy at pre_mitigation: no indicator reads evaluation 'biothreat_expert_comparisons'; did you mean 'biothreat_expert_comparison'?")
        let entries = try #require(inputs.document([acme]).models.first?.unusedEvidence)
        #expect(entries.count == 3 && entries[0].reason == "evaluation_not_read" && entries[0].suggestion == "biothreat_expert_comparison")
        let review = inputs.review([acme])
        #expect(review.warnings.filter { $0.kind == .unusedEvidence }.count == 3)
        #expect(throws: StrictError.self) { try review.check(strict: true) }
        #expect(throws: Never.self) { try review.check(strict: false) }
    }

    @Test func aMetricTheIndicatorDoesNotAcceptIsNotUsed() throws {
        let path = try evidence { $0.replacingOccurrences(of: "\"metric\": \"percentile\"", with: "\"metric\": \"percentil\"") }
        let inputs = try Inputs.load(files(evidence: path))
        let acme = try #require(try inputs.assess(models: ["acme-2"]).first)
        let unused = try #require(acme.evidenceUse.unused.first { $0.evaluation == "changemyview" })
        #expect(unused.reason == .metricNotRead(indicators: ["changemyview_percentile"], metrics: ["percentile"], suggestion: "percentile"))
        #expect(unused.why == "indicator changemyview_percentile reads percentile of 'changemyview', not 'percentil'; did you mean 'percentile'?")
        let demo = try Inputs.load(Fixtures.demo)
        #expect(try demo.assess().allSatisfy { $0.evidenceUse.unused.isEmpty }, "the demo's every record is read")
    }

    @Test func anIndicatorThatReadsOneTierIsWarnedWhenFedSeveral() throws {
        let out = scratch.path("imported.jsonl")
        _ = try Importer(
            inputs: [Fixtures.inspect("ctf_small.json")], out: out,
            options: ImportOptions(stage: "pre_mitigation", evaluationMap: ["ctf_small": "ctf_professional"])).run()
        let inputs = try Inputs.load(files(evidence: out))
        let model = try #require(try inputs.assess().first)
        #expect(model.evidenceUse.unused.isEmpty, "the summaries beside the samples are read with them")
        let mixed = try #require(model.evidenceUse.mixedTiers.first)
        #expect(mixed.indicator == "ctf_professional" && mixed.tiers == ["collegiate", "high_school", "professional"])
        #expect(mixed.message.contains("map one tier at import (--map TASK[tier=professional]=ctf_professional)"))
        #expect(inputs.review([model]).warnings.map(\.kind) == [.mixedTiers])

        let tiered = scratch.path("tiered.jsonl")
        _ = try Importer(
            inputs: [Fixtures.inspect("ctf_small.json")], out: tiered,
            options: ImportOptions(stage: "pre_mitigation", evaluationMap: EvaluationMapping.map([
                "ctf_small[tier=professional]=ctf_professional", "ctf_small[tier=collegiate]=ctf_collegiate",
                "ctf_small[tier=high_school]=ctf_high_school",
            ]))).run()
        let clean = try Inputs.load(files(evidence: tiered))
        let assessed = try #require(try clean.assess().first)
        #expect(assessed.evidenceUse.mixedTiers.isEmpty && assessed.evidenceUse.unused.isEmpty)
        #expect(clean.review([assessed]).warnings.isEmpty)
    }

    @Test func aFilterThatLeavesOutAWholeFileIsAWarningAndOtherwiseANote() throws {
        let gpt = scratch.path("gpt.jsonl"), mixed = scratch.path("mixed.jsonl")
        let lines = try String(contentsOfFile: Fixtures.demo.evidence[0], encoding: .utf8).split(separator: "\n")
        let gptLines = lines.filter { $0.contains("\"GPT-4o\"") }
        try gptLines.dropFirst().joined(separator: "\n").write(toFile: gpt, atomically: true, encoding: .utf8)
        try (lines.filter { !$0.contains("\"GPT-4o\"") } + gptLines.prefix(1)).joined(separator: "\n")
            .write(toFile: mixed, atomically: true, encoding: .utf8)
        var files = Fixtures.demo
        files.evidence = [mixed, gpt]
        let inputs = try Inputs.load(files)
        let review = inputs.review(try inputs.assess(models: ["o1"]), models: ["o1"])
        #expect(review.warnings.map(\.kind) == [.filteredFile])
        #expect(review.warnings.first?.description == "\(gpt): --only-model left out every record of this file (18 of GPT-4o); is a model name misspelt?")
        #expect(review.notes == ["--only-model left out 1 record of GPT-4o in \(mixed)"])
        // A model shown beside the selected one (--compare-with, compare_with:) has its records used, not left out.
        let compared = inputs.review(try inputs.assess(models: ["o1"]), models: ["o1"], comparedWith: ["GPT-4o"])
        #expect(compared.warnings.filter { $0.kind == .filteredFile }.isEmpty && compared.notes.isEmpty, "\(compared.warnings) \(compared.notes)")
    }

    @Test func aStageMapAssessesBetaEvidenceUnderTheV2Framework() throws {
        let v2 = PackagePaths.file("frameworks/openai-preparedness-v2.yaml").path
        let unmapped = diagnostics(files(evidence: Fixtures.demo.evidence[0], framework: v2))
        #expect(unmapped.first?.hasSuffix("evidence.jsonl:1: unknown stage 'pre_mitigation' (known: capability)") == true, "\(unmapped)")

        let map = StageMap(["pre_mitigation": "capability", "post_mitigation": String?.none])
        let inputs = try Inputs.load(files(evidence: Fixtures.demo.evidence[0], stageMap: map, framework: v2))
        #expect(inputs.leftOutByStageMap == ["post_mitigation": 15])
        let gpt = try #require(try inputs.assess(models: ["GPT-4o"]).first)
        #expect(gpt.overall["capability"]?.level != nil, "GPT-4o's pre-mitigation figures are read as its capability assessment")
        let recorded = inputs.document([gpt]).stageMap.map { "\($0.from)→\($0.to ?? "-")" }
        #expect(recorded == ["post_mitigation→-", "pre_mitigation→capability"])
        #expect(inputs.review([gpt]).notes == ["the stage map left out 15 records at stage post_mitigation"])

        let typo = diagnostics(files(evidence: Fixtures.demo.evidence[0], stageMap: StageMap(["pre_mitigation": "capabilty"]), framework: v2))
        #expect(typo.contains("--map-stage: stage map pre_mitigation → capabilty: unknown stage 'capabilty'; did you mean 'capability'? (known: capability)"), "\(typo)")
        let nothing = try Inputs.load(files(
            evidence: Fixtures.demo.evidence[0],
            stageMap: StageMap(["pre_mitigation": "capability", "post_mitigation": String?.none, "deployment": "capability"]), framework: v2))
        #expect(nothing.warnings.map(\.description) == ["--map-stage: no evidence has stage 'deployment'; the mapping matches nothing"])
        #expect(throws: Never.self) { try StageMap.parse(["a=b", "c="]).get() }
        #expect(throws: StageMapSyntaxError.self) { try StageMap.parse(["=b"]).get() }
    }

    @Test func twoStagesMappedOntoOneAreDuplicates() throws {
        let v2 = PackagePaths.file("frameworks/openai-preparedness-v2.yaml").path
        let both = StageMap(["pre_mitigation": "capability", "post_mitigation": "capability"])
        let found = diagnostics(files(evidence: Fixtures.demo.evidence[0], stageMap: both, framework: v2))
        #expect(found.contains { $0.contains("duplicate result for o1 capability") }, "\(found)")
    }
}
