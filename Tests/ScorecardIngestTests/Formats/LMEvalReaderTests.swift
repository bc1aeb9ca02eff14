import Foundation
import Testing
import ScorecardCore
@testable import ScorecardIngest

/// lm-eval results files from three releases, against the mapping an independent script produced.
@Suite struct LMEvalReaderTests {
    /// Compares records with the research script's expected evidence: names, numbers and intervals.
    func expectMatches(_ records: [EvidenceRecord], _ expectedFile: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try FormatFixtures.expected(expectedFile)
        try #require(records.count == expected.count, "\(records.map { "\($0.evaluation) \($0.metric)" })", sourceLocation: sourceLocation)
        for (record, row) in zip(records, expected) {
            #expect(record.subject.model == row["model"] as? String, sourceLocation: sourceLocation)
            #expect(record.evaluation == row["eval"] as? String, sourceLocation: sourceLocation)
            #expect(record.metric == row["metric"] as? String, sourceLocation: sourceLocation)
            #expect(record.value == row["value"] as? Double, sourceLocation: sourceLocation)
            #expect(record.n == row["n"] as? Int, "\(record.evaluation) \(record.metric)", sourceLocation: sourceLocation)
            #expect(record.k == row["k"] as? Int, "\(record.evaluation) \(record.metric)", sourceLocation: sourceLocation)
            let low = try #require(row["ci_low"] as? Double), high = try #require(row["ci_high"] as? Double)
            let interval = try #require(record.interval, sourceLocation: sourceLocation)
            #expect(abs(interval.low - low) < 1e-12 && abs(interval.high - high) < 1e-12,
                    "\(record.evaluation) \(record.metric): \(interval) vs [\(low), \(high)]", sourceLocation: sourceLocation)
            #expect(interval.level == 0.95 && interval.method == "wilson", sourceLocation: sourceLocation)
        }
    }

    @Test func version0412MatchesTheExpectedMapping() throws {
        let imported = try LMEvalReader.read(path: FormatFixtures.lmEval012, options: .at())
        try expectMatches(imported.records, "lm-eval/expected/lm-eval-v0.4.12.evidence.json")
        #expect(imported.warnings.isEmpty)
        let sha = SHA256.hex(of: try FormatFixtures.bytes(FormatFixtures.lmEval012))
        for record in imported.records {
            #expect(record.stage == "pre_mitigation")
            #expect(record.unit == .rate)
            #expect(record.source == FormatFixtures.lmEval012 && record.sourceSHA256 == sha)
            #expect(record.subject == Subject(model: "dummy-random-baseline"))
        }
        #expect(imported.records.map(\.location.line) == [7, 9, 16, 23, 25, 32], "each record carries the line of its metric key")
    }

    @Test func groupsAreMarkedAndCarryPooledCounts() throws {
        let records = try LMEvalReader.read(path: FormatFixtures.lmEval012, options: .at()).records
        let group = try #require(records.first { $0.evaluation == "toy_suite" })
        #expect(group.notes?.contains("group aggregate of toy_mc, toy_single: do not count it together with those tasks") == true)
        #expect(group.n == 9 && group.k == 3, "2 of 8 plus 1 of 1")
        for leaf in records where leaf.evaluation != "toy_suite" {
            #expect(leaf.notes?.contains("group aggregate") == false)
        }
    }

    @Test func standardErrorsGoToNotesNeverIntoTheInterval() throws {
        let records = try LMEvalReader.read(path: FormatFixtures.lmEval012, options: .at()).records
        let mc = try #require(records.first { $0.evaluation == "toy_mc" && $0.metric == "acc" })
        #expect(mc.notes?.contains("lm-eval stderr 0.16366341767699427 (a standard error, not an interval)") == true)
        #expect(mc.notes?.contains("95% interval: Wilson from k/n") == true)
        let single = try #require(records.first { $0.evaluation == "toy_single" })
        #expect(single.notes?.contains("lm-eval stderr N/A") == true)
    }

    @Test func version0411WithIndentedAliasesMatchesTheExpectedMapping() throws {
        let imported = try LMEvalReader.read(path: FormatFixtures.lmEval011, options: .at())
        try expectMatches(imported.records, "lm-eval/expected/lm-eval-v0.4.11.evidence.json")
        #expect(!imported.records.contains { $0.evaluation.contains(" - ") }, "the results key names the task, not the alias")
        let group = try #require(imported.records.first { $0.evaluation == "toy_suite" })
        #expect(group.n == 9 && group.k == 3, "0.4.11 has no sample_count: n is the sum over the leaf tasks")
    }

    @Test func thirdPartyFileWithStringModelArgumentsAndWeightsCommit() throws {
        let imported = try LMEvalReader.read(path: FormatFixtures.lmEvalThirdParty, options: .at("post_mitigation"))
        try expectMatches(imported.records, "lm-eval/expected/lm-eval-third-party-v0.4.9.2.evidence.json")
        let first = try #require(imported.records.first)
        #expect(first.subject.snapshot == "82047f5e5d5245c1b3a4cd75ad98aa441d6487cd", "config.model_sha is the snapshot")
        #expect(first.notes?.contains("backend hf") == true)
        #expect(first.notes?.contains("run started 2026-01-21T") == true)
    }

    @Test func modelEvaluationMapAndStageComeFromTheOptions() throws {
        let options = ImportOptions.at("post_mitigation", model: "our-model", map: ["toy_mc": "mmlu_subset", "toy_gen/strict-match": "gsm"])
        let records = try LMEvalReader.read(path: FormatFixtures.lmEval012, options: options).records
        #expect(records.map(\.evaluation) == ["mmlu_subset", "mmlu_subset", "toy_single", "gsm", "toy_gen/flexible-extract", "toy_suite"])
        #expect(records.allSatisfy { $0.subject.model == "our-model" && $0.stage == "post_mitigation" })
        #expect(records[0].notes?.contains("model given at import; the file names 'dummy-random-baseline'") == true)
        let bareTaskMap = try LMEvalReader.read(path: FormatFixtures.lmEval012, options: .at(map: ["toy_gen": "gen"])).records
        #expect(bareTaskMap.map(\.evaluation).filter { $0.hasPrefix("gen") } == ["gen/strict-match", "gen/flexible-extract"])
    }

    @Test func missingOrUnknownStageIsRefusedNamingTheFile() {
        let none = Problems.of { try LMEvalReader.read(path: FormatFixtures.lmEval012, options: ImportOptions()) }
        #expect(none.count == 1 && none[0].hasPrefix(FormatFixtures.lmEval012 + ": no stage: lm-eval results files do not say"), "\(none)")
        let typo = Problems.of { try LMEvalReader.read(path: FormatFixtures.lmEval012, options: .at("pre_mitigaton")) }
        #expect(typo.first?.contains("unknown stage 'pre_mitigaton'; did you mean 'pre_mitigation'?") == true, "\(typo)")
    }

    // MARK: Per-sample logs

    @Test func sampleLogGivesOneRecordPerDocumentScoredByTheFirstMetric() throws {
        let imported = try LMEvalReader.read(path: FormatFixtures.lmEvalSamplesMC, options: .at())
        #expect(imported.records.isEmpty)
        let samples = imported.samples
        #expect(samples.count == 8)
        #expect(samples.map(\.sampleID) == (0..<8).map(String.init))
        #expect(samples.allSatisfy { $0.evaluation == "toy_mc" && $0.epoch == 1 && $0.metadata["lm_eval_metric"] == "acc" })
        #expect(samples.compactMap(\.score).reduce(0, +) == 2, "acc is 0.25 of 8 in the results file")
        #expect(samples.first?.subject == Subject(model: "dummy-random-baseline"), "model from results_<date>.json beside it")
        #expect(samples.map(\.location.line) == Array(1...8))
    }

    @Test func sampleLogSplitsFiltersIntoEvaluations() throws {
        let samples = try LMEvalReader.read(path: FormatFixtures.lmEvalSamplesGen, options: .at()).samples
        #expect(samples.count == 10)
        let strict = samples.filter { $0.evaluation == "toy_gen/strict-match" }
        #expect(strict.count == 5 && strict.compactMap(\.score).reduce(0, +) == 1)
        #expect(samples.filter { $0.evaluation == "toy_gen/flexible-extract" }.count == 5)
    }

    @Test func thirdPartySampleLogWithASuffixAfterTheDate() throws {
        let samples = try LMEvalReader.read(path: FormatFixtures.lmEvalSamplesThirdParty, options: .at()).samples
        #expect(samples.count == 3 && samples.allSatisfy { $0.evaluation == "math_perturbed_full" && $0.score == 0 })
        #expect(samples[0].subject.snapshot == "82047f5e5d5245c1b3a4cd75ad98aa441d6487cd")
    }

    @Test func sampleLogWithoutItsResultsFileNeedsTheModel() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("samples_toy_mc_2026-11-29T09-25-07.008708.jsonl", try FormatFixtures.text(FormatFixtures.lmEvalSamplesMC))
        let problems = Problems.of { try LMEvalReader.read(path: path, options: .at()) }
        #expect(problems == ["\(path): lm-eval per-sample logs do not name the model, and no results file of the same run (results_2026-11-29T09-25-07.008708.json) is beside the file; give the model name at import"])
        let samples = try LMEvalReader.read(path: path, options: .at(model: "m")).samples
        #expect(samples.count == 8 && samples.allSatisfy { $0.subject.model == "m" })
    }
}
