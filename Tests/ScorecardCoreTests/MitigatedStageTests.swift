import Testing
@testable import ScorecardCore

/// A stage that `mitigates` another carries its reached level back to it: mitigations do not add
/// capability, so the level before them is never shown below the level after them.
@Suite struct MitigatedStageTests {
    static let categories = [Fixture.category("cyber", [Fixture.indicator("ctf")])]

    func judge(
        _ measurements: [String: [String: Measurement]], _ determinations: [Determination] = [],
        stages: [String] = ["pre", "post"], mitigates: [String: String] = ["post": "pre"]
    ) -> SubjectAssessment {
        let framework = Fixture.framework(Self.categories, stages: stages, mitigates: mitigates)
        return RulesEngine(framework: framework).judge(
            subject: Fixture.subject, measurements: measurements, determinations: determinations)
    }

    func stage(_ a: SubjectAssessment, _ id: String) -> CategoryStageResult { a.categories[0].stages[id]! }

    @Test("an evidence-derived level below what the mitigated stage shows reached is raised to it, and flagged")
    func evidenceLevelIsRaised() {
        let a = judge(["pre": ["ctf": Fixture.score(0.6)], "post": ["ctf": Fixture.score(0.85)]])
        let pre = stage(a, "pre")
        #expect(pre.level?.id == "high")
        #expect(pre.indicatedLevel?.id == "medium", "what this stage's own evidence indicates is kept")
        #expect(pre.reachedLevel?.id == "high", "the floor counts as reached; raisedFrom keeps the stage's own")
        #expect(pre.status == .assessed)
        #expect(pre.floor == CategoryStageResult.MitigatedFloor(stage: "post", level: Fixture.level("high"), raisedFrom: Fixture.level("medium")))
        #expect(pre.trace.last?.hasPrefix("raised to high: post shows high reached with mitigations in place") == true, "\(pre.trace)")
        #expect(stage(a, "post").level?.id == "high", "the mitigated stage itself is untouched")
        let flag = a.flags.first { $0.kind == .belowMitigatedStage }
        #expect(flag?.stage == "pre")
        #expect(flag?.detail == .belowMitigatedStage(level: Fixture.level("medium"), by: "post", mitigatedLevel: Fixture.level("high"), raised: true))
        #expect(a.overall["pre"]?.level?.id == "high", "the overall level and gates follow the raised level")
        #expect(a.gates.first { $0.gate == "harden" }?.passed == false)
    }

    @Test("without mitigates, the stages are judged apart, as before")
    func withoutMitigatesNothingMoves() {
        let a = judge(["pre": ["ctf": Fixture.score(0.6)], "post": ["ctf": Fixture.score(0.85)]], mitigates: [:])
        #expect(stage(a, "pre").level?.id == "medium")
        #expect(!a.flags.contains { $0.kind == .belowMitigatedStage })
    }

    @Test("a pre level at or above the mitigated stage's is left alone, and no flag is raised")
    func consistentStagesAreQuiet() {
        let a = judge(["pre": ["ctf": Fixture.score(0.9)], "post": ["ctf": Fixture.score(0.6)]])
        #expect(stage(a, "pre").level?.id == "high")
        #expect(stage(a, "pre").trace.allSatisfy { !$0.hasPrefix("raised") })
        #expect(stage(a, "pre").floor == nil)
        #expect(!a.flags.contains { $0.kind == .belowMitigatedStage })
    }

    @Test("a determination below the mitigated stage is kept and flagged, with its rationale")
    func determinationIsFlaggedNotOverridden() {
        let a = judge(
            ["pre": ["ctf": Fixture.score(0.1)], "post": ["ctf": Fixture.score(0.6)]],
            [Fixture.determination("cyber", "pre", "low")])
        #expect(stage(a, "pre").level?.id == "low", "a reviewer's determination is not overridden")
        let flag = a.flags.first { $0.kind == .belowMitigatedStage }
        #expect(flag?.detail == .belowMitigatedStage(level: Fixture.level("low"), by: "post", mitigatedLevel: Fixture.level("medium"), raised: false))
        #expect(flag?.message.contains("(determination: because)") == true, "\(flag?.message ?? "")")
        #expect(flag.map { $0.kind.questionsLevel } == true)
    }

    @Test("a pre stage without evidence stays not assessed, never raised to a level, and is flagged")
    func notAssessedIsFlaggedNotFilled() {
        let a = judge(["post": ["ctf": Fixture.score(0.6)]])
        #expect(stage(a, "pre").level == nil)
        #expect(stage(a, "pre").status == .notAssessed)
        let flag = a.flags.first { $0.kind == .belowMitigatedStage }
        #expect(flag?.message == "not assessed, while post shows medium reached with mitigations in place: the level before mitigations is at least medium")
    }

    @Test("a mitigated stage at the floor says nothing about the stage before it")
    func floorIsNoEvidenceOfCapability() {
        let a = judge(["post": ["ctf": Fixture.score(0.1)]])
        #expect(stage(a, "pre").level == nil)
        #expect(!a.flags.contains { $0.kind == .belowMitigatedStage })
    }

