import Foundation
import Testing
import ScorecardCore
@testable import ScorecardIngest

/// EEE 0.3.0 records from the fixtures, against the mapping an independent script produced.
@Suite struct EveryEvalEverReaderTests {
    func expectMatches(_ records: [EvidenceRecord], _ expectedFile: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try FormatFixtures.expected(expectedFile)
        try #require(records.count == expected.count, "\(records.map(\.metric))", sourceLocation: sourceLocation)
        for (record, row) in zip(records, expected) {
            let label = "\(record.evaluation) \(record.metric)"
            #expect(record.subject.model == row["model"] as? String, sourceLocation: sourceLocation)
            #expect(record.evaluation == row["eval"] as? String && record.metric == row["metric"] as? String, sourceLocation: sourceLocation)
            #expect(abs(record.value - (row["value"] as? Double ?? .nan)) < 1e-12, "\(label)", sourceLocation: sourceLocation)
            #expect(record.n == row["n"] as? Int && record.k == row["k"] as? Int, "\(label)", sourceLocation: sourceLocation)
            if let low = row["ci_low"] as? Double, let high = row["ci_high"] as? Double {
                let interval = try #require(record.interval, "\(label)", sourceLocation: sourceLocation)
                #expect(abs(interval.low - low) < 1e-12 && abs(interval.high - high) < 1e-12, "\(label): \(interval)", sourceLocation: sourceLocation)
                #expect(interval.level == row["ci_level"] as? Double, sourceLocation: sourceLocation)
            } else {
                #expect(record.interval == nil, "\(label)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func lmEvalConversionMatchesTheExpectedMappingAndReadsItsInstanceRows() throws {
        let imported = try EveryEvalEverReader.read(path: FormatFixtures.eeeToy, options: .at())
        try expectMatches(imported.records, "eee/expected/eee-5b0f6c3e.evidence.json")
        #expect(imported.warnings.isEmpty, "the sidecar's checksum matches: \(imported.warnings)")
        let sha = SHA256.hex(of: try FormatFixtures.bytes(FormatFixtures.eeeToy))
        #expect(imported.records.allSatisfy { $0.sourceSHA256 == sha && $0.source == FormatFixtures.eeeToy && $0.unit == .rate })
        #expect(imported.records[0].notes?.contains("k from 8 instance rows") == true)
        #expect(imported.records[0].notes?.contains("EEE 0.3.0 evaluation_run by Scorecard format research (example) (other), source 'lm-evaluation-harness', lm_eval 0.4.12") == true)
        let samples = imported.samples
        #expect(samples.count == 8 && samples.allSatisfy { $0.evaluation == "toy_mc" && $0.epoch == 1 })
        #expect(samples.map(\.sampleID) == (0..<8).map(String.init))
        #expect(samples.compactMap(\.score).reduce(0, +) == 2)
        #expect(samples[0].location == ScorecardCore.SourceLocation(file: FormatFixtures.eeeToySamples, line: 1))
        #expect(samples[0].metadata["filter"] == "none", "row metadata is kept")
    }

    @Test func leaderboardRecordRescalesPercentAndKeepsOtherScales() throws {
        let imported = try EveryEvalEverReader.read(path: FormatFixtures.eeeLeaderboard, options: .at())
        try expectMatches(imported.records, "eee/expected/eee-c7e2a9d4.evidence.json")
        let records = imported.records
        #expect(records.map(\.unit) == [.rate, .score, .score, .score])
        #expect(records[0].interval?.method == "wilson" && records[0].notes?.contains("percent scale divided by 100") == true)
        #expect(records[0].notes?.contains("interval from the source (wilson)") == true)
        #expect(records[1].notes?.contains("lower is better: not a success rate") == true)
        #expect(records[2].notes?.contains("not a proportion: kept on its own scale [1, Infinity]") == true)
        #expect(records[2].interval?.method.hasPrefix("normal approximation") == true)
        #expect(records[2].notes?.contains("standard error 0.31 (bootstrap)") == true)
        #expect(records[3].notes?.contains("levels metric (low, medium, high): not a rate") == true)
        #expect(records.allSatisfy { $0.notes?.contains("EEE 0.3.0 documentation by Example Eval Org (third_party), source 'Example Leaderboard'") == true })
        #expect(records[0].notes?.contains("evaluated") == false, "no per-result timestamp in this record")
    }

    @Test("the upstream reference's score (0.75) is not the mean of its one instance row (1): both are marked contradicts, no n or k from the row")
    func upstreamReferenceConversionWithOneInstanceRow() throws {
        let imported = try EveryEvalEverReader.read(path: FormatFixtures.eeeUpstream, options: .at("post_mitigation"))
        let record = try #require(imported.records.first)
        #expect(record.subject.model == "demo-org/demo-model" && record.evaluation == "demo-source.demo_bench")
        #expect(record.value == 0.75 && record.n == nil && record.k == nil, "1 of 1 would claim a rate of 1")
        #expect(record.consistency == .contradicts)
        #expect(imported.samples.map(\.sampleID) == ["demo_0001"] && imported.samples[0].score == 1)
        #expect(imported.samples[0].metadata == ["subject": "arithmetic"] && imported.samples[0].consistency == .contradicts)
        #expect(imported.warnings.map(\.message) == [
            "'demo-source.demo_bench' accuracy: the score 0.75 is not the mean of its 1 instance rows (1); the result and its rows are marked contradicts",
        ])
    }

