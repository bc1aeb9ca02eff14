import Testing
@testable import ScorecardCore

/// System-card sections: models side by side, missing results shown as missing, three-way grades
/// derived and checked, and the trade-off frontier.
@Suite struct SectionTests {
    static let o1 = Subject(model: "o1"), gpt = Subject(model: "GPT-4o"), mini = Subject(model: "o1-mini")

    static func record(_ subject: Subject, _ eval: String, _ metric: String, _ value: Double, variant: String? = nil,
                       n: Int? = nil, line: Int) -> EvidenceRecord {
        EvidenceRecord(subject: subject, stage: "post", evaluation: eval, metric: metric, variant: variant, value: value, n: n,
                       location: SourceLocation(file: "card.jsonl", line: line))
    }

    static func section(_ tables: [SectionTable], tradeoffs: [TradeoffChart] = []) -> SectionDefinition {
        SectionDefinition(id: "s", title: "S", summary: nil, stage: "post", tables: tables, tradeoffs: tradeoffs)
    }

    @Test func aRowShowsEveryModelAndAMissingResultAsMissing() {
        let table = SectionTable(id: "t", title: "T", summary: nil, kind: .rows([
            SectionRow(evaluation: "xstest", metric: "not_overrefuse", label: "XSTest"),
            SectionRow(evaluation: "nobody", metric: "accuracy", label: "Nobody"),
        ]), chart: false)
        let records = [Self.record(Self.o1, "xstest", "not_overrefuse", 0.94, n: 200, line: 1),
                       Self.record(Self.gpt, "xstest", "not_overrefuse", 0.92, line: 2)]
        let result = SectionAssessor(definition: Self.section([table]))
            .assess(subjects: [Self.o1, Self.gpt, Self.mini], evidence: EvidenceSet(records: records))
        let rows = result.tables[0].rows
        #expect(rows.map(\.label) == ["XSTest", "Nobody"], "a row without results is shown, not dropped")
        #expect(rows[0].cells.map(\.value) == [0.94, 0.92, nil])
        #expect(rows[0].cells[2].origin == .missing)
        #expect(rows[0].cells[0].intervalComputed, "a Wilson interval from n")
        #expect(rows[1].cells.allSatisfy { $0.value == nil })
        #expect(result.recordsRead == Set(records.map(\.key)))
    }

    @Test func eachVariantGetsItsOwnRow() {
        let table = SectionTable(id: "t", title: "T", summary: nil, kind: .rows([
            SectionRow(evaluation: "wildchat", metric: "not_unsafe", label: "WildChat")]), chart: false)
        let records = [Self.record(Self.o1, "wildchat", "not_unsafe", 0.98, line: 1),
                       Self.record(Self.o1, "wildchat", "not_unsafe", 0.99, variant: "paper", line: 2)]
        let rows = SectionAssessor(definition: Self.section([table])).assess(subjects: [Self.o1], evidence: EvidenceSet(records: records)).tables[0].rows
        #expect(rows.map(\.variant) == [nil, "paper"])
        #expect(rows.map { $0.cells[0].value } == [0.98, 0.99])
    }

    static let grades: [(Double, Double, Double, Double)] = [
        // correct, incorrect → correct given attempted, F-score
        (0.47, 0.44, 0.47 / 0.91, 2 * 0.47 * (0.47 / 0.91) / (0.47 + 0.47 / 0.91)),
        (0.5, 0.0, 1.0, 2 * 0.5 / 1.5),
    ]

    @Test(arguments: grades)
    func threeWayGradesFollowTheSimpleQADefinitions(correct: Double, incorrect: Double, given: Double, f: Double) throws {
        let grades = try #require(ThreeWayGrades(correct: correct, incorrect: incorrect))
        #expect(abs(grades.notAttempted - (1 - correct - incorrect)) < 1e-12)
        #expect(abs((grades.correctGivenAttempted ?? -1) - given) < 1e-12)
        #expect(abs((grades.fScore ?? -1) - f) < 1e-12)
    }

