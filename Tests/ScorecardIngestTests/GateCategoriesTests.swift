import Foundation
import Testing
import ScorecardCore
import ScorecardEvaluators
@testable import ScorecardIngest

/// `schema_version: 3`: gates that name the categories they look at, and the two frameworks that
/// need them (Anthropic's RSP and DeepMind's FSF), which lint clean.
@Suite struct GateCategoriesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The fixture `valid.yaml` as schema 3 with a second, non-gating category and `gate` as its
    /// gates' section.
    static func framework(version: Int = 3, gates: String) -> String {
        let valid = try! String(
            contentsOf: root.appendingPathComponent("Tests/ScorecardIngestTests/Fixtures/frameworks/valid.yaml"), encoding: .utf8)
        let head = valid.components(separatedBy: "gates:")[0]
            .replacingOccurrences(of: "schema_version: 1", with: "schema_version: \(version)")
        return head + """
              - id: research
                name: Research
                gating: false
            gates:
            \(gates)
            """
    }

    static func problems(_ text: String) -> [String] {
        do {
            _ = try FrameworkLoader.parse(text, file: "x.yaml", registry: BuiltinEvaluators.registry)
            return []
        } catch {
            return error.diagnostics.map { "\($0.line ?? 0): \($0.message)" }
        }
    }

    @Test func aGateNamingCategoriesLoadsWithThem() throws {
        let text = Self.framework(gates: "  - {id: g, name: G, stage: pre_mitigation, required_if_at_least: high, categories: [cyber]}\n")
        let framework = try FrameworkLoader.parse(text, file: "x.yaml", registry: BuiltinEvaluators.registry)
        #expect(framework.gates.map(\.categories) == [["cyber"]])
        #expect(FrameworkExport(framework, sha256: nil).gates.first?.categories == ["cyber"])
    }

    @Test(arguments: [
        (3, "[cybr]", "gate 'g' names unknown category 'cybr'; did you mean 'cyber'? (known: cyber, research)"),
        (3, "[research]", "gate 'g' names category 'research', which does not gate (gating: false)"),
        (3, "[]", "gate 'g': categories names no category; leave it out to gate on every gating category"),
        (3, "[cyber, cyber]", "duplicate category in gate 'g' id 'cyber' (first defined at line 35)"),
        (2, "[cyber]", "gate 'g': categories needs schema_version 3 (this file declares 2)"),
    ])
    func aBadGateCategoryListIsRefusedWithItsPlace(version: Int, list: String, message: String) {
        let text = Self.framework(
            version: version, gates: "  - {id: g, name: G, stage: pre_mitigation, required_if_at_least: high, categories: \(list)}\n")
        let problems = Self.problems(text)
        #expect(problems.contains { $0.hasSuffix(message) && !$0.hasPrefix("0:") }, "\(problems)")
    }

    static func load(_ name: String) throws -> LoadedFramework {
        try FrameworkLoader.load(path: root.appendingPathComponent("frameworks/\(name)").path, registry: BuiltinEvaluators.registry)
    }

    /// The only warnings are levels the frameworks themselves leave to a deeper assessment: no
    /// evaluation in the reference rules out CBRN-4 or AI R&D-5, and past an alert threshold only
    /// the response plan's assessment rules a CCL out.
    @Test(arguments: [
        ("anthropic-rsp-v2.yaml", ["cbrn:asl_4", "ai_rnd:asl_4"]),
        ("google-deepmind-fsf-v3.yaml", ["cyber_uplift_1:ccl", "ml_rnd_acceleration_1:ccl", "ml_rnd_automation_1:ccl", "instrumental_reasoning_1:ccl"]),
    ])
    func theOtherLabsFrameworksLintCleanWithOnlyTheirDocumentedWarnings(file: String, open: [String]) throws {
        let loaded = try Self.load(file)
        #expect(loaded.framework.schemaVersion == 3)
        let expected = open.map { pair in
            let parts = pair.split(separator: ":")
            return "category '\(parts[0])': '\(parts[1])' has no rule-out set"
        }
        #expect(loaded.warnings.count == expected.count)
        for prefix in expected { #expect(loaded.warnings.contains { $0.message.hasPrefix(prefix) }, "\(prefix)") }
    }

    @Test func theRSPsLevelsAreTheRequiredSafeguardsAndItsGatesTheirDomains() throws {
        let rsp = try Self.load("anthropic-rsp-v2.yaml").framework
        #expect(rsp.scale.levels.map(\.id) == ["asl_2", "asl_3", "asl_4"])
        #expect(rsp.uncertainty == .conservativeBound, "act as though surpassed when unsure")
        #expect(rsp.stages.map(\.id) == ["capability"])
        let gates = Dictionary(uniqueKeysWithValues: rsp.gates.map { ($0.id, $0) })
        #expect(gates["asl3_deployment"]?.categories == ["cbrn"])
        #expect(gates["ai_rnd_affirmative_case"]?.categories == ["ai_rnd"])
        #expect(gates["asl3_security"]?.categories == nil)
        #expect(rsp.category("cyber")?.gating == false, "cyber has no Capability Threshold in v2.x")
        #expect(rsp.category("cbrn")?.ruleOut.sets(for: try #require(rsp.scale.level("asl_3"))).count == 1)
    }

    @Test func theFSFsAlertThresholdsAreThresholdsAndRuleOutBarsBelowEachCCL() throws {
        let fsf = try Self.load("google-deepmind-fsf-v3.yaml").framework
        #expect(fsf.scale.levels.map(\.id) == ["below_alert", "alert", "ccl"])
        let alert = try #require(fsf.scale.level("alert"))
        for category in fsf.categories where !category.ruleOut.sets(for: alert).isEmpty {
            for entry in category.ruleOut.sets(for: alert).flatMap(\.entries) {
                let indicator = try #require(category.indicator(entry.indicator))
                #expect(indicator.thresholds.contains { $0.level == alert }, "\(indicator.id): the bar is its alert threshold")
            }
        }
        #expect(fsf.category("instrumental_reasoning_1")?.gating == false && fsf.category("harmful_manipulation_1")?.required == false)
        #expect(fsf.gates.first { $0.id == "security_sl4" }?.categories == ["ml_rnd_automation_1"])
    }
}
