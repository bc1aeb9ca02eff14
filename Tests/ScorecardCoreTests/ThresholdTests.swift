import Testing
@testable import ScorecardCore

/// Scores → levels through one indicator's thresholds, including the edges.
@Suite struct ThresholdTests {
    static let higher: [(Double, String)] = [
        (0.0, "low"), (0.4999, "low"), (0.5, "medium"), (0.5001, "medium"), (0.7999, "medium"),
        (0.8, "high"), (1.0, "high"),
    ]

    @Test(arguments: higher)
    func higherIsRiskierInclusive(value: Double, expected: String) {
        let judge = IndicatorJudge(indicator: Fixture.indicator("x"), policy: .point, margin: 0, scale: Fixture.scale)
        #expect(judge.judge(Fixture.score(value)).result.level?.id == expected)
    }

    static let strict: [(Double, String)] = [(0.5, "low"), (0.50001, "medium"), (0.8, "medium"), (0.81, "high")]

    @Test(arguments: strict)
    func exactlyOnThresholdDoesNotMeetAStrictThreshold(value: Double, expected: String) {
        let judge = IndicatorJudge(
            indicator: Fixture.indicator("x", inclusive: false), policy: .point, margin: 0, scale: Fixture.scale)
        #expect(judge.judge(Fixture.score(value)).result.level?.id == expected)
    }

    static let lower: [(Double, String)] = [(0.9, "low"), (0.5, "low"), (0.3, "medium"), (0.29, "medium"), (0.1, "high"), (0.0, "high")]

    @Test(arguments: lower)
    func lowerIsRiskier(value: Double, expected: String) {
        let indicator = Fixture.indicator("x", thresholds: [("medium", 0.3), ("high", 0.1)], direction: .lowerIsRiskier)
        let judge = IndicatorJudge(indicator: indicator, policy: .point, margin: 0, scale: Fixture.scale)
        #expect(judge.judge(Fixture.score(value)).result.level?.id == expected)
    }

    @Test func sparseThresholdsCannotIndicateAboveTheirHighestLevel() {
        let indicator = Fixture.indicator("x", thresholds: [("medium", 0.5)])
        let judge = IndicatorJudge(indicator: indicator, policy: .point, margin: 0, scale: Fixture.scale)
        #expect(judge.judge(Fixture.score(1.0)).result.level?.id == "medium")
        #expect(judge.judge(Fixture.score(0.2)).result.level?.id == "low")
    }

    static let straddle: [(UncertaintyPolicy, String)] = [(.point, "low"), (.conservativeBound, "medium")]

    @Test(arguments: straddle)
    func intervalStraddlingAThresholdFollowsThePolicy(policy: UncertaintyPolicy, expected: String) {
        let judge = IndicatorJudge(indicator: Fixture.indicator("x"), policy: policy, margin: 0, scale: Fixture.scale)
        let (result, trace) = judge.judge(Fixture.score(0.45, low: 0.40, high: 0.55))
        #expect(result.level?.id == expected)
        #expect(result.straddles.map(\.id) == ["medium"])
        #expect(trace.contains("straddles the medium threshold"))
    }

    @Test func conservativeBoundOfALowerIsRiskierIndicatorIsTheLowEnd() {
        let indicator = Fixture.indicator("x", thresholds: [("medium", 0.3)], direction: .lowerIsRiskier)
        let judge = IndicatorJudge(indicator: indicator, policy: .conservativeBound, margin: 0, scale: Fixture.scale)
        let result = judge.judge(Fixture.score(0.35, low: 0.25, high: 0.45)).result
        #expect(result.level?.id == "medium")
        #expect(result.decidingValue == 0.25)
    }

    @Test func intervalInsideOneBandStraddlesNothing() {
        let judge = IndicatorJudge(indicator: Fixture.indicator("x"), policy: .conservativeBound, margin: 0, scale: Fixture.scale)
        let result = judge.judge(Fixture.score(0.6, low: 0.55, high: 0.7)).result
        #expect(result.straddles.isEmpty)
        #expect(result.level?.id == "medium")
    }

    static let margins: [(Double, String?)] = [(0.39, nil), (0.4, "medium"), (0.49, "medium"), (0.5, nil), (0.7, "high"), (0.69, nil)]

    @Test(arguments: margins)
    func approachingWithinTheEarlyWarningMargin(value: Double, expected: String?) {
        let judge = IndicatorJudge(indicator: Fixture.indicator("x"), policy: .point, margin: 0.1, scale: Fixture.scale)
        #expect(judge.judge(Fixture.score(value)).result.approaching?.id == expected)
    }

    @Test func missingEvidenceHasNoLevel() {
        let judge = IndicatorJudge(indicator: Fixture.indicator("x"), policy: .point, margin: 0.1, scale: Fixture.scale)
        let (result, trace) = judge.judge(.missing(reason: "no results for 'x'"))
        #expect(result.level == nil)
        #expect(trace == "x: no evidence (no results for 'x')")
    }

    @Test func contextualIndicatorsNeverDecide() {
        let judge = IndicatorJudge(indicator: Fixture.indicator("x", thresholds: []), policy: .point, margin: 0.1, scale: Fixture.scale)
        #expect(judge.judge(Fixture.score(0.99)).result.level == nil)
    }
}
