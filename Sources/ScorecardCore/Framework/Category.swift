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
    /// What each level means for this category, keyed by level identifier.
    public let levelDefinitions: [String: String]
    public let combine: Combination
    /// The fewest decisive indicators that must have evidence for the category to be assessed.
    public let minimumIndicators: Int
    public let indicators: [Indicator]

    public init(
        id: String, name: String, summary: String?, required: Bool, levelDefinitions: [String: String],
        combine: Combination, minimumIndicators: Int, indicators: [Indicator]
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.required = required
        self.levelDefinitions = levelDefinitions
        self.combine = combine
        self.minimumIndicators = minimumIndicators
        self.indicators = indicators
    }

    /// Indicators that have thresholds and so can decide a level.
    public var decisiveIndicators: [Indicator] { indicators.filter(\.isDecisive) }
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