    @Test("a raised stage's levels not ruled out at or below the floor are settled by the floor")
    func raiseSettlesOpenLevelsBelowTheFloor() {
        // pre: nothing reached, Medium not ruled out (the trial is missing), High ruled out by the
        // probe; post: the trial reaches High.
        let framework = Fixture.framework([RuleOutTests.category()], mitigates: ["post": "pre"])
        let a = RulesEngine(framework: framework).judge(
            subject: Fixture.subject,
            measurements: ["pre": ["screen": Fixture.score(0.3), "probe": Fixture.score(0.05)], "post": ["trial": Fixture.score(0.85)]],
            determinations: [])
        let before = RulesEngine(framework: Fixture.framework([RuleOutTests.category()])).judge(
            subject: Fixture.subject, measurements: ["pre": ["screen": Fixture.score(0.3), "probe": Fixture.score(0.05)]], determinations: [])
        #expect(before.categories[0].stages["pre"]!.status == .notRuledOut, "the premise: pre alone leaves Medium open")
        let pre = a.categories[0].stages["pre"]!
        #expect(pre.level?.id == "high")
        #expect(pre.notRuledOut.isEmpty)
        #expect(pre.status == .assessed)
        #expect(!a.flags.contains { $0.kind == .notRuledOut && $0.stage == "pre" }, "\(a.flags.map(\.message))")
    }

    @Test("a stage that only does not rule out a level is raised too: the floor counts as reached, higher levels stay open")
    func notRuledOutBelowTheFloorIsRaised() {
        // pre: the screen is below its bar and nothing else was measured (Low reached,
        // Medium–Critical not ruled out); post: the trial shows Medium reached.
        let framework = Fixture.framework([RuleOutTests.category()], mitigates: ["post": "pre"])
        let a = RulesEngine(framework: framework).judge(
            subject: Fixture.subject,
            measurements: ["pre": ["screen": Fixture.score(0.3)], "post": ["trial": Fixture.score(0.6), "probe": Fixture.score(0.05)]],
            determinations: [])
        #expect(a.categories[0].stages["post"]!.level?.id == "medium", "the premise: post shows Medium and rules High out")
        let pre = a.categories[0].stages["pre"]!
        #expect(pre.status == .notRuledOut)
        #expect(pre.reachedLevel?.id == "medium", "not 'Low reached' beside a stage after mitigations that reaches Medium")
        #expect(pre.notRuledOut.map(\.id) == ["high", "critical"], "Medium is settled; what pre's own evidence leaves open above it stays open")
        #expect(pre.level?.id == "critical")
        #expect(pre.nextCheck?.level.id == "high", "the advice is about the next open level, not the settled one")
        #expect(pre.floor == CategoryStageResult.MitigatedFloor(stage: "post", level: Fixture.level("medium"), raisedFrom: Fixture.level("low")))
        #expect(pre.trace.last?.hasSuffix("(the evidence at pre alone shows low reached)") == true, "\(pre.trace)")
        let flag = a.flags.first { $0.kind == .belowMitigatedStage }
        #expect(flag?.message == "raised from low to medium: post shows medium reached with mitigations in place")
        let open = a.flags.first { $0.kind == .notRuledOut && $0.stage == "pre" }
        #expect(open?.message.hasPrefix("medium reached; the evidence does not rule out high, critical") == true, "\(open?.message ?? "")")
    }

    @Test("a stage whose only open level is the floor is settled at it")
    func notRuledOutUpToTheFloorIsSettled() {
        // pre: Low reached, Medium not ruled out (no trial), High ruled out by the probe.
        let framework = Fixture.framework([RuleOutTests.category()], mitigates: ["post": "pre"])
        let a = RulesEngine(framework: framework).judge(
            subject: Fixture.subject,
            measurements: ["pre": ["screen": Fixture.score(0.3), "probe": Fixture.score(0.05)], "post": ["trial": Fixture.score(0.6)]],
            determinations: [])
        let pre = a.categories[0].stages["pre"]!
        #expect(pre.status == .assessed)
        #expect(pre.level?.id == "medium")
        #expect(pre.notRuledOut.isEmpty)
        #expect(pre.floor?.raisedFrom?.id == "low")
    }

    @Test("levels the mitigated stage only does not rule out set no floor: a missing rule-out proves no capability")
    func notRuledOutAfterSetsNoFloor() {
        let framework = Fixture.framework([RuleOutTests.category()], mitigates: ["post": "pre"])
        let a = RulesEngine(framework: framework).judge(
            subject: Fixture.subject,
            measurements: [
                "pre": ["screen": Fixture.score(0.3), "trial": Fixture.score(0.1), "probe": Fixture.score(0.05)],
                "post": ["screen": Fixture.score(0.3)],
            ],
            determinations: [])
        #expect(a.categories[0].stages["post"]!.level?.id == "critical", "the premise: post leaves Medium–Critical open")
        #expect(a.categories[0].stages["pre"]!.level?.id == "low")
        #expect(!a.flags.contains { $0.kind == .belowMitigatedStage }, "\(a.flags.map(\.message))")
    }

