/// A section's tables and charts for a set of models, measured from evidence; no levels.
public struct SectionResult: Hashable, Sendable {
    public let definition: SectionDefinition
    /// The models shown, the report's subject first.
    public let subjects: [Subject]
    public let tables: [SectionTableResult]
    public let tradeoffs: [TradeoffResult]
    /// Published figures that do not follow from their own parts.
    public let inconsistencies: [Inconsistency]
    /// The records the section shows, for the accounting of unused evidence.
    public let recordsRead: Set<EvidenceRecord.Key>
}

/// One table as shown: its rows, a cell per model.
public struct SectionTableResult: Hashable, Sendable {
    public let table: SectionTable
    public let rows: [SectionRowResult]
    /// For three-way grades: the evaluation and variant of this table.
    public let evaluation: String?
    public let variant: String?
}

/// One row: a metric of an evaluation (in one variant), a cell per model.
public struct SectionRowResult: Hashable, Sendable {
    public let label: String
    public let evaluation: String
    public let metric: String
    public let variant: String?
    public let lowerIsBetter: Bool
    public let cells: [SectionCell]
}

/// One model's value in a row: published, derived from other published figures, or missing.
public struct SectionCell: Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        /// Read from a record.
        case published(SourceLocation, source: String?)
        /// Computed from other figures of the same model and evaluation (named by metric).
        case derived(from: [String])
        /// Counted from per-sample grades.
        case samples(count: Int)
        /// No result for this model: shown as missing, never as zero.
        case missing
    }

    public let value: Double?
    public let unit: ValueUnit
    public let interval: ConfidenceInterval?
    /// True when the interval was computed here (Wilson from n and k, or k ≈ value × n).
    public let intervalComputed: Bool
    public let n: Int?
    public let k: Int?
    public let origin: Origin
    /// For a published figure that can also be derived from its parts: the derived value.
    public let derived: Double?
    /// True when `derived` disagrees with the published value beyond its rounding.
    public let contradicts: Bool

    public static let missing = SectionCell(
        value: nil, unit: .rate, interval: nil, intervalComputed: false, n: nil, k: nil, origin: .missing, derived: nil,
        contradicts: false)

    public init(
        value: Double?, unit: ValueUnit, interval: ConfidenceInterval?, intervalComputed: Bool, n: Int?, k: Int?,
        origin: Origin, derived: Double?, contradicts: Bool
    ) {
        self.value = value
        self.unit = unit
        self.interval = interval
        self.intervalComputed = intervalComputed
        self.n = n
        self.k = k
        self.origin = origin
        self.derived = derived
        self.contradicts = contradicts
    }
}

/// A trade-off chart's points, one per model with both values, and the frontier.
public struct TradeoffResult: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        public let subject: Subject
        public let x: SectionCell
        public let y: SectionCell
    }

    public let chart: TradeoffChart
    public let points: [Point]
    /// Models without a value on one axis or both.
    public let missing: [Subject]
    /// The points no other point beats on both axes, by x ascending.
    public let frontier: [Subject]
}

/// A published figure that does not follow from the figures it is defined by.
public struct Inconsistency: Hashable, Sendable {
    /// What is wrong with the published figures.
    public enum Problem: Hashable, Sendable {
        /// A derived figure (`metric`) that its parts do not give: they give `derived`.
        case doesNotFollow
        /// Shares of one whole (`metric` names them) that add up to `published`, beyond 100%:
        /// no grades can have them, so nothing is derived from them.
        case partsExceedWhole
    }

    public let subject: Subject
    public let evaluation: String
    public let variant: String?
    public let metric: String
    public let published: Double
    public let derived: Double
    public let location: SourceLocation
    public var problem: Problem = .doesNotFollow
}
