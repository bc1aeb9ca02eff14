import Testing
import ScorecardCore
@testable import ScorecardIngest

/// Evidence files in JSON, JSONL and CSV, and the problems each must report with file and line.
@Suite struct EvidenceLoaderTests {
    let stages = ["pre_mitigation", "post_mitigation"]

    func parse(_ text: String, file: String = "e.jsonl") throws(InputError) -> ([EvidenceRecord], [SampleRecord]) {
        try ScorecardEvidenceReader.parse(Array(text.utf8), file: file, stages: stages)
    }

    func problems(_ text: String, file: String = "e.jsonl") -> [String] {
        do {
            _ = try parse(text, file: file)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func threeFormatsGiveTheSameRecords() throws {
        let jsonl = """
            {"model": "o1", "stage": "post_mitigation", "eval": "ctf_professional", "metric": "pass@12", "value": 0.13, "n": 100, "k": 13}
            {"model": "o1", "stage": "pre_mitigation", "eval": "swe", "metric": "pass@1", "value": 0.4, "ci_low": 0.35, "ci_high": 0.45, "ci_level": 0.9}
            """
        let json = """
            [
              {"model": "o1", "stage": "post_mitigation", "eval": "ctf_professional", "metric": "pass@12", "value": 0.13, "n": 100, "k": 13},
              {"model": "o1", "stage": "pre_mitigation", "eval": "swe", "metric": "pass@1", "value": 0.4, "ci_low": 0.35, "ci_high": 0.45, "ci_level": 0.9}
            ]
            """
        let csv = """
            model,stage,eval,metric,value,n,k,ci_low,ci_high,ci_level
            o1,post_mitigation,ctf_professional,pass@12,0.13,100,13,,,
            o1,pre_mitigation,swe,pass@1,0.4,,,0.35,0.45,0.9
            """
        let a = try parse(jsonl).0, b = try parse(json, file: "e.json").0, c = try parse(csv, file: "e.csv").0
        func strip(_ r: [EvidenceRecord]) -> [EvidenceRecord.Key] { r.map(\.key) }
        #expect(strip(a) == strip(b) && strip(b) == strip(c))
        #expect(a.map(\.value) == c.map(\.value))
        #expect(a[1].interval == ConfidenceInterval(low: 0.35, high: 0.45, level: 0.9, method: "reported"))
        #expect(c[1].interval == a[1].interval)
        #expect(b.map(\.location.line) == [2, 3], "JSON array records carry the line of their object")
        #expect(c.map(\.location.line) == [2, 3])
    }

    static let bad: [(String, String)] = [
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 46}"#, "e.jsonl:1: value 46 is outside [0, 1]; rates are fractions: did you mean 0.46?"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": NaN}"#, "e.jsonl:1: value is NaN, not a finite number"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": -Infinity}"#, "e.jsonl:1: value is -Infinity, not a finite number"),
        (#"{"model": "m", "stage": "during", "eval": "e", "metric": "acc", "value": 0.5}"#, "e.jsonl:1: unknown stage 'during' (known: pre_mitigation, post_mitigation)"),
        (#"{"model": "m", "stage": "pre_mitigaton", "eval": "e", "metric": "acc", "value": 0.5}"#, "did you mean 'pre_mitigation'?"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5, "ci_low": 0.6, "ci_high": 0.7}"#, "the interval [0.6, 0.7] does not contain the value 0.5"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5, "ci_low": 0.4}"#, "give both ci_low and ci_high, or neither"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5, "n": 10, "k": 11}"#, "k = 11 successes is more than n = 10 trials"),
        // k/n far from the value: its computed interval [0.13, 0.29] would decide a level below 0.55.
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.55, "n": 100, "k": 20}"#,
         "e.jsonl:1: k/n = 20/100 = 0.2 does not give the value 0.55"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.56, "n": 100, "k": 55}"#,
         "k/n = 55/100 = 0.55 does not give the value 0.56"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": "46%"}"#, "value must be a number, found '46%'; write rates as fractions"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "vaule": 0.5}"#, "unknown field 'vaule'; did you mean 'value'?"),
        (#"{"stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5}"#, "e.jsonl:1: record is missing 'model'"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5, "n": 2.5}"#, "n must be a whole number of at least 1, found 2.5"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5"#, "e.jsonl:1:"),
        (#"["not an object"]"#, "item 1 of the array is text, expected an object"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "sample_id": 1, "epoch": 1, "score": 1.5}"#, "score: value 1.5 is outside [0, 1]"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "sample_id": 1, "epoch": 0, "score": 1}"#, "epoch must be a whole number of at least 1"),
        (#"{"model": "m", "stage": "pre_mitigation", "eval": "e", "sample_id": 1, "epoch": 1, "score": null}"#, "score is null but no 'error' says why"),
    ]

    @Test(arguments: bad)
    func badRecordIsRefusedWithFileAndLine(text: String, expected: String) {
        let file = text.hasPrefix("[") ? "e.json" : "e.jsonl"
        let found = problems(text, file: file)
        #expect(found.contains { $0.contains(expected) }, "\(found)")
    }

    @Test func aRateWithinRoundingOfKOverNIsAccepted() {
        // 13% published for 5 of 40 (0.125), 2 of 3 as 0.67, 91 of 477 as 0.19: rounding, not a contradiction.
        for (value, n, k) in [(0.13, 40, 5), (0.67, 3, 2), (0.19, 477, 91), (0.0, 10, 0)] {
            let text = #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": \#(value), "n": \#(n), "k": \#(k)}"#
            #expect(problems(text, file: "e.jsonl").isEmpty, "\(value) from \(k)/\(n)")
        }
    }

    @Test func duplicatesAcrossRecordsAreRefusedWithBothPlaces() throws {
        let line = #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5}"#
        let (records, _) = try parse(line + "\n\n" + line)
        let bundle = { var b = EvidenceBundle(); b.records = records; return b }()
        let problems = EvidenceLoader.duplicateProblems(bundle).map(\.description)
        #expect(problems == ["e.jsonl:3: duplicate result for m pre_mitigation e acc (first at e.jsonl:1); give distinct variants or remove one"])
    }

    @Test func distinctVariantsAreNotDuplicates() throws {
        let a = #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5, "variant": "clips"}"#
        let b = #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.6, "variant": "chat"}"#
        let (records, _) = try parse(a + "\n" + b)
        var bundle = EvidenceBundle()
        bundle.records = records
        #expect(EvidenceLoader.duplicateProblems(bundle).isEmpty)
    }

    @Test func samplesWithErrorsAndBooleans() throws {
        let text = """
            {"model": "m", "stage": "pre_mitigation", "eval": "ctf", "sample_id": "web_1", "epoch": 1, "score": true, "metadata": {"tier": "professional"}}
            {"model": "m", "stage": "pre_mitigation", "eval": "ctf", "sample_id": "web_1", "epoch": 2, "score": null, "error": "timeout"}
            {"model": "m", "stage": "pre_mitigation", "eval": "ctf", "sample_id": 7, "epoch": 1, "score": 0}
            """
        let (_, samples) = try parse(text)
        #expect(samples.map(\.score) == [1, nil, 0])
        #expect(samples[0].metadata == ["tier": "professional"])
        #expect(samples[2].sampleID == "7")
    }

    @Test func hostileTextIsKeptVerbatimForRenderersToEscape() throws {
        let hostile = #"<script>alert(1)</script> | `x` \"><img src=x onerror=alert(1)>\n| a | b |"#
        let text = #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5, "notes": "\#(hostile)"}"#
        let (records, _) = try parse(text)
        #expect(records[0].notes?.contains("<script>") == true)
        #expect(records[0].notes?.contains("\n") == true)
    }

    @Test func csvQuotedFieldsSpanLinesAndKeepLineNumbers() throws {
        let csv = "model,stage,eval,metric,value,notes\nm,pre_mitigation,e,acc,0.5,\"two\nlines, \"\"quoted\"\"\"\nm,pre_mitigation,f,acc,2,x\n"
        let found = problems(csv, file: "e.csv")
        #expect(found == ["e.csv:4: value 2 is outside [0, 1]; rates are fractions: did you mean 0.02?"])
        let unterminated = problems("model,stage\n\"m,pre", file: "u.csv")
        #expect(unterminated == ["u.csv:2: malformed CSV: unterminated quoted field"])
        let ragged = problems("model,stage,eval,metric,value\nm,pre_mitigation,e,acc\n", file: "r.csv")
        #expect(ragged == ["r.csv:2: row has 4 fields, the header has 5"])
    }

    @Test func csvWithLoneCRLineEndsReadsItsRowsWithTheirLines() throws {
        let csv = "model,stage,eval,metric,value\rA,pre_mitigation,ctf,acc,0.3\rA,post_mitigation,ctf,acc,0.2\r"
        let records = try parse(csv, file: "cr.csv").0
        #expect(records.map(\.value) == [0.3, 0.2])
        #expect(records.map(\.stage) == ["pre_mitigation", "post_mitigation"])
        #expect(problems("model,stage,eval,metric,value\rA,pre_mitigation,ctf,acc,2\r", file: "cr.csv")
                == ["cr.csv:2: value 2 is outside [0, 1]; rates are fractions: did you mean 0.02?"])
    }

    @Test(arguments: [("value", "0x0.8p0"), ("n", "0x10"), ("k", "-0X8")])
    func csvHexadecimalNumbersAreRefusedAsJSONRefusesThem(column: String, cell: String) {
        var cells = ["value": "0.5", "n": "16", "k": "8"]
        cells[column] = cell
        let csv = "model,stage,eval,metric,value,n,k\nA,pre_mitigation,ctf,acc,\(cells["value"]!),\(cells["n"]!),\(cells["k"]!)\n"
        let found = problems(csv, file: "hex.csv")
        #expect(found.contains("hex.csv:2: \(column) must be a number, found '\(cell)'; write it in decimal (hexadecimal numbers are not read, as in JSON)"),
                "\(found)")
    }

    @Test func emptyAndGarbageFiles() {
        #expect(problems("", file: "z.jsonl") == ["z.jsonl: no records in the file"])
        #expect(problems("\u{FF}\u{FE}garbage", file: "g.csv").first?.contains("g.csv") == true)
        let invalidUTF8 = (try? ScorecardEvidenceReader.parse([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], file: "b.jsonl", stages: stages)) == nil
        #expect(invalidUTF8)
    }

    @Test func tooManyProblemsAreCapped() {
        let line = #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 7}"#
        let found = problems(Array(repeating: line, count: 80).joined(separator: "\n"))
        #expect(found.count == DiagnosticLog.maximumPerFile + 1)
        #expect(found.last == "e.jsonl: 30 more problems not shown")
    }
}