    @Test func sharesThatSumPastOneAreNotGrades() {
        #expect(ThreeWayGrades(correct: 0.7, incorrect: 0.6) == nil)
        #expect(ThreeWayGrades(counts: 0, incorrect: 0, notAttempted: 0) == nil)
    }

    static let simpleQA = SectionTable(id: "g", title: "Grades", summary: nil, kind: .threeWayGrades(evaluations: ["simpleqa"]), chart: false)

    @Test func aPublishedFigureThatDoesNotFollowFromItsPartsIsFlagged() throws {
        // The SimpleQA paper's GPT-4o row: 38.2% correct, 60.8% incorrect, yet "38.0" correct given
        // attempted (the parts give 38.6%); its F-score of 38.4 does follow.
        let records = [
            Self.record(Self.gpt, "simpleqa", "accuracy", 0.382, line: 1), Self.record(Self.gpt, "simpleqa", "incorrect", 0.608, line: 2),
            Self.record(Self.gpt, "simpleqa", "not_attempted", 0.010, line: 3),
            Self.record(Self.gpt, "simpleqa", "correct_given_attempted", 0.38, line: 4),
            Self.record(Self.gpt, "simpleqa", "f_score", 0.384, line: 5),
        ]
        let result = SectionAssessor(definition: Self.section([Self.simpleQA])).assess(subjects: [Self.gpt], evidence: EvidenceSet(records: records))
        #expect(result.inconsistencies.map(\.metric) == ["correct_given_attempted"])
        let inconsistency = try #require(result.inconsistencies.first)
        #expect(abs(inconsistency.derived - 0.382 / 0.99) < 1e-12)
        #expect(inconsistency.location.line == 4)
        let rows = result.tables[0].rows
        let given = try #require(rows.first { $0.metric == "correct_given_attempted" })
        #expect(given.cells[0].contradicts && given.cells[0].value == 0.38)
        let f = try #require(rows.first { $0.metric == "f_score" })
        #expect(!f.cells[0].contradicts)
    }

