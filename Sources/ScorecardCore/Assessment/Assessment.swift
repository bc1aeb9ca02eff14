/// The judged scorecard of one subject under one framework.
public struct SubjectAssessment: Hashable, Sendable {
    public let subject: Subject
    public let categories: [CategoryAssessment]
    /// Overall level per stage id; nil when a required category is not assessed at that stage.
    public let overall: [String: StageOverall]
    public let gates: [GateDecision]
    public let flags: [ReviewFlag]

    public init(
        subject: Subject, categories: [CategoryAssessment], overall: [String: StageOverall], gates: [GateDecision],
        flags: [ReviewFlag]
    ) {
        self.subject = subject
        self.categories = categories
        self.overall = overall
        self.gates = gates
        self.flags = flags
    }
}

/// The overall level of one stage and how it was reached.
public struct StageOverall: Hashable, Sendable {
    public let level: Level?
    /// Required categories without a level at this stage.
    public let notAssessed: [String]
    /// The categories at the overall level (what drives it).
    public let drivers: [String]

    public init(level: Level?, notAssessed: [String], drivers: [String]) {
        self.level = level
        self.notAssessed = notAssessed
        self.drivers = drivers
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
public enum AssessmentStatus: String, Hashable, Sendable, Codable {
    case assessed
    case determined
    case notAssessed = "not_assessed"
}

/// The level of one category at one stage, with everything that produced it.
public struct CategoryStageResult: Hashable, Sendable {
    /// The final level: the determination's when there is one, else the indicated level.
    public let level: Level?
    /// The level the evidence indicates through the thresholds; nil when not assessed.
    public let indicatedLevel: Level?
    public let status: AssessmentStatus
    /// Why the category is not assessed, when it is not.
    public let notAssessedReason: String?
    /// A level above the final one that an indicator is within the early-warning margin of.
    public let approaching: Level?
    public let indicators: [IndicatorResult]
    public let determination: Determination?
    /// True when a determination set a level below the indicated one.
    public let lowered: Bool
    public let trace: [String]

    public init(
        level: Level?, indicatedLevel: Level?, status: AssessmentStatus, notAssessedReason: String?,
        approaching: Level?, indicators: [IndicatorResult], determination: Determination?, lowered: Bool,
        trace: [String]
    ) {
        self.level = level
        self.indicatedLevel = indicatedLevel
        self.status = status
        self.notAssessedReason = notAssessedReason
        self.approaching = approaching
        self.indicators = indicators
        self.determination = determination
        self.lowered = lowered
        self.trace = trace
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
    public let approaching: Level?
    /// Levels whose threshold lies inside the confidence interval.
    public let straddles: [Level]

    public init(
        indicator: String, measurement: Measurement, level: Level?, decidingValue: Double?, approaching: Level?,
        straddles: [Level]
    ) {
        self.indicator = indicator
        self.measurement = measurement
        self.level = level
        self.decidingValue = decidingValue
        self.approaching = approaching
        self.straddles = straddles
    }
}

/// A gate's decision and its reason.
public struct GateDecision: Hashable, Sendable {
    public let gate: String
    public let passed: Bool
    public let reason: String

    public init(gate: String, passed: Bool, reason: String) {
        self.gate = gate
        self.passed = passed
        self.reason = reason
    }
}

/// Something a reviewer must look at.
public struct ReviewFlag: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A determination set a level below what the evidence indicates.
        case loweredByDetermination = "lowered_by_determination"
        /// A determination decided a category that has no evidence at that stage.
        case determinedWithoutEvidence = "determined_without_evidence"
        /// A confidence interval contains a threshold.
        case straddlesThreshold = "straddles_threshold"
        /// A value is within the early-warning margin of the next threshold.
        case approaching
        /// A required category has no level at a stage.
        case notAssessed = "not_assessed"
    }

    public let kind: Kind
    public let category: String
    public let stage: String
    public let message: String

    public init(kind: Kind, category: String, stage: String, message: String) {
        self.kind = kind
        self.category = category
        self.stage = stage
        self.message = message
    }
}
