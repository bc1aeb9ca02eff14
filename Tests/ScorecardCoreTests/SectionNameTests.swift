import Testing
@testable import ScorecardCore

/// A section's names that match nothing in the evidence are named, with the nearest name the
/// evidence has, never left to show as an empty row alone.
@Suite struct SectionNameTests {
    static let o1 = Subject(model: "o1")

    static func record(_ eval: String, _ metric: String, stage: String = "post", variant: String? = nil) -> EvidenceRecord {
        EvidenceRecord(subject: o1, stage: stage, evaluation: eval, metric: metric, variant: variant, value: 0.5,
                       location: SourceLocation(file: "card.jsonl", line: 1))
    }

    static let evidence = EvidenceSet(records: [
        record("strongreject", "goodness@0.1", variant: "Deliberative Alignment Table 1"),
        record("xstest", "not_overrefuse", variant: "Deliberative Alignment Table 1"),
        record("mmlu_stem", "accuracy"),
        record("simpleqa", "correct"),
        record("pre_only", "accuracy", stage: "pre"),
    ])

    static func row(_ eval: String, _ metric: String, line: Int) -> SectionRow {
        var row = SectionRow(evaluation: eval, metric: metric, label: eval)
        row.line = line
        return row
    }

    static func names(_ section: SectionDefinition) -> [String] {
        section.unmatchedNames(in: SectionEvidenceNames(evidence)).map(\.description)
    }

    @Test func everyKindOfNameIsCheckedWithTheNearestNameTheEvidenceHas() {
        let rows = SectionTable(id: "t", title: "T", summary: nil, kind: .rows([
            Self.row("strongrejct", "goodness@0.1", line: 4),
            Self.row("xstest", "not_overrefuze", line: 5),
            Self.row("xstest", "not_overrefuse", line: 6),
            Self.row("pre_only", "accuracy", line: 7),
        ]), chart: false)
        let grades = SectionTable(id: "g", title: "G", summary: nil, kind: .threeWayGrades(evaluations: ["simpleqa", "personqa"]), chart: false)
        let bench = SectionTable(id: "b", title: "B", summary: nil, kind: .benchmarks(patterns: ["mmlu_*", "gsm8k"]), chart: false)
        let chart = TradeoffChart(
            id: "c", title: "C", summary: nil, x: Self.row("xstest", "not_overrefuse", line: 9),
            y: Self.row("strongreject", "goodness@0.1", line: 10), variant: "Deliberative Alignment Table 2")
        var section = SectionDefinition(id: "s", title: "S", summary: nil, stage: "post", tables: [rows, grades, bench], tradeoffs: [chart])
        section.file = "s.yaml"
        let found = section.unmatchedNames(in: SectionEvidenceNames(Self.evidence))
        #expect(found.map(\.description) == [
            "section 's', table 't': evaluation 'strongrejct' matches no evidence; did you mean 'strongreject'?",
            "section 's', table 't': metric 'not_overrefuze' matches no evidence of evaluation 'xstest'; did you mean 'not_overrefuse'?",
            "section 's', table 't': evaluation 'pre_only' matches no evidence",
            "section 's', table 'g': evaluation 'personqa' matches no evidence",
            "section 's', table 'b': pattern 'gsm8k' matches no evaluation of the evidence",
            "section 's', trade-off 'c': variant 'Deliberative Alignment Table 2' matches no evidence of its axes; did you mean 'Deliberative Alignment Table 1'?",
        ])
        #expect(found.map(\.line) == [4, 5, 7, nil, nil, nil])
        #expect(found.allSatisfy { $0.file == "s.yaml" })
    }

    @Test func aStageNothingHasIsOneMismatchNotOnePerRow() {
        let rows = SectionTable(id: "t", title: "T", summary: nil, kind: .rows([Self.row("xstest", "not_overrefuse", line: 4)]), chart: false)
        let section = SectionDefinition(id: "s", title: "S", summary: nil, stage: "post_mitigaton", tables: [rows], tradeoffs: [])
        #expect(Self.names(section) == ["section 's', stage: stage 'post_mitigaton' matches no evidence"])
    }

    @Test func aSectionWhoseNamesAllMatchHasNoMismatch() {
        let rows = SectionTable(id: "t", title: "T", summary: nil, kind: .rows([Self.row("xstest", "not_overrefuse", line: 4)]), chart: false)
        let section = SectionDefinition(id: "s", title: "S", summary: nil, stage: nil, tables: [rows], tradeoffs: [])
        #expect(Self.names(section).isEmpty)
    }

    @Test("per-sample records match a three-way table, but not a row, which reads result records")
    func anEvaluationWithSamplesOnlyMatchesThreeWayGradesOnly() {
        let samples = [SampleRecord(
            subject: Self.o1, stage: "post", evaluation: "personqa", sampleID: "1", epoch: 1, score: 1.0,
            location: SourceLocation(file: "log.json", line: 1))]
        let evidence = EvidenceSet(records: [], samples: samples)
        let grades = SectionTable(id: "g", title: "G", summary: nil, kind: .threeWayGrades(evaluations: ["personqa"]), chart: false)
        let rows = SectionTable(id: "t", title: "T", summary: nil, kind: .rows([Self.row("personqa", "accuracy", line: 3)]), chart: false)
        let section = SectionDefinition(id: "s", title: "S", summary: nil, stage: "post", tables: [grades, rows], tradeoffs: [])
        #expect(section.unmatchedNames(in: SectionEvidenceNames(evidence)).map(\.description) == [
            "section 's', table 't': evaluation 'personqa' has per-sample records but no result records, which this place reads",
        ])
    }
}
