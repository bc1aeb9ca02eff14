/// The judged scorecard of one subject under one framework.
public struct SubjectAssessment: Hashable, Sendable {
    public let subject: Subject
    public let categories: [CategoryAssessment]
    /// Overall level per stage id; nil when a required category is not assessed at that stage.
    public let overall: [String: StageOverall]
    public let gates: [GateDecision]
    public let flags: [ReviewFlag]
    /// How the subject's evidence was used: what each indicator read and what nothing read
    /// (filled in by ``Assessor``; empty when the engine is called on measurements directly).
    public var evidenceUse: EvidenceUse

    public init(
        subject: Subject, categories: [CategoryAssessment], overall: [String: StageOverall], gates: [GateDecision],
        flags: [ReviewFlag], evidenceUse: EvidenceUse = EvidenceUse()
    ) {
        self.subject = subject
        self.categories = categories
        self.overall = overall
        self.gates = gates
        self.flags = flags
        self.evidenceUse = evidenceUse
    }
}

/// The overall level of one stage and how it was reached.
public struct StageOverall: Hashable, Sendable {
    public let level: Level?
    /// Required categories without a level at this stage.
    public let notAssessed: [String]
    /// The categories at the overall level (what drives it).
    public let drivers: [String]
    /// Drivers whose level is one the evidence does not rule out, rather than one it shows reached.
    public let notRuledOut: [String]

    public init(level: Level?, notAssessed: [String], drivers: [String], notRuledOut: [String] = []) {
        self.level = level
        self.notAssessed = notAssessed
        self.drivers = drivers
        self.notRuledOut = notRuledOut
    }
}

/// One category's levels at every stage.
public struct CategoryAssessment: Hashable, Sendable {
    public let category: String
    public let stages: [String: CategoryStageResult]

    public init(category: String, stages: [String: CategoryStageResult]) {
        self.category = category
        self.stages = stages
    }
}

/// Whether a category-stage level came from evidence, from a determination, or from nowhere.
public enum AssessmentStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// The evidence shows the level reached and rules out the level above it.
    case assessed
    /// The evidence shows a level reached but cannot rule out one or more levels above it;
    /// the category counts at the highest level not ruled out.
    case notRuledOut = "not_ruled_out"
    /// A determination set the level.
    case determined
    case notAssessed = "not_assessed"
}

/// The level of one category at one stage, with everything that produced it.
public struct CategoryStageResult: Hashable, Sendable {
    /// The final level: the determination's when there is one, else the indicated level, or the
    /// level a stage that mitigates this one shows when that is higher (``floor``).
    public let level: Level?
    /// The level the evidence indicates: the highest level it does not rule out; nil when not assessed.
    public let indicatedLevel: Level?
    /// The level the evidence shows reached through the thresholds (the floor when none is met),
    /// or the level a stage that mitigates this one shows, when that is higher (``floor``).
    public let reachedLevel: Level?
    /// Levels above the one reached that the evidence does not rule out, lowest first.
    public let notRuledOut: [Level]
    /// The rule-out checks of the levels that have a rule-out set, lowest first.
    public let ruleOutChecks: [RuleOutCheck]
    public let status: AssessmentStatus
    /// Why the category is not assessed from evidence, when it is not.
    public let notAssessedReason: NotAssessedReason?
    /// A level above the final one that the category is within the early-warning margin of.
    public let approaching: Level?
    /// The indicators' early warnings that point above the final level.
    public let warnings: [EarlyWarning]
    /// One result per indicator of the category, in framework order.
    public let indicators: [IndicatorResult]
    public let determination: Determination?
    /// True when a determination set a level below the one the evidence shows reached.
    public let lowered: Bool
    /// Set when a stage that mitigates this one shows a level above this one's own: the floor,
    /// and whether this level was raised to it.
    public let floor: MitigatedFloor?
    public let trace: [String]

