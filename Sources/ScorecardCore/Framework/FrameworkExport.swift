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
        public var value: Double
        public var rationale: String
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
        public var combine: String
        public var minIndicators: Int
        public var levelDefinitions: [String: String]
        public var indicators: [IndicatorEntry]
    }

    public struct GateEntry: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var summary: String?
        public var kind: Gate.Kind
        public var stage: String
        public var level: String
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
                combine: category.combine.description, minIndicators: category.minimumIndicators,
                levelDefinitions: category.levelDefinitions,
                indicators: category.indicators.map { indicator in
                    IndicatorEntry(
                        id: indicator.id, name: indicator.name, evaluator: indicator.evaluator,
                        parameters: indicator.parameters.values.mapValues(\.description), eval: indicator.evaluation,
                        metrics: indicator.metrics, unit: indicator.unit, direction: indicator.direction,
                        inclusive: indicator.inclusive, required: indicator.required,
                        earlyWarningMargin: indicator.margin(default: framework.earlyWarningMargin),
                        thresholds: indicator.thresholds.map { .init(level: $0.level.id, value: $0.value, rationale: $0.rationale) },
                        baselines: indicator.baselines)
                })
        }
        gates = framework.gates.map {
            GateEntry(id: $0.id, name: $0.name, summary: $0.summary, kind: $0.kind, stage: $0.stage, level: $0.level.id)
        }
    }

    /// Pretty-printed JSON with sorted keys.
    public func encoded() throws -> Data { try JSONOutput.encode(self) }
}
