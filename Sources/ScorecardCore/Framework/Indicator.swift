/// One measurable signal of a category: which evaluator reads which evidence, and the thresholds.
public struct Indicator: Hashable, Sendable {
    public let id: String
    public let name: String
    /// Name of the evaluator in the registry, such as `ctf`.
    public let evaluator: String
    public let parameters: EvaluatorParameters
    /// The evaluation identifier the indicator reads, such as `ctf_professional`.
    public let evaluation: String
    /// Accepted metric names, in order of preference.
    public let metrics: [String]
    public let unit: ValueUnit
    public let direction: Direction
    /// When true a value equal to a threshold meets it (`>=`); when false it must pass it (`>`).
    public let inclusive: Bool
    /// When true, the category is not assessed unless this indicator has evidence.
    public let required: Bool
    /// Overrides the framework's early-warning margin for this indicator.
    public let earlyWarningMargin: Double?
    /// Thresholds in ascending level order. Empty for a contextual indicator, which is reported
    /// but never decides a level.
    public let thresholds: [Threshold]
    /// Reference points shown beside the value (human baselines), not used to decide levels.
    public let baselines: [Baseline]

    public init(
        id: String, name: String, evaluator: String, parameters: EvaluatorParameters, evaluation: String,
        metrics: [String], unit: ValueUnit, direction: Direction, inclusive: Bool, required: Bool,
        earlyWarningMargin: Double?, thresholds: [Threshold], baselines: [Baseline]
    ) {
        self.id = id
        self.name = name
        self.evaluator = evaluator
        self.parameters = parameters
        self.evaluation = evaluation
        self.metrics = metrics
        self.unit = unit
        self.direction = direction
        self.inclusive = inclusive
        self.required = required
        self.earlyWarningMargin = earlyWarningMargin
        self.thresholds = thresholds
        self.baselines = baselines
    }

    /// Whether the indicator has thresholds, and so can show a level reached. (An indicator
    /// without thresholds may still rule levels out: see ``Category/isDecisive(_:)``.)
    public var isDecisive: Bool { !thresholds.isEmpty }

    /// Whether any threshold is relative to another result.
    public var hasRelativeThresholds: Bool { thresholds.contains { $0.relative != nil } }

    /// How a value is compared with this indicator's thresholds.
    public var comparison: ThresholdComparison { ThresholdComparison(direction: direction, inclusive: inclusive) }

    /// The early-warning margin that applies: the indicator's own, else the framework's default.
    public func margin(default frameworkMargin: Double) -> Double { earlyWarningMargin ?? frameworkMargin }

    /// The target an evaluator measures for this indicator.
    public var target: IndicatorTarget {
        IndicatorTarget(
            evaluation: evaluation, metrics: metrics, unit: unit, direction: direction, baselines: baselines, indicator: id)
    }
}

/// A named reference value, such as "consensus expert, 80%".
public struct Baseline: Hashable, Sendable, Codable {
    public let name: String
    public let value: Double
    public let source: String?

    public init(name: String, value: Double, source: String?) {
        self.name = name
        self.value = value
        self.source = source
    }
}

/// How a value meets a threshold: the direction of risk and whether equality counts.
///
/// The one place where "meets the threshold" is decided; reports and listings show `symbol`.
public struct ThresholdComparison: Hashable, Sendable {
    public let direction: Direction
    /// When true a value equal to the threshold meets it.
    public let inclusive: Bool

    public init(direction: Direction, inclusive: Bool) {
        self.direction = direction
        self.inclusive = inclusive
    }

    /// Whether `value` reaches `threshold`.
    public func meets(_ value: Double, _ threshold: Double) -> Bool {
        switch (direction, inclusive) {
        case (.higherIsRiskier, true): value >= threshold
        case (.higherIsRiskier, false): value > threshold
        case (.lowerIsRiskier, true): value <= threshold
        case (.lowerIsRiskier, false): value < threshold
        }
    }

    /// The comparison as a symbol: `≥`, `>`, `≤` or `<`.
    public var symbol: String {
        switch (direction, inclusive) {
        case (.higherIsRiskier, true): "≥"
        case (.higherIsRiskier, false): ">"
        case (.lowerIsRiskier, true): "≤"
        case (.lowerIsRiskier, false): "<"
        }
    }

    /// The riskier of two values: the larger when higher is riskier.
    public func riskier(_ a: Double, _ b: Double) -> Double {
        direction == .higherIsRiskier ? max(a, b) : min(a, b)
    }

    /// The riskier and the safer end of an interval.
    public func ends(of interval: ConfidenceInterval) -> (risky: Double, safe: Double) {
        direction == .higherIsRiskier ? (interval.high, interval.low) : (interval.low, interval.high)
    }
}

/// Whether larger values of an indicator mean more risk.
public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
    case higherIsRiskier = "higher"
    case lowerIsRiskier = "lower"
}

/// What kind of number a value is, which decides the range it must lie in.
public enum ValueUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// A proportion in [0, 1]: 0.46 means 46%.
    case rate
    /// A non-negative ratio without upper bound, such as an uplift of 2.1x.
    case ratio
    /// A non-negative whole number.
    case count
    /// Any finite number.
    case score

    /// Why `value` is not valid for this unit, or nil when it is.
    public func problem(with value: Double) -> String? {
        guard value.isFinite else { return "value \(value) is not a finite number" }
        switch self {
        case .rate:
            guard (0...1).contains(value) else {
                let hint = (1...100).contains(value) ? "; rates are fractions: did you mean \(value / 100)?" : ""
                return "value \(Format.number(value)) is outside [0, 1]\(hint)"
            }
        case .ratio:
            guard value >= 0 else { return "ratio \(Format.number(value)) is negative" }
        case .count:
            guard value >= 0, value == value.rounded() else {
                return "count \(Format.number(value)) is not a non-negative whole number"
            }
        case .score:
            break
        }
        return nil
    }
}
