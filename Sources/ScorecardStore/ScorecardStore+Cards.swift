import GRDB

/// A card's history in a store shared by several cards.
public struct StoredCard: Hashable, Sendable {
    /// The row id, which scorecards and runs refer to.
    public let id: Int64
    /// The card's key (see ``ScorecardStore/card(key:)``); nil for the history of a store from before
    /// cards were kept apart, which the first card to run on the store claims.
    public let key: String?

    /// How messages name the card.
    public var label: String { key.map { "card \($0)" } ?? "the card from before cards were kept apart" }
}

extension ScorecardStore {
    /// Every card with a history in the store, in the order they first ran.
    public func cards() throws(StoreError) -> [StoredCard] {
        try read { db in try CardRow.order(CardRow.Columns.id).fetchAll(db) }.map { StoredCard(id: $0.id ?? 0, key: $0.key) }
    }

    /// The history of the card identified by `key` (the application uses the configuration's path
    /// relative to the store's folder): the card with that key, else the unclaimed history of a
    /// store from before cards were kept apart, else nil.
    public func card(key: String) throws(StoreError) -> StoredCard? {
        try read { db in try Self.card(key: key, db) }
    }

    static func card(key: String, _ db: Database) throws -> StoredCard? {
        let row = try CardRow.filter(CardRow.Columns.key == key).fetchOne(db)
            ?? CardRow.filter(CardRow.Columns.key == nil).order(CardRow.Columns.id).fetchOne(db)
        return row.map { StoredCard(id: $0.id ?? 0, key: $0.key) }
    }

    /// The id of the card `key` inside a write: claims the unclaimed history, or adds the card.
    static func cardForWriting(key: String, createdAt: String, _ db: Database) throws -> Int64 {
        if let found = try card(key: key, db) {
            if found.key == nil {
                try db.execute(sql: "UPDATE card SET key = ? WHERE id = ?", arguments: [key, found.id])
            }
            return found.id
        }
        var row = CardRow(id: nil, key: key, createdAt: createdAt)
        try row.insert(db)
        return row.id ?? 0
    }
}