    @Test("published shares that add up past every question are flagged, and nothing is derived from them")
    func sharesPastTheWholeAreFlagged() throws {
        let records = [Self.record(Self.o1, "simpleqa", "accuracy", 0.9, line: 1), Self.record(Self.o1, "simpleqa", "hallucination_rate", 0.9, line: 2)]
        let result = SectionAssessor(definition: Self.section([Self.simpleQA])).assess(subjects: [Self.o1], evidence: EvidenceSet(records: records))
        let flagged = try #require(result.inconsistencies.first)
        #expect(flagged.problem == .partsExceedWhole)
        #expect(flagged.metric == "accuracy + hallucination_rate" && abs(flagged.published - 1.8) < 1e-12)
        let notAttempted = try #require(result.tables[0].rows.first { $0.metric == "not_attempted" })
        #expect(notAttempted.cells[0].value == nil, "no share is derived from impossible parts")
        let rounded = [Self.record(Self.o1, "simpleqa", "accuracy", 0.405, line: 1), Self.record(Self.o1, "simpleqa", "incorrect", 0.6, line: 2)]
        #expect(SectionAssessor(definition: Self.section([Self.simpleQA])).assess(subjects: [Self.o1], evidence: EvidenceSet(records: rounded))
            .inconsistencies.allSatisfy { $0.problem != .partsExceedWhole }, "100.5% is rounding, not a contradiction")
    }

    @Test func figuresNotPublishedAreDerivedAndMarked() throws {
        let records = [Self.record(Self.o1, "simpleqa", "accuracy", 0.47, line: 1),
                       Self.record(Self.o1, "simpleqa", "hallucination_rate", 0.44, line: 2)]
        let rows = SectionAssessor(definition: Self.section([Self.simpleQA])).assess(subjects: [Self.o1, Self.mini], evidence: EvidenceSet(records: records)).tables[0].rows
        let notAttempted = try #require(rows.first { $0.metric == "not_attempted" })
        #expect(abs((notAttempted.cells[0].value ?? 0) - 0.09) < 1e-12)
        #expect(notAttempted.cells[0].origin == .derived(from: ["accuracy", "hallucination_rate"]))
        #expect(notAttempted.cells[1].value == nil, "o1-mini has no results: missing, never zero")
    }

    @Test func perSampleGradesAreCountedBeforePublishedShares() throws {
        let samples = (0..<10).map { i in
            SampleRecord(subject: Self.o1, stage: "post", evaluation: "simpleqa", sampleID: "q\(i)", epoch: 1, score: i < 4 ? 1 : 0,
                         metadata: ["grade": i < 4 ? "correct" : (i < 7 ? "incorrect" : "not_attempted")],
                         location: SourceLocation(file: "samples.jsonl", line: i + 1))
        }
        // A published accuracy that the samples contradict is flagged.
        let records = [Self.record(Self.o1, "simpleqa", "accuracy", 0.6, line: 1)]
        let result = SectionAssessor(definition: Self.section([Self.simpleQA]))
            .assess(subjects: [Self.o1], evidence: EvidenceSet(records: records, samples: samples))
        let rows = result.tables[0].rows
        let incorrect = try #require(rows.first { $0.metric == "incorrect" })
        #expect(incorrect.cells[0].value == 0.3 && incorrect.cells[0].origin == .samples(count: 10))
        #expect(result.inconsistencies.map(\.metric) == ["accuracy"])
    }

    @Test func theFrontierKeepsThePointsNoOtherBeatsOnBoth() {
        typealias P = ParetoFrontier.Point<String>
        let points = [P(id: "a", x: 0.93, y: 0.88), P(id: "b", x: 0.88, y: 0.37), P(id: "c", x: 0.976, y: 0.66), P(id: "d", x: 0.93, y: 0.80)]
        #expect(ParetoFrontier.frontier(points).map(\.id) == ["a", "c"])
        #expect(ParetoFrontier.frontier(points, higherYIsBetter: false).map(\.id) == ["b", "c"])
    }

    @Test func aTradeoffShowsOnlyModelsWithBothValuesAndNamesTheRest() {
        let chart = TradeoffChart(
            id: "t", title: "T", summary: nil, x: SectionRow(evaluation: "xstest", metric: "not_overrefuse", label: "x"),
            y: SectionRow(evaluation: "strongreject", metric: "goodness@0.1", label: "y"), variant: "DA")
        let records = [
            Self.record(Self.o1, "xstest", "not_overrefuse", 0.93, variant: "DA", line: 1),
            Self.record(Self.o1, "strongreject", "goodness@0.1", 0.88, variant: "DA", line: 2),
            Self.record(Self.gpt, "xstest", "not_overrefuse", 0.88, variant: "DA", line: 3),
            Self.record(Self.gpt, "strongreject", "goodness@0.1", 0.37, line: 4),
        ]
        let result = SectionAssessor(definition: Self.section([], tradeoffs: [chart]))
            .assess(subjects: [Self.o1, Self.gpt], evidence: EvidenceSet(records: records)).tradeoffs[0]
        #expect(result.points.map(\.subject) == [Self.o1])
        #expect(result.missing == [Self.gpt], "GPT-4o's StrongREJECT is of another variant")
        #expect(result.frontier == [Self.o1])
    }

    static let patterns: [(String, String, Bool)] = [
        ("mmlu_clinical_knowledge", "mmlu_clinical*", true), ("mmlu", "mmlu_*", false), ("xnli_fr", "xnli_*", true),
        ("superglue_cb", "superglue_*", true), ("humaneval", "humaneval", true), ("a_b_c", "a*c", true), ("ab", "a*b*c", false),
    ]

    @Test(arguments: patterns)
    func benchmarkPatternsMatchLikeGlobs(text: String, pattern: String, matches: Bool) {
        #expect(SectionAssessor.Index.matches(text, pattern) == matches)
    }
}
