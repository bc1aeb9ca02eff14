/// A risk framework as data: its levels, stages, categories with indicators, and gates.
///
/// A framework is loaded and validated from YAML by `ScorecardIngest`; by the time a value of
/// this type exists every reference in it (levels, stages, evaluators) has been checked.
public struct Framework: Hashable, Sendable {
    /// The framework file format version this value was read from.
    public let schemaVersion: Int
    public let id: String
    public let name: String
    public let version: String
    public let source: String?
    public let summary: String?
    public let scale: LevelScale
    public let stages: [StageDefinition]
    public let categories: [Category]
    public let aggregation: Aggregation
    public let uncertainty: UncertaintyPolicy
    /// Default early-warning margin, in the units of each indicator, unless the indicator sets its own.
    public let earlyWarningMargin: Double
    public let gates: [Gate]

    public init(
        schemaVersion: Int, id: String, name: String, version: String, source: String?, summary: String?,
        scale: LevelScale, stages: [StageDefinition], categories: [Category], aggregation: Aggregation,
        uncertainty: UncertaintyPolicy, earlyWarningMargin: Double, gates: [Gate]
    ) {
        self.schemaVersion = schemaVersion
        self.id = id
        self.name = name
        self.version = version
        self.source = source
        self.summary = summary
        self.scale = scale
        self.stages = stages
        self.categories = categories
        self.aggregation = aggregation
        self.uncertainty = uncertainty
        self.earlyWarningMargin = earlyWarningMargin
        self.gates = gates
    }

    /// The stage with this identifier.
    public func stage(_ id: String) -> StageDefinition? { stages.first { $0.id == id } }

    /// The category with this identifier.
    public func category(_ id: String) -> Category? { categories.first { $0.id == id } }
}

/// How category levels combine into an overall level.
public enum Aggregation: String, Hashable, Sendable, Codable, CaseIterable {
    /// The overall level is the highest category level.
    case max
}

/// What decides a level when a confidence interval straddles a threshold.
public enum UncertaintyPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// The point estimate decides; the straddle is reported.
    case point
    /// The conservative end of the interval decides (the upper bound when higher values are riskier).
    case conservativeBound = "conservative_bound"
}