    /// The floor a stage that mitigates this one sets: mitigations add no capability, so the level
    /// that stage shows (reached, determined, or carried from a stage that mitigates it) is at
    /// least the level here.
    public struct MitigatedFloor: Hashable, Sendable {
        /// The stage that mitigates this one.
        public let stage: String
        public let level: Level
        /// The level this stage's own evidence shows reached, when it was raised to the floor; nil
        /// when it was left as it is (a determination, or not assessed), which the review flag names.
        public let raisedFrom: Level?
    }

    public init(
        level: Level?, indicatedLevel: Level?, reachedLevel: Level?, notRuledOut: [Level], ruleOutChecks: [RuleOutCheck],
        status: AssessmentStatus, notAssessedReason: NotAssessedReason?, approaching: Level?, warnings: [EarlyWarning],
        indicators: [IndicatorResult], determination: Determination?, lowered: Bool, floor: MitigatedFloor? = nil,
        trace: [String]
    ) {
        self.level = level
        self.indicatedLevel = indicatedLevel
        self.reachedLevel = reachedLevel
        self.notRuledOut = notRuledOut
        self.ruleOutChecks = ruleOutChecks
        self.status = status
        self.notAssessedReason = notAssessedReason
        self.approaching = approaching
        self.warnings = warnings
        self.indicators = indicators
        self.determination = determination
        self.lowered = lowered
        self.floor = floor
        self.trace = trace
    }

    /// The result of the indicator with this identifier.
    public func indicator(_ id: String) -> IndicatorResult? { indicators.first { $0.indicator == id } }

    /// This result under `floor`: an evidence-derived result that shows less than the floor
    /// reached is raised to it. The floor counts as reached (``MitigatedFloor/raisedFrom`` keeps
    /// what this stage's own evidence reaches), levels not ruled out and warnings at or below it
    /// are settled, and levels above it that the evidence does not rule out stay open. What the
    /// stage's own evidence indicates is kept, and `reason` joins the trace. A determination or no
    /// level is kept, with the floor recorded.
    func under(_ floor: Level, by stage: String, because reason: String) -> CategoryStageResult {
        guard determination == nil, let own = level else {
            return CategoryStageResult(
                level: level, indicatedLevel: indicatedLevel, reachedLevel: reachedLevel, notRuledOut: notRuledOut,
                ruleOutChecks: ruleOutChecks, status: status, notAssessedReason: notAssessedReason, approaching: approaching,
                warnings: warnings, indicators: indicators, determination: determination, lowered: lowered,
                floor: MitigatedFloor(stage: stage, level: floor, raisedFrom: nil), trace: trace)
        }
        let open = notRuledOut.filter { $0 > floor }
        return CategoryStageResult(
            level: max(own, floor), indicatedLevel: indicatedLevel, reachedLevel: floor, notRuledOut: open,
            ruleOutChecks: ruleOutChecks, status: open.isEmpty ? .assessed : .notRuledOut, notAssessedReason: nil,
            approaching: approaching.flatMap { $0 > floor ? $0 : nil }, warnings: warnings.filter { $0.level > floor },
            indicators: indicators, determination: nil, lowered: false,
            floor: MitigatedFloor(stage: stage, level: floor, raisedFrom: reachedLevel ?? own), trace: trace + [reason])
    }

    /// The level this result shows, as a stage it mitigates must at least have: the recorded
    /// level when a determination set it, else the level the evidence shows reached (a level it
    /// merely does not rule out proves nothing); nil when not assessed.
    var shownLevel: Level? { determination == nil ? reachedLevel : level }

    /// The check of the lowest level not ruled out that is closest to settling it: of several
    /// routes, one that no indicator contradicts (none above its bar) and that lacks the fewest
    /// results. What evidence would rule the next level out.
    public var nextCheck: RuleOutCheck? {
        guard let level = notRuledOut.first else { return nil }
        return ruleOutChecks.filter { $0.level == level }.min { ($0.risky.count, $0.missing.count) < ($1.risky.count, $1.missing.count) }
    }

