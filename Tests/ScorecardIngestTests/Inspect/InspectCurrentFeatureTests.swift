import Foundation
import ScorecardArchive
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// What current inspect-ai writes (Fixtures/inspect-current, made by
/// scripts/fixtures/make_current_inspect_fixtures.py with inspect-ai 0.3.285): each feature, in
/// both log forms.
@Suite struct InspectCurrentFeatureTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/inspect-current")

    static func read(_ name: String, _ options: ImportOptions = InspectFixtures.options()) throws -> ImportedEvidence {
        try InspectReader.read(path: directory.appendingPathComponent(name).path, options: options)
    }

    @Test("categorical scores are frequencies per category: an undeclared value is its own category, never 0", arguments: ["json", "eval"])
    func categoricalScores(form: String) throws {
        let evidence = try Self.read("categorical.\(form)")
        let shares = Dictionary(uniqueKeysWithValues: evidence.records.filter { $0.metric == "frequency" }.map { ($0.variant ?? "", $0) })
        #expect(shares.keys.sorted() == ["category=maybe", "category=no", "category=unsure", "category=yes"])
        #expect(shares["category=yes"]?.k == 4 && shares["category=yes"]?.n == 12, "both epochs count, as frequency() counts them")
        #expect(shares["category=maybe"]?.k == 2 && shares["category=maybe"]?.unit == .rate)
        #expect(evidence.records.allSatisfy { !["accuracy", "mean", "pass@1"].contains($0.metric) },
                "value_to_float would read 'yes' as 1 and 'maybe' as 0: no accuracy from categories")
        #expect(evidence.samples.isEmpty)
        let reported = evidence.records.filter { $0.metric == "inspect/frequency" }
        #expect(reported.map(\.variant) == ["category=yes", "category=no", "category=unsure", "category=maybe"])
        #expect(evidence.records.allSatisfy { $0.consistency == nil }, "Inspect's frequencies equal the recomputed ones")
        #expect(evidence.warnings.map(\.message).contains { $0.contains("'maybe' (2 sample records) is not one of the declared categories (yes, no, unsure)") })
    }

    @Test("a categorical score whose reported frequency disagrees with its samples is marked contradicts")
    func categoricalContradiction() throws {
        let folder = try TemporaryFolder()
        let text = try String(contentsOf: Self.directory.appendingPathComponent("categorical.json"), encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"value\": 0.3333333333333333", with: "\"value\": 0.5")
        #expect(edited != text)
        let evidence = try InspectReader.read(path: try folder.write("c.json", edited), options: InspectFixtures.options())
        #expect(evidence.records.filter { $0.metric.hasSuffix("frequency") }.allSatisfy { $0.consistency == .contradicts })
    }

    @Test("ci() and ci_wilson() are intervals of Inspect's accuracy, not records; one beyond [0, 1] stays in the notes", arguments: ["json", "eval"])
    func confidenceIntervals(form: String) throws {
        let evidence = try Self.read("ci_metrics.\(form)")
        #expect(evidence.records.map(\.metric).sorted() == ["accuracy", "inspect/accuracy", "pass@1"])
        let accuracy = try #require(evidence.record("inspect/accuracy"))
        #expect(accuracy.interval?.method == "reported by Inspect (ci_wilson())")
        #expect(abs((accuracy.interval?.low ?? 0) - 0.2999933151383921) < 1e-12 && abs((accuracy.interval?.high ?? 0) - 0.9032285888942196) < 1e-12)
        #expect(accuracy.notes?.contains("Inspect ci() 95% interval [0.1247, 1.2086]") == true, "\(accuracy.notes ?? "")")
    }

    @Test("unscored samples (Score.unscored()) are left out, as Inspect's scored/unscored counts say", arguments: ["json", "eval"])
    func unscoredSamples(form: String) throws {
        let evidence = try Self.read("unscored.\(form)")
        let accuracy = try #require(evidence.record("accuracy"))
        #expect(accuracy.value == 0.75 && accuracy.n == 4 && accuracy.k == 3)
        #expect(evidence.record("inspect/accuracy")?.notes?.contains("4 scored samples, 2 unscored") == true)
        #expect(evidence.samples.count == 4 && accuracy.consistency == nil)
    }

    @Test("invalidated samples are never counted, and Inspect's metrics that still count them are not imported", arguments: ["json", "eval"])
    func invalidatedSamples(form: String) throws {
        let evidence = try Self.read("invalidated.\(form)")
        let accuracy = try #require(evidence.record("accuracy"))
        #expect(accuracy.value == 0.6 && accuracy.n == 5, "sample 3 (correct) is invalidated: 3 of the other 5")
        #expect(!evidence.samples.contains { $0.sampleID == "3" } && evidence.samples.count == 5)
        #expect(evidence.record("inspect/accuracy") == nil)
        #expect(accuracy.notes?.contains("1 invalidated sample records left out") == true)
        #expect(evidence.warnings.map(\.message).contains { $0.contains("1 of the log's 6 sample records are invalidated") })
    }

    @Test("samples an early-stopping manager skipped are not missing: nothing is marked partial", arguments: ["json", "eval"])
    func earlyStopping(form: String) throws {
        let evidence = try Self.read("early_stopping.\(form)")
        let accuracy = try #require(evidence.record("accuracy"))
        #expect(accuracy.n == 4 && accuracy.consistency == nil)
        #expect(accuracy.notes?.contains("2 sample records stopped early by skip_even (not run, not counted)") == true)
        #expect(evidence.warnings.isEmpty, "\(evidence.warnings)")
    }

    @Test("a member written as several zstd frames reads whole")
    func multipleZstdFrames() throws {
        let evidence = try Self.read("multiframe.eval")
        #expect(evidence.record("accuracy")?.value == 4.0 / 6 && evidence.samples.count == 6)
        let archive = try ZipArchive(path: Self.directory.appendingPathComponent("multiframe.eval").path)
        let summaries = try #require(archive.entry(named: "summaries.json"))
        #expect(summaries.method == 93)
    }

    @Test("a log whose total_samples counts more records than it holds is partial; its computed records and samples say so")
    func partialLog() throws {
        let folder = try TemporaryFolder()
        let text = try String(contentsOf: Self.directory.appendingPathComponent("ci_metrics.json"), encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"total_samples\": 6", with: "\"total_samples\": 600")
        #expect(edited != text)
        let evidence = try InspectReader.read(path: try folder.write("p.json", edited), options: InspectFixtures.options())
        #expect(evidence.record("accuracy")?.consistency == .partial && evidence.record("pass@1")?.consistency == .partial)
        #expect(evidence.samples.allSatisfy { $0.consistency == .partial })
        #expect(evidence.record("inspect/accuracy")?.consistency == nil, "Inspect's own figure covers the whole run")
        #expect(evidence.warnings.map(\.message).contains("the log holds 6 of the 600 sample records its results count; records computed from them are marked partial"))
    }
}
