import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest
@testable import ScorecardRender
import Testing

/// A report that cannot mislead: the row that decides is marked, alternates are folded, a level
/// decided by an interval bound says so in words and in the chart, and no chart label collides
/// with a threshold line.
@Suite struct ReportClarityTests {
    static let framework = """
        schema_version: 2
        id: t
        name: Test framework
        version: "2"
        levels: [{id: low, name: Low}, {id: medium, name: Medium}, {id: high, name: High}]
        stages: [{id: pre, name: Pre-mitigation}]
        aggregation: max
        uncertainty: conservative_bound
        early_warning_margin: 0.10
        categories:
          - id: auto
            name: Autonomy
            indicators:
              - {id: swe, name: SWE-bench Verified, evaluator: benchmark_vs_baseline, eval: swe, metric: [pass@1, accuracy],
                 thresholds: {medium: {value: 0.5, rationale: half}}}
            rule_out:
              medium: {indicators: [swe], rationale: the benchmark that rules Medium out}
        """

    static func input(_ records: [EvidenceRecord]) throws -> ReportInput {
        let framework = try FrameworkLoader.parse(Self.framework, file: "t.yaml", registry: BuiltinEvaluators.registry)
        return try Inputs.input(framework: framework, records: records)
    }

    static func record(_ metric: String, _ value: Double, n: Int? = nil, line: Int) -> EvidenceRecord {
        EvidenceRecord(subject: Subject(model: "m"), stage: "pre", evaluation: "swe", metric: metric, value: value, n: n,
                       location: SourceLocation(file: "e.jsonl", line: line))
    }

    static func view(_ records: [EvidenceRecord]) throws -> ReportView {
        let input = try Self.input(records)
        return ReportRenderer.view(of: input.assessments[0], input: input, generatedAt: "", chartDirectory: "c")
    }

    @Test func anEarlyWarningOnABoundNamesTheBoundAndShowsTheValue() throws {
        // 44% of 477 has a Wilson upper bound of about 48.5%: within 10 points of 50%.
        let view = try Self.view([Self.record("pass@1", 0.44, n: 477, line: 1)])
        let warning = try #require(view.categories[0].warnings.first)
        #expect(warning.hasPrefix("Pre-mitigation: SWE-bench Verified at 44% (the framework compares its upper 95% bound, 48."))
        #expect(warning.contains("is within 10 percentage points of the Medium threshold"))
    }

    @Test func aLevelRuledOutNarrowlyByItsBarIsAnEarlyWarning() throws {
        // A rule-out bar of 0.4 below the 0.5 threshold: 0.35 rules Medium out, within the 0.10 margin of the bar.
        let framework = Self.framework.replacingOccurrences(of: "indicators: [swe], rationale", with: "indicators: [{id: swe, bar: 0.4}], rationale")
        let input = try Inputs.input(
            framework: try FrameworkLoader.parse(framework, file: "t.yaml", registry: BuiltinEvaluators.registry),
            records: [Self.record("pass@1", 0.35, line: 1)])
        let assessment = input.assessments[0]
        let result = try #require(assessment.categories.first?.stages["pre"])
        #expect(result.level?.id == "low" && result.notRuledOut.isEmpty)
        let warning = try #require(result.warnings.first)
        #expect(warning.ruleOutBar && warning.level.id == "medium" && warning.threshold == 0.4 && warning.value == 0.35)
        #expect(assessment.flags.contains { $0.message == "swe: 0.35 rules medium out, within the early-warning margin of its rule-out bar 0.4" })
        let view = ReportRenderer.view(of: assessment, input: input, generatedAt: "", chartDirectory: "c")
        #expect(view.categories[0].warnings == ["Pre-mitigation: SWE-bench Verified at 35% rules Medium out narrowly: it is within 10 percentage points of the rule-out bar (40%)."])
        // Well below the bar: no warning. At the threshold used as the bar: the threshold's own warning, once.
        let far = try Inputs.input(
            framework: try FrameworkLoader.parse(framework, file: "t.yaml", registry: BuiltinEvaluators.registry),
            records: [Self.record("pass@1", 0.2, line: 1)])
        #expect(far.assessments[0].categories.first?.stages["pre"]?.warnings.isEmpty == true)
        let same = try Self.view([Self.record("pass@1", 0.45, line: 1)])
        #expect(same.categories[0].warnings.count == 1)
    }

