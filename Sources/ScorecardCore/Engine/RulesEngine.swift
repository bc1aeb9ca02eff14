/// Judges a subject: levels per category and stage, the overall level per stage, gates and flags.
///
/// A pure, total function of the framework, the indicator measurements and the determinations:
/// no files, no clock, no database. Missing evidence never becomes the floor level: a required
/// category without evidence is not assessed, the overall level of its stage is not decided, and
/// every gate on that stage fails closed.
public struct RulesEngine: Sendable {
    public let framework: Framework

    public init(framework: Framework) {
        self.framework = framework
    }

    /// Judges one subject.
    ///
    /// - Parameters:
    ///   - measurements: per stage id, per indicator id; absent entries count as missing evidence.
    ///   - references: measurements of the reference subjects that relative thresholds name.
    ///   - determinations: any; those that apply to the subject are used, one made for its
    ///     snapshot before one made for the whole model.
    public func judge(
        subject: Subject, measurements: [String: [String: Measurement]], references: ReferenceMeasurements = [:],
        determinations: [Determination]
    ) -> SubjectAssessment {
        let determinations = Determination.applicable(determinations, to: subject)
        var categories: [CategoryAssessment] = []
        var crossStage: [ReviewFlag] = []
        for category in framework.categories {
            let judge = CategoryJudge(category: category, framework: framework)
            var stages: [String: CategoryStageResult] = [:]
            for stage in framework.stages {
                let determination = determinations.first { $0.category == category.id && $0.stage == stage.id }
                stages[stage.id] = judge.judge(
                    stage: stage.id, measurements: measurements[stage.id] ?? [:], references: references,
                    determination: determination)
            }
            crossStage += applyMitigatedStages(&stages, category: category.id)
            categories.append(CategoryAssessment(category: category.id, stages: stages))
        }
        let overall = Dictionary(uniqueKeysWithValues: framework.stages.map { ($0.id, self.overall($0.id, categories)) })
        let gates = framework.gates.map { gate in
            decide(gate, overall: gate.categories == nil ? overall[gate.stage] : self.overall(gate.stage, categories, for: gate))
        }
        return SubjectAssessment(
            subject: subject, categories: categories, overall: overall, gates: gates, flags: flags(categories) + crossStage)
    }

    /// A stage's level is at least the level a stage that mitigates it (one whose `mitigates`
    /// names it) shows: mitigations do not add capability. What a stage shows is the level its
    /// evidence reaches, its determination, or the floor carried to it from a stage that mitigates
    /// it in turn, whichever is highest; a level it merely does not rule out proves no capability.
    /// Stages are taken last first, so every floor is final before it is carried back, and a
    /// stage that several stages mitigate gets the highest of their floors, once.
    ///
    /// An evidence-derived level below its floor is raised to it; a determination below it, or a
    /// category not assessed there, is left as it is, with the floor recorded (a category not
    /// assessed under a floor counts as required for the overall level) and flagged.
    func applyMitigatedStages(_ stages: inout [String: CategoryStageResult], category: String) -> [ReviewFlag] {
        struct Floor {
            let level: Level
            let by: String
            /// How `by` shows the level, for messages: "shows high reached".
            let how: String
        }
        var floors: [String: Floor] = [:]
        var flags: [ReviewFlag] = []
        for stage in framework.stages.reversed() {
            if let floor = floors[stage.id], let result = stages[stage.id], result.shownLevel.map({ $0 < floor.level }) ?? true {
                let reason = "raised to \(floor.level.id): \(floor.by) \(floor.how) with mitigations in place, and mitigations do not add capability"
                let after = result.under(floor.level, by: floor.by, because: reason + " (the evidence at \(stage.id) alone shows \(result.reachedLevel?.id ?? "nothing") reached)")
                stages[stage.id] = after
                let message: String
                if let from = after.floor?.raisedFrom {
                    message = "raised from \(from.id) to \(floor.level.id): \(floor.by) \(floor.how) with mitigations in place"
                } else if let level = result.shownLevel {
                    message = "\(level.id), below the \(floor.level.id) \(floor.by) shows with mitigations in place: a level before mitigations is at least the level after"
                        + (result.determination.map { " (determination: \($0.rationale))" } ?? "")
                } else {
                    message = "not assessed, while \(floor.by) \(floor.how) with mitigations in place: the level before mitigations is at least \(floor.level.id)"
                }
                flags.append(ReviewFlag(
                    category: category, stage: stage.id,
                    detail: .belowMitigatedStage(
                        level: result.shownLevel, by: floor.by, mitigatedLevel: floor.level, raised: after.floor?.raisedFrom != nil),
                    message: message))
            }
            guard let mitigated = stage.mitigates, let result = stages[stage.id] else { continue }
            var shown: [Floor] = []
            if let reached = result.reachedLevel { shown.append(Floor(level: reached, by: stage.id, how: "shows \(reached.id) reached")) }
            if let determined = result.determination?.level {
                shown.append(Floor(level: determined, by: stage.id, how: "is determined \(determined.id)"))
            }
            // A floor carried here keeps naming the stage that shows it.
            if let carried = floors[stage.id] { shown.append(carried) }
            guard let top = shown.max(by: { $0.level < $1.level }), top.level > framework.scale.floor,
                  floors[mitigated].map({ $0.level < top.level }) ?? true
            else { continue }
            floors[mitigated] = top
        }
        return flags
    }

