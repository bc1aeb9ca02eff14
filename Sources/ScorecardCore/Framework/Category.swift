/// A tracked risk category, such as `cybersecurity`, with its indicators.
public struct Category: Hashable, Sendable {
    public let id: String
    public let name: String
    public let summary: String?
    /// When true, the category must be assessed for the overall level and the gates to be decided.
    ///
    /// A category that is not required (the Beta scorecard's "Unknown unknowns" row) counts toward
    /// the overall level when it has been assessed, and is shown as not assessed otherwise without
    /// failing a gate.
    public let required: Bool
    /// When false the category is assessed and reported but never counts toward the overall level
    /// or the gates (a research category).
    public let gating: Bool
    /// What each level means for this category, keyed by level identifier.
    public let levelDefinitions: [String: String]
    public let combine: Combination
    /// The fewest decisive indicators that must have evidence for the category to be assessed.
    public let minimumIndicators: Int
    public let indicators: [Indicator]
    /// Which evidence rules out each level above the one reached.
    public let ruleOut: RuleOutPolicy

    public init(
        id: String, name: String, summary: String?, required: Bool, gating: Bool = true,
        levelDefinitions: [String: String], combine: Combination, minimumIndicators: Int, indicators: [Indicator],
        ruleOut: RuleOutPolicy = .aboveIndicated
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.required = required
        self.gating = gating
        self.levelDefinitions = levelDefinitions
        self.combine = combine
        self.minimumIndicators = minimumIndicators
        self.indicators = indicators
        self.ruleOut = ruleOut
    }

    /// Indicators that take part in deciding the level: those with thresholds (which can show a
    /// level reached) and those a rule-out set names (which can rule a level out).
    public var decisiveIndicators: [Indicator] { indicators.filter(isDecisive) }

    /// Whether `indicator` can show a level reached or rule one out in this category.
    public func isDecisive(_ indicator: Indicator) -> Bool {
        indicator.isDecisive || ruleOut.indicators.contains(indicator.id)
    }

    /// The indicator with this identifier.
    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }
}

/// How the levels of a category's indicators combine into the category's level.
public enum Combination: Hashable, Sendable, CustomStringConvertible {
    /// The category reaches a level when any indicator reaches it (the highest indicator decides).
    case any
    /// The category reaches a level only when every assessed indicator reaches it.
    case all
    /// The category reaches a level when at least this many indicators reach it.
    case atLeast(Int)

    public var description: String {
        switch self {
        case .any: "any"
        case .all: "all"
        case .atLeast(let n): "at_least \(n)"
        }
    }
}
