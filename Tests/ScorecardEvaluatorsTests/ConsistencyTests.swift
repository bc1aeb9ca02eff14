import Testing
import ScorecardCore
@testable import ScorecardEvaluators

/// Evidence marked as disagreeing with its file still decides, but never silently: the
/// measurement carries the mark and a note, and the engine's trace names it.
@Suite struct ConsistencyTests {
    static func marked(_ mark: EvidenceConsistency?) -> EvidenceRecord {
        EvidenceRecord(subject: Evidence.subject, stage: "pre", evaluation: "bench", metric: "accuracy", value: 0.6, n: 10, k: 6,
                       consistency: mark, location: SourceLocation(file: "log.json", line: 1))
    }

    @Test("a summary record marked partial gives a measurement marked partial, with a note saying so", arguments: EvidenceConsistency.allCases)
    func markedSummary(mark: EvidenceConsistency) throws {
        let evaluator = try MetricEvaluator(checking: .init([:]))
        let score = try #require(evaluator.measure(Evidence.target("bench", ["accuracy"]), in: Evidence.slice([Self.marked(mark)])).score)
        #expect(score.consistency == mark)
        #expect(score.notes.contains { $0.hasPrefix("CAUTION: accuracy is marked \(mark.rawValue)") }, "\(score.notes)")
        let plain = try #require(evaluator.measure(Evidence.target("bench", ["accuracy"]), in: Evidence.slice([Self.marked(nil)])).score)
        #expect(plain.consistency == nil && !plain.notes.contains { $0.hasPrefix("CAUTION") })
    }

    @Test("a value recomputed from per-sample records marked partial is marked partial, with a note; pass@k too")
    func markedSamples() throws {
        let samples = Evidence.samples("ctf", [("a", [1, 0], nil), ("b", [0, 0], nil)]).enumerated().map { index, sample in
            SampleRecord(subject: sample.subject, stage: sample.stage, evaluation: sample.evaluation, sampleID: sample.sampleID,
                         epoch: sample.epoch, score: sample.score, consistency: index == 0 ? .partial : nil, location: sample.location)
        }
        let rate = try #require(try BenchmarkVsBaselineEvaluator(checking: .init([:]))
            .measure(Evidence.target("ctf", ["accuracy"]), in: Evidence.slice([], samples)).score)
        #expect(rate.basis == .samples && rate.consistency == .partial)
        #expect(rate.notes.contains { $0.hasPrefix("CAUTION: the per-sample records of 'ctf' are marked partial") })
        let pass = try #require(try CTFEvaluator(checking: .init(["k": .number(2)]))
            .measure(Evidence.target("ctf", ["pass@2"]), in: Evidence.slice([], samples)).score)
        #expect(pass.consistency == .partial)
    }
}
