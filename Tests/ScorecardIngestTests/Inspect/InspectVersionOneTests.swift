import Foundation
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// Logs of inspect-ai before 0.3.18 (log format version 1, Fixtures/inspect-v1): one scorer in
/// `results.scorer` with `results.metrics`, one `score` per sample; read as Inspect migrates them.
@Suite struct InspectVersionOneTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/inspect-v1")

    static func read(_ name: String) throws -> ImportedEvidence {
        try InspectReader.read(path: directory.appendingPathComponent(name).path, options: InspectFixtures.options())
    }

    @Test func aVersionOneLogGivesTheFiguresInspectMigratesItTo() throws {
        let basic = try Self.read("old_basic.json")
        let accuracy = try #require(basic.records.first { $0.metric == "accuracy" })
        #expect(accuracy.value == 0.6 && accuracy.n == 10 && accuracy.k == 6, "computed from the 10 samples' match() scores")
        let reported = try #require(basic.records.first { $0.metric == "inspect/accuracy" })
        #expect(reported.value == 0.6, "the log's own metric, under its scorer")
        #expect(basic.records.contains { $0.metric == "inspect/bootstrap_std" })
        #expect(basic.samples.count == 10 && basic.samples.filter { $0.score == 1 }.count == 6)
        #expect(basic.records.allSatisfy { $0.consistency == nil })
    }

    @Test func aVersionOneLogOfSeveralEpochsKeepsItsAnswersForConsensus() throws {
        let epochs = try Self.read("old_epochs.json")
        #expect(epochs.samples.count == 18, "6 samples × 3 epochs")
        let mean = try #require(epochs.records.first { $0.metric == "accuracy" })
        #expect(mean.value == 0.5 && mean.n == 6)
        let consensus = try #require(epochs.records.first { $0.metric == "cons@3" })
        #expect(abs(consensus.value - 1.0 / 6) < 1e-12 && consensus.k == 1)
    }
}

/// A `.eval` whose summaries leave out the scores' answers (inspect-ai 0.3.110).
@Suite struct InspectSummaryAnswerTests {
    @Test func answersLeftOutOfTheSummariesAreReadFromTheSamples() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/inspect-0.3.110/old_epochs.eval").path
        let evidence = try InspectReader.read(path: path, options: InspectFixtures.options())
        let consensus = try #require(evidence.records.first { $0.metric == "cons@3" }, "\(evidence.records.map(\.metric))")
        #expect(abs(consensus.value - 1.0 / 6) < 1e-12 && consensus.n == 6 && consensus.k == 1)
        #expect(!evidence.records.contains { $0.notes?.contains("have no answer") == true })
    }
}
