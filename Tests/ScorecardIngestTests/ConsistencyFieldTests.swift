import Foundation
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// The `consistency` field of our evidence format: written by import, read from JSON and CSV,
/// absent in files written before it (read as none).
@Suite struct ConsistencyFieldTests {
    static let location = SourceLocation(file: "e.jsonl", line: 1)

    @Test("a marked record and sample are written with the field and read back the same; unmarked ones have no field")
    func jsonLinesRoundTrip() throws {
        let record = EvidenceRecord(subject: Subject(model: "m"), stage: "pre", evaluation: "e", metric: "accuracy", value: 0.2,
                                    consistency: .contradicts, location: Self.location)
        let sample = SampleRecord(subject: Subject(model: "m"), stage: "pre", evaluation: "e", sampleID: "1", epoch: 1, score: 1,
                                  consistency: .partial, location: SourceLocation(file: "e.jsonl", line: 2))
        let plain = EvidenceRecord(subject: Subject(model: "m"), stage: "pre", evaluation: "f", metric: "accuracy", value: 0.2,
                                   location: SourceLocation(file: "e.jsonl", line: 3))
        let lines = [EvidenceJSONL.line(record), EvidenceJSONL.line(sample), EvidenceJSONL.line(plain)]
        #expect(String(decoding: lines[0], as: UTF8.self).hasSuffix(#", "consistency": "contradicts"}"#))
        #expect(!String(decoding: lines[2], as: UTF8.self).contains("consistency"))
        let (records, samples) = try ScorecardEvidenceReader.parse(Array(lines.joined(separator: [0x0A])), file: "e.jsonl", stages: nil)
        #expect(records == [record, plain] && samples == [sample])
    }

    @Test("CSV has a consistency column; an empty cell is none")
    func csvColumn() throws {
        let csv = "model,stage,eval,metric,value,consistency\nm,pre,e,accuracy,0.2,partial\nm,pre,f,accuracy,0.3,\n"
        let (records, _) = try ScorecardEvidenceReader.parse(Array(csv.utf8), file: "e.csv", stages: nil)
        #expect(records.map(\.consistency) == [.partial, nil])
    }

    @Test("an unknown mark is refused with its line and the known ones")
    func unknownMark() {
        let line = #"{"model": "m", "stage": "pre", "eval": "e", "metric": "accuracy", "value": 0.2, "consistency": "partal"}"#
        #expect(InspectFixtures.problems { _ = try ScorecardEvidenceReader.parse(Array(line.utf8), file: "e.jsonl", stages: nil) }
            == ["e.jsonl:1: unknown consistency 'partal'; did you mean 'partial'? (known: partial, contradicts)"])
    }
}
