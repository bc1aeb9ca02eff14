import Foundation
import Testing
import ScorecardCore
@testable import ScorecardIngest

/// Malformed, hostile and unusual EEE records: refused with their place, or read as documented.
@Suite struct EveryEvalEverBadInputTests {
    /// A 0.3.0 record with one result; `config`, `score` and `extra` (score_details members) vary.
    static func record(
        version: String = "0.3.0", name: String = "bench",
        config: String = #""lower_is_better": false, "score_type": "continuous", "min_score": 0, "max_score": 1, "metric_id": "accuracy""#,
        score: String = "0.6", details: String = "", top: String = ""
    ) -> String {
        """
        {
          "schema_version": "\(version)",
          "evaluation_id": "x/y/1",
          "retrieved_timestamp": "1",
          "source_metadata": {"source_type": "documentation", "source_organization_name": "Org", "evaluator_relationship": "third_party"},
          "eval_library": {"name": "unknown", "version": "unknown"},
          "model_info": {"name": "m", "id": "org/m", "additional_details": {"deployment_type": "unknown", "model_availability": "unknown"}},
          "evaluation_results": [
            {
              "evaluation_name": "\(name)",
              "source_data": {"dataset_name": "bench", "source_type": "other"},
              "metric_config": {\(config)},
              "score_details": {"score": \(score)\(details)}
            }
          ]\(top)
        }
        """
    }

    static let percent = #""lower_is_better": false, "score_type": "continuous", "min_score": 0, "max_score": 100, "metric_id": "accuracy", "metric_kind": "accuracy""#

    func read(_ text: String, options: ImportOptions = .at()) throws -> ImportedEvidence {
        let directory = try TemporaryDirectory()
        return try EveryEvalEverReader.read(path: try directory.write("r.json", text), options: options)
    }

    func problems(_ text: String, options: ImportOptions = .at()) throws -> [String] {
        let directory = try TemporaryDirectory()
        let path = try directory.write("r.json", text)
        return Problems.of { try EveryEvalEverReader.read(path: path, options: options) }.map { $0.replacingOccurrences(of: path, with: "r.json") }
    }

