import Testing
import ScorecardCore
@testable import ScorecardEvaluators

/// Declarative rules measured over evidence: each shape's arithmetic, its sources and notes,
/// parameters read through `$name`, and a missing result named rather than filled in.
@Suite struct DeclarativeEvaluatorTests {
    static let declared = [
        ParameterSpec(name: "control", kind: .text, required: true, help: "control arm"),
        ParameterSpec(name: "bar", kind: .number(in: 0...1), default: .number(0.5), help: "bar"),
    ]

    func measure(
        _ rule: DeclarativeRule, _ records: [EvidenceRecord], target: IndicatorTarget = Evidence.target("trial", ["treated"]),
        params: [String: ParameterValue] = ["control": .string("control")], others: [EvidenceRecord] = []
    ) throws -> Measurement {
        let values = try ParameterValues(EvaluatorParameters(params), declared: Self.declared)
        let evaluator = DeclarativeEvaluator(name: "rule", rule: rule, values: values)
        let set = EvidenceSet(records: records + others)
        return evaluator.measure(target, in: set.slice(subject: Evidence.subject, stage: "pre"))
    }

    static let trial = [
        Evidence.record("trial", "treated", 0.3, n: 40, line: 1), Evidence.record("trial", "control", 0.2, n: 40, line: 2),
    ]

