import Testing
@testable import ScorecardCore

/// Categories, stages, overall levels, gates and determinations through the rules engine.
@Suite struct EngineTests {
    let framework = Fixture.framework([
        Fixture.category("cyber", [Fixture.indicator("ctf"), Fixture.indicator("range", thresholds: [("high", 0.5)])]),
        Fixture.category("bio", [Fixture.indicator("mcq", required: true), Fixture.indicator("probe")]),
    ])

    func judge(_ measurements: [String: [String: Measurement]], _ determinations: [Determination] = []) -> SubjectAssessment {
        RulesEngine(framework: framework).judge(subject: Fixture.subject, measurements: measurements, determinations: determinations)
    }

    func stage(_ assessment: SubjectAssessment, _ category: String, _ stage: String) -> CategoryStageResult {
        assessment.categories.first { $0.category == category }!.stages[stage]!
    }

    @Test func anyTakesTheHighestIndicator() {
        let a = judge(["pre": ["ctf": Fixture.score(0.6), "range": Fixture.score(0.7), "mcq": Fixture.score(0.1)]])
        #expect(stage(a, "cyber", "pre").indicatedLevel?.id == "high")
        #expect(stage(a, "cyber", "pre").status == .assessed)
    }

    @Test("a measurement from marked evidence decides as any other, and the trace names the mark")
    func markedMeasurementIsNamedInTheTrace() {
        let marked = Measurement.measured(IndicatorScore(
            value: 0.6, interval: nil, n: nil, k: nil, metric: "score", basis: .samples,
            sources: [SourceLocation(file: "log.json", line: 1)], consistency: .partial))
        let a = judge(["pre": ["ctf": marked, "mcq": Fixture.score(0.1)]])
        let b = judge(["pre": ["ctf": Fixture.score(0.6), "mcq": Fixture.score(0.1)]])
        #expect(stage(a, "cyber", "pre").indicatedLevel == stage(b, "cyber", "pre").indicatedLevel, "the mark never changes the level")
        #expect(stage(a, "cyber", "pre").trace.contains { $0.contains("[partial: from a partial file") }, "\(stage(a, "cyber", "pre").trace)")
        #expect(!stage(b, "cyber", "pre").trace.contains { $0.contains("[partial") })
    }

    @Test func missingEvidenceIsNotAssessedNeverLow() {
        let a = judge(["pre": ["ctf": Fixture.score(0.1), "mcq": Fixture.score(0.1)]])
        let post = stage(a, "cyber", "post")
        #expect(post.level == nil)
        #expect(post.status == .notAssessed)
        #expect(post.notAssessedReason == .noEvidence(["ctf", "range"]))
        #expect(post.notAssessedReason?.description == "no indicator with thresholds has evidence (ctf, range)")
        #expect(a.overall["post"]?.level == nil)
        #expect(a.overall["post"]?.notAssessed == ["cyber", "bio"])
    }

    @Test func aMissingRequiredIndicatorMakesTheCategoryNotAssessed() {
        let a = judge(["pre": ["ctf": Fixture.score(0.1), "probe": Fixture.score(0.9)]])
        let bio = stage(a, "bio", "pre")
        #expect(bio.level == nil)
        #expect(bio.notAssessedReason == .requiredWithoutEvidence(["mcq"]))
        #expect(bio.notAssessedReason?.description == "required indicator without evidence: mcq")
    }

    @Test func gatesFailClosedWhenTheirStageIsNotAssessed() {
        let a = judge(["pre": ["ctf": Fixture.score(0.1), "mcq": Fixture.score(0.1)]])
        let deploy = a.gates.first { $0.gate == "deploy" }!
        #expect(!deploy.passed)
        #expect(deploy.reason.hasPrefix("not passed (fail closed): Post is not assessed for Cyber, Bio"))
        let harden = a.gates.first { $0.gate == "harden" }!
        #expect(harden.passed, "pre is assessed and Low, so hardening is not required")
    }

