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
/// The level of one category at one stage, with everything that produced it.
public struct CategoryStageResult: Hashable, Sendable {
    /// The final level: the determination's when there is one, else the indicated level.
    public let level: Level?
    /// The level the evidence indicates through the thresholds; nil when not assessed.
    public let indicatedLevel: Level?
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
    /// True when a determination set a level below the indicated one.
    public let lowered: Bool
    public let trace: [String]

    public init(
        level: Level?, indicatedLevel: Level?, status: AssessmentStatus, notAssessedReason: NotAssessedReason?,
        approaching: Level?, warnings: [EarlyWarning], indicators: [IndicatorResult], determination: Determination?,
        lowered: Bool, trace: [String]
    ) {
        self.level = level
        self.indicatedLevel = indicatedLevel
        self.status = status
        self.notAssessedReason = notAssessedReason
        self.approaching = approaching
        self.warnings = warnings
        self.indicators = indicators
        self.determination = determination
        self.lowered = lowered
        self.trace = trace
    }

    /// The result of the indicator with this identifier.
    public func indicator(_ id: String) -> IndicatorResult? { indicators.first { $0.indicator == id } }
}

/// One indicator's measurement and the level it indicates.
public struct IndicatorResult: Hashable, Sendable {
    public let indicator: String
    public let measurement: Measurement
    /// The level the value reaches; nil for contextual indicators and missing evidence.
    public let level: Level?
    /// The value that decided the level: the point value, or the conservative bound.
    public let decidingValue: Double?
    /// The next threshold the deciding value is within the early-warning margin of.
    public let warning: EarlyWarning?
    /// Levels whose threshold lies inside the confidence interval.
    public let straddles: [Level]

    public init(
        indicator: String, measurement: Measurement, level: Level?, decidingValue: Double?, warning: EarlyWarning?,
        straddles: [Level]
    ) {
        self.indicator = indicator
        self.measurement = measurement
        self.level = level
        self.decidingValue = decidingValue
        self.warning = warning
        self.straddles = straddles
    }

    /// The level whose threshold the value is approaching.
    public var approaching: Level? { warning?.level }

    /// True when an interval bound, not the point value, decided the level.
    public var decidedByBound: Bool {
        guard let decidingValue, let value = measurement.score?.value else { return false }
        return decidingValue != value
    }
}

/// A value within the early-warning margin of a higher level's threshold.
public struct EarlyWarning: Hashable, Sendable {
    public let indicator: String
    /// The level whose threshold is near.
    public let level: Level
    /// The value compared with the threshold (the deciding value).
    public let value: Double
    public let threshold: Double
    /// The margin that applied, in the indicator's units.
    public let margin: Double

    public init(indicator: String, level: Level, value: Double, threshold: Double, margin: Double) {
        self.indicator = indicator
        self.level = level
        self.value = value
        self.threshold = threshold
        self.margin = margin
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

    /// What the flag is about.
    public enum Detail: Hashable, Sendable {
        case lowered(determined: Level, indicated: Level)
        case determinedWithoutEvidence(determined: Level, reason: NotAssessedReason?)
        case straddles(indicator: String, interval: ConfidenceInterval, levels: [Level])
        case approaching(EarlyWarning)
        case notAssessed(NotAssessedReason?)

        public var kind: Kind {
            switch self {
            case .lowered: .loweredByDetermination
            case .determinedWithoutEvidence: .determinedWithoutEvidence
            case .straddles: .straddlesThreshold
            case .approaching: .approaching
            case .notAssessed: .notAssessed
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
