import Foundation
import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardJSON
import ScorecardTesting
import Testing

/// Broken documents refused by the schema where they are broken, and by the reader too;
/// unusual but valid ones (aliases, optional shapes) accepted by both; and Python's `jsonschema`
/// giving each the same verdict.
@Suite struct SchemaVerdictTests {
    /// One document: its schema, its text (YAML, or one JSON line for evidence), and what the
    /// schema must say: nil when valid, else a piece of the first matching error.
    struct Case: CustomTestStringConvertible {
        let schema: String
        let text: String
        let refusal: String?
        var testDescription: String { "\(schema): \(refusal ?? "valid")" }
    }

    static let framework = """
        schema_version: 2
        id: t
        name: T
        version: "1"
        levels: [{id: low}, {id: high, name: High}]
        stages: [{id: pre, name: Pre}]
        aggregation: max
        categories:
          - id: c
            name: C
            indicators:
              - {id: i, name: I, evaluator: metric, eval: e, metric: m, thresholds: {high: {value: 0.5, rationale: r}}}
            rule_out:
              high: {indicators: [i], rationale: r}
        gates:
          - {id: g, name: G, stage: pre, passes_if_at_most: low}

        """

    /// The framework above with `old` replaced by `new` (a replacement that finds nothing leaves
    /// the valid framework, which the refusal case then fails on).
    static func framework(replacing old: String, with new: String) -> String {
        framework.replacingOccurrences(of: old, with: new)
    }

    /// Every optional shape: combine at_least, a list of metrics, rule-out routes with bars, a
    /// relative threshold, a non-gating category without indicators, a trigger gate, a
    /// declarative evaluator with a parameter.
    static let everyShape = """
        schema_version: 2
        id: t
        name: T
        version: "1"
        source: https://example.org/framework
        levels: [{id: low}, {id: high, name: High, summary: s}]
        stages: [{id: pre, name: Pre, summary: s}]
        aggregation: max
        uncertainty: conservative_bound
        early_warning_margin: 0.05
        categories:
          - id: c
            name: C
            combine: {at_least: 1}
            min_indicators: 1
            indicators:
              - id: i
                name: I
                evaluator: metric
                eval: e
                metric: [m, m2]
                unit: score
                direction: lower
                inclusive: false
                required: true
                early_warning_margin: 0.1
                baselines: [{name: experts, value: 0.3, source: s}]
                thresholds:
                  high: {relative_to: {model: ref, stage: pre}, difference: -0.1, rationale: r}
              - {id: j, name: J, evaluator: best, eval: e2, metric: m, params: {first: a}}
            rule_out:
              high:
                any_of:
                  - {require: any, indicators: [i, {id: j, bar: 0.2}], rationale: r}
                  - {require: {at_least: 1}, indicators: [{id: j, bar: 0.1}], rationale: r2}
          - {id: r, name: Research, gating: false, required: false, levels: {high: very capable}}
        gates:
          - {id: g, name: G, stage: pre, passes_if_at_most: low}
          - {id: s, name: S, summary: s, stage: pre, required_if_at_least: high}
        evaluators:
          best:
            kind: declarative
            summary: the best of two variants
            version: 2
            params:
              first: {kind: text, required: true, help: one variant}
              mode: {kind: choice, values: [a, b], default: a, help: a choice}
            best_of: {variants: [$first, other]}

        """

    /// The demo's sign-off record.
    static let signoff = #"{"decision":"approve","determinations_sha256":null,"document_sha256":"849b82f82e8cdac60e842c178248463c9b716a1ad122279e367214c7a1422f91","framework_sha256":"cf8ce006b3329cf4df6ee34d3237e77c4b3d4f54479e4beb18a99769cd5a7d7d","model":"o1","note":null,"public_key":"wojBdN3HxSRJYHHo7mHZ0VdW8EPTy8/KCHcdTLo2Eds=","reviewer":"Demo Reviewer","signature":"HlF6+8AYRWpo9pWW9RJTqTPuNRVkz4/G0P365PQX119cQAq2hM8neV8dLKSezRFsyV3CULFfPamdEsBw3/yxAA==","signed_at":"2026-12-02T01:26:45Z","snapshot":null,"version":1}"#

