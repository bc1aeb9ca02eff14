import GRDB
import ScorecardCore

/// A row of `signoff`.
struct SignoffRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "signoff"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var cardId: Int64
    var scorecardId: Int64
    var model: String
    var snapshot: String
    var documentSha256: String
    var frameworkSha256: String
    var determinationsSha256: String?
    var decision: String
    var reviewer: String
    var note: String?
    var signedAt: String
    var publicKey: String
    var signature: String
    var storedAt: String
    var contentSha256: String
    var previousSha256: String
    var chainSha256: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The signed record as stored; nil when the decision is not one the format knows.
    var signoff: Signoff? {
        guard let decision = SignoffDecision(rawValue: decision) else { return nil }
        return Signoff(
            version: Signoff.recordVersion, model: model, snapshot: snapshot.isEmpty ? nil : snapshot, documentSha256: documentSha256,
            frameworkSha256: frameworkSha256, determinationsSha256: determinationsSha256, decision: decision, reviewer: reviewer,
            note: note, signedAt: signedAt, publicKey: publicKey, signature: signature)
    }
}

/// A stored sign-off: the signed record, and the scorecard row of its card it is about.
public struct StoredSignoff: Hashable, Sendable {
    public let id: Int64
    public let cardID: Int64
    public let scorecardID: Int64
    public let signoff: Signoff
    public let storedAt: String
}

extension ScorecardStore {
    /// The triggers that keep sign-off rows immutable, chained and tied to their scorecard.
    static let signoffTriggers = ["signoff_immutable_update", "signoff_immutable_delete", "signoff_chain_extends",
                                  "signoff_names_its_scorecard"]

    /// Stores `signoff` against the scorecard row `scorecard` (its card's row whose document hash is
    /// the one signed); a record already stored (the same signature) is not stored twice.
    @discardableResult
    public func saveSignoff(_ signoff: Signoff, scorecard: Int64) throws(StoreError) -> StoredSignoff {
        let storedAt = now()
        return try write { db in try Self.insert(signoff, scorecard: scorecard, storedAt: storedAt, db) }
    }

    static func insert(_ signoff: Signoff, scorecard: Int64, storedAt: String, _ db: Database) throws -> StoredSignoff {
        if let existing = try SignoffRow.filter(Column("signature") == signoff.signature).fetchOne(db), let stored = Self.stored(existing) {
            return stored
        }
        guard let card = try Int64.fetchOne(db, sql: "SELECT card_id FROM scorecard WHERE id = ?", arguments: [scorecard]) else {
            throw StoreError(kind: .sqlite, path: "", message: "scorecard \(scorecard) is not in the store")
        }
        let previous = try String.fetchOne(db, sql: "SELECT chain_sha256 FROM signoff ORDER BY id DESC LIMIT 1") ?? ScorecardChain.genesis
        let content = SignoffChain.content(card: card, scorecard: scorecard, signoff: signoff, storedAt: storedAt)
        var row = SignoffRow(
            id: nil, cardId: card, scorecardId: scorecard, model: signoff.model, snapshot: signoff.snapshot ?? "",
            documentSha256: signoff.documentSha256, frameworkSha256: signoff.frameworkSha256,
            determinationsSha256: signoff.determinationsSha256, decision: signoff.decision.rawValue, reviewer: signoff.reviewer,
            note: signoff.note, signedAt: signoff.signedAt, publicKey: signoff.publicKey, signature: signoff.signature,
            storedAt: storedAt, contentSha256: content, previousSha256: previous,
            chainSha256: ScorecardChain.link(previous: previous, content: content))
        try row.insert(db)
        return StoredSignoff(id: row.id ?? 0, cardID: card, scorecardID: scorecard, signoff: signoff, storedAt: storedAt)
    }

    private static func stored(_ row: SignoffRow) -> StoredSignoff? {
        row.signoff.map { StoredSignoff(id: row.id ?? 0, cardID: row.cardId, scorecardID: row.scorecardId, signoff: $0, storedAt: row.storedAt) }
    }

    /// Every sign-off of the card `card` (its key), or of every card when nil, in the order stored.
    /// A row whose decision the format does not know (edited outside the tool) is left out here and
    /// reported by ``verifyHistory()``.
    public func signoffs(card: String? = nil) throws(StoreError) -> [StoredSignoff] {
        try read { db -> [SignoffRow] in
            var request = SignoffRow.order(Column("id"))
            if let card {
                guard let found = try Self.card(key: card, db) else { return [] }
                request = request.filter(Column("card_id") == found.id)
            }
            return try request.fetchAll(db)
        }.compactMap(Self.stored)
    }

    /// The card's scorecard rows of `subject` whose document hash is `documentSHA256`, newest first.
    public func scorecards(card: String, subject: Subject, documentSHA256: String) throws(StoreError) -> [StoredScorecard] {
        try scorecards(model: subject.model, card: card)
            .filter { $0.subject == subject && $0.documentSHA256 == documentSHA256 }.reversed()
    }

    /// The determinations file a stored scorecard was made with: the one of its inputs stored as
    /// a determinations file; nil when it had none.
    public func determinationsSHA256(of scorecard: StoredScorecard) throws -> String? {
        let inputs = try scorecard.decoded().inputs
        for sha256 in Set(inputs.values).sorted() where sha256 != scorecard.frameworkSHA256 {
            if try determinations(sha256: sha256) != nil { return sha256 }
        }
        return nil
    }

    /// The sign-off chain walked end to end: problems with its rows, its length and head.
    static func walkSignoffs(_ db: Database) throws -> (rows: Int, head: String, problems: [String]) {
        var problems: [String] = []
        var previous = ScorecardChain.genesis
        var count = 0
        let rows = try SignoffRow.fetchCursor(db, sql: "SELECT * FROM signoff ORDER BY id")
        while let row = try rows.next() {
            count += 1
            let name = "sign-off \(row.id ?? 0) (\(row.reviewer) on \(row.model)\(row.snapshot.isEmpty ? "" : " \(row.snapshot)"))"
            guard let signoff = row.signoff else {
                problems.append("\(name): its decision '\(row.decision)' is not one the tool writes: the row was edited")
                previous = row.chainSha256
                continue
            }
            if SignoffChain.content(card: row.cardId, scorecard: row.scorecardId, signoff: signoff, storedAt: row.storedAt) != row.contentSha256 {
                problems.append("\(name): its fields do not hash to its recorded content hash: the row was edited")
            }
            if let refusal = signoff.verify(keyring: nil).refusal(reviewer: row.reviewer) {
                problems.append("\(name): \(refusal)")
            }
            if row.previousSha256 != previous {
                problems.append("\(name) was chained after another row (\(row.previousSha256.prefix(12))): a sign-off before it was deleted, or rows were reordered")
            }
            if ScorecardChain.link(previous: row.previousSha256, content: row.contentSha256) != row.chainSha256 {
                problems.append("\(name): its chain hash does not follow from its content and predecessor: the chain was rewritten")
            }
            let signed = try String.fetchOne(db, sql: "SELECT document_sha256 FROM scorecard WHERE id = ?", arguments: [row.scorecardId])
            if let signed, signed != row.documentSha256 {
                problems.append("\(name): it signed document \(row.documentSha256.prefix(12)), but its scorecard \(row.scorecardId) records \(signed.prefix(12)): one of them was edited")
            }
            previous = row.chainSha256
        }
        return (count, previous, problems)
    }
}