    @Test func theDecidingRowIsMarkedAndAlternatesAreFolded() throws {
        let view = try Self.view([
            Self.record("pass@1", 0.30, line: 1), Self.record("accuracy", 0.35, line: 2), Self.record("pass@1", 0.2, line: 3),
        ].enumerated().map { index, record in
            EvidenceRecord(subject: record.subject, stage: record.stage, evaluation: record.evaluation, metric: record.metric,
                           variant: "scaffold \(index)", value: record.value, location: record.location)
        })
        let rows = view.categories[0].evidence
        #expect(rows.map(\.use) == ["decides", "alternates"])
        #expect(rows[0].value == "35%", "the evaluator takes the worst case")
        #expect(rows[1].metric == "2 other results")
        #expect(rows[1].notes == "pass@1 [scaffold 0] 30%; pass@1 [scaffold 2] 20%")
        #expect(rows[1].location == "e.jsonl:1, 3")
    }

    @Test func manyAlternatesAreCountedAndTheirLinesGivenAsRanges() throws {
        // 60 variants on lines 1–60; the worst (line 30, 0.6) decides, the other 59 fold into one row.
        let records = (1...60).map { line in
            EvidenceRecord(subject: Subject(model: "m"), stage: "pre", evaluation: "swe", metric: "pass@1", variant: "v\(line)",
                           value: line == 30 ? 0.6 : Double(line % 10) / 100, location: SourceLocation(file: "e.jsonl", line: line))
        }
        let rows = try Self.view(records).categories[0].evidence
        #expect(rows.map(\.use) == ["decides", "alternates"])
        #expect(rows[1].metric == "59 other results")
        #expect(rows[1].location == "e.jsonl:1–29, 31–60", "every line named, runs as ranges")
        let view = try Self.view(records)
        let note = try #require(view.categories[0].evidenceNotes.first)
        #expect(note.hasPrefix("pass@1 [v1] 1%; pass@1 [v2] 2%;"))
        #expect(note.hasSuffix("pass@1 [v20] 0%; and 39 more; all 59 range from 0% to 9%"), "20 named in file order, the rest counted")
    }

    @Test func locationsGroupEachFileAndMergeConsecutiveLines() {
        let locations = [("a.jsonl", 4), ("a.jsonl", 5), ("a.jsonl", 6), ("/x/b.jsonl", 2), ("a.jsonl", 9), ("/x/b.jsonl", 3)]
            .map { SourceLocation(file: $0.0, line: $0.1) }
        #expect(EvidenceRows.locations(locations) == "a.jsonl:4–6, 9, b.jsonl:2–3")
        #expect(EvidenceRows.locations([]) == "")
    }

    @Test func aLoneAlternateIsShownInFullNotFolded() throws {
        let rows = try Self.view([Self.record("pass@1", 0.30, line: 1), Self.record("accuracy", 0.25, line: 2)])
            .categories[0].evidence
        #expect(rows.map(\.use) == ["decides", "alternate"])
    }

    @Test func longNotesGoUnderTheTable() throws {
        let long = String(repeating: "many words here ", count: 20)
        let record = EvidenceRecord(subject: Subject(model: "m"), stage: "pre", evaluation: "swe", metric: "pass@1",
                                    value: 0.1, notes: long, location: SourceLocation(file: "e.jsonl", line: 1))
        let category = try Self.view([record]).categories[0]
        #expect(category.evidenceNotes == [long])
        #expect(category.evidence[0].notes.hasSuffix("… (note 1)"))
        #expect(category.evidence[0].notes.count < EvidenceRows.noteLimit)
    }

    @Test func aBoundThatDecidesIsMarkedInTheChartAndValuesStayClearOfThresholdLines() throws {
        let view = try Self.view([Self.record("pass@1", 0.45, n: 100, line: 1)])
        let chart = try #require(view.categories[0].chart)
        let panel = try #require(chart.panels.first)
        #expect(panel.heading.text == "SWE-bench Verified · pass@1 · n = 100")
        let bar = try #require(panel.bars.first)
        #expect(bar.decidingMark != nil)
        #expect(bar.valueNote?.text.hasSuffix("decides") == true)
        #expect(bar.straddles.count == 1, "the interval 35.6%–54.7% straddles the Medium threshold")
        let valueX = try #require(Double(bar.valueLabel?.x ?? ""))
        for marker in panel.markers {
            let x = try #require(Double(marker.line.x1))
            #expect(x < valueX, "threshold lines stay left of the value column")
        }
        #expect(chart.description.contains("its upper bound"))
    }
}