    /// The overall level of a stage under the framework's aggregation; with `gate`, over the
    /// categories that gate looks at.
    func overall(_ stage: String, _ categories: [CategoryAssessment], for gate: Gate? = nil) -> StageOverall {
        var notAssessed: [String] = []
        var levels: [(id: String, level: Level, notRuledOut: Bool)] = []
        for (category, assessment) in zip(framework.categories, categories) where gate?.covers(category) ?? category.gating {
            let result = assessment.stages[stage]
            if let result, let level = result.level {
                levels.append((category.id, level, result.status == .notRuledOut))
            } else if category.required || result?.floor != nil {
                // An optional category not assessed where a stage that mitigates it shows a level
                // is not absent: it is at least that level, so the overall level is not decided.
                notAssessed.append(category.id)
            }
        }
        guard notAssessed.isEmpty, let top = levels.map(\.level).max() else {
            return StageOverall(level: nil, notAssessed: notAssessed, drivers: [])
        }
        switch framework.aggregation {
        case .max:
            let drivers = levels.filter { $0.level == top }
            return StageOverall(
                level: top, notAssessed: [], drivers: drivers.map(\.id), notRuledOut: drivers.filter(\.notRuledOut).map(\.id))
        }
    }

    func decide(_ gate: Gate, overall: StageOverall?) -> GateDecision {
        let overall = overall ?? StageOverall(level: nil, notAssessed: [], drivers: [])
        let stageName = framework.stage(gate.stage)?.name ?? gate.stage
        let limit = framework.scale.name(of: gate.level)
        guard let level = overall.level else {
            let missing = names(overall.notAssessed)
            let what = missing.isEmpty ? "\(stageName) is not assessed" : "\(stageName) is not assessed for \(missing)"
            let reason = switch gate.kind {
            case .ceiling: "not passed (fail closed): \(what), so it cannot be shown to be at most \(limit)"
            case .trigger: "required (fail closed): \(what), so \(limit) cannot be ruled out"
            }
            return GateDecision(gate: gate.id, passed: false, overall: overall, relation: nil, reason: reason)
        }
        let scope = gate.categories.map { "\(stageName) for \(names($0))" } ?? "\(stageName) overall"
        var actual = "\(scope) is \(framework.scale.name(of: level)) (\(names(overall.drivers)))"
        if !overall.notRuledOut.isEmpty { actual += ", not ruled out for \(names(overall.notRuledOut))" }
        let passed: Bool
        let relation: GateDecision.Relation
        let verdict: String
        switch gate.kind {
        case .ceiling:
            passed = level <= gate.level
            relation = passed ? .atOrBelow : .above
            verdict = passed ? "passed" : "not passed"
        case .trigger:
            passed = level < gate.level
            relation = passed ? .below : .atOrAbove
            verdict = passed ? "not required" : "required"
        }
        return GateDecision(
            gate: gate.id, passed: passed, overall: overall, relation: relation,
            reason: "\(verdict): \(actual), \(relation.rawValue) \(limit)")
    }

