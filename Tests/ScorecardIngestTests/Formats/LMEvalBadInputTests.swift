import Foundation
import Testing
import ScorecardCore
@testable import ScorecardIngest

/// Malformed, hostile and unusual lm-eval files: each is refused with its place, or read as documented.
@Suite struct LMEvalBadInputTests {
    /// A results file with one task whose entry is `entry` (JSON members), plus `extra` top-level members.
    static func results(_ entry: String, task: String = "t", extra: String = "") -> String {
        """
        {
          "results": {
            "\(task)": {\(entry)}
          },
          "n-samples": {"\(task)": {"original": 10, "effective": 10}},
          "config": {"model": "hf", "model_args": "pretrained=org/m"},
          "model_name": "org/m"\(extra)
        }
        """
    }

    func read(_ text: String, options: ImportOptions = .at()) throws -> (ImportedEvidence, String) {
        let directory = try TemporaryDirectory()
        let path = try directory.write("results_2026-01-01T00-00-00.json", text)
        return (try LMEvalReader.read(path: path, options: options), path)
    }

    func problems(_ text: String, options: ImportOptions = .at()) throws -> (problems: [String], path: String) {
        let directory = try TemporaryDirectory()
        let path = try directory.write("results_2026-01-01T00-00-00.json", text)
        return (Problems.of { try LMEvalReader.read(path: path, options: options) }, path)
    }

