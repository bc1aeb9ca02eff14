/// Which evidence rules out a level of a category: the framework's statement that, with these
/// evaluations below their bars, the level was not reached.
///
/// Reaching a level (thresholds) and ruling it out are separate claims: a screening benchmark
/// below its threshold does not rule anything out unless the framework lists it here.
public struct RuleOutSet: Hashable, Sendable {
    /// How many of the listed indicators must be measured and below their bars.
    public enum Requirement: Hashable, Sendable, CustomStringConvertible {
        case all
        case any
        case atLeast(Int)

        /// The number of safe indicators needed out of `count` listed.
        public func needed(of count: Int) -> Int {
            switch self {
            case .all: count
            case .any: min(1, count)
            case .atLeast(let n): n
            }
        }

        public var description: String {
            switch self {
            case .all: "all"
            case .any: "any"
            case .atLeast(let n): "at_least \(n)"
            }
        }
    }

    /// One listed indicator and its bar.
    public struct Entry: Hashable, Sendable {
        public let indicator: String
        /// The bar in the indicator's units; nil means the indicator's own threshold for the level.
        public let bar: Double?

        public init(indicator: String, bar: Double?) {
            self.indicator = indicator
            self.bar = bar
        }
    }

    public let level: Level
    public let requirement: Requirement
    public let entries: [Entry]
    public let rationale: String

    public init(level: Level, requirement: Requirement, entries: [Entry], rationale: String) {
        self.level = level
        self.requirement = requirement
        self.entries = entries
        self.rationale = rationale
    }
}

/// How a category's levels above the one reached are ruled out.
public enum RuleOutPolicy: Hashable, Sendable {
    /// Framework files of `schema_version: 1`: once the category is assessed, every level above
    /// the indicated one counts as ruled out (the floor when no threshold is met).
    case aboveIndicated
    /// Explicit rule-out sets; a level may have several (alternative routes: any one that rules
    /// it out suffices). A level without one is ruled out only when a lower level is.
    case sets([RuleOutSet])

    /// The sets (routes) for `level`, in file order.
    public func sets(for level: Level) -> [RuleOutSet] {
        guard case .sets(let sets) = self else { return [] }
        return sets.filter { $0.level == level }
    }

    /// Indicator identifiers named by any rule-out set.
    public var indicators: Set<String> {
        guard case .sets(let sets) = self else { return [] }
        return Set(sets.flatMap { $0.entries.map(\.indicator) })
    }
}