    /// True when a determination sets a level below one the evidence does not rule out (but not
    /// below the level reached, which is ``lowered``).
    public var determinedBelowNotRuledOut: Bool {
        guard let determination, let indicated = indicatedLevel, !lowered else { return false }
        return determination.level < indicated
    }
}

/// One indicator's measurement and the level it indicates.
public struct IndicatorResult: Hashable, Sendable {
    public let indicator: String
    public let measurement: Measurement
    /// The level the value reaches; nil for contextual indicators and missing evidence.
    public let level: Level?
    /// The value that decided the level: the point value, or the conservative bound.
    public let decidingValue: Double?
    /// The riskier end of the interval (the value when there is none): what must lie below a
    /// rule-out bar.
    public let riskyValue: Double?
    /// The thresholds as they applied at this stage (relative ones resolved); empty when the
    /// indicator has none or they could not be resolved.
    public let thresholds: [ResolvedThreshold]
    /// Why the thresholds could not be applied (a relative threshold's reference has no result).
    public let unresolved: String?
    /// The next threshold the deciding value is within the early-warning margin of.
    public let warning: EarlyWarning?
    /// Levels whose threshold lies inside the confidence interval.
    public let straddles: [Level]

    public init(
        indicator: String, measurement: Measurement, level: Level?, decidingValue: Double?, riskyValue: Double?,
        thresholds: [ResolvedThreshold], unresolved: String?, warning: EarlyWarning?, straddles: [Level]
    ) {
        self.indicator = indicator
        self.measurement = measurement
        self.level = level
        self.decidingValue = decidingValue
        self.riskyValue = riskyValue
        self.thresholds = thresholds
        self.unresolved = unresolved
        self.warning = warning
        self.straddles = straddles
    }

    /// Whether the indicator has a usable result at this stage: measured, and its thresholds applied.
    public var hasEvidence: Bool { measurement.score != nil && unresolved == nil }

    /// The resolved threshold for `level`.
    public func threshold(for level: Level) -> ResolvedThreshold? { thresholds.first { $0.level == level } }

    /// The level whose threshold the value is approaching.
    public var approaching: Level? { warning?.level }

    /// True when an interval bound, not the point value, decided the level.
    public var decidedByBound: Bool {
        guard let decidingValue, let value = measurement.score?.value else { return false }
        return decidingValue != value
    }
}

/// A value within the early-warning margin of a higher level's threshold, or of the bar that
/// rules a higher level out (a level ruled out narrowly).
public struct EarlyWarning: Hashable, Sendable {
    public let indicator: String
    /// The level whose threshold (or rule-out bar) is near.
    public let level: Level
    /// The value compared with the threshold (the deciding value).
    public let value: Double
    /// The threshold, or the rule-out bar when ``ruleOutBar``.
    public let threshold: Double
    /// The margin that applied, in the indicator's units.
    public let margin: Double
    /// Whether ``threshold`` is the bar of a rule-out set that ruled ``level`` out: the value is
    /// on the safe side of it, but within the margin.
    public let ruleOutBar: Bool

    public init(indicator: String, level: Level, value: Double, threshold: Double, margin: Double, ruleOutBar: Bool = false) {
        self.indicator = indicator
        self.level = level
        self.value = value
        self.threshold = threshold
        self.margin = margin
        self.ruleOutBar = ruleOutBar
    }

    /// Whether `value` is within `margin` of `bar` on the safe side, or past it, for an indicator
    /// of `direction`: the early-warning test of thresholds and rule-out bars alike. A little
    /// slack lets a value exactly at the margin's edge count despite binary rounding (0.5 − 0.1).
    public static func isNear(_ value: Double, to bar: Double, margin: Double, direction: Direction) -> Bool {
        let slack = 1e-9
        return direction == .higherIsRiskier ? value >= bar - margin - slack : value <= bar + margin + slack
    }

