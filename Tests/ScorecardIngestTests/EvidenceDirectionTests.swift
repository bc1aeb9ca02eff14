import Foundation
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// `lower_is_better` in our own format: read from JSON, JSON Lines and CSV, written by the JSON Lines
/// writer, and recovered from the notes of files written before the field existed.
@Suite struct EvidenceDirectionTests {
    let stages = ["pre_mitigation", "post_mitigation"]

    func records(_ text: String, file: String = "e.jsonl") throws -> [EvidenceRecord] {
        try ScorecardEvidenceReader.parse(Array(text.utf8), file: file, stages: stages).0
    }

    @Test func lowerIsBetterIsReadFromJSONLinesJSONArraysAndCSV() throws {
        let jsonl = """
            {"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "ppl", "value": 11.3, "unit": "score", "lower_is_better": true}
            {"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.4, "lower_is_better": false}
            {"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "f1", "value": 0.4, "lower_is_better": null}
            """
        #expect(try records(jsonl).map(\.lowerIsBetter) == [true, false, nil])
        let json = "[" + jsonl.split(separator: "\n").joined(separator: ",\n") + "]"
        #expect(try records(json, file: "e.json").map(\.lowerIsBetter) == [true, false, nil])
        let csv = """
            model,stage,eval,metric,value,unit,lower_is_better
            m,pre_mitigation,e,ppl,11.3,score,true
            m,pre_mitigation,e,acc,0.4,rate,FALSE
            m,pre_mitigation,e,f1,0.4,rate,
            """
        #expect(try records(csv, file: "e.csv").map(\.lowerIsBetter) == [true, false, nil])
    }

    @Test func anythingButTrueOrFalseIsRefusedWithItsPlace() {
        let base = #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.4, "lower_is_better": "#
        #expect(Problems.of { try records(base + #""yes"}"#) } == ["e.jsonl:1: lower_is_better must be true or false, found 'yes'"])
        #expect(Problems.of { try records(base + "1}") } == ["e.jsonl:1: lower_is_better must be true or false, found 1"])
        let csv = "model,stage,eval,metric,value,lower_is_better\nm,pre_mitigation,e,acc,0.4,no\n"
        #expect(Problems.of { try records(csv, file: "e.csv") } == ["e.csv:2: lower_is_better must be true or false, found 'no'"])
    }

    @Test func theJSONLinesWriterWritesTheFieldAndItReadsBack() throws {
        for flag in [true, false, nil] as [Bool?] {
            let record = EvidenceRecord(
                subject: Subject(model: "m"), stage: "pre_mitigation", evaluation: "e", metric: "ppl", value: 11.3, unit: .score,
                lowerIsBetter: flag, location: SourceLocation(file: "e.jsonl", line: 1))
            let line = String(decoding: EvidenceJSONL.line(record), as: UTF8.self)
            #expect(line.contains("\"lower_is_better\"") == (flag != nil), "\(line)")
            #expect(try records(line) == [record])
        }
    }

    /// A file `import` wrote before the field existed (lm-eval and EEE results; its three
    /// lower-is-better metrics say so only in their notes) is read with the typed value.
    @Test func anOldFileWhoseNotesSayLowerIsBetterStillGivesTheTypedValue() throws {
        let path = FormatFixtures.path("evidence/imported-before-lower-is-better.jsonl")
        let text = try FormatFixtures.text(path)
        #expect(!text.contains("lower_is_better"), "the fixture predates the field")
        let read = try EvidenceLoader.load(paths: [path], stages: stages).records
        let lower = read.filter { $0.lowerIsBetter == true }.map(\.metric)
        #expect(lower == ["example-bench.calibration_error", "word_perplexity", "harm level"])
        #expect(read.filter { $0.lowerIsBetter == false }.isEmpty, "the old notes never said 'higher is better': unknown, not false")
        let now = try EveryEvalEverReader.read(path: FormatFixtures.eeeLeaderboard, options: .at()).records
        for record in now where record.lowerIsBetter == true {
            #expect(read.first { $0.metric == record.metric }?.lowerIsBetter == true, "\(record.metric)")
        }
    }

    @Test func theFieldWinsOverTheNotesAndOtherNotesMeanUnknown() throws {
        let line = #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "x", "value": 0.4, "notes": "lower is better""#
        #expect(try records(line + #", "lower_is_better": false}"#).map(\.lowerIsBetter) == [false])
        #expect(try records(line + "}").map(\.lowerIsBetter) == [true])
        let other = #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "x", "value": 0.4, "notes": "not lower is better; fine"}"#
        #expect(try records(other).map(\.lowerIsBetter) == [nil], "only a note that starts with the words counts")
    }
}
