import Foundation
import ScorecardCore
import ScorecardEvaluators
import Testing
@testable import ScorecardIngest

/// Inputs that are valid though unusual (a byte-order mark), and inputs that must be refused
/// because which value counts would be a guess (duplicate keys and columns) or that no text holds (NUL).
@Suite struct InputEncodingTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let line = #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "accuracy", "value": 0.5}"#

    func read(_ name: String, _ bytes: [UInt8]) throws -> ImportedEvidence {
        try ScorecardEvidenceReader.read(path: try folder.write(name, bytes), options: .init())
    }

    func problems(_ name: String, _ bytes: [UInt8]) -> [String] {
        InspectFixtures.problems { _ = try read(name, bytes) }.map { $0.replacingOccurrences(of: folder.url.path + "/", with: "") }
    }

    @Test("a byte-order mark before JSON Lines, a JSON array or CSV is not content", arguments: ["jsonl", "json", "csv"])
    func byteOrderMarkInEvidence(form: String) throws {
        let text = switch form {
        case "jsonl": Self.line + "\n"
        case "json": "[\(Self.line)]"
        default: "model,stage,eval,metric,value\nm,pre_mitigation,e,accuracy,0.5\n"
        }
        let path = try folder.write("e.\(form)", Self.bom + Array(text.utf8))
        #expect(ScorecardEvidenceReader.detect(path: path, prefix: Self.bom + Array(text.utf8)))
        let evidence = try ScorecardEvidenceReader.read(path: path, options: .init())
        #expect(evidence.records.map(\.value) == [0.5])
        #expect(evidence.records.first?.location.line == (form == "csv" ? 2 : 1))
    }

    @Test("a byte-order mark before a framework, determinations or a card is not content")
    func byteOrderMarkInYAML() throws {
        let frameworkText = try String(contentsOf: FrameworkLoaderTests.directory.appendingPathComponent("valid.yaml"), encoding: .utf8)
        let framework = try folder.write("framework.yaml", Self.bom + Array(frameworkText.utf8))
        let loaded = try FrameworkLoader.load(path: framework, registry: BuiltinEvaluators.registry)
        let determinations = try folder.write("d.yaml", Self.bom + Array("""
            schema_version: 1
            determinations:
              - {model: o1, category: cyber, stage: post_mitigation, level: medium, rationale: caution, author: SAG, date: 2024-12-05}
            """.utf8))
        #expect(try DeterminationLoader.load(path: determinations, framework: loaded.framework).determinations.count == 1)
        _ = try folder.write("evidence.jsonl", Self.line + "\n")
        let card = try folder.write("scorecard.yaml", Self.bom + Array("""
            schema_version: 1
            framework: framework.yaml
            evidence:
              - evidence.jsonl
            """.utf8))
        #expect(try CardConfigLoader.load(path: card, formats: EvidenceFormats.names).evidence.count == 1)
    }

    @Test("duplicate keys in a JSON object are refused with the line, as YAML refuses them")
    func duplicateJSONKeys() throws {
        let twice = Self.line.replacingOccurrences(of: #""value": 0.5"#, with: #""value": 0.5, "value": 0.9"#)
        #expect(problems("d.jsonl", Array((Self.line + "\n" + twice + "\n").utf8))
            == ["d.jsonl:2:92: malformed JSON: duplicate key 'value' in one object; keep one"])
        #expect(problems("d.json", Array("[\n\(Self.line),\n\(twice)\n]".utf8)).first?.hasPrefix("d.json:3:") == true)
        let nested = #"{"model": "m", "stage": "s", "eval": "e", "sample_id": "1", "epoch": 1, "score": 1, "metadata": {"tier": "a", "tier": "b"}}"#
        #expect(problems("n.jsonl", Array(nested.utf8)) == ["n.jsonl:1:111: malformed JSON: duplicate key 'tier' in one object; keep one"])
    }

    @Test("duplicate keys in another tool's JSON are refused too (lm-eval results)")
    func duplicateKeysInLMEval() throws {
        let path = try folder.write("results_2026-01-01T00-00-00.json", """
            {"results": {"t": {"acc,none": 0.5, "acc,none": 0.7}}, "config": {"model_args": "pretrained=m"}, "n-samples": {"t": {"effective": 10}}}
            """)
        let found = InspectFixtures.problems { _ = try LMEvalReader.read(path: path, options: .init(stage: "s")) }
        #expect(found.count == 1 && found.first?.contains(":1:") == true && found.first?.contains("duplicate key 'acc,none'") == true, "\(found)")
    }

    @Test("duplicate CSV columns are refused with the header's line")
    func duplicateCSVColumns() {
        let csv = "model,stage,eval,metric,value,value\nm,pre_mitigation,e,accuracy,0.5,0.9\n"
        #expect(problems("d.csv", Array(csv.utf8)) == ["d.csv:1: duplicate column 'value' (columns 5 and 6); keep one"])
    }

    @Test("a NUL byte in a CSV field is refused with its line, as JSON refuses it")
    func nulInCSV() {
        let csv = Array("model,stage,eval,metric,value,notes\nm,pre_mitigation,e,accuracy,0.5,ab".utf8) + [0] + Array("c\n".utf8)
        #expect(problems("n.csv", csv) == ["n.csv:2: malformed CSV: a NUL byte in field 6; evidence text cannot contain one"])
        let json = Array(Self.line.replacingOccurrences(of: "\"m\"", with: "\"m").utf8) + [0] + Array("\"".utf8)
        #expect(problems("n.jsonl", json).first?.contains("malformed JSON") == true)
    }

    @Test("lm-eval metrics that are not numbers are warned about with their line; the numeric ones are imported")
    func lmEvalMetricsOfTheWrongType() throws {
        let path = try folder.write("results_2026-01-01T00-00-00.json", """
            {"results": {"t": {"alias": "t",
              "acc,none": 0.5, "acc_norm,none": 0.6, "f1,none": 0.7,
              "level,none": "high", "passed,none": true, "bleu,none": null}},
             "config": {"model_args": "pretrained=m"}, "n-samples": {"t": {"effective": 10}}}
            """)
        let evidence = try LMEvalReader.read(path: path, options: .init(stage: "s"))
        #expect(evidence.records.map(\.metric) == ["acc", "acc_norm", "f1"])
        #expect(evidence.warnings.map { "\($0.line ?? 0): \($0.message)" } == [
            "3: 'level,none' of 't' is 'high', not a number; skipped (no record for it)",
            "3: 'passed,none' of 't' is true, not a number; skipped (no record for it)",
            "3: 'bleu,none' of 't' is null, not a number; skipped (no record for it)",
        ])
    }
}