    @Test func instanceFileGivenBesideItsRecordIsNotReadTwice() throws {
        let imported = try EveryEvalEverReader.read(path: FormatFixtures.eeeToySamples, options: .at())
        #expect(imported.records.isEmpty && imported.samples.isEmpty)
        #expect(imported.warnings.map(\.message) == ["instance rows are imported with their record \(FormatFixtures.eeeToy); nothing read from this file"])
    }

    @Test func instanceFileAloneIsReadByIsCorrect() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("lonely_samples.jsonl", try FormatFixtures.text(FormatFixtures.eeeToySamples))
        let imported = try EveryEvalEverReader.read(path: path, options: .at())
        #expect(imported.samples.count == 8 && imported.samples.compactMap(\.score).reduce(0, +) == 2)
        #expect(imported.samples[0].subject.model == "dummy-random-baseline")
        #expect(imported.warnings.first?.message.contains("rows read alone") == true)
    }

    @Test func modelStageAndEvaluationMapComeFromTheOptions() throws {
        let records = try EveryEvalEverReader.read(path: FormatFixtures.eeeLeaderboard,
                                                   options: .at("post_mitigation", model: "ours", map: ["example-bench": "bench"])).records
        #expect(records.map(\.evaluation) == ["bench", "bench", "example-ppl", "example-safety"])
        #expect(records.allSatisfy { $0.subject.model == "ours" && $0.stage == "post_mitigation" })
        #expect(records[0].notes?.contains("model given at import; the file names 'example-org/example-model-2026-05-01'") == true)
        let noStage = Problems.of { try EveryEvalEverReader.read(path: FormatFixtures.eeeLeaderboard, options: ImportOptions()) }
        #expect(noStage == ["\(FormatFixtures.eeeLeaderboard): no stage: Every Eval Ever files do not say whether results are pre- or post-mitigation; give the stage at import"])
    }

    @Test func gradedRowsGiveNoExactKAndRowsOfSeveralEpochsAverageBySample() throws {
        // EEE's own Inspect converter: partial_grade is 0.2778 over 9 rows scored 1, 0, 0, 0, 0, 1, 0.5, 0, 0,
        // the 0.5 row "is_correct": no k (3 of 9 would be 0.333) and no binomial interval from it.
        let scorers = try EveryEvalEverReader.read(
            path: FormatFixtures.path("eee/converter-inspect/6c27e5fb-6637-4556-87c2-e77e220ffe45.json"), options: .at())
        let partial = try #require(scorers.records.first { $0.variant == "partial_grade:accuracy" })
        #expect(abs(partial.value - 0.2777777777777778) < 1e-12 && partial.n == 9 && partial.k == nil)
        #expect(partial.notes?.contains("graded rather than right or wrong: no exact k") == true)
        let match = try #require(scorers.records.first { $0.variant == "match:accuracy" })
        #expect(match.n == 9 && match.k == 6, "0/1 rows still give k")
        // Early stopping over 3 epochs: 14 rows for 6 samples, each carrying its sample's reduced score.
        let early = try EveryEvalEverReader.read(
            path: FormatFixtures.path("eee/converter-inspect/5e40c978-059e-4b1c-bc33-48079e58a3d6.json"), options: .at())
        let accuracy = try #require(early.records.first)
        #expect(accuracy.consistency == nil, "0.3889 is the mean over the 6 samples, not a contradiction")
        #expect(!early.warnings.contains { $0.message.contains("contradicts") }, "\(early.warnings)")
        #expect(Set(early.samples.map(\.sampleID)).count == 6)
    }
}