    @Test func truncatedAndEmptyFilesNameTheirPlace() throws {
        let text = Self.record()
        let cut = try problems(String(text.prefix(text.count - 40)))
        #expect(cut.count == 1 && cut[0].hasPrefix("r.json:") && cut[0].contains("malformed JSON"), "\(cut)")
        let place = cut[0].split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) }
        #expect(place.count == 2, "line and column: \(cut)")
        #expect(try problems("") == ["r.json: the file is empty; expected an Every Eval Ever record"])
        #expect(try problems("[]") == ["r.json:1: expected an Every Eval Ever record (an object), found an array"])
    }

    @Test func schemaVersionsAreCheckedAndOldOnesReadLeniently() throws {
        #expect(try problems(Self.record(version: "1.0.0")) == ["r.json:2: unsupported schema_version '1.0.0' (supported: 0.3.0; 0.2.x, 0.1.x and 0.0.x read leniently)"])
        #expect(try problems(Self.record().replacingOccurrences(of: #""schema_version": "0.3.0","#, with: "")).first?.contains("schema_version (text) is missing") == true)
        let old = try read(Self.record(version: "0.2.2", config: #""metric_id": "accuracy""#))
        #expect(old.warnings.map(\.message) == ["schema_version 0.2.2 predates 0.3.0; read leniently"])
        let record = try #require(old.records.first)
        #expect(record.unit == .score && record.notes?.contains("direction not stated (no lower_is_better)") == true)
        #expect(record.lowerIsBetter == nil)
        #expect(record.notes?.contains("no scale given (min_score/max_score)") == true)
        #expect(try read(Self.record(version: "0.3.1")).warnings.map(\.message) == ["schema_version 0.3.1 is newer than 0.3.0; read as 0.3.0"])
    }

    @Test func missingAndMistypedFieldsAreRefusedWithTheirLines() throws {
        #expect(try problems(Self.record(config: #""score_type": "continuous", "min_score": 0, "max_score": 1"#))
            == ["r.json:12: metric_config.lower_is_better must be true or false, found none"])
        #expect(try problems(Self.record(config: #""lower_is_better": "no", "min_score": 0, "max_score": 1"#))
            == ["r.json:12: metric_config.lower_is_better must be true or false, found 'no'"])
        #expect(try problems(Self.record(score: #""62.4%""#)) == ["r.json:13: score_details.score is '62.4%', not a finite number"])
        #expect(try problems(Self.record(name: "")).first?.contains("evaluation_results[0] needs 'evaluation_name' (text), found ''") == true)
        #expect(try problems(Self.record(config: #""lower_is_better": false, "min_score": "zero", "max_score": 1"#))
            == [#"r.json:12: min_score must be a number, "Infinity", "-Infinity" or null, found 'zero'"#])
        #expect(try problems(Self.record(details: #", "uncertainty": {"num_samples": 2.5}"#))
            == ["r.json:13: num_samples must be a whole number, found 2.5"])
        #expect(try problems(Self.record(details: #", "uncertainty": {"confidence_interval": {"lower": 0.5, "upper": 0.7, "confidence_level": 95}}"#))
            == ["r.json:13: confidence_level must be a fraction in (0, 1) such as 0.95, found 95"])
        let noModel = Self.record().replacingOccurrences(of: #""id": "org/m", "#, with: "")
        #expect(try problems(noModel) == ["r.json:7: model_info.id (text) is missing: give the model name at import"])
        #expect(try read(noModel, options: .at(model: "given")).records.first?.subject.model == "given")
        let notArray = Self.record().replacingOccurrences(of: #""evaluation_results": ["#, with: #""evaluation_results": {"x": ["#)
            .replacingOccurrences(of: "\n  ]\n}", with: "\n  ]}\n}")
        #expect(try problems(notArray).first?.contains("evaluation_results must be an array of results, found an object") == true)
    }

    @Test(arguments: ["NaN", "Infinity", "-Infinity"])
    func nonFiniteScoresAreRefused(literal: String) throws {
        #expect(try problems(Self.record(score: literal)) == ["r.json:13: score_details.score is \(literal), not a finite number"])
    }

    @Test func scoresOutsideTheirScaleAreRefusedAndSentinelsSkipped() throws {
        #expect(try problems(Self.record(config: Self.percent, score: "104")) == ["r.json:13: 'bench' accuracy: score 104 is outside its declared scale [0, 100]"])
        #expect(try problems(Self.record(score: "1.5")) == ["r.json:13: 'bench' accuracy: score 1.5 is outside its declared scale [0, 1]"])
        let sentinel = try read(Self.record(score: "-1"))
        #expect(sentinel.records.isEmpty && sentinel.warnings.map(\.message) == ["'bench' accuracy: score -1 means no score; skipped"])
    }

    @Test func percentScaleRescalesValueIntervalAndStandardError() throws {
        let withSE = try #require(try read(Self.record(config: Self.percent, score: "40", details: #", "uncertainty": {"standard_error": {"value": 2.0}}"#)).records.first)
        #expect(withSE.value == 0.4 && withSE.unit == .rate)
        let interval = try #require(withSE.interval)
        #expect(abs(interval.low - (0.4 - 1.959963984540054 * 0.02)) < 1e-12 && interval.method.hasPrefix("normal approximation"))
        #expect(withSE.notes?.contains("standard error 0.02") == true)
        let withCI = try #require(try read(Self.record(config: Self.percent, score: "40", details: #", "uncertainty": {"confidence_interval": {"lower": 35, "upper": 45, "confidence_level": 0.9}, "num_samples": 200}"#)).records.first)
        #expect(withCI.interval == ConfidenceInterval(low: 0.35, high: 0.45, level: 0.9, method: "reported"))
        #expect(withCI.n == 200 && withCI.k == 80)
    }

    @Test func offsetIntervalsBecomeBoundsAndUnstatedLevelsAreNotAssumed() throws {
        let offsets = try #require(try read(Self.record(details: #", "uncertainty": {"confidence_interval": {"lower": -0.02, "upper": 0.02, "confidence_level": 0.95}}"#)).records.first)
        #expect(abs((offsets.interval?.low ?? 0) - 0.58) < 1e-12 && abs((offsets.interval?.high ?? 0) - 0.62) < 1e-12)
        #expect(offsets.notes?.contains("interval given as offsets from the score: turned into bounds") == true)
        let noLevel = try #require(try read(Self.record(details: #", "uncertainty": {"confidence_interval": {"lower": 0.5, "upper": 0.7}, "num_samples": 10}"#)).records.first)
        #expect(noLevel.interval?.method == "wilson", "the source interval has no level: Wilson from k/n instead")
        #expect(noLevel.notes?.contains("source interval [0.5, 0.7] at an unstated confidence level: not used") == true)
        let outside = try read(Self.record(details: #", "uncertainty": {"confidence_interval": {"lower": 0.7, "upper": 0.8, "confidence_level": 0.95}}"#))
        #expect(outside.records.first?.interval == nil)
        #expect(outside.warnings.map(\.message) == ["'bench' accuracy: the interval [0.7, 0.8] does not contain the value 0.6; not used"])
    }

    @Test func repeatedEvaluationAndMetricGetVariantsFromResultIDs() throws {
        let result = #"{"evaluation_result_id": "ID", "evaluation_name": "bench", "source_data": {"dataset_name": "b", "source_type": "other"}, "metric_config": {"lower_is_better": false, "min_score": 0, "max_score": 1, "metric_id": "accuracy"}, "score_details": {"score": 0.5}}"#
        let text = Self.record().replacingOccurrences(of: "\"evaluation_results\": [", with: "\"evaluation_results\": [\(result.replacingOccurrences(of: "ID", with: "a")), \(result.replacingOccurrences(of: "ID", with: "b")), ")
        let records = try read(text).records
        #expect(records.map(\.variant) == ["a", "b", "result 3"])
    }

    @Test("an evaluation_result_id given twice keeps both results as variants, warns, and imports no rows for them")
    func aRepeatedResultIDKeepsEveryResult() throws {
        let result = #"{"evaluation_result_id": "bench/acc", "evaluation_name": "bench", "source_data": {"dataset_name": "b", "source_type": "other"}, "metric_config": {"lower_is_better": false, "min_score": 0, "max_score": 1, "metric_id": "accuracy"}, "score_details": {"score": SCORE}}"#
        let first = result.replacingOccurrences(of: "SCORE", with: "0.6"), second = result.replacingOccurrences(of: "SCORE", with: "0.9")
        let text = Self.record(name: "other").replacingOccurrences(
            of: "\"evaluation_results\": [", with: "\"evaluation_results\": [\(first), \(second), ")
        let directory = try TemporaryDirectory()
        let aggregate = try directory.write("r.json", text)
        let row = #"{"schema_version": "0.3.0", "evaluation_id": "x/y/1", "model_id": "org/m", "evaluation_name": "bench", "evaluation_result_id": "bench/acc", "sample_id": "1", "evaluation": {"score": 1, "is_correct": true}}"#
        try directory.write("r_samples.jsonl", row)
        let imported = try EveryEvalEverReader.read(path: aggregate, options: .at())
        let bench = imported.records.filter { $0.evaluation == "bench" }
        #expect(bench.map(\.value) == [0.6, 0.9], "neither result is dropped: the worst case stays in")
        #expect(bench.map(\.variant) == ["bench/acc (result 1)", "bench/acc (result 2)"])
        #expect(imported.records.contains { $0.evaluation == "other" && $0.variant == nil })
        #expect(imported.samples.isEmpty, "rows naming a repeated id cannot be told apart")
        let warning = try #require(imported.warnings.first { $0.message.contains("evaluation_result_id") })
        #expect(warning.message.hasPrefix("evaluation_result_id 'bench/acc' is given to 2 results (lines "), "\(warning.message)")
        #expect(warning.message.hasSuffix("each is kept; their instance rows cannot be told apart and are not imported"))
    }

    @Test("details.source is the figure's source only in a record Scorecard wrote; elsewhere it is kept in the notes")
    func statedSourcesAreHonouredOnlyFromScorecard() throws {
        let details = #", "details": {"source": "https://example.org/card", "source_sha256": "SHA"}"#
        let directory = try TemporaryDirectory()
        let third = try directory.write("third.json", Self.record(details: details.replacingOccurrences(of: "SHA", with: String(repeating: "a", count: 64))))
        let record = try #require(try EveryEvalEverReader.read(path: third, options: .at()).records.first)
        #expect(record.source == third, "another tool's details.source may mean anything: the file stays the source")
        #expect(record.notes?.contains("stated source: https://example.org/card") == true)

        let ours = Self.record(details: details).replacingOccurrences(
            of: #""evaluator_relationship": "third_party"}"#,
            with: #""evaluator_relationship": "other", "additional_details": {"exported_by": "scorecard 0.1.0"}}"#)
        let good = try EveryEvalEverReader.read(
            path: try directory.write("ours.json", ours.replacingOccurrences(of: "SHA", with: String(repeating: "b", count: 64))), options: .at())
        #expect(good.records.first?.source == "https://example.org/card")
        #expect(good.records.first?.sourceSHA256 == String(repeating: "b", count: 64))
        let bad = try EveryEvalEverReader.read(path: try directory.write("bad.json", ours.replacingOccurrences(of: "SHA", with: "<b>x</b>")), options: .at())
        #expect(bad.records.first?.source == "https://example.org/card" && bad.records.first?.sourceSHA256 == nil)
        #expect(bad.warnings.map(\.message) == ["'bench' accuracy: details.source_sha256 '<b>x</b>' is not 64 lowercase hex digits; the source's hash is left out"])
    }

    @Test func hostileNamesAreKeptVerbatim() throws {
        let name = #"<img src=x onerror=alert(1)> | `rm -rf` \n ../.."#
        let records = try read(Self.record(name: name, config: #""lower_is_better": false, "min_score": 0, "max_score": 1, "metric_id": "<b>acc</b>""#)).records
        #expect(records.first?.evaluation == "<img src=x onerror=alert(1)> | `rm -rf` \n ../..")
        #expect(records.first?.metric == "<b>acc</b>")
    }

    @Test func badInstanceRowsAreRefusedInTheirOwnFile() throws {
        let directory = try TemporaryDirectory()
        let aggregate = try directory.write("r.json", Self.record())
        let good = #"{"schema_version": "0.3.0", "evaluation_id": "x/y/1", "model_id": "org/m", "evaluation_name": "bench", "sample_id": "1", "evaluation": {"score": 1, "is_correct": true}}"#
        let sidecar = try directory.write("r_samples.jsonl", [
            good,
            good.replacingOccurrences(of: #""is_correct": true"#, with: #""is_correct": "yes""#),
            good.replacingOccurrences(of: #""score": 1"#, with: #""score": NaN"#),
            good.replacingOccurrences(of: #""sample_id": "1", "#, with: ""),
            "{",
        ].joined(separator: "\n"))
        let found = Problems.of { try EveryEvalEverReader.read(path: aggregate, options: .at()) }
        #expect(found == [
            "\(sidecar):2: row needs 'evaluation.is_correct' (true, false, or null for a graded row)",
            "\(sidecar):3: row needs a finite 'evaluation.score', found NaN",
            "\(sidecar):4: row needs a 'sample_id' (text), found none",
            "\(sidecar):5:2: malformed JSON: unexpected end of input inside an object",
        ])
    }

    @Test func instanceRowsOfAnotherModelErrorsAndChangedChecksumsAreReported() throws {
        let directory = try TemporaryDirectory()
        let aggregate = try directory.write("r.json", Self.record(top: #", "detailed_evaluation_results": {"format": "jsonl", "file_path": "data/a/b/c/r_samples.jsonl", "checksum": "00"}"#))
        let row = #"{"schema_version": "0.3.0", "evaluation_id": "x/y/1", "model_id": "org/m", "evaluation_name": "bench", "sample_id": "S", "evaluation": {"score": 1, "is_correct": true}}"#
        try directory.write("r_samples.jsonl", [
            row.replacingOccurrences(of: "\"S\"", with: "\"1\""),
            row.replacingOccurrences(of: "\"S\"", with: "\"2\"").replacingOccurrences(of: "}}", with: #"}, "error": "timeout"}"#),
            row.replacingOccurrences(of: "\"S\"", with: "\"3\"").replacingOccurrences(of: "org/m", with: "org/other"),
        ].joined(separator: "\n"))
        let imported = try EveryEvalEverReader.read(path: aggregate, options: .at())
        #expect(imported.samples.map(\.score) == [1, nil])
        #expect(imported.samples[1].metadata["error"] == "timeout")
        #expect(imported.records.first?.n == 2 && imported.records.first?.k == 1, "an errored row is an attempt that did not succeed")
        #expect(imported.warnings.map(\.message).sorted() == [
            "row is for model 'org/other', not 'org/m'; skipped",
            "sha256 differs from the record's checksum: the file changed after the record was written",
        ])
    }

    @Test func declaredButMissingInstanceFileIsAWarning() throws {
        let imported = try read(Self.record(top: #", "detailed_evaluation_results": {"format": "jsonl", "file_path": "data/a/b/c/gone_samples.jsonl"}"#))
        #expect(imported.records.count == 1 && imported.samples.isEmpty)
        #expect(imported.warnings.first?.message.contains("gone_samples.jsonl is not beside the record: per-sample rows not imported") == true)
    }
}
