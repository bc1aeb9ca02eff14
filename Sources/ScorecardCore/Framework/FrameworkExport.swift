import Foundation

/// A framework as JSON, for scripts and for reports that show thresholds and their rationale.
public struct FrameworkExport: Codable, Hashable, Sendable {
    public struct LevelEntry: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var summary: String?
    }

    public struct ThresholdEntry: Codable, Hashable, Sendable {
        public var level: String
        /// The value of an absolute threshold; null for a relative one.
        @Nullable public var value: Double? = nil
        @Nullable public var relativeTo: RelativeEntry? = nil
        public var rationale: String
    }

    /// A relative threshold: a ratio to, or a difference from, a reference model's result.
    public struct RelativeEntry: Codable, Hashable, Sendable {
        public var model: String
        @Nullable public var snapshot: String? = nil
        @Nullable public var stage: String? = nil
        @Nullable public var ratio: Double? = nil
        @Nullable public var difference: Double? = nil
    }

    public struct RuleOutEntry: Codable, Hashable, Sendable {
        public var level: String
        public var require: String
        public var indicators: [RuleOutIndicator]
        public var rationale: String
    }

    public struct RuleOutIndicator: Codable, Hashable, Sendable {
        public var id: String
        /// Null: the indicator's own threshold for the level.
        @Nullable public var bar: Double? = nil
    }

    public struct IndicatorEntry: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var evaluator: String
        public var parameters: [String: String]
        public var eval: String
        public var metrics: [String]
        public var unit: ValueUnit
        public var direction: Direction
        public var inclusive: Bool
        public var required: Bool
        public var earlyWarningMargin: Double
        public var thresholds: [ThresholdEntry]
        public var baselines: [Baseline]
    }

    public struct CategoryEntry: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var summary: String?
        public var required: Bool
        public var gating: Bool
        public var combine: String
        public var minIndicators: Int
        public var levelDefinitions: [String: String]
        public var indicators: [IndicatorEntry]
        /// Null for a `schema_version: 1` framework (levels above the indicated one count as ruled out).
        @Nullable public var ruleOut: [RuleOutEntry]? = nil
    }

    public struct GateEntry: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var summary: String?
        public var kind: Gate.Kind
        public var stage: String
        public var level: String
        /// The categories the gate looks at (`schema_version: 3`); null: every gating category.
        @Nullable public var categories: [String]? = nil
    }

    public var schemaVersion: Int
    public var id: String
    public var name: String
    public var version: String
    public var source: String?
    public var sha256: String?
    public var levels: [LevelEntry]
    public var stages: [StageDefinition]
    public var aggregation: Aggregation
    public var uncertainty: UncertaintyPolicy
    public var earlyWarningMargin: Double
    public var categories: [CategoryEntry]
    public var gates: [GateEntry]

    public init(_ framework: Framework, sha256: String?) {
        schemaVersion = framework.schemaVersion
        id = framework.id
        name = framework.name
        version = framework.version
        source = framework.source
        self.sha256 = sha256
        levels = framework.scale.definitions.map { LevelEntry(id: $0.id, name: $0.name, summary: $0.summary) }
        stages = framework.stages
        aggregation = framework.aggregation
        uncertainty = framework.uncertainty
        earlyWarningMargin = framework.earlyWarningMargin
        categories = framework.categories.map { category in
            CategoryEntry(
                id: category.id, name: category.name, summary: category.summary, required: category.required,
                gating: category.gating, combine: category.combine.description, minIndicators: category.minimumIndicators,
                levelDefinitions: category.levelDefinitions,
                indicators: category.indicators.map { indicator in
                    IndicatorEntry(
                        id: indicator.id, name: indicator.name, evaluator: indicator.evaluator,
                        parameters: indicator.parameters.values.mapValues(\.description), eval: indicator.evaluation,
                        metrics: indicator.metrics, unit: indicator.unit, direction: indicator.direction,
                        inclusive: indicator.inclusive, required: indicator.required,
                        earlyWarningMargin: indicator.margin(default: framework.earlyWarningMargin),
                        thresholds: indicator.thresholds.map(Self.threshold), baselines: indicator.baselines)
                },
                ruleOut: Self.ruleOut(category.ruleOut))
        }
        gates = framework.gates.map {
            GateEntry(
                id: $0.id, name: $0.name, summary: $0.summary, kind: $0.kind, stage: $0.stage, level: $0.level.id,
                categories: $0.categories)
        }
    }

    private static func threshold(_ threshold: Threshold) -> ThresholdEntry {
        let relative = threshold.relative.map { bound -> RelativeEntry in
            var entry = RelativeEntry(
                model: bound.reference.subject.model, snapshot: bound.reference.subject.snapshot, stage: bound.reference.stage)
            switch bound.operation {
            case .ratio(let factor): entry.ratio = factor
            case .difference(let offset): entry.difference = offset
            }
            return entry
        }
        return ThresholdEntry(level: threshold.level.id, value: threshold.value, relativeTo: relative, rationale: threshold.rationale)
    }

    private static func ruleOut(_ policy: RuleOutPolicy) -> [RuleOutEntry]? {
        guard case .sets(let sets) = policy else { return nil }
        return sets.map { set in
            RuleOutEntry(
                level: set.level.id, require: set.requirement.description,
                indicators: set.entries.map { RuleOutIndicator(id: $0.indicator, bar: $0.bar) }, rationale: set.rationale)
        }
    }

    /// Pretty-printed JSON with sorted keys.
    public func encoded() throws -> Data { try JSONOutput.encode(self) }
}