    /// Whether a warning towards `near` matters beside the final level `level`: only when it points
    /// above it (or there is no final level).
    public static func counts(_ near: Level, above level: Level?) -> Bool {
        level.map { near > $0 } ?? true
    }
}

/// Why a category has no level from evidence at a stage, as data; `description` is the engine's wording.
public enum NotAssessedReason: Hashable, Sendable, CustomStringConvertible {
    /// The category has no indicator with thresholds: only a determination can set its level.
    case determinationOnly
    /// Indicators the framework requires have no evidence.
    case requiredWithoutEvidence([String])
    /// No indicator with thresholds has evidence; the identifiers are the decisive indicators.
    case noEvidence([String])
    /// Too few decisive indicators have evidence.
    case tooFewIndicators(measured: [String], decisive: [String], needed: Int)

    public var description: String {
        switch self {
        case .determinationOnly:
            "judged by determination only: the category has no indicators with thresholds"
        case .requiredWithoutEvidence(let ids):
            "required indicator\(ids.count > 1 ? "s" : "") without evidence: \(ids.joined(separator: ", "))"
        case .noEvidence(let ids):
            "no indicator with thresholds has evidence (\(ids.joined(separator: ", ")))"
        case .tooFewIndicators(let measured, let decisive, let needed):
            "\(measured.count) of \(decisive.count) indicators have evidence; \(needed) needed"
        }
    }
}

/// A gate's decision, the overall level it was decided on, and the engine's reason.
public struct GateDecision: Hashable, Sendable {
    /// How the overall level compares with the gate's level, when the stage is assessed.
    public enum Relation: String, Hashable, Sendable {
        case atOrBelow = "at or below"
        case above
        case below
        case atOrAbove = "at or above"
    }

    public let gate: String
    public let passed: Bool
    /// The overall level of the gate's stage that decided it.
    public let overall: StageOverall
    /// Nil when the gate failed closed because its stage is not assessed.
    public let relation: Relation?
    /// The engine's one-line reason, for traces and the JSON document.
    public let reason: String

    public init(gate: String, passed: Bool, overall: StageOverall, relation: Relation?, reason: String) {
        self.gate = gate
        self.passed = passed
        self.overall = overall
        self.relation = relation
        self.reason = reason
    }
}

/// Something a reviewer must look at, as data; `message` is the engine's wording.
public struct ReviewFlag: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A determination set a level below what the evidence indicates.
        case loweredByDetermination = "lowered_by_determination"
        /// A determination set a level below one the evidence does not rule out.
        case determinedBelowNotRuledOut = "determined_below_not_ruled_out"
        /// A determination decided a category that has no evidence at that stage.
        case determinedWithoutEvidence = "determined_without_evidence"
        /// The evidence shows a level reached but cannot rule out the level above it.
        case notRuledOut = "not_ruled_out"
        /// A confidence interval contains a threshold.
        case straddlesThreshold = "straddles_threshold"
        /// A value is within the early-warning margin of the next threshold.
        case approaching
        /// A required category has no level at a stage.
        case notAssessed = "not_assessed"
        /// A determination's `made_on` is not the hash of its category's evidence now.
        case staleDetermination = "stale_determination"
        /// A level is below the one its mitigated stage shows (the framework's `mitigates`).
        case belowMitigatedStage = "below_mitigated_stage"

        /// Kinds that question the level a reviewer accepted: a determination that the evidence
        /// does not carry, or no longer matches, or a stage below its own mitigated form. A
        /// regeneration that makes one appear calls for a review even when no level moved.
        public var questionsLevel: Bool {
            switch self {
            case .loweredByDetermination, .determinedBelowNotRuledOut, .determinedWithoutEvidence, .staleDetermination,
                 .belowMitigatedStage: true
            case .notRuledOut, .straddlesThreshold, .approaching, .notAssessed: false
            }
        }
    }

    /// What the flag is about.
    public enum Detail: Hashable, Sendable {
        case lowered(determined: Level, reached: Level)
        case determinedBelowNotRuledOut(determined: Level, notRuledOut: [Level])
        /// The levels not ruled out; of the next level's closest rule-out route, the indicators
        /// without evidence and those above their bars.
        case notRuledOut(reached: Level, levels: [Level], missing: [String], risky: [String])
        case determinedWithoutEvidence(determined: Level, reason: NotAssessedReason?)
        case straddles(indicator: String, interval: ConfidenceInterval, levels: [Level])
        case approaching(EarlyWarning)
        case notAssessed(NotAssessedReason?)
        /// The evidence hash the determination records and the one the evidence has now.
        case staleDetermination(madeOn: String, now: String, location: SourceLocation)
        /// The level this stage shows on its own (reached by its evidence, or determined; nil: not
        /// assessed), the stage that mitigates it and the level
        /// that stage shows; `raised` when the level here was raised to it, false when it was left
        /// below (a determination, or not assessed here).
        case belowMitigatedStage(level: Level?, by: String, mitigatedLevel: Level, raised: Bool)

        public var kind: Kind {
            switch self {
            case .lowered: .loweredByDetermination
            case .determinedBelowNotRuledOut: .determinedBelowNotRuledOut
            case .notRuledOut: .notRuledOut
            case .determinedWithoutEvidence: .determinedWithoutEvidence
            case .straddles: .straddlesThreshold
            case .approaching: .approaching
            case .notAssessed: .notAssessed
            case .staleDetermination: .staleDetermination
            case .belowMitigatedStage: .belowMitigatedStage
            }
        }
    }

    public let category: String
    public let stage: String
    public let detail: Detail
    public let message: String

    public init(category: String, stage: String, detail: Detail, message: String) {
        self.category = category
        self.stage = stage
        self.detail = detail
        self.message = message
    }

    public var kind: Kind { detail.kind }
}