    @Test func truncatedJSONNamesFileLineAndColumn() throws {
        let full = try FormatFixtures.text(FormatFixtures.lmEval012)
        let (problems, path) = try problems(String(full.prefix(200)))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("\(path):") == true)
        let place = try #require(problems.first?.dropFirst(path.count + 1).split(separator: ":").prefix(2).compactMap { Int($0) })
        #expect(place.count == 2 && place[0] > 1, "line and column of the cut: \(problems)")
        #expect(problems.first?.contains("malformed JSON: ") == true, "\(problems)")
    }

    @Test func emptyFileAndWrongShapesAreRefused() throws {
        #expect(try problems("").problems.first?.hasSuffix("the file is empty; expected an lm-eval results file") == true)
        #expect(try problems("  \n").problems.first?.contains("the file is empty") == true)
        #expect(try problems("[1, 2]").problems.first?.hasSuffix(":1: expected an lm-eval results object, found an array") == true)
        #expect(try problems(#"{"config": {}}"#).problems.first?.contains("no 'results' object of tasks: not an lm-eval results file") == true)
        #expect(try problems(#"{"results": []}"#).problems.first?.contains("no 'results' object of tasks") == true)
        let noMetric = try problems(Self.results(#""alias": "t", "acc,none": "0.5""#)).problems
        #expect(noMetric.first?.contains("no numeric metric in 'results'") == true, "\(noMetric)")
        let badCounts = try problems(Self.results(#""acc,none": 0.5"#).replacingOccurrences(of: #""effective": 10"#, with: #""effective": "ten""#)).problems
        #expect(badCounts.first?.contains(":5: n-samples of 't' must be {\"original\": count, \"effective\": count}") == true, "\(badCounts)")
    }

    @Test func rateOutsideZeroOneIsRefusedWithItsLine() throws {
        let (problems, path) = try problems(Self.results(#""alias": "t", "acc,none": 46, "acc_stderr,none": 0.1"#))
        #expect(problems == ["\(path):3:25: 'acc,none' of 't': value 46 is outside [0, 1]; rates are fractions: did you mean 0.46?"])
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity"])
    func nonFiniteMetricIsSkippedWithAWarning(literal: String) throws {
        let (imported, path) = try read(Self.results(#""acc,none": \#(literal), "acc_norm,none": 0.5"#))
        #expect(imported.records.map(\.metric) == ["acc_norm"])
        #expect(imported.warnings.map(\.description) == ["\(path):3:11: 'acc,none' of 't' is \(literal), not a finite number; skipped"])
    }

    @Test func unavailableAndNonFiniteStandardErrorsGiveNoNormalInterval() throws {
        let (imported, _) = try read(Self.results(#""acc,none": 0.55, "acc_stderr,none": "N/A", "mc2,none": 0.4, "mc2_stderr,none": NaN, "f1,none": 0.7, "f1_stderr,none": 0.05"#))
        let records = imported.records
        let acc = try #require(records.first { $0.metric == "acc" })
        #expect(acc.k == nil && acc.interval == nil, "0.55 × 10 is not whole and the stderr is N/A: no k, no interval")
        #expect(acc.notes?.contains("lm-eval stderr N/A") == true)
        let mc2 = try #require(records.first { $0.metric == "mc2" })
        #expect(mc2.interval == nil && mc2.notes?.contains("lm-eval stderr NaN") == true)
        let f1 = try #require(records.first { $0.metric == "f1" })
        #expect(f1.unit == .score && f1.notes?.contains("not known to be a proportion") == true)
        let interval = try #require(f1.interval)
        #expect(abs(interval.low - (0.7 - 1.959963984540054 * 0.05)) < 1e-12 && abs(interval.high - (0.7 + 1.959963984540054 * 0.05)) < 1e-12)
        #expect(interval.method.hasPrefix("normal approximation"), "an SE-derived interval says so")
        #expect(f1.notes?.contains("95% interval: value ± 1.96 × stderr (normal approximation)") == true)
    }

    @Test func normalIntervalOfARateIsClippedToZeroOne() throws {
        let (imported, _) = try read(Self.results(#""pass@1,none": 0.05, "pass@1_stderr,none": 0.05"#))
        let record = try #require(imported.records.first)
        #expect(record.unit == .rate && record.k == nil, "pass@1 is a proportion but not known to be 0/1 per document")
        #expect(record.interval?.low == 0)
    }

    @Test func lowerIsBetterMetricKeepsItsScaleAndSaysSo() throws {
        let text = Self.results(#""word_perplexity,none": 11.27, "word_perplexity_stderr,none": "N/A", "acc,none": 0.3"#,
                                extra: #", "higher_is_better": {"t": {"word_perplexity": false, "acc": null}}"#)
        let records = try read(text).0.records
        let perplexity = try #require(records.first { $0.metric == "word_perplexity" })
        #expect(perplexity.unit == .score && perplexity.value == 11.27)
        #expect(perplexity.notes?.contains("; lower is better;") == true)
        #expect(perplexity.lowerIsBetter == true, "the direction is a typed field, not only words in the notes")
        let acc = try #require(records.first { $0.metric == "acc" })
        #expect(acc.unit == .score && acc.notes?.contains("direction unknown (higher_is_better is null: subtasks disagree)") == true)
        #expect(acc.lowerIsBetter == nil)
        let stated = try read(Self.results(#""acc,none": 0.3"#, extra: #", "higher_is_better": {"t": {"acc": true}}"#)).0.records
        #expect(stated.map(\.lowerIsBetter) == [false])
    }

    @Test func partialRunsAndLimitsAreNoted() throws {
        let text = Self.results(#""acc,none": 0.5"#, extra: "").replacingOccurrences(of: #""original": 10"#, with: #""original": 100"#)
            .replacingOccurrences(of: #""model": "hf""#, with: #""model": "hf", "limit": 10"#)
        let record = try #require(try read(text).0.records.first)
        #expect(record.n == 10 && record.k == 5)
        #expect(record.notes?.contains("partial: 10 of 100 documents evaluated") == true && record.notes?.contains("run with limit 10") == true)
    }

    @Test func aggregationOtherThanMeanGivesNoK() throws {
        let text = Self.results(#""acc,none": 0.5"#, extra: #", "configs": {"t": {"metric_list": [{"metric": "acc", "aggregation": "median"}]}}"#)
        let record = try #require(try read(text).0.records.first)
        #expect(record.n == 10 && record.k == nil)
    }

    @Test func macroAveragedGroupGetsNoKAndCyclesDoNotHang() throws {
        let text = """
            {"results": {"a": {"acc,none": 0.5}, "b": {"acc,none": 1.0}, "g": {"acc,none": 0.75}},
             "group_subtasks": {"g": ["a", "b", "g"], "a": [], "b": []},
             "n-samples": {"a": {"original": 2, "effective": 2}, "b": {"original": 4, "effective": 4}},
             "config": {"model_args": {"model": "api-model-2026-01-01"}}}
            """
        let records = try read(text).0.records
        let group = try #require(records.first { $0.evaluation == "g" })
        #expect(group.n == 6 && group.k == nil, "(1 + 4) / 6 ≠ 0.75: a macro average has no exact k")
        #expect(group.notes?.contains("no exact k: the group value is not the pooled proportion") == true)
        #expect(records.first?.subject.model == "api-model-2026-01-01", "model= in model_args names API models")
    }

    @Test func randomModelIdIsRefusedUnlessTheModelIsGiven() throws {
        let text = #"{"results": {"t": {"acc,none": 0.5}}, "config": {"model": "dummy", "model_args": ""}, "model_name": "6v8uqx97"}"#
        let (problems, path) = try problems(text)
        #expect(problems == ["\(path):1: no model name: config.model_args has none of peft=, delta=, pretrained=, model=, path=, engine= (model_name '6v8uqx97' is lm-eval's random id); give the model name at import"])
        let given = try read(text, options: .at(model: "named")).0.records
        #expect(given.first?.subject.model == "named")
    }

    @Test func hostileNamesAreKeptVerbatimAsData() throws {
        let task = #"<script>alert(1)</script> \"; DROP TABLE x;--\n../../etc/passwd \u0000"#
        let decoded = "<script>alert(1)</script> \"; DROP TABLE x;--\n../../etc/passwd \u{0}"
        let text = Self.results(#""acc,none": 0.5, "<b>m</b>,f|x": 0.25"#, task: task)
        let records = try read(text).0.records
        #expect(records.map(\.evaluation) == [decoded, decoded + "/f|x"])
        #expect(records.map(\.metric) == ["acc", "<b>m</b>"])
    }

    @Test func nonObjectResultsEntryIsSkippedWithAWarning() throws {
        let text = #"{"results": {"t": {"acc,none": 0.5}, "odd": [1]}, "config": {"model_args": "pretrained=m"}, "model_name": "m"}"#
        let (imported, path) = try read(text)
        #expect(imported.records.count == 1)
        #expect(imported.warnings.map(\.description) == ["\(path):1: results entry 'odd' is an array, not an object; skipped"])
    }

    @Test func badSampleLinesAreRefusedWithTheirLines() throws {
        let directory = try TemporaryDirectory()
        let lines = [
            #"{"doc_id": 0, "doc": {}, "filter": "none", "metrics": ["acc"], "acc": 1.0}"#,
            #"{"doc_id": 1, "doc": {}, "filter": "none", "metrics": ["acc"], "acc": 3.5}"#,
            #"{"doc_id": 0, "doc": {}, "filter": "none", "metrics": ["acc"], "acc": 0.0}"#,
            #"{"doc_id": "x", "doc": {}, "filter": "none", "metrics": ["acc"], "acc": 0.0}"#,
            #"{"doc_id": 3, "doc": {}, "filter": "none", "metrics": ["acc"], "acc": NaN}"#,
            #"{"doc_id": 4, "doc": {}, "filter": "none", "acc": 1}"#,
            #"{"doc_id": 5, "doc": {"#,
        ]
        let path = try directory.write("samples_t_2026-01-01T00-00-00.jsonl", lines.joined(separator: "\n"))
        let problems = Problems.of { try LMEvalReader.read(path: path, options: .at(model: "m")) }
        #expect(problems == [
            "\(path):2: per-sample 'acc' is 3.5, not a score in [0, 1]",
            "\(path):3: document 0 of filter 'none' appears again (first on line 1)",
            "\(path):4: 'doc_id' must be a whole number, found 'x'",
            "\(path):5: per-sample 'acc' is NaN, not a score in [0, 1]",
            "\(path):7:23: malformed JSON: unexpected end of input inside an object",
        ])
        let unnamed = try directory.write("samples.jsonl", lines[0])
        #expect(Problems.of { try LMEvalReader.read(path: unnamed, options: .at(model: "m")) }
            == ["\(unnamed): cannot tell the task: lm-eval names per-sample logs samples_<task>_<date>.jsonl"])
    }

    @Test func hugeNumbersAreRefusedOrIgnoredWithoutTrapping() throws {
        let (problems, _) = try problems(Self.results(#""acc,none": 1e300"#))
        #expect(problems.count == 1 && problems.first?.contains("'acc,none' of 't': value") == true && problems.first?.contains("is outside [0, 1]") == true, "\(problems)")
        let leaves = (0..<10_000).map { "\"t\($0)\"" }
        let text = """
            {"results": {"g": {"acc,none": 0.5}, \(leaves.map { "\($0): {\"acc,none\": 0.5}" }.joined(separator: ", "))},
             "group_subtasks": {"g": [\(leaves.joined(separator: ", "))]},
             "n-samples": {\(leaves.map { "\($0): {\"effective\": 999999999999998}" }.joined(separator: ", "))},
             "config": {"model_args": "pretrained=m"}, "model_name": "m"}
            """
        let group = try #require(try read(text).0.records.first { $0.evaluation == "g" })
        #expect(group.n == nil && group.k == nil, "the pooled count overflows Int: no n rather than a trap")
    }
}
