import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest
@testable import ScorecardRender
import Testing

/// How a level the evidence does not rule out reads: apart from a level and from "not assessed",
/// with what it would take to rule the next level out, in every format.
@Suite struct NotRuledOutViewTests {
    static let framework = """
        schema_version: 2
        id: t
        name: Test framework
        version: "2"
        levels: [{id: low, name: Low}, {id: medium, name: Medium}, {id: high, name: High}]
        stages: [{id: pre, name: Pre-mitigation}]
        aggregation: max
        categories:
          - id: bio
            name: Biology
            indicators:
              - {id: screen, name: Knowledge screen, evaluator: metric, eval: screen, metric: accuracy,
                 thresholds: {medium: {value: 0.4, rationale: expert average}}}
              - {id: trial, name: Uplift trial, evaluator: metric, eval: trial, metric: uplift,
                 thresholds: {medium: {value: 0.5, rationale: parity}}}
            rule_out:
              medium: {indicators: [trial], rationale: the trial is what rules Medium out}
              high: {indicators: [{id: trial, bar: 0.9}], rationale: far below the bar}
        gates:
          - {id: deployment, name: Deployment, stage: pre, passes_if_at_most: medium}
        """

    static func view(_ records: [(String, Double)]) throws -> ReportView {
        let framework = try FrameworkLoader.parse(Self.framework, file: "t.yaml", registry: BuiltinEvaluators.registry)
        let evidence = records.enumerated().map { index, record in
            EvidenceRecord(subject: Subject(model: "m"), stage: "pre", evaluation: record.0,
                           metric: record.0 == "screen" ? "accuracy" : "uplift", value: record.1,
                           location: SourceLocation(file: "e.jsonl", line: index + 1))
        }
        let input = try Inputs.input(framework: framework, records: evidence)
        return ReportRenderer.view(of: input.assessments[0], input: input, generatedAt: "", chartDirectory: "c")
    }

    @Test func aLoneScreenBelowItsBarReadsNotRuledOut() throws {
        let view = try Self.view([("screen", 0.34)])
        let cell = view.scorecard.rows[0].cells[0]
        #expect(cell.level == "Not ruled out: Medium–High")
        #expect(cell.detail == "Low reached")
        #expect(cell.notRuledOut && !cell.notAssessed)
        #expect(cell.css.contains("lvl-open"))
        #expect(view.scorecard.overall.cells[0].detail == "not ruled out")
        #expect(view.gates[0].decision == "Not allowed")
        #expect(view.gates[0].reason == "Pre-mitigation overall is High (from Biology (not ruled out)), above Medium.")
        let bio = view.categories[0]
        #expect(bio.coverage == ["Pre-mitigation: 1 of 2 deciding indicators measured; Low reached, Medium–High not ruled out (to rule out Medium: no evidence for Uplift trial)."])
        #expect(bio.stages[0].indicated == "Not ruled out: Medium–High (Low reached)")
        #expect(bio.flags.map(\.kind) == ["Not ruled out"])
        #expect(bio.flags.first?.text.contains("To rule out Medium: no evidence for Uplift trial.") == true)
        #expect(bio.stages[0].findings.contains("Medium is not ruled out: the framework rules it out when Uplift trial is measured below its bar and none is above; Uplift trial has no evidence."))
    }

    @Test func theRuleOutEvaluationBelowItsBarGivesTheFloor() throws {
        let view = try Self.view([("screen", 0.34), ("trial", 0.2)])
        let cell = view.scorecard.rows[0].cells[0]
        #expect(cell.level == "Low" && !cell.notRuledOut)
        #expect(view.gates[0].decision == "Allowed")
        #expect(view.categories[0].coverage == ["Pre-mitigation: 2 of 2 deciding indicators measured; rules out Medium and above, so Low stands."])
        #expect(view.categories[0].stages[0].findings.last == "Medium is ruled out, and every level above it: the framework rules it out when Uplift trial is measured below its bar and none is above; Uplift trial at 20% is below 50%.")
    }

    @Test func markdownAndHTMLShowNotRuledOutApartFromALevel() throws {
        let framework = try FrameworkLoader.parse(Self.framework, file: "t.yaml", registry: BuiltinEvaluators.registry)
        let record = EvidenceRecord(subject: Subject(model: "m"), stage: "pre", evaluation: "screen", metric: "accuracy",
                                    value: 0.34, location: SourceLocation(file: "e.jsonl", line: 1))
        let files = try Inputs.render(try Inputs.input(framework: framework, records: [record]))
        let markdown = try #require(files.first { $0.role == .report(.markdown) }?.contents)
        let html = try #require(files.first { $0.role == .report(.html) }?.contents)
        #expect(markdown.contains("| Biology | *Not ruled out: Medium–High* (Low reached) |"))
        #expect(markdown.contains("**What was measured.**"))
        #expect(html.contains("class=\"lvl lvl-3 lvl-open\">Not ruled out: Medium–High"))
    }
}