    private func names(_ ids: [String]) -> String {
        ids.map { framework.category($0)?.name ?? $0 }.joined(separator: ", ")
    }

    private func flags(_ categories: [CategoryAssessment]) -> [ReviewFlag] {
        var flags: [ReviewFlag] = []
        for (category, assessment) in zip(framework.categories, categories) {
            for stage in framework.stages {
                guard let result = assessment.stages[stage.id] else { continue }
                flags += stageFlags(category, stage.id, result)
            }
        }
        return flags
    }

    private func stageFlags(_ category: Category, _ stage: String, _ result: CategoryStageResult) -> [ReviewFlag] {
        var flags: [ReviewFlag] = []
        func add(_ detail: ReviewFlag.Detail, _ message: String) {
            flags.append(ReviewFlag(category: category.id, stage: stage, detail: detail, message: message))
        }
        if let determination = result.determination, let reached = result.reachedLevel, result.lowered {
            add(.lowered(determined: determination.level, reached: reached),
                "determination sets \(determination.level.id), below the \(reached.id) the evidence shows reached: \(determination.rationale)")
        }
        if let determination = result.determination, result.determinedBelowNotRuledOut {
            let open = result.notRuledOut.filter { $0 > determination.level }
            add(.determinedBelowNotRuledOut(determined: determination.level, notRuledOut: open),
                "determination sets \(determination.level.id), but the evidence does not rule out \(open.map(\.id).joined(separator: ", ")): \(determination.rationale)")
        }
        if result.status == .notRuledOut, let reached = result.reachedLevel {
            let missing = result.nextCheck?.missing ?? [], risky = result.nextCheck?.risky ?? []
            var message = "\(reached.id) reached; the evidence does not rule out \(result.notRuledOut.map(\.id).joined(separator: ", "))"
            var why: [String] = []
            if !risky.isEmpty { why.append("not below the bar: \(risky.joined(separator: ", "))") }
            if !missing.isEmpty { why.append("no evidence for \(missing.joined(separator: ", "))") }
            if !why.isEmpty { message += " (\(why.joined(separator: "; ")))" }
            add(.notRuledOut(reached: reached, levels: result.notRuledOut, missing: missing, risky: risky), message)
        }
        if let determination = result.determination, result.indicatedLevel == nil, !category.decisiveIndicators.isEmpty {
            add(.determinedWithoutEvidence(determined: determination.level, reason: result.notAssessedReason),
                "determination sets \(determination.level.id) without evidence at this stage: \(result.notAssessedReason?.description ?? "not assessed")")
        }
        if result.level == nil, category.required {
            add(.notAssessed(result.notAssessedReason), result.notAssessedReason?.description ?? "not assessed")
        }
        for indicator in result.indicators {
            if !indicator.straddles.isEmpty, let interval = indicator.measurement.score?.interval {
                add(.straddles(indicator: indicator.indicator, interval: interval, levels: indicator.straddles),
                    "\(indicator.indicator): interval [\(Format.short(interval.low)), \(Format.short(interval.high))] contains the \(indicator.straddles.map(\.id).joined(separator: ", ")) threshold")
            }
            for warning in result.warnings where warning.indicator == indicator.indicator {
                add(.approaching(warning), warning.ruleOutBar
                    ? "\(warning.indicator): \(Format.short(warning.value)) rules \(warning.level.id) out, within the early-warning margin of its rule-out bar \(Format.short(warning.threshold))"
                    : "\(warning.indicator): \(Format.short(warning.value)) is within the early-warning margin of \(warning.level.id)")
            }
        }
        return flags
    }
}