    @Test func triggerGateFailsClosedToo() {
        let a = judge([:])
        let harden = a.gates.first { $0.gate == "harden" }!
        #expect(!harden.passed)
        #expect(harden.reason.hasPrefix("required (fail closed)"))
    }

    @Test func ceilingAndTriggerDecideOnTheOverallLevel() {
        let all: [String: Measurement] = ["ctf": Fixture.score(0.9), "mcq": Fixture.score(0.6)]
        let a = judge(["pre": all, "post": ["ctf": Fixture.score(0.6), "mcq": Fixture.score(0.2)]])
        #expect(a.overall["pre"]?.level?.id == "high")
        #expect(a.overall["pre"]?.drivers == ["cyber"])
        #expect(a.overall["post"]?.level?.id == "medium")
        #expect(a.gates.first { $0.gate == "deploy" }?.passed == true)
        let harden = a.gates.first { $0.gate == "harden" }!
        #expect(!harden.passed)
        #expect(harden.reason == "required: Pre overall is High (Cyber), at or above High")
    }

    @Test func determinationOverridesAndKeepsTheIndicatedLevel() {
        let a = judge(["post": ["ctf": Fixture.score(0.1), "mcq": Fixture.score(0.1)]], [Fixture.determination("bio", "post", "medium")])
        let bio = stage(a, "bio", "post")
        #expect(bio.level?.id == "medium")
        #expect(bio.indicatedLevel?.id == "low")
        #expect(bio.status == .determined)
        #expect(!bio.lowered)
        #expect(bio.trace.last?.contains("above the indicated low") == true)
    }

    @Test func loweringDeterminationIsFlagged() {
        let a = judge(["post": ["ctf": Fixture.score(0.9), "mcq": Fixture.score(0.1)]], [Fixture.determination("cyber", "post", "medium")])
        let cyber = stage(a, "cyber", "post")
        #expect(cyber.lowered)
        #expect(cyber.level?.id == "medium")
        #expect(a.flags.contains { $0.kind == .loweredByDetermination && $0.category == "cyber" })
        #expect(a.gates.first { $0.gate == "deploy" }?.passed == true, "the gate follows the determined level; check flags it")
    }

    @Test func determinationWithoutEvidenceIsFlagged() {
        let a = judge([:], [Fixture.determination("cyber", "pre", "low")])
        #expect(stage(a, "cyber", "pre").level?.id == "low")
        #expect(a.flags.contains { $0.kind == .determinedWithoutEvidence && $0.category == "cyber" && $0.stage == "pre" })
    }

    @Test func determinationForAnotherModelDoesNotApply() {
        let a = judge([:], [Fixture.determination("cyber", "pre", "low", model: "other")])
        #expect(stage(a, "cyber", "pre").level == nil)
    }
}

@Suite struct CombinationTests {
    func level(_ combine: Combination, _ values: [Double?], minimum: Int = 1) -> String? {
        let indicators = values.indices.map { Fixture.indicator("i\($0)") }
        let framework = Fixture.framework([Fixture.category("c", indicators, combine: combine, minimum: minimum)], stages: ["s"])
        var measurements: [String: Measurement] = [:]
        for (i, value) in values.enumerated() {
            if let value { measurements["i\(i)"] = Fixture.score(value) }
        }
        let a = RulesEngine(framework: framework).judge(subject: Fixture.subject, measurements: ["s": measurements], determinations: [])
        return a.categories[0].stages["s"]?.indicatedLevel?.id
    }

    @Test func any() {
        #expect(level(.any, [0.1, 0.6, 0.9]) == "high")
        #expect(level(.any, [0.1, nil]) == "low")
        #expect(level(.any, [nil, nil]) == nil)
    }

    @Test func all() {
        #expect(level(.all, [0.6, 0.9]) == "medium")
        #expect(level(.all, [0.1, 0.9]) == "low")
    }

