import ScorecardCore
import ScorecardRender
import ScorecardStore

/// A model's levels over its stored scorecards (`scorecard history`).
public enum History {
    /// The stored scorecards of `model`, oldest first, one row each: of the card `card` (its key in
    /// the store), or of every card when nil.
    public static func entries(model: String, store: ScorecardStore, card: String? = nil) throws -> [HistoryEntry] {
        let stored = try store.scorecards(model: model, card: card)
        guard !stored.isEmpty else { throw LookupError.noScorecards(model: model, known: try store.models(card: card)) }
        return try stored.map { try HistoryEntry($0) }
    }
}

/// One stored scorecard as a row of the history.
public struct HistoryEntry: Encodable, Sendable {
    /// One category's levels.
    public struct CategoryLevels: Encodable, Sendable {
        public var id: String
        /// Levels in the framework's stage order; nil is not assessed.
        public var levels: [String?]
    }

    /// One gate's decision in the report's words.
    public struct GateState: Encodable, Sendable {
        public var id: String
        public var kind: Gate.Kind
        public var passed: Bool
        /// "Allowed", "Not allowed", "Not required" or "Required".
        public var decision: String
    }

    public var id: Int64
    public var createdAt: String
    @Nullable public var snapshot: String? = nil
    /// Framework id and version.
    public var framework: String
    /// The framework's stage ids, in order.
    public var stages: [String]
    public var categories: [CategoryLevels]
    /// Overall levels in stage order; null is not assessed.
    public var overall: [String?]
    /// Ids of the gates that did not pass.
    public var failingGates: [String]
    /// Every gate's decision.
    public var gates: [GateState]

    /// The row of one stored scorecard; throws when its document cannot be read.
    public init(_ stored: StoredScorecard) throws {
        let (document, card) = try stored.modelScorecard()
        id = stored.id
        createdAt = stored.createdAt
        snapshot = card.snapshot
        framework = "\(document.framework.id) \(document.framework.version)"
        stages = document.framework.stages
        let order = document.framework.stages
        categories = card.categories.map { category in
            CategoryLevels(id: category.id, levels: order.map { category.stages[$0]?.level })
        }
        overall = order.map { card.overall[$0] ?? nil }
        failingGates = card.gates.filter { !$0.passed }.map(\.id)
        gates = card.gates.map {
            GateState(id: $0.id, kind: $0.kind, passed: $0.passed, decision: GateWording.decision($0.kind, passed: $0.passed))
        }
    }
}