    @Test("a determination after mitigations is a floor too: the evidence-derived level before them is raised to it")
    func determinationAfterRaisesTheLevelBefore() {
        let a = judge(
            ["pre": ["ctf": Fixture.score(0.6)], "post": ["ctf": Fixture.score(0.1)]],
            [Fixture.determination("cyber", "post", "high")])
        #expect(stage(a, "pre").level?.id == "high")
        #expect(stage(a, "pre").trace.last?.hasPrefix("raised to high: post is determined high with mitigations in place") == true)
        let flag = a.flags.first { $0.kind == .belowMitigatedStage }
        #expect(flag?.detail == .belowMitigatedStage(level: Fixture.level("medium"), by: "post", mitigatedLevel: Fixture.level("high"), raised: true))
    }

    @Test("a floor is carried through a middle stage that is not assessed or is determined lower")
    func aChainCarriesTheFloorPastAMiddleStage() {
        let chain = ["b": "a", "c": "b"]
        let skipped = judge(["a": ["ctf": Fixture.score(0.1)], "c": ["ctf": Fixture.score(0.9)]], stages: ["a", "b", "c"], mitigates: chain)
        #expect(stage(skipped, "b").level == nil, "b is not assessed, and stays so")
        #expect(stage(skipped, "a").level?.id == "high", "c's High reaches a through b")
        #expect(stage(skipped, "a").trace.last?.hasPrefix("raised to high: c shows high reached") == true, "\(stage(skipped, "a").trace)")
        #expect(stage(skipped, "a").floor?.stage == "c", "the floor names the stage that shows it, not the one it passed through")
        let determined = judge(
            ["a": ["ctf": Fixture.score(0.1)], "b": ["ctf": Fixture.score(0.1)], "c": ["ctf": Fixture.score(0.9)]],
            [Fixture.determination("cyber", "b", "medium")], stages: ["a", "b", "c"], mitigates: chain)
        #expect(stage(determined, "b").level?.id == "medium", "the determination at b is kept, and flagged")
        #expect(stage(determined, "a").level?.id == "high", "a's floor is what c shows, not b's lower determination")
    }

    @Test("a stage that two stages mitigate is raised once, to the higher floor, from its own level")
    func twoMitigatingStagesGiveTheHigherFloorOnce() {
        let a = judge(
            ["pre": ["ctf": Fixture.score(0.1)], "x": ["ctf": Fixture.score(0.6)], "y": ["ctf": Fixture.score(0.9)]],
            stages: ["pre", "x", "y"], mitigates: ["x": "pre", "y": "pre"])
        let pre = stage(a, "pre")
        #expect(pre.level?.id == "high")
        #expect(pre.floor == CategoryStageResult.MitigatedFloor(stage: "y", level: Fixture.level("high"), raisedFrom: Fixture.level("low")))
        #expect(a.flags.filter { $0.kind == .belowMitigatedStage }.count == 1)
    }

    @Test("an optional category not assessed under a floor leaves the stage's overall level undecided")
    func anOptionalCategoryUnderAFloorIsNotLeftOut() {
        let framework = Fixture.framework(
            [Fixture.category("cyber", [Fixture.indicator("ctf")]), Fixture.category("extra", [Fixture.indicator("probe")], required: false)],
            mitigates: ["post": "pre"])
        let a = RulesEngine(framework: framework).judge(
            subject: Fixture.subject,
            measurements: ["pre": ["ctf": Fixture.score(0.1)], "post": ["ctf": Fixture.score(0.1), "probe": Fixture.score(0.9)]],
            determinations: [])
        #expect(a.overall["pre"]?.level == nil, "extra is at least High before mitigations: pre cannot be shown Low")
        #expect(a.overall["pre"]?.notAssessed == ["extra"])
        #expect(a.gates.first { $0.gate == "harden" }?.passed == false, "the trigger gate fails closed")
        let plain = RulesEngine(framework: Fixture.framework(framework.categories)).judge(
            subject: Fixture.subject,
            measurements: ["pre": ["ctf": Fixture.score(0.1)], "post": ["ctf": Fixture.score(0.1), "probe": Fixture.score(0.9)]],
            determinations: [])
        #expect(plain.overall["pre"]?.level?.id == "low", "the premise: without mitigates, an optional category not assessed is left out")
    }

    @Test("a chain of mitigations carries the floor all the way back")
    func chainCarriesTheFloorBack() {
        let a = judge(
            ["a": ["ctf": Fixture.score(0.1)], "b": ["ctf": Fixture.score(0.6)], "c": ["ctf": Fixture.score(0.9)]],
            stages: ["a", "b", "c"], mitigates: ["b": "a", "c": "b"])
        #expect(stage(a, "b").level?.id == "high")
        #expect(stage(a, "a").level?.id == "high", "c raises b, and the raised b raises a")
        #expect(a.flags.filter { $0.kind == .belowMitigatedStage }.map(\.stage).sorted() == ["a", "b"])
    }
}
