import Foundation
import Testing
import ScorecardCore
import ScorecardEvaluators
@testable import ScorecardIngest

/// A framework's `evaluators:` section: definitions inline or in files, checked with file, line
/// and column, and added to the registry its indicators are checked against.
@Suite struct EvaluatorDefinitionTests {
    /// Registers external definitions without running anything (running is `ScorecardPlugins`' job).
    static let registry = BuiltinEvaluators.registry.supporting(.external) { definition, _ in
        EvaluatorRegistry.Entry(description: definition.described) { _ in MetricEvaluator.fixed }
    }

    /// A folder holding `files` (name → text); returns its path.
    static func folder(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-definitions-\(UUID().uuidString)")
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return url.path
    }

    static func framework(evaluators: String, indicator: String = "evaluator: ratio_of\n        params: {control: ctrl}", version: Int = 2) -> String {
        """
        schema_version: \(version)
        id: t
        name: T
        version: "1"
        levels: [{id: low}, {id: medium}]
        stages: [{id: pre}]
        aggregation: max
        evaluators:
        \(evaluators)
        categories:
          - id: c
            name: C
            indicators:
              - id: i
                name: I
                \(indicator)
                eval: trial
                metric: treated
                unit: ratio
                thresholds: {medium: {value: 2, rationale: test}}
            rule_out: {medium: {indicators: [i], rationale: test}}
        """
    }

    static let ratio = """
          ratio_of:
            kind: declarative
            summary: treated over control
            params:
              control: {kind: text, required: true, help: control metric}
            ratio: {numerator: {}, denominator: {metric: $control}}
        """

    static func load(_ files: [String: String]) throws(InputError) -> LoadedFramework {
        let folder = (try? Self.folder(files)) ?? "/nonexistent"
        return try FrameworkLoader.load(path: folder + "/framework.yaml", registry: registry)
    }

    static func problems(_ files: [String: String]) -> [String] {
        do {
            _ = try load(files)
            return []
        } catch {
            return error.diagnostics.map { diagnostic in
                let file = (diagnostic.file as NSString).lastPathComponent
                return "\(file):\(diagnostic.line.map(String.init) ?? "-"):\(diagnostic.column.map(String.init) ?? "-"): \(diagnostic.message)"
            }
        }
    }

