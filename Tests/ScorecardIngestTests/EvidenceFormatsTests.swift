import Foundation
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// Format detection, folders, and the JSON Lines writer that `import` uses.
@Suite struct EvidenceFormatsTests {
    @Test("Inspect logs are recognised by content, whatever their names; our own format by its own reader")
    func detection() throws {
        for file in ["ctf_small.json", "ctf_small.eval", "run_killed.eval", "nan_metrics.json"] {
            let prefix = try InputFile.prefix(InspectFixtures.path(file))
            #expect(EvidenceFormats.detect(path: "renamed.bin", prefix: prefix) is InspectReader.Type, "\(file)")
        }
        for text in ["{\"model\": \"o1\", \"eval\": \"x\"}", "model,stage,eval\n", "[{\"eval\": \"x\", \"model\": \"o1\"}]"] {
            #expect(EvidenceFormats.detect(path: "e.json", prefix: Array(text.utf8)) is ScorecardEvidenceReader.Type, "\(text)")
        }
        for text in ["[{\"model\": \"o1\"}]", "{\"version\": \"x\"}", "# notes\n"] {
            #expect(EvidenceFormats.detect(path: "e.json", prefix: Array(text.utf8)) == nil, "\(text)")
            #expect(EvidenceFormats.reader(for: "e.json", prefix: Array(text.utf8)) is ScorecardEvidenceReader.Type, "\(text)")
        }
        #expect(ScorecardEvidenceReader.detect(path: "e.csv", prefix: Array("model,stage,eval,metric,value\n".utf8)))
        #expect(!ScorecardEvidenceReader.detect(path: "e.csv", prefix: Array("# notes\n".utf8)))
        #expect(EvidenceFormats.names == ["inspect", "lm-eval", "eee", "junit", "evidence"])
    }

    @Test("a folder gives the files some format recognises, in name order; the others are skipped")
    func folders() throws {
        let found = try EvidenceFormats.inputs([InspectFixtures.directory.path])
        #expect(found.skipped.map { URL(fileURLWithPath: $0).lastPathComponent } == ["README.md", "expected.json"])
        #expect(found.inputs.count == 24 && found.inputs.allSatisfy { $0.reader is InspectReader.Type })
        let names = found.inputs.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        #expect(names == names.sorted())
        #expect(throws: InputError.self) { try EvidenceFormats.inputs(["/no/such/folder"]) }
    }

    @Test("the loader reads Inspect logs beside our own evidence, and checks duplicates across them")
    func loader() throws {
        let options = ImportOptions(stage: "pre_mitigation")
        let bundle = try EvidenceLoader.load(
            paths: [InspectFixtures.path("ctf_small.json"), InspectFixtures.path("sample_ids.eval")],
            stages: ["pre_mitigation", "post_mitigation"], options: options)
        #expect(bundle.inputs.count == 2 && bundle.samples.count == 17)
        #expect(bundle.inputs[0].sha256 == SHA256.hex(of: try Data(contentsOf: URL(fileURLWithPath: InspectFixtures.path("ctf_small.json")))))
        #expect(throws: InputError.self) {
            try EvidenceLoader.load(paths: [InspectFixtures.path("ctf_small.json"), InspectFixtures.path("ctf_small.eval")],
                                    stages: nil, options: options)
        }
    }

    @Test("JSON Lines escape what logs contain and read back to the same records")
    func jsonLinesRoundTrip() throws {
        let hostile = "quote \" backslash \\ newline \n tab \t nul \u{0} esc \u{1B}[31m del \u{7F} é 😀 \u{2028}"
        let location = SourceLocation(file: "x", line: 1)
        let record = EvidenceRecord(
            subject: Subject(model: "m\"odel"), stage: "pre_mitigation", evaluation: hostile, metric: "accuracy",
            variant: "v\nw", value: 0.1 + 0.2, n: 3, k: 1, interval: ConfidenceInterval(low: 0, high: 0.9, level: 0.95, method: "wilson"),
            source: "a\\b.json", sourceSHA256: String(repeating: "a", count: 64), notes: hostile, location: location)
        let sample = SampleRecord(
            subject: Subject(model: "m"), stage: "pre_mitigation", evaluation: "e", sampleID: hostile, epoch: 2, score: nil,
            metadata: ["tier": hostile, "n": "3"], error: "RuntimeError('x\ny')", source: "s", location: location)
        let lines = EvidenceJSONL.line(record) + [0x0A] + EvidenceJSONL.line(sample) + [0x0A]
        #expect(lines.filter { $0 == 0x0A }.count == 2)
        let (records, samples) = try ScorecardEvidenceReader.parse(lines, file: "out.jsonl", stages: nil)
        let read = try #require(records.first)
        #expect(read.evaluation == hostile && read.notes == hostile && read.variant == "v\nw" && read.subject.model == "m\"odel")
        #expect(read.value == 0.1 + 0.2 && read.n == 3 && read.k == 1 && read.interval?.high == 0.9)
        let readSample = try #require(samples.first)
        #expect(readSample.sampleID == hostile && readSample.metadata == sample.metadata && readSample.error == sample.error)
        #expect(readSample.score == nil && readSample.epoch == 2)
    }
}
