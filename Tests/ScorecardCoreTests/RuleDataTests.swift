import Testing
@testable import ScorecardCore

/// The rules as data: the threshold comparison, early warnings, gate relations, flag details and
/// not-assessed reasons that Core hands to every presenter.
@Suite struct RuleDataTests {
    static let comparisons: [(Direction, Bool, Double, Double, Bool, String)] = [
        (.higherIsRiskier, true, 0.5, 0.5, true, "≥"), (.higherIsRiskier, true, 0.49, 0.5, false, "≥"),
        (.higherIsRiskier, false, 0.5, 0.5, false, ">"), (.higherIsRiskier, false, 0.51, 0.5, true, ">"),
        (.lowerIsRiskier, true, 0.3, 0.3, true, "≤"), (.lowerIsRiskier, true, 0.31, 0.3, false, "≤"),
        (.lowerIsRiskier, false, 0.3, 0.3, false, "<"), (.lowerIsRiskier, false, 0.29, 0.3, true, "<"),
    ]

    @Test(arguments: comparisons)
    func aComparisonDecidesAndNamesItsSymbol(
        direction: Direction, inclusive: Bool, value: Double, threshold: Double, meets: Bool, symbol: String
    ) {
        let comparison = ThresholdComparison(direction: direction, inclusive: inclusive)
        #expect(comparison.meets(value, threshold) == meets)
        #expect(comparison.symbol == symbol)
    }

    @Test func theRiskierEndOfAnIntervalFollowsTheDirection() {
        let interval = ConfidenceInterval(low: 0.2, high: 0.6, level: 0.95, method: "test")
        #expect(ThresholdComparison(direction: .higherIsRiskier, inclusive: true).ends(of: interval) == (0.6, 0.2))
        #expect(ThresholdComparison(direction: .lowerIsRiskier, inclusive: true).ends(of: interval) == (0.2, 0.6))
    }

    @Test func anIndicatorMarginFallsBackToTheFrameworkDefault() {
        #expect(Fixture.indicator("x").margin(default: 0.1) == 0.1)
        let own = Indicator(
            id: "x", name: "x", evaluator: "metric", parameters: .init(), evaluation: "x", metrics: ["m"], unit: .rate,
            direction: .higherIsRiskier, inclusive: true, required: false, earlyWarningMargin: 0.02, thresholds: [],
            baselines: [])
        #expect(own.margin(default: 0.1) == 0.02)
    }

    @Test func anEarlyWarningCarriesItsValueThresholdAndMargin() throws {
        let judge = IndicatorJudge(indicator: Fixture.indicator("x"), policy: .point, margin: 0.1, scale: Fixture.scale)
        let warning = try #require(judge.judge(Fixture.score(0.45)).result.warning)
        #expect(warning == EarlyWarning(indicator: "x", level: Fixture.scale.level("medium")!, value: 0.45, threshold: 0.5, margin: 0.1))
    }

    @Test func aWarningCountsOnlyAboveTheFinalLevel() throws {
        let medium = try #require(Fixture.scale.level("medium")), high = try #require(Fixture.scale.level("high"))
        #expect(EarlyWarning.counts(high, above: medium))
        #expect(!EarlyWarning.counts(medium, above: medium))
        #expect(!EarlyWarning.counts(medium, above: high))
        #expect(EarlyWarning.counts(medium, above: nil))
    }

    @Test func aDeterminationAboveTheWarnedLevelSilencesTheWarningAndItsFlag() throws {
        let framework = Fixture.framework([Fixture.category("cyber", [Fixture.indicator("ctf")])], margin: 0.1, stages: ["pre"])
        let determination = Fixture.determination("cyber", "pre", "high")
        let a = RulesEngine(framework: framework).judge(
            subject: Fixture.subject, measurements: ["pre": ["ctf": Fixture.score(0.45)]], determinations: [determination])
        let result = try #require(a.categories[0].stages["pre"])
        #expect(result.indicator("ctf")?.warning != nil)
        #expect(result.warnings.isEmpty)
        #expect(result.approaching == nil)
        #expect(!a.flags.contains { $0.kind == .approaching })
    }

    @Test func gateDecisionsCarryTheOverallLevelAndTheRelation() throws {
        let framework = Fixture.framework([Fixture.category("cyber", [Fixture.indicator("ctf")])], stages: ["pre"])
        let a = RulesEngine(framework: framework).judge(
            subject: Fixture.subject, measurements: ["pre": ["ctf": Fixture.score(0.6)]], determinations: [])
        for decision in a.gates {
            #expect(decision.overall.level?.id == "medium")
            #expect(decision.overall.drivers == ["cyber"])
            #expect(decision.relation != nil)
        }
        let missing = RulesEngine(framework: framework).judge(subject: Fixture.subject, measurements: [:], determinations: [])
        for decision in missing.gates {
            #expect(!decision.passed)
            #expect(decision.relation == nil)
            #expect(decision.overall.notAssessed == ["cyber"])
        }
    }

    @Test func flagsCarryTheirDetailsAsData() throws {
        let framework = Fixture.framework([Fixture.category("cyber", [Fixture.indicator("ctf")])], stages: ["pre"])
        let a = RulesEngine(framework: framework).judge(
            subject: Fixture.subject, measurements: ["pre": ["ctf": Fixture.score(0.45, low: 0.4, high: 0.55)]],
            determinations: [])
        let straddle = try #require(a.flags.first { $0.kind == .straddlesThreshold })
        guard case .straddles(let indicator, let interval, let levels) = straddle.detail else {
            Issue.record("expected a straddle detail, found \(straddle.detail)")
            return
        }
        #expect(indicator == "ctf")
        #expect(interval.high == 0.55)
        #expect(levels.map(\.id) == ["medium"])
    }
}