/// Whether the evidence rules one level out, and each listed indicator's part in it.
public struct RuleOutCheck: Hashable, Sendable {
    /// One listed indicator at one stage.
    public struct Entry: Hashable, Sendable {
        public let indicator: String
        /// The bar the value had to stay below; nil when the indicator's threshold could not be applied.
        public let bar: Double?
        /// The riskier end of the indicator's interval (its value when there is none); nil without evidence.
        public let value: Double?
        /// True when on the safe side of the bar, false when not, nil without evidence.
        public let safe: Bool?

        public init(indicator: String, bar: Double?, value: Double?, safe: Bool?) {
            self.indicator = indicator
            self.bar = bar
            self.value = value
            self.safe = safe
        }
    }

    public let level: Level
    public let requirement: RuleOutSet.Requirement
    /// How many listed indicators must be on the safe side.
    public let needed: Int
    public let entries: [Entry]
    public let ruledOut: Bool

    public init(level: Level, requirement: RuleOutSet.Requirement, needed: Int, entries: [Entry], ruledOut: Bool) {
        self.level = level
        self.requirement = requirement
        self.needed = needed
        self.entries = entries
        self.ruledOut = ruledOut
    }

    /// Listed indicators without evidence: what it would take to decide the check.
    public var missing: [String] { entries.filter { $0.safe == nil }.map(\.indicator) }

    /// Listed indicators on the risky side of their bar.
    public var risky: [String] { entries.filter { $0.safe == false }.map(\.indicator) }

    /// The engine's one-line account: `all of [a, b]: a 0.13 below 0.5; b no evidence`.
    public var summary: String {
        let parts = entries.map { entry in
            switch (entry.safe, entry.value, entry.bar) {
            case (true?, let value?, let bar?): "\(entry.indicator) \(Format.short(value, places: 4)) clears \(Format.number(bar))"
            case (false?, let value?, let bar?): "\(entry.indicator) \(Format.short(value, places: 4)) does not clear \(Format.number(bar))"
            default: "\(entry.indicator) no evidence"
            }
        }
        return "\(requirement) of \(entries.count) (\(needed) needed): " + parts.joined(separator: "; ")
    }
}