    @Test func ratioDividesTwoResultsReadThroughAParameter() throws {
        let rule = DeclarativeRule.ratio(numerator: .init(), denominator: .init(metric: .parameter("control")))
        let score = try #require(try measure(rule, Self.trial).score)
        #expect(abs(score.value - 1.5) < 1e-12)
        #expect(score.sources.map(\.line) == [1, 2] && score.n == 40 && score.interval == nil && score.metric == "ratio")
        #expect(score.notes.last == "ratio trial treated (0.3) ÷ trial control (0.2) = 1.5")
        let zero = [Self.trial[0], Evidence.record("trial", "control", 0, line: 2)]
        #expect(try measure(rule, zero) == .missing(reason: "rule (ratio): the denominator trial control (0) is 0; the ratio is undefined"))
        #expect(try measure(rule, [Self.trial[0]]) == .missing(
            reason: "rule (ratio): no control result for 'trial' at pre (found: treated)"))
    }

    @Test("a rule over a record marked contradicts is marked too, and says which record")
    func markedRecordsMarkTheRule() throws {
        let control = EvidenceRecord(subject: Evidence.subject, stage: "pre", evaluation: "trial", metric: "control", value: 0.2, n: 40,
                                     consistency: .contradicts, location: SourceLocation(file: "e.jsonl", line: 2))
        let rule = DeclarativeRule.ratio(numerator: .init(), denominator: .init(metric: .parameter("control")))
        let score = try #require(try measure(rule, [Self.trial[0], control]).score)
        #expect(score.consistency == .contradicts)
        #expect(score.notes.contains { $0.hasPrefix("CAUTION: control is marked contradicts") }, "\(score.notes)")
        #expect(try #require(try measure(rule, Self.trial).score).consistency == nil)
    }

    @Test func differenceFromABaselineShiftsTheInterval() throws {
        let rule = DeclarativeRule.difference(value: .init(), from: .baseline(.literal("experts")))
        let target = Evidence.target("trial", ["treated"], baselines: [Baseline(name: "experts", value: 0.25, source: nil)])
        let score = try #require(try measure(rule, Self.trial, target: target).score)
        #expect(abs(score.value - 0.05) < 1e-12)
        let interval = try #require(score.interval, "n = 40 gives a Wilson interval, shifted by the baseline")
        #expect(interval.low < 0.05 && interval.high > 0.05 && abs((interval.low + 0.25) - 0.1807) < 1e-3)
        #expect(try measure(rule, Self.trial) == .missing(reason: "rule (difference): the indicator has no baseline named 'experts' (known: none)"))
    }

    @Test func differenceFromAReferenceModelReadsTheSameResultOfThatModel() throws {
        let reference = EvidenceRecord(subject: Subject(model: "gpt-4o"), stage: "pre", evaluation: "trial", metric: "treated", value: 0.1,
                                       location: SourceLocation(file: "e.jsonl", line: 9))
        let rule = DeclarativeRule.difference(value: .init(), from: .model(.literal("gpt-4o"), snapshot: nil))
        let score = try #require(try measure(rule, Self.trial, others: [reference]).score)
        #expect(abs(score.value - 0.2) < 1e-12 && score.sources.map(\.line) == [1, 9])
        #expect(try measure(rule, Self.trial) == .missing(reason: "rule (difference): no treated result for 'trial' of gpt-4o at pre"))
        let fixed = try #require(try measure(.difference(value: .init(), from: .number(.literal(0.1))), Self.trial).score)
        #expect(abs(fixed.value - 0.2) < 1e-12)
        let other = try #require(try measure(.difference(value: .init(), from: .result(.init(metric: .literal("control")))), Self.trial).score)
        #expect(abs(other.value - 0.1) < 1e-12)
    }

    @Test func weightedMeanNeedsEveryResult() throws {
        let records = [Evidence.record("a", "acc", 0.2, line: 1), Evidence.record("b", "acc", 0.8, line: 2)]
        let terms = [
            DeclarativeRule.Term(operand: .init(evaluation: .literal("a"), metric: .literal("acc")), number: .literal(3)),
            DeclarativeRule.Term(operand: .init(evaluation: .literal("b"), metric: .literal("acc")), number: .literal(1)),
        ]
        let score = try #require(try measure(.weightedMean(terms), records).score)
        #expect(abs(score.value - 0.35) < 1e-12)
        #expect(score.notes.last == "weighted mean (3 × a acc (0.2) + 1 × b acc (0.8)) ÷ 4 = 0.35")
        #expect(try measure(.weightedMean(terms), [records[0]]).score == nil)
    }

    @Test func countAboveFollowsTheDirectionAndInclusiveness() throws {
        let records = [Evidence.record("a", "acc", 0.5, line: 1), Evidence.record("b", "acc", 0.7, line: 2), Evidence.record("c", "acc", 0.1, line: 3)]
        let terms = ["a", "b", "c"].map { DeclarativeRule.Term(operand: .init(evaluation: .literal($0), metric: .literal("acc")), number: .parameter("bar")) }
        let inclusive = try #require(try measure(.countAbove(terms, inclusive: true), records).score)
        #expect(inclusive.value == 2 && inclusive.n == 3 && inclusive.k == 2)
        #expect(try measure(.countAbove(terms, inclusive: false), records).score?.value == 1)
        let lower = IndicatorTarget(evaluation: "a", metrics: ["acc"], unit: .count, direction: .lowerIsRiskier)
        #expect(try measure(.countAbove(terms, inclusive: true), records, target: lower, params: ["control": .string("x"), "bar": .number(0.2)]).score?.value == 1)
    }

    @Test func worstAndBestOfVariants() throws {
        let records = [
            Evidence.record("tasks", "success", 0.1, variant: "basic", n: 30, line: 1),
            Evidence.record("tasks", "success", 0.4, variant: "tools", n: 30, line: 2),
            Evidence.record("tasks", "success", 0.2, variant: "browse", n: 30, line: 3),
        ]
        let target = Evidence.target("tasks", ["success"])
        #expect(try measure(.extreme(.worst, of: .init(), variants: []), records, target: target).score?.value == 0.4)
        let best = try #require(try measure(.extreme(.best, of: .init(), variants: [.literal("tools"), .literal("browse")]), records, target: target).score)
        #expect(best.value == 0.2 && best.sources.map(\.line) == [3] && best.interval != nil)
        #expect(best.notes.contains { $0.hasPrefix("best case of 2 results used: browse") })
        #expect(try measure(.extreme(.worst, of: .init(), variants: [.literal("agent")]), records, target: target)
            == .missing(reason: "rule (worst_of): no result for variant 'agent' of 'tasks' (found: basic, tools, browse)"))
    }
}