    @Test func atLeast() {
        #expect(level(.atLeast(2), [0.6, 0.9, 0.1]) == "medium")
        #expect(level(.atLeast(2), [0.85, 0.9, 0.1]) == "high")
        #expect(level(.atLeast(2), [0.9, nil, nil]) == nil, "fewer assessed indicators than needed is not assessed")
    }

    @Test func minimumIndicators() {
        #expect(level(.any, [0.6, nil, nil], minimum: 2) == nil)
        #expect(level(.any, [0.6, 0.1, nil], minimum: 2) == "medium")
    }
}

@Suite struct OptionalCategoryTests {
    @Test func anUnassessedOptionalCategoryDoesNotBlockTheOverallLevel() {
        let framework = Fixture.framework([
            Fixture.category("c", [Fixture.indicator("i")]),
            Fixture.category("unknowns", [], required: false),
        ], stages: ["s"])
        let engine = RulesEngine(framework: framework)
        let a = engine.judge(subject: Fixture.subject, measurements: ["s": ["i": Fixture.score(0.6)]], determinations: [])
        #expect(a.overall["s"]?.level?.id == "medium")
        #expect(a.categories[1].stages["s"]?.notAssessedReason == .determinationOnly)

        let raised = engine.judge(
            subject: Fixture.subject, measurements: ["s": ["i": Fixture.score(0.6)]],
            determinations: [Fixture.determination("unknowns", "s", "high")])
        #expect(raised.overall["s"]?.level?.id == "high", "an assessed optional category counts")
    }
}

/// A record's consistency mark survives what the application does to records.
@Suite struct ConsistencyMarkTests {
    @Test("renaming the file and restaging onto another framework's stage keep a record's and a sample's mark")
    func marksSurviveRelocation() {
        let record = EvidenceRecord(subject: Subject(model: "m"), stage: "pre", evaluation: "e", metric: "accuracy", value: 0.5,
                                    consistency: .contradicts, location: SourceLocation(file: "a.json", line: 1))
        let sample = SampleRecord(subject: Subject(model: "m"), stage: "pre", evaluation: "e", sampleID: "1", epoch: 1, score: 1,
                                  consistency: .partial, location: SourceLocation(file: "a.json", line: 2))
        #expect(record.renamingFile("a.json", to: "b.json").consistency == .contradicts)
        #expect(record.restaged("capability").consistency == .contradicts)
        #expect(sample.renamingFile("a.json", to: "b.json").consistency == .partial)
        #expect(sample.restaged("capability").consistency == .partial)
    }
}

/// A determination made for a snapshot overrides one made for the whole model, wherever each
/// stands in the file.
@Suite struct DeterminationPrecedenceTests {
    func determination(_ level: String, snapshot: String?, line: Int) -> Determination {
        Determination(
            model: "m", snapshot: snapshot, category: "cyber", stage: "post", level: Fixture.level(level),
            rationale: "because", author: "SAG", date: "2024-01-01", source: nil, location: SourceLocation(file: "d.yaml", line: line))
    }

    @Test(arguments: [false, true])
    func theSnapshotsOwnDeterminationWinsInEitherOrder(reversed: Bool) {
        let general = determination("high", snapshot: nil, line: 3), specific = determination("medium", snapshot: "s1", line: 4)
        let list = reversed ? [specific, general] : [general, specific]
        let framework = Fixture.framework([Fixture.category("cyber", [Fixture.indicator("ctf")])])
        let engine = RulesEngine(framework: framework)
        let s1 = engine.judge(subject: Subject(model: "m", snapshot: "s1"), measurements: [:], determinations: list)
        #expect(s1.categories[0].stages["post"]?.level?.id == "medium")
        #expect(s1.categories[0].stages["post"]?.determination?.location.line == 4)
        let other = engine.judge(subject: Subject(model: "m", snapshot: "s2"), measurements: [:], determinations: list)
        #expect(other.categories[0].stages["post"]?.level?.id == "high", "another snapshot keeps the model's determination")
        #expect(Determination.applicable(list, to: Subject(model: "m", snapshot: "s1")) == [specific])
    }
}
