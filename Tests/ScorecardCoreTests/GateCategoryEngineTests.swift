import Testing
@testable import ScorecardCore

/// Gates that look at some categories (`schema_version: 3`): their level is the highest of those
/// categories, a level not ruled out counts, and a required one not assessed fails them closed.
@Suite struct GateCategoryEngineTests {
    static func framework(optionalB: Bool = false) -> Framework {
        let base = Fixture.framework([
            Fixture.category("a", [Fixture.indicator("x")], ruleOut: .sets([Fixture.ruleOut("medium", [("x", nil)])])),
            Fixture.category("b", [Fixture.indicator("y")], required: !optionalB, ruleOut: .sets([Fixture.ruleOut("medium", [("y", nil)])])),
        ], stages: ["s"])
        let gates = [
            Gate(id: "only_a", name: "A", summary: nil, kind: .trigger, stage: "s", level: Fixture.level("medium"), categories: ["a"]),
            Gate(id: "only_b", name: "B", summary: nil, kind: .ceiling, stage: "s", level: Fixture.level("low"), categories: ["b"]),
            Gate(id: "all", name: "All", summary: nil, kind: .trigger, stage: "s", level: Fixture.level("medium")),
        ]
        return Framework(
            schemaVersion: 3, id: base.id, name: base.name, version: base.version, source: nil, summary: nil, scale: base.scale,
            stages: base.stages, categories: base.categories, aggregation: .max, uncertainty: .point, earlyWarningMargin: 0,
            gates: gates)
    }

    static func judge(_ framework: Framework, _ measurements: [String: Measurement]) -> [String: GateDecision] {
        let result = RulesEngine(framework: framework).judge(subject: Fixture.subject, measurements: ["s": measurements], determinations: [])
        return Dictionary(uniqueKeysWithValues: result.gates.map { ($0.gate, $0) })
    }

    @Test func eachGateDecidesFromItsOwnCategories() {
        let gates = Self.judge(Self.framework(), ["x": Fixture.score(0.6), "y": Fixture.score(0.1)])
        #expect(gates["only_a"]?.passed == false, "a is Medium: its trigger is required")
        #expect(gates["only_b"]?.passed == true, "b is Low: its ceiling passes, whatever a is")
        #expect(gates["all"]?.passed == false)
        #expect(gates["only_a"]?.overall.drivers == ["a"] && gates["only_b"]?.overall.drivers == ["b"])
        #expect(gates["only_b"]?.reason == "passed: S for B is Low (B), at or below Low")
    }

    @Test func aCategoryTheGateDoesNotNameCannotFailItAndOneItNamesFailsItClosed() {
        let gates = Self.judge(Self.framework(), ["x": Fixture.score(0.1)])
        #expect(gates["only_a"]?.passed == true, "b not assessed does not touch a gate on a")
        #expect(gates["only_b"]?.passed == false && gates["only_b"]?.relation == nil, "b not assessed: fails closed")
        #expect(gates["only_b"]?.overall.notAssessed == ["b"])
        #expect(gates["all"]?.passed == false)
        // An optional category that is not assessed is left out, as in the overall level; a gate
        // on it alone has no level and fails closed.
        let optional = Self.judge(Self.framework(optionalB: true), ["x": Fixture.score(0.1)])
        #expect(optional["all"]?.passed == true && optional["only_b"]?.passed == false)
    }

    @Test func aLevelNotRuledOutCountsForTheGatesThatNameIt() {
        // x straddles its Medium bar: Medium is not ruled out for a.
        let gates = Self.judge(Self.framework(), ["x": Fixture.score(0.4, low: 0.3, high: 0.55), "y": Fixture.score(0.1)])
        #expect(gates["only_a"]?.passed == false && gates["only_a"]?.overall.notRuledOut == ["a"])
        #expect(gates["only_b"]?.passed == true)
    }
}
