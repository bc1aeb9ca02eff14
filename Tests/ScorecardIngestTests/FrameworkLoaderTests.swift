import Foundation
import Testing
import ScorecardCore
import ScorecardEvaluators
@testable import ScorecardIngest

/// One bad framework file per validation rule, each with the exact place and message expected.
@Suite struct FrameworkLoaderTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/frameworks")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test func validFileLoads() throws {
        let loaded = try FrameworkLoader.load(path: Self.path("valid.yaml"), registry: BuiltinEvaluators.registry)
        let framework = loaded.framework
        #expect(framework.scale.levels.map(\.id) == ["low", "medium", "high"])
        #expect(framework.uncertainty == .conservativeBound)
        #expect(framework.categories[0].indicators[0].thresholds.map(\.value) == [0.5, 0.8])
        #expect(framework.gates.map(\.kind) == [.ceiling, .trigger])
        #expect(loaded.sha256.count == 64)
    }

    static let badFiles: [(String, String, String)] = [
        ("bad-schema-version.yaml", "1:17", "unsupported schema_version 7 (supported: 1, 2, 3)"),
        ("bad-unknown-key.yaml", "13:1", "unknown key 'agregation' in the document; did you mean 'aggregation'?"),
        ("bad-duplicate-yaml-key.yaml", "13:1", "duplicate key 'uncertainty'"),
        ("bad-duplicate-level.yaml", "9:10", "duplicate level id 'medium' (first defined at line 7)"),
        ("bad-unknown-level.yaml", "30:17", "unknown level 'hihg' in the thresholds of indicator 'ctf' (known: low, medium, high)"),
        ("bad-not-monotonic.yaml", "30:25", "thresholds of indicator 'ctf' are not monotonic: high 0.4 must be above medium 0.5"),
        ("bad-unknown-evaluator.yaml", "24:20", "unknown evaluator 'cft' (known: agentic, benchmark_vs_baseline, ctf, metric, persuasion)"),
        ("bad-evaluator-param.yaml", "25:17",
         "parameter 'tiers': unknown parameter 'tiers' (known: accept_more_attempts, bootstrap_resamples, errored, k, seed, success_threshold, tier); did you mean 'tier'?"),
        ("bad-gate-stage.yaml", "32:47", "gate 'deployment' names unknown stage 'post' (known: pre_mitigation, post_mitigation)"),
        ("bad-gate-level.yaml", "33:92", "gate 'hardening' names unknown level 'severe'"),
        ("bad-rate-threshold.yaml", "29:27", "value 50 is outside [0, 1]; rates are fractions: did you mean 0.5?"),
        ("bad-missing-rationale.yaml", "30:17", "categories[0].indicators[0].thresholds.high is missing 'rationale'"),
        ("bad-floor-threshold.yaml", "29:16", "has a threshold for 'low', the lowest level; the floor needs none"),
        ("bad-yaml-syntax.yaml", "8:5", "YAML syntax: did not find expected ',' or '}'"),
        ("bad-duplicate-indicator.yaml", "34:14", "duplicate indicator id 'ctf' (first defined at line 22)"),
        ("bad-rule-out-unknown-indicator.yaml", "45:22", "rule_out 'medium' of category 'cyber' names unknown indicator 'cft' (known: ctf, range, screen)"),
        ("bad-rule-out-needs-bar.yaml", "49:27", "rule_out 'high' of category 'cyber': indicator 'screen' has no 'high' threshold; give a bar"),
        ("bad-relative-no-operation.yaml", "34:26", "threshold 'medium' of indicator 'range': relative_to needs a ratio"),
        ("bad-rule-out-floor.yaml", "44:9", "rule_out 'low' of category 'cyber': the floor is never ruled out"),
        ("bad-rule-out-at-least.yaml", "48:18", "rule_out 'high' of category 'cyber': at_least 3, but the set names 2 indicators"),
        ("bad-rule-out-in-v1.yaml", "32:7", "rule_out needs schema_version 2 (this file declares 1)"),
    ]

    @Test(arguments: badFiles)
    func badFileIsRefusedWithPlaceAndMessage(file: String, place: String, message: String) throws {
        let path = Self.path(file)
        let error = try #require(throws: InputError.self) {
            try FrameworkLoader.load(path: path, registry: BuiltinEvaluators.registry)
        }
        let lines = error.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("\(path):\(place): ") && $0.contains(message) }, "\(lines)")
    }

    @Test func aSchemaTwoFileLoadsRuleOutSetsRelativeThresholdsAndNonGatingCategories() throws {
        let loaded = try FrameworkLoader.load(path: Self.path("valid-v2.yaml"), registry: BuiltinEvaluators.registry)
        let framework = loaded.framework
        let cyber = try #require(framework.category("cyber"))
        guard case .sets(let sets) = cyber.ruleOut else {
            Issue.record("expected rule-out sets, found \(cyber.ruleOut)")
            return
        }
        #expect(sets.map(\.level.id) == ["medium", "high"])
        #expect(sets[1].requirement == .atLeast(1))
        #expect(sets[1].entries == [.init(indicator: "ctf", bar: nil), .init(indicator: "screen", bar: 0.3)])
        #expect(cyber.isDecisive(try #require(cyber.indicator("screen"))), "a rule-out indicator decides though it has no thresholds")
        let relative = try #require(cyber.indicator("range")?.thresholds.first?.relative)
        #expect(relative.reference == ReferenceSubject(subject: Subject(model: "GPT-4o"), stage: "pre_mitigation"))
        #expect(relative.operation == .ratio(1.5))
        #expect(framework.category("research")?.gating == false)
        #expect(loaded.warnings.map(\.message).contains { $0.contains("category 'research': once") } == false)
    }

    @Test func aLevelMayHaveSeveralRuleOutRoutes() throws {
        let text = try String(contentsOfFile: Self.path("valid-v2.yaml"), encoding: .utf8).replacingOccurrences(
            of: "      medium: {indicators: [{id: sandbagging, bar: 0.1}], rationale: \"indicative\"}",
            with: "      medium:\n        any_of:\n          - {indicators: [{id: sandbagging, bar: 0.1}], rationale: \"indicative\"}\n          - {indicators: [{id: sandbagging, bar: 0.05}], require: any, rationale: \"stricter\"}")
        let framework = try FrameworkLoader.parse(text, file: "x.yaml", registry: BuiltinEvaluators.registry)
        let routes = try #require(framework.category("research")).ruleOut.sets(for: Fixture.level("medium", in: framework))
        #expect(routes.map(\.requirement) == [.all, .any])
        #expect(routes.map { $0.entries.first?.bar } == [0.1, 0.05])
        let unknown = text.replacingOccurrences(of: "any_of:", with: "anyof:")
        #expect(throws: InputError.self) { try FrameworkLoader.parse(unknown, file: "x.yaml", registry: BuiltinEvaluators.registry) }
    }

    @Test func lintWarnsAboutLevelsNoEvidenceCanRuleOut() throws {
        let text = try String(contentsOfFile: Self.path("valid-v2.yaml"), encoding: .utf8)
        let noMedium = text.replacingOccurrences(of: "      medium:\n        require: all\n        indicators: [ctf]\n        rationale: \"professional CTFs are the practice for ruling Medium out\"\n", with: "")
        #expect(noMedium != text)
        let framework = try FrameworkLoader.parse(noMedium, file: "x.yaml", registry: BuiltinEvaluators.registry)
        #expect(framework.category("cyber") != nil)
        let loadedWarnings = try Self.warnings(noMedium)
        #expect(loadedWarnings.contains { $0.contains("category 'cyber': no evidence can rule out 'medium', so the category can never be at the floor 'low'") })
        #expect(loadedWarnings.contains { $0.contains("category 'research': 'high' has no rule-out set, so once 'medium' is reached or not ruled out") })
        #expect(!loadedWarnings.contains { $0.contains("category 'research': no evidence can rule out 'medium'") })
    }

    @Test func aSchemaOneFileIsToldHowItsLevelsAreRuledOut() throws {
        let warnings = try Self.warnings(try String(contentsOfFile: Self.path("valid.yaml"), encoding: .utf8))
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("schema_version 1: once a category is assessed, every level above") == true)
    }

    /// The warnings `frameworks lint` shows for `text`, written to a temporary file and loaded.
    static func warnings(_ text: String) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try FrameworkLoader.load(path: url.path, registry: BuiltinEvaluators.registry).warnings.map(\.message)
    }

    @Test func everyProblemIsReportedInOnePass() throws {
        let text = try String(contentsOfFile: Self.path("valid.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "evaluator: ctf", with: "evaluator: nope")
            .replacingOccurrences(of: "stage: post_mitigation, passes", with: "stage: later, passes")
            .replacingOccurrences(of: "aggregation: max", with: "aggregation: mean")
        let error = try #require(throws: InputError.self) {
            try FrameworkLoader.parse(text, file: "x.yaml", registry: BuiltinEvaluators.registry)
        }
        #expect(error.diagnostics.count == 3)
        #expect(error.diagnostics.map(\.line) == error.diagnostics.map(\.line).sorted { ($0 ?? 0) < ($1 ?? 0) })
    }

    @Test func everyBadEvaluatorParameterIsReportedAtTheParams() throws {
        let text = try String(contentsOfFile: Self.path("valid.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "params: {k: 10}", with: "params: {k: ten, tier: 3, seed: -1}")
        let error = try #require(throws: InputError.self) {
            try FrameworkLoader.parse(text, file: "x.yaml", registry: BuiltinEvaluators.registry)
        }
        #expect(error.diagnostics.map(\.description) == [
            "x.yaml:25:17: indicator 'ctf': evaluator 'ctf': parameter 'k': expected a whole number in 1...10000, found ten",
            "x.yaml:25:17: indicator 'ctf': evaluator 'ctf': parameter 'seed': expected a whole number in 0...2147483647, found -1",
            "x.yaml:25:17: indicator 'ctf': evaluator 'ctf': parameter 'tier': expected text, found 3",
        ])
    }

    @Test func missingFileAndEmptyFileAreClearErrors() throws {
        let missing = try #require(throws: InputError.self) {
            try FrameworkLoader.load(path: "/no/such/framework.yaml", registry: BuiltinEvaluators.registry)
        }
        #expect(missing.description == "/no/such/framework.yaml: no such file")
        let empty = try #require(throws: InputError.self) {
            try FrameworkLoader.parse("", file: "e.yaml", registry: BuiltinEvaluators.registry)
        }
        #expect(empty.description == "e.yaml: the file is empty")
        let list = try #require(throws: InputError.self) {
            try FrameworkLoader.parse("- a\n- b\n", file: "l.yaml", registry: BuiltinEvaluators.registry)
        }
        #expect(list.description.contains("the document must be a mapping"))
    }

    static let mitigatesCases: [(String, String, String)] = [
        ("  - {id: pre_mitigation, name: Pre-mitigation, mitigates: pre_mitigation}\n  - {id: post_mitigation, name: Post-mitigation}\n", "10:59",
         "stage 'pre_mitigation' cannot mitigate itself"),
        ("  - {id: pre_mitigation, name: Pre-mitigation, mitigates: post_mitigation}\n  - {id: post_mitigation, name: Post-mitigation}\n", "10:59",
         "stage 'pre_mitigation' mitigates 'post_mitigation', a stage listed after it: name a stage listed before it"),
        ("  - {id: pre_mitigation, name: Pre-mitigation}\n  - {id: post_mitigation, name: Post-mitigation, mitigates: pre-mitigation}\n", "11:61",
         "stage 'post_mitigation' mitigates 'pre-mitigation', no stage of this framework: name a stage listed before it (known: pre_mitigation)"),
    ]

    @Test("a stage's mitigates must name a stage listed before it", arguments: mitigatesCases)
    func mitigatesNamesAnEarlierStage(stages: String, place: String, message: String) throws {
        let original = try String(contentsOfFile: Self.path("valid.yaml"), encoding: .utf8)
        let text = original.replacingOccurrences(
            of: "  - {id: pre_mitigation, name: Pre-mitigation}\n  - {id: post_mitigation, name: Post-mitigation}\n", with: stages)
        #expect(text != original)
        let error = try #require(throws: InputError.self) {
            try FrameworkLoader.parse(text, file: "x.yaml", registry: BuiltinEvaluators.registry)
        }
        let lines = error.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("x.yaml:\(place): ") && $0.contains(message) }, "\(lines)")
    }

    @Test func aStageThatMitigatesAnEarlierOneLoads() throws {
        let text = try String(contentsOfFile: Self.path("valid.yaml"), encoding: .utf8).replacingOccurrences(
            of: "  - {id: post_mitigation, name: Post-mitigation}", with: "  - {id: post_mitigation, name: Post-mitigation, mitigates: pre_mitigation}")
        let framework = try FrameworkLoader.parse(text, file: "x.yaml", registry: BuiltinEvaluators.registry)
        #expect(framework.stages.map(\.mitigates) == [nil, "pre_mitigation"])
    }

    @Test func shippedFrameworksAreValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("frameworks").path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            let loaded = try FrameworkLoader.load(path: root.appendingPathComponent("frameworks/\(file)").path, registry: BuiltinEvaluators.registry)
            for category in loaded.framework.categories {
                for indicator in category.indicators {
                    for threshold in indicator.thresholds {
                        #expect(!threshold.rationale.isEmpty, "\(file): \(indicator.id) \(threshold.level.id)")
                    }
                }
            }
        }
    }
}

enum Fixture {
    static func level(_ id: String, in framework: Framework) -> Level { framework.scale.level(id) ?? framework.scale.floor }
}
