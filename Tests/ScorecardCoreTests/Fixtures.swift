import ScorecardCore

/// Small frameworks and evaluators built in code for engine tests.
enum Fixture {
    static let scale = LevelScale([
        .init(id: "low", name: "Low"), .init(id: "medium", name: "Medium"),
        .init(id: "high", name: "High"), .init(id: "critical", name: "Critical"),
    ])

    static func level(_ id: String) -> Level { scale.level(id)! }

    static func indicator(
        _ id: String, thresholds: [(String, Double)] = [("medium", 0.5), ("high", 0.8)],
        direction: Direction = .higherIsRiskier, inclusive: Bool = true, required: Bool = false, margin: Double? = nil
    ) -> Indicator {
        Indicator(
            id: id, name: id, evaluator: "metric", parameters: .init(), evaluation: id, metrics: ["score"], unit: .rate,
            direction: direction, inclusive: inclusive, required: required, earlyWarningMargin: margin,
            thresholds: thresholds.map { Threshold(level: level($0.0), value: $0.1, rationale: "test") }, baselines: [])
    }

    static func category(
        _ id: String, _ indicators: [Indicator], combine: Combination = .any, minimum: Int = 1, required: Bool = true,
        gating: Bool = true, ruleOut: RuleOutPolicy = .aboveIndicated
    ) -> ScorecardCore.Category {
        Category(
            id: id, name: id.capitalized, summary: nil, required: required, gating: gating, levelDefinitions: [:],
            combine: combine, minimumIndicators: minimum, indicators: indicators, ruleOut: ruleOut)
    }

    /// A rule-out set for `level`: the listed indicators (with optional explicit bars).
    static func ruleOut(
        _ level: String, _ entries: [(String, Double?)], require: RuleOutSet.Requirement = .all
    ) -> RuleOutSet {
        RuleOutSet(
            level: Fixture.level(level), requirement: require,
            entries: entries.map { RuleOutSet.Entry(indicator: $0.0, bar: $0.1) }, rationale: "test")
    }

    static func framework(
        _ categories: [ScorecardCore.Category], policy: UncertaintyPolicy = .point, margin: Double = 0,
        stages: [String] = ["pre", "post"], mitigates: [String: String] = [:]
    ) -> Framework {
        Framework(
            schemaVersion: 1, id: "test", name: "Test", version: "1", source: nil, summary: nil, scale: scale,
            stages: stages.map { StageDefinition(id: $0, name: $0.capitalized, mitigates: mitigates[$0]) }, categories: categories,
            aggregation: .max, uncertainty: policy, earlyWarningMargin: margin,
            gates: [
                Gate(id: "deploy", name: "Deploy", summary: nil, kind: .ceiling, stage: stages.last!, level: level("medium")),
                Gate(id: "harden", name: "Harden", summary: nil, kind: .trigger, stage: stages.first!, level: level("high")),
            ])
    }

    static func score(_ value: Double, low: Double? = nil, high: Double? = nil) -> Measurement {
        let interval = low.flatMap { l in high.map { ConfidenceInterval(low: l, high: $0, level: 0.95, method: "test") } }
        return .measured(IndicatorScore(
            value: value, interval: interval, n: nil, k: nil, metric: "score", basis: .summary,
            sources: [SourceLocation(file: "e.jsonl", line: 1)]))
    }

    static func determination(
        _ category: String, _ stage: String, _ level: String, model: String = "m"
    ) -> Determination {
        Determination(
            model: model, snapshot: nil, category: category, stage: stage, level: Fixture.level(level),
            rationale: "because", author: "SAG", date: "2024-01-01", source: nil,
            location: SourceLocation(file: "d.yaml", line: 3))
    }

    static let subject = Subject(model: "m")
}

extension Fixture {
    /// An evaluator instance that always gives the same measurement.
    struct FixedMeasurer: Measuring {
        let measurement: Measurement

        func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement { measurement }
    }
}
