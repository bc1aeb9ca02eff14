import Foundation
import GRDB
import ScorecardCore

/// A stored scorecard: one subject's document as it was written, with where it came from.
public struct StoredScorecard: Hashable, Sendable {
    public let id: Int64
    /// The card whose history it is in (``StoredCard/id``).
    public let cardID: Int64
    public let subject: Subject
    public let frameworkSHA256: String
    public let documentSHA256: String
    /// The `ScorecardDocument` JSON, byte for byte as stored.
    public let document: Data
    public let createdAt: String
    public let runID: Int64

    init(_ row: ScorecardRow) {
        id = row.id ?? 0
        cardID = row.cardId
        subject = Subject(model: row.model, snapshot: row.snapshot.isEmpty ? nil : row.snapshot)
        frameworkSHA256 = row.frameworkSha256
        documentSHA256 = row.documentSha256
        document = Data(row.document.utf8)
        createdAt = row.createdAt
        runID = row.runId
    }

    /// The decoded document.
    public func decoded() throws -> ScorecardDocument { try ScorecardDocument.decode(document) }
}

/// A scorecard to store in a run: new content, or a pointer to an identical stored one.
public struct ScorecardToStore: Sendable {
    public let subject: Subject
    public let frameworkSHA256: String
    public let document: Data

    public init(subject: Subject, frameworkSHA256: String, document: Data) {
        self.subject = subject
        self.frameworkSHA256 = frameworkSHA256
        self.document = document
    }
}

/// A report file written from a subject's scorecard.
public struct ReportToRecord: Sendable {
    public let path: String
    public let sha256: String
    public let subject: Subject
    public let renderFingerprint: String

    public init(path: String, sha256: String, subject: Subject, renderFingerprint: String) {
        self.path = path
        self.sha256 = sha256
        self.subject = subject
        self.renderFingerprint = renderFingerprint
    }
}

/// A report as recorded: what was written and from which scorecard and rendering settings.
public struct RecordedReport: Hashable, Sendable {
    public let sha256: String
    public let scorecardID: Int64
    public let renderFingerprint: String
}

extension ScorecardStore {
    /// Stores a framework file's text by hash (once).
    public func saveFramework(_ framework: Framework, path: String, text: String, sha256: String) throws(StoreError) {
        let storedAt = now()
        try write { db in
            guard try !FrameworkRow.exists(db, key: sha256) else { return }
            try FrameworkRow(sha256: sha256, path: path, frameworkId: framework.id, version: framework.version, text: text,
                             storedAt: storedAt).insert(db)
        }
    }

    /// Stores a determinations file's text and rows by hash (once).
    public func saveDeterminations(_ determinations: [Determination], path: String, text: String, sha256: String) throws(StoreError) {
        let storedAt = now()
        try write { db in
            guard try !DeterminationFileRow.exists(db, key: sha256) else { return }
            try DeterminationFileRow(sha256: sha256, path: path, text: text, storedAt: storedAt).insert(db)
            for determination in determinations { try StoreConversion.row(determination, file: sha256).insert(db) }
        }
    }

    /// Every scorecard of a model (all snapshots), oldest first: of the card `card` (its key), or of
    /// every card when nil.
    public func scorecards(model: String, card: String? = nil) throws(StoreError) -> [StoredScorecard] {
        try read { db -> [ScorecardRow] in
            var request = ScorecardRow.filter(ScorecardRow.Columns.model == model)
            if let card {
                guard let found = try Self.card(key: card, db) else { return [] }
                request = request.filter(ScorecardRow.Columns.cardId == found.id)
            }
            return try request.order(ScorecardRow.Columns.id).fetchAll(db)
        }.map(StoredScorecard.init)
    }

    /// Every stored scorecard, oldest first.
    public func allScorecards() throws(StoreError) -> [StoredScorecard] {
        try read { db in try ScorecardRow.order(ScorecardRow.Columns.id).fetchAll(db) }.map(StoredScorecard.init)
    }

    /// The scorecard with this id.
    public func scorecard(id: Int64) throws(StoreError) -> StoredScorecard? {
        try read { db in try ScorecardRow.fetchOne(db, key: id) }.map(StoredScorecard.init)
    }

    /// The models with stored scorecards (of the card `card`, or of every card when nil), sorted.
    public func models(card: String? = nil) throws(StoreError) -> [String] {
        try read { db in
            guard let card else { return try String.fetchAll(db, sql: "SELECT DISTINCT model FROM scorecard ORDER BY model") }
            guard let found = try Self.card(key: card, db) else { return [] }
            return try String.fetchAll(db, sql: "SELECT DISTINCT model FROM scorecard WHERE card_id = ? ORDER BY model",
                                       arguments: [found.id])
        }
    }

    /// The number of stored scorecards.
    public func scorecardCount() throws(StoreError) -> Int {
        try read { db in try ScorecardRow.fetchCount(db) }
    }
}

/// A stored input file's text, by hash.
public struct StoredText: Sendable {
    public let path: String
    public let text: String
}

extension ScorecardStore {
    /// The framework file stored under `sha256`.
    public func framework(sha256: String) throws(StoreError) -> StoredText? {
        try read { db in try FrameworkRow.fetchOne(db, key: sha256) }.map { StoredText(path: $0.path, text: $0.text) }
    }

    /// The determinations file stored under `sha256`.
    public func determinations(sha256: String) throws(StoreError) -> StoredText? {
        try read { db in try DeterminationFileRow.fetchOne(db, key: sha256) }.map { StoredText(path: $0.path, text: $0.text) }
    }

    /// The scorecards current after the last completed run of the card `card` (its key), or of
    /// each card when nil, sorted by card and subject.
    public func currentScorecards(card: String? = nil) throws(StoreError) -> [StoredScorecard] {
        try read { db in
            let cards: [StoredCard]
            if let card {
                cards = try Self.card(key: card, db).map { [$0] } ?? []
            } else {
                cards = try CardRow.order(CardRow.Columns.id).fetchAll(db).map { StoredCard(id: $0.id ?? 0, key: $0.key) }
            }
            return try cards.flatMap { card in
                (try Self.lastRun(card: card.id, delivered: false, db)?.scorecards.values.sorted { $0.subject < $1.subject }) ?? []
            }
        }
    }
}