    static let cases: [Case] = [
        Case(schema: "framework", text: framework, refusal: nil),
        Case(schema: "framework", text: framework + "colour: red\n", refusal: "$: unexpected member 'colour'"),
        Case(schema: "framework", text: framework(replacing: "metric: m,", with: "metric: m, inclusive: maybe,"),
             refusal: "$.categories[0].indicators[0].inclusive: expected boolean, found text"),
        Case(schema: "framework", text: framework(replacing: "{value: 0.5", with: "{valeu: 0.5"),
             refusal: "$.categories[0].indicators[0].thresholds.high: matches none of the anyOf schemas; the closest fails with:"),
        Case(schema: "framework", text: framework(replacing: "schema_version: 2", with: "schema_version: 1"),
             refusal: "$.categories[0].rule_out: no value is allowed here"),
        Case(schema: "framework", text: framework(replacing: "schema_version: 2", with: "schema_version: 4"),
             refusal: "$.schema_version: 4 is not one of the allowed values"),
        Case(schema: "framework", text: framework(replacing: "passes_if_at_most: low}", with: "passes_if_at_most: low, categories: [c]}"),
             refusal: "$.gates[0].categories: no value is allowed here"),
        Case(schema: "framework", text: framework(replacing: "aggregation: max\n", with: ""),
             refusal: "$: missing required 'aggregation'"),
        Case(schema: "framework", text: framework(replacing: "levels: [{id: low}, ", with: "levels: ["),
             refusal: "$.levels: fewer than 2 items"),
        Case(schema: "framework", text: framework(replacing: "passes_if_at_most: low", with: "passes_if_at_most: low, required_if_at_least: high"),
             refusal: "$.gates[0]: matches 2 of the oneOf schemas"),
        Case(schema: "framework", text: framework(replacing: "metric: m,", with: "metric: [],"),
             refusal: "$.categories[0].indicators[0].metric: matches none of the anyOf schemas; the closest fails with: $.categories[0].indicators[0].metric: fewer than 1 items"),
        Case(schema: "framework", text: framework(replacing: "high: {indicators: [i],", with: "high: {require: {at_least: 0}, indicators: [i],"),
             refusal: "$.categories[0].rule_out.high: matches none of the anyOf schemas; the closest fails with: $.categories[0].rule_out.high.require"),
        Case(schema: "framework", text: framework + "evaluators:\n  Twice: {kind: declarative, summary: s, best_of: {}}\n",
             refusal: "$.evaluators: member name 'Twice' is not allowed"),
        // Every optional shape: combine at_least, a list of metrics, routes with bars, a relative
        // threshold, a non-gating category without indicators, a trigger gate, a declarative evaluator.
        Case(schema: "framework", text: everyShape, refusal: nil),

        // Evaluators written on an indicator: the kind follows from the keys, the summary may be left out.
        Case(schema: "framework", text: framework(replacing: "evaluator: metric,", with: "evaluator: {command: [/bin/true], timeout_s: 5},"), refusal: nil),
        Case(schema: "framework", text: framework(replacing: "evaluator: metric,", with: "evaluator: {summary: s, best_of: {variants: [a, b]}},"), refusal: nil),
        Case(schema: "framework", text: framework(replacing: "evaluator: metric,", with: "evaluator: {timeout_s: 5},"),
             refusal: "$.categories[0].indicators[0].evaluator: matches none of the anyOf schemas"),
        Case(schema: "framework", text: framework(replacing: "evaluator: metric,", with: "evaluator: {command: [/bin/true], best_of: {}},"),
             refusal: "$.categories[0].indicators[0].evaluator: matches none of the anyOf schemas"),

        Case(schema: "evaluator-definition", text: "schema_version: 1\nkind: declarative\nsummary: s\nparams: {bar: {kind: number, range: [0, 1], default: 0.5, help: h}}\ncount_above: {bar: $bar, results: [{eval: a}, {eval: b, bar: 0.2}]}\n", refusal: nil),
        Case(schema: "evaluator-definition", text: "kind: declarative\nsummary: s\nbest_of: {}\n", refusal: "$: missing required 'schema_version'"),
        Case(schema: "evaluator-definition", text: "schema_version: 1\nkind: declarative\nsummary: s\nbest_of: {}\ncommand: [python3, x.py]\n", refusal: "$.command: no value is allowed here"),
        Case(schema: "evaluator-definition", text: "schema_version: 1\nkind: declarative\nsummary: s\ncount_above: {results: [{eval: a}]}\n", refusal: "$.count_above.results[0]: missing required 'bar'"),
        Case(schema: "framework", text: framework + "evaluators:\n  d: {schema_version: 1, kind: declarative, summary: s, best_of: {}}\n",
             refusal: "$.evaluators.d: matches none of the anyOf schemas; the closest fails with: $.evaluators.d.schema_version: no value is allowed here"),

        Case(schema: "evidence-record", text: #"{"model": "m", "stage": "pre", "eval": "e", "metric": "accuracy", "value": 0.4, "n": 10, "k": 4, "ci_low": 0.1, "ci_high": 0.7, "ci_level": 0.9, "snapshot": null}"#, refusal: nil),
        Case(schema: "evidence-record", text: #"{"model": "m", "stage": "pre", "eval": "e", "metric": "solved", "value": 3, "unit": "count", "lower_is_better": false}"#, refusal: nil),
        Case(schema: "evidence-record", text: #"{"model": "m", "stage": "pre", "eval": "e", "sample_id": 7, "epoch": 1, "score": null, "error": "timeout", "metadata": {"tier": "pro"}}"#, refusal: nil),
        Case(schema: "evidence-record", text: #"{"model": "m", "stage": "pre", "eval": "e", "metric": "accuracy", "valu": 0.4, "value": 0.4}"#, refusal: "$: unexpected member 'valu'"),
        Case(schema: "evidence-record", text: #"{"model": "m", "stage": "pre", "eval": "e", "metric": "accuracy", "value": 46}"#, refusal: "$.value: above 1"),
        Case(schema: "evidence-record", text: #"{"model": "m", "stage": "pre", "eval": "e", "metric": "accuracy", "value": 0.4, "k": 4}"#, refusal: "$: missing required 'n'"),
        Case(schema: "evidence-record", text: #"{"model": "m", "stage": "pre", "eval": "e", "metric": "accuracy", "value": 0.4, "source_sha256": "ABC"}"#, refusal: "$.source_sha256: matches none of the anyOf schemas"),
        Case(schema: "evidence-record", text: #"{"model": "m", "stage": "pre", "eval": "e", "sample_id": "s1", "epoch": 1, "score": 1, "error": "timeout"}"#, refusal: "$.score: expected null, found a number"),
        Case(schema: "evidence-record", text: #"{"model": "m", "stage": "pre", "eval": "e", "sample_id": "s1", "score": 1}"#, refusal: "$: missing required 'epoch'"),

        Case(schema: "determinations", text: "schema_version: 1\ndeterminations:\n  - {model: o1, snapshot: o1-2024-12-17, category: cbrn, stage: pre_mitigation, level: medium, rationale: r, author: SAG, date: 2024-12-05}\nmodels_without_evidence: [gpt-4]\n", refusal: nil),
        Case(schema: "determinations", text: "schema_version: 1\ndeterminations:\n  - {model: o1, category: cbrn, stage: pre_mitigation, level: medium, author: SAG, date: 2024-12-05}\n", refusal: "$.determinations[0]: missing required 'rationale'"),
        Case(schema: "determinations", text: "schema_version: 1\ndeterminations:\n  - {model: o1, category: cbrn, stage: pre_mitigation, level: medium, rationale: r, author: SAG, date: 5 Dec 2024}\n", refusal: "$.determinations[0].date: '5 Dec 2024' does not match"),
        Case(schema: "determinations", text: "schema_version: 1\nmitigations:\n  - {model: o1, category: cbrn, text: t, reviewer: me}\n", refusal: "$.mitigations[0]: unexpected member 'reviewer'"),
        Case(schema: "determinations", text: "schema_version: 2\n", refusal: "$.schema_version: must be 1"),
        Case(schema: "determinations", text: "schema_version: 1\ndeterminations:\n  - {model: o1, category: cbrn, stage: pre_mitigation, level: medium, rationale: r, author: SAG, date: 2024-12-05, made_on: ABC}\n",
             refusal: "$.determinations[0].made_on: 'ABC' does not match"),

        Case(schema: "keyring", text: "schema_version: 1\nreviewers:\n  \"A Reviewer\": wojBdN3HxSRJYHHo7mHZ0VdW8EPTy8/KCHcdTLo2Eds=\n", refusal: nil),
        Case(schema: "keyring", text: "schema_version: 1\nreviewers:\n  A: not-a-key\n", refusal: "$.reviewers.A: 'not-a-key' does not match"),
        Case(schema: "keyring", text: "schema_version: 1\nreviewers: {}\nowners: {}\n", refusal: "$: unexpected member 'owners'"),

        Case(schema: "signoff", text: Self.signoff, refusal: nil),
        Case(schema: "signoff", text: Self.signoff.replacingOccurrences(of: #""decision":"approve""#, with: #""decision":"maybe""#),
             refusal: "$.decision: 'maybe' is not one of the allowed values"),
        Case(schema: "signoff", text: Self.signoff.replacingOccurrences(of: #""reviewer":"Demo Reviewer","#, with: ""),
             refusal: "$: missing required 'reviewer'"),
        Case(schema: "signoff", text: Self.signoff.replacingOccurrences(of: #""version":1"#, with: #""version":2"#), refusal: "$.version: must be 1"),

        Case(schema: "card", text: "schema_version: 1\nframework: framework.yaml\nmodels: [a, {name: b, snapshots: [b-1]}]\nevidence:\n  - evidence.jsonl\n  - {path: evidence.jsonl, format: evidence, stage: pre, map: {task: e}, skip_invalid: true}\nstages: {pre: pre, post: ~}\nreports: {formats: md, document: true, generated_at: 2025-01-01T00:00:00Z}\nstrict: true\n", refusal: nil),
        Case(schema: "card", text: "schema_version: 1\nframework: framework.yaml\nevidence: [evidence.jsonl]\nsignoffs: signoffs.jsonl\nkeyring: framework.yaml\n", refusal: nil),
        Case(schema: "card", text: "schema_version: 1\nframework: framework.yaml\nevidence: [evidence.jsonl]\nframeworks: [x]\n", refusal: "$: unexpected member 'frameworks'"),
        Case(schema: "card", text: "schema_version: 1\nframework: framework.yaml\nevidence: [{path: evidence.jsonl, format: csv}]\n", refusal: "$.evidence[0]: matches none of the anyOf schemas; the closest fails with: $.evidence[0].format"),
        Case(schema: "card", text: "schema_version: 1\nframework: framework.yaml\nevidence: [evidence.jsonl]\nstrict: yes\n", refusal: "$.strict: expected boolean, found text"),
        Case(schema: "card", text: "schema_version: 1\nframework: framework.yaml\nevidence: []\n", refusal: "$.evidence: fewer than 1 items"),
    ]

    static func isJSONLines(_ schema: String) -> Bool { schema == "evidence-record" || schema == "signoff" }

    static func value(_ testCase: Case) throws -> JSONValue {
        isJSONLines(testCase.schema)
            ? try JSONParser.parse(Array(testCase.text.utf8)) : try YAMLJSON.value(of: testCase.text, file: "case.yaml")
    }

    @Test(arguments: cases)
    func theSchemaGivesItsVerdictWithAPath(_ testCase: Case) throws {
        let errors = try SchemaSupport.checker(testCase.schema).errors(try Self.value(testCase))
        if let refusal = testCase.refusal {
            #expect(errors.contains { $0.contains(refusal) }, "\(errors)")
        } else {
            #expect(errors == [])
        }
    }

    /// The reader refuses what the schema refuses and accepts what it accepts.
    @Test(arguments: cases)
    func theReaderAgrees(_ testCase: Case) throws {
        let folder = try ScratchFolder("scorecard-schema-case")
        try "{}".write(toFile: folder.path("framework.yaml"), atomically: true, encoding: .utf8)
        try "".write(toFile: folder.path("evidence.jsonl"), atomically: true, encoding: .utf8)
        let accepted: Bool
        do {
            switch testCase.schema {
            case "framework": _ = try FrameworkLoader.parse(testCase.text, file: "case.yaml", registry: StandardEvaluators.registry)
            case "evidence-record": _ = try ScorecardEvidenceReader.parse(Array(testCase.text.utf8), file: "case.jsonl", stages: nil)
            case "determinations": _ = try DeterminationLoader.parse(testCase.text, file: "case.yaml", framework: try Inputs.load(Fixtures.demo).framework)
            case "keyring": _ = try KeyringLoader.parse(testCase.text, file: "case.yaml")
            case "signoff": _ = try SignoffFile.parse(testCase.text, file: "case.jsonl")
            case "evaluator-definition":
                try testCase.text.write(toFile: folder.path("definition.yaml"), atomically: true, encoding: .utf8)
                try (Self.framework + "evaluators:\n  defined: {file: definition.yaml}\n").write(toFile: folder.path("framework.yaml"), atomically: true, encoding: .utf8)
                _ = try FrameworkLoader.load(path: folder.path("framework.yaml"), registry: StandardEvaluators.registry)
            default: _ = try CardConfigLoader.parse(testCase.text, path: folder.path("scorecard.yaml"), sha256: "", formats: EvidenceFormats.names)
            }
            accepted = true
        } catch {
            accepted = false
        }
        #expect(accepted == (testCase.refusal == nil))
    }

    @Test(.enabled(if: SchemaScript.isAvailable, "needs python3 with jsonschema and pyyaml (pip install jsonschema pyyaml)"))
    func pythonsJSONSchemaGivesTheSameVerdicts() throws {
        let folder = try ScratchFolder("scorecard-schema-python")
        for schema in Set(Self.cases.map(\.schema)) {
            let cases = Self.cases.enumerated().filter { $0.element.schema == schema }
            let paths = try cases.map { index, testCase in
                let path = folder.path("\(index).\(Self.isJSONLines(schema) ? "jsonl" : "yaml")")
                try testCase.text.write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
            let verdicts = try SchemaScript.verdicts(paths, schema: schema)
            for ((_, testCase), path) in zip(cases, paths) {
                let line = verdicts[path] ?? ""
                #expect(line.hasPrefix(testCase.refusal == nil ? "valid" : "refused"), "\(testCase.testDescription): \(line)")
            }
        }
    }

    /// The loader's fixtures of broken frameworks: the reader refuses every one; the schema
    /// refuses those broken in shape, and only those (the rest break rules a schema cannot state:
    /// ids that exist, ranges, monotonic thresholds). Python's `jsonschema` agrees file by file.
    @Test func theLoadersBrokenFixturesAreRefusedByTheSchemaWhenTheirShapeIsBroken() throws {
        let shapeBroken: Set = [
            "bad-duplicate-yaml-key.yaml", "bad-missing-rationale.yaml", "bad-relative-no-operation.yaml", "bad-rule-out-in-v1.yaml", "bad-schema-version.yaml",
            "bad-unknown-key.yaml", "bad-yaml-syntax.yaml",
        ]
        let checker = try SchemaSupport.checker("framework")
        let files = SchemaSupport.files("Tests/ScorecardIngestTests/Fixtures/frameworks/*.yaml")
        #expect(files.count > 20)
        var refused: Set<String> = []
        for file in files {
            let name = String(file.split(separator: "/").last ?? "")
            let path = PackagePaths.file(file).path
            let readerRefuses = (try? FrameworkLoader.load(path: path, registry: StandardEvaluators.registry)) == nil
            #expect(readerRefuses == name.hasPrefix("bad-"), "\(name)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            if let value = try? YAMLJSON.value(of: text, file: file), checker.errors(value).isEmpty { continue }
            refused.insert(name)
        }
        #expect(refused == shapeBroken)
        if SchemaScript.isAvailable {
            let verdicts = try SchemaScript.verdicts(files.map { PackagePaths.file($0).path }, schema: "framework")
            for (path, verdict) in verdicts {
                let name = String(path.split(separator: "/").last ?? "")
                #expect(verdict.hasPrefix(shapeBroken.contains(name) ? "refused" : "valid"), "Python's jsonschema on \(name): \(verdict)")
            }
        }
    }

    @Test(.enabled(if: SchemaScript.isAvailable, "needs python3 with jsonschema and pyyaml (pip install jsonschema pyyaml)"))
    func pythonsJSONSchemaAcceptsEveryShippedFile() throws {
        let (status, output) = try SchemaScript.run([])
        #expect(status == 0, "\(output)")
        #expect(output.contains("a valid draft 2020-12 schema") && !output.contains("refused"), "\(output)")
    }
}