    @Test func anInlineDeclarativeEvaluatorIsRegisteredAndChecksItsIndicatorsParameters() throws {
        let loaded = try Self.load(["framework.yaml": Self.framework(evaluators: Self.ratio)])
        let description = try #require(loaded.registry.description(of: "ratio_of"))
        #expect(description.kind == .declarative && description.origin?.file == nil && description.origin?.line == 10)
        #expect(loaded.registry.parameters(of: "ratio_of")?.map(\.name) == ["control"])
        #expect(loaded.evaluatorFiles.isEmpty)
        let misspelt = Self.framework(evaluators: Self.ratio, indicator: "evaluator: ratio_of\n        params: {contrl: ctrl}")
        #expect(Self.problems(["framework.yaml": misspelt]) == [
            "framework.yaml:22:17: indicator 'i': evaluator 'ratio_of': parameter 'contrl': unknown parameter 'contrl' (known: control); did you mean 'control'?",
            "framework.yaml:22:17: indicator 'i': evaluator 'ratio_of': parameter 'control': required but not given (expected text)",
        ])
    }

    @Test func anExternalDefinitionFileRecordsItsFileAndProgramWithTheirHashes() throws {
        let definition = """
            schema_version: 1
            kind: external
            summary: runs a script
            command: [python3, -u, score.py]
            params:
              control: {kind: text, required: true, help: control metric}
            """
        let loaded = try Self.load([
            "framework.yaml": Self.framework(evaluators: "  ratio_of: {file: defs/ratio.yaml}"),
            "defs/ratio.yaml": definition, "defs/score.py": "print('hello')\n",
        ])
        let origin = try #require(loaded.registry.description(of: "ratio_of")?.origin)
        #expect(origin.file == "defs/ratio.yaml" && origin.program == "defs/score.py" && origin.command == ["python3", "-u", "score.py"])
        #expect(origin.fileSHA256 == SHA256.hex(of: Array(definition.utf8)))
        #expect(origin.programSHA256 == SHA256.hex(of: Array("print('hello')\n".utf8)))
        #expect(loaded.evaluatorFiles == ["defs/ratio.yaml": origin.fileSHA256!, "defs/score.py": origin.programSHA256!])
    }

    @Test func aFrameworkReadFromAStoreFindsItsDefinitionsInTheGivenFolder() throws {
        let folder = try Self.folder(["defs/ratio.yaml": "schema_version: 1\n" + Self.ratio.split(separator: "\n").dropFirst().map { String($0.dropFirst(4)) }.joined(separator: "\n")])
        let text = Self.framework(evaluators: "  ratio_of: {file: defs/ratio.yaml}")
        let loaded = try FrameworkLoader.read(text, file: "cards/framework.yaml", registry: Self.registry, directory: folder)
        #expect(loaded.registry.description(of: "ratio_of")?.kind == .declarative)
        #expect(throws: InputError.self) { try FrameworkLoader.read(text, file: "cards/framework.yaml", registry: Self.registry, directory: "/nonexistent") }
    }

    static let badDefinitions: [(String, String)] = [
        ("  ratio_of:\n    kind: plugin\n    summary: s", "framework.yaml:10:11: unknown evaluator kind 'plugin' (known: declarative, external)"),
        ("  ratio_of:\n    kind: declarative\n    summary: s\n    ratio: {numerator: {}, denominator: {}}\n    worst_of: {}",
         "framework.yaml:10:5: a declarative evaluator needs exactly one shape (ratio, difference, weighted_mean, count_above, worst_of, best_of); found ratio, worst_of"),
        ("  ratio_of:\n    kind: declarative\n    summary: s\n    ratio: {numerator: {}, denominator: {metric: $ctrl}}",
         "framework.yaml:10:5: evaluator 'ratio_of': '$ctrl' names no declared parameter (declared: )"),
        ("  ctf:\n    kind: declarative\n    summary: s\n    worst_of: {}",
         "framework.yaml:10:5: evaluator 'ctf': the name is taken by ScorecardEvaluators.CTFEvaluator; give the definition another name"),
        ("  ratio_of:\n    kind: external\n    summary: s\n    command: [python3, missing.py]",
         "framework.yaml:12:14: evaluator 'ratio_of': program 'missing.py' is not a file"),
        ("  ratio_of:\n    kind: external\n    summary: s\n    command: [no-such-interpreter, x.py]",
         "framework.yaml:12:14: evaluator 'ratio_of': 'no-such-interpreter' is not on the evaluators' PATH (/usr/local/bin:/usr/bin:/bin); give its path"),
        ("  ratio_of:\n    kind: external\n    summary: s\n    command: python3 x.py",
         "framework.yaml:12:14: command must be a list: the program and its arguments, such as [python3, uplift.py] (no shell)"),
        ("  ratio_of:\n    kind: external\n    summary: s\n    command: [/bin/true]\n    timeout_s: 0",
         "framework.yaml:13:16: timeout_s must be in (0, 3600], found 0"),
        ("  ratio_of:\n    kind: declarative\n    summary: s\n    command: [x]\n    worst_of: {}",
         "framework.yaml:12:14: 'command' is for external evaluators; this one is declarative"),
        ("  Ratio:\n    kind: declarative\n    summary: s\n    worst_of: {}",
         "framework.yaml:10:5: evaluator name 'Ratio' must be lower-case letters, digits and underscores, starting with a letter"),
        ("  ratio_of:\n    kind: declarative\n    summary: s\n    params:\n      k: {kind: integer, help: h}\n    worst_of: {}",
         "framework.yaml:13:17: unknown parameter kind 'integer' (known: text, number, whole_number, boolean, choice, text_list)"),
        ("  ratio_of: {file: nowhere.yaml}", "framework.yaml:9:20: evaluator 'ratio_of': definition file "),
    ]

    @Test(arguments: badDefinitions)
    func aBadDefinitionIsAnErrorWithItsPlace(evaluators: String, expected: String) {
        let problems = Self.problems(["framework.yaml": Self.framework(evaluators: evaluators), "x.py": ""])
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
        if evaluators.contains("ratio_of") {
            #expect(!problems.contains { $0.contains("unknown evaluator 'ratio_of'") }, "a definition that failed is not also unknown")
        }
    }

    @Test func aDefinitionFilesProblemsNameThatFile() {
        let problems = Self.problems([
            "framework.yaml": Self.framework(evaluators: "  ratio_of: {file: ratio.yaml}"),
            "ratio.yaml": "schema_version: 3\nkind: declarative\nsummary: s\nworst_of: {variantz: [a]}\n",
        ])
        #expect(problems.contains("ratio.yaml:1:17: unsupported schema_version 3 for an evaluator definition (supported: 1)"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("ratio.yaml:4:12: unknown key 'variantz' in worst_of; did you mean 'variant'?") }, "\(problems)")
    }

    @Test func anEvaluatorWrittenOnAnIndicatorIsDefinedUnderTheIndicatorsName() throws {
        // External: a command makes it external; summary defaults; the program's hash is recorded like a defined one's.
        let external = "evaluator: {command: [python3, score.py], timeout_s: 5, params: {control: {kind: text, required: true, help: h}}}\n        params: {control: ctrl}"
        let loaded = try Self.load(["framework.yaml": Self.framework(evaluators: "  {}", indicator: external), "score.py": "print(1)\n"])
        let indicator = try #require(loaded.framework.categories.first?.indicators.first)
        #expect(indicator.evaluator == "inline_i")
        let description = try #require(loaded.registry.description(of: "inline_i"))
        #expect(description.kind == .external && description.summary == "written on indicator i")
        #expect(description.origin?.program == "score.py" && description.origin?.line == 16)
        #expect(loaded.evaluatorFiles == ["score.py": SHA256.hex(of: Array("print(1)\n".utf8))])
        // Declarative: a shape makes it declarative, and its parameters are checked like any definition's.
        let declarative = "evaluator: {ratio: {numerator: {}, denominator: {metric: $control}}, params: {control: {kind: text, required: true, help: h}}}\n        params: {contrl: ctrl}"
        let problems = Self.problems(["framework.yaml": Self.framework(evaluators: "  {}", indicator: declarative)])
        #expect(problems.contains { $0.hasPrefix("framework.yaml:17:17: indicator 'i': evaluator 'inline_i': parameter 'contrl': unknown parameter") }, "\(problems)")
    }

    static let badInline: [(evaluators: String, indicator: String, expected: String)] = [
        ("  {}", "evaluator: {timeout_s: 5}",
         "framework.yaml:16:20: indicator 'i': an evaluator written on the indicator needs a command (an external program) or one of the declarative shapes"),
        ("  inline_i: {kind: declarative, summary: s, worst_of: {}}", "evaluator: {command: [/bin/true]}",
         "framework.yaml:16:20: indicator 'i': its evaluator is defined as 'inline_i', a name evaluators: or another indicator already uses"),
        ("  {}", "evaluator: {command: [/bin/true], worst_of: {}}",
         "framework.yaml:16:53: 'worst_of' is a declarative shape; this evaluator is external"),
        ("  {}", "evaluator: {command: [/bin/true], file: x.yaml}", "framework.yaml:16:43: unknown key 'file' in categories[0].indicators[0].evaluator"),
    ]

    @Test(arguments: badInline)
    func aBadEvaluatorOnAnIndicatorIsAnErrorWithItsPlace(evaluators: String, indicator: String, expected: String) {
        let problems = Self.problems(["framework.yaml": Self.framework(evaluators: evaluators, indicator: indicator)])
        #expect(problems.contains { $0.hasPrefix(expected) }, "\(problems)")
        #expect(problems.count == 1, "one problem, stated once: \(problems)")
        #expect(!problems.contains { $0.contains("unknown evaluator 'inline_i'") }, "a definition that failed is not also unknown")
    }

    @Test func anEvaluatorOnAnIndicatorNeedsSchemaVersionTwo() {
        let text = Self.framework(evaluators: "  {}", indicator: "evaluator: {command: [/bin/true]}", version: 1)
            .replacingOccurrences(of: "evaluators:\n  {}\n", with: "")
            .replacingOccurrences(of: "    rule_out: {medium: {indicators: [i], rationale: test}}", with: "")
        let problems = Self.problems(["framework.yaml": text])
        #expect(problems.contains { $0.hasSuffix("an evaluator written on an indicator needs schema_version 2 (this file declares 1)") }, "\(problems)")
    }

    @Test func evaluatorsNeedSchemaVersionTwo() {
        let problems = Self.problems(["framework.yaml": Self.framework(evaluators: Self.ratio, version: 1).replacingOccurrences(of: "    rule_out: {medium: {indicators: [i], rationale: test}}", with: "")])
        #expect(problems.contains("framework.yaml:9:3: evaluators needs schema_version 2 (this file declares 1)"), "\(problems)")
    }
}

extension MetricEvaluator {
    /// A metric reader with default parameters.
    static let fixed: MetricEvaluator = {
        do { return try MetricEvaluator(checking: .init()) } catch { preconditionFailure("\(error)") }
    }()
}
