import Foundation
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// Sample layouts and spec fields of newer Inspect logs, in hand-made archives: the chunked layout,
/// summaries without metadata, a `value_schema` of categories, logs without `version`.
@Suite struct InspectLayoutTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// A chunked sample's members: its shell, metadata, and members a scorecard must never read (not JSON at all).
    static func chunked(id: String, epoch: Int = 1, value: String, tier: String) -> [(String, String)] {
        let prefix = "samples/\(id)_epoch_\(epoch)"
        return [
            ("\(prefix)/sample.json", "{\"id\": \(id), \"epoch\": \(epoch), \"input\": \"q\", \"target\": \"t\", \"scores\": {\"check\": {\"value\": \(value)}}, \"message_refs\": [[0, 1]]}"),
            ("\(prefix)/metadata.json", "{\"tier\": \"\(tier)\"}"),
            ("\(prefix)/skeleton.json", "not JSON: never read"),
            ("\(prefix)/events/0.json", "not JSON: never read"),
            ("\(prefix)/messages/0.json", "not JSON: never read"),
        ]
    }

    @Test("a chunked .eval is read from summaries, each sample's metadata from its metadata.json; other members are never read")
    func chunkedWithSummaries() throws {
        let summaries = "[{\"id\": 1, \"epoch\": 1, \"scores\": {\"check\": {\"value\": \"C\"}}}, {\"id\": 2, \"epoch\": 1, \"scores\": {\"check\": {\"value\": \"I\"}}}]"
        let log = SyntheticLog.eval([("header.json", SyntheticLog.header()), ("summaries.json", summaries)]
            + Self.chunked(id: "1", value: "\"C\"", tier: "hard") + Self.chunked(id: "2", value: "\"I\"", tier: "easy"))
        let evidence = try InspectReader.read(path: try folder.write("chunked.eval", log), options: InspectFixtures.options())
        #expect(evidence.samples.map(\.metadata) == [["tier": "hard"], ["tier": "easy"]])
        #expect(evidence.record("accuracy")?.value == 0.5)
    }

    @Test("a killed chunked .eval (no header, no summaries) is read from its journal and its samples' shells")
    func chunkedKilled() throws {
        let start = SyntheticLog.header().replacingOccurrences(of: "\"status\": \"success\",", with: "")
        let log = SyntheticLog.eval([("_journal/start.json", start)] + Self.chunked(id: "1", value: "1", tier: "hard"))
        let path = try folder.write("killed.eval", log)
        let refused = InspectFixtures.problems { _ = try InspectReader.read(path: path, options: InspectFixtures.options()) }
        #expect(refused.first?.contains("no header.json") == true)
        let evidence = try InspectReader.read(path: path, options: InspectFixtures.options(allowIncomplete: true))
        #expect(evidence.record("accuracy", variant: "incomplete: started")?.value == 1)
    }

    @Test("a monolith whose sample id contains '/' is not mistaken for a chunked sample")
    func slashInSampleID() throws {
        let summaries = "[{\"id\": \"a/b\", \"epoch\": 1, \"scores\": {\"check\": {\"value\": \"C\"}}, \"metadata\": {}}]"
        let log = SyntheticLog.eval([
            ("header.json", SyntheticLog.header()), ("summaries.json", summaries),
            ("samples/a/b_epoch_1.json", SyntheticLog.sample(id: "\"a/b\"")),
        ])
        let evidence = try InspectReader.read(path: try folder.write("slash.eval", log), options: InspectFixtures.options())
        #expect(evidence.samples.map(\.sampleID) == ["a/b"])
    }

    @Test("summaries written before they had metadata are completed from each sample")
    func summariesWithoutMetadata() throws {
        let summaries = "[{\"id\": 1, \"epoch\": 1, \"scores\": {\"check\": {\"value\": \"C\"}}}]"
        let log = SyntheticLog.eval([
            ("header.json", SyntheticLog.header()), ("summaries.json", summaries),
            ("samples/1_epoch_1.json", SyntheticLog.sample(metadata: "{\"tier\": \"professional\"}")),
        ])
        let evidence = try InspectReader.read(path: try folder.write("old.eval", log), options: InspectFixtures.options())
        #expect(evidence.samples.first?.metadata == ["tier": "professional"])
    }

    @Test("a scorer's value_schema of categories makes its scores categorical, without a frequency() metric")
    func valueSchema() throws {
        let samples = [("1", "\"yes\""), ("2", "\"no\""), ("3", "\"maybe\"")].map { SyntheticLog.sample(id: $0.0, value: $0.1) }
        let log = SyntheticLog.json(samples: samples, results: nil).replacingOccurrences(
            of: "\"config\": {\"epochs\": 1}",
            with: "\"config\": {\"epochs\": 1}, \"scorers\": [{\"name\": \"check\", \"value_schema\": {\"type\": \"categorical\", \"categories\": [\"yes\", \"no\"]}}]")
        let evidence = try InspectReader.read(path: try folder.write("schema.json", log), options: InspectFixtures.options())
        #expect(evidence.records.map { $0.variant ?? "" } == ["category=yes", "category=no", "category=maybe"])
        #expect(evidence.records.allSatisfy { $0.metric == "frequency" && $0.n == 3 && $0.k == 1 })
        #expect(evidence.warnings.contains { $0.message.contains("'maybe' (1 sample records) is not one of the declared categories (yes, no)") })
    }

    @Test("a .json log without 'version' is read as version 2, as Inspect reads it, and recognised as Inspect's")
    func missingVersion() throws {
        let log = SyntheticLog.json(samples: [SyntheticLog.sample()]).replacingOccurrences(of: "\"version\": 2,\n", with: "")
        #expect(!log.contains("\"version\""))
        let path = try folder.write("noversion.json", log)
        #expect(InspectReader.detect(path: path, prefix: Array(log.utf8)))
        let evidence = try InspectReader.read(path: path, options: InspectFixtures.options())
        #expect(evidence.record("accuracy")?.value == 1)
    }
}
