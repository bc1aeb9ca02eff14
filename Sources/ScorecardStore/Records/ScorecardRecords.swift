import GRDB

/// A row of `framework`: a framework file's text, by hash.
struct FrameworkRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "framework"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var sha256: String
    var path: String
    var frameworkId: String
    var version: String
    var text: String
    var storedAt: String
}

/// A row of `determination_file`: a determinations file's text, by hash.
struct DeterminationFileRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "determination_file"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var sha256: String
    var path: String
    var text: String
    var storedAt: String
}

/// A row of `determination`.
struct DeterminationRow: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "determination"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var fileSha256: String
    var line: Int
    var model: String
    var snapshot: String
    var category: String
    var stage: String
    var level: String
    var rationale: String
    var author: String
    var date: String
    var source: String?
}

/// A row of `card`: one card configuration using the store; `key` nil for the history of a store
/// from before cards were kept apart, until a card claims it.
struct CardRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "card"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let id = Column("id")
        static let key = Column("key")
    }

    var id: Int64?
    var key: String?
    var createdAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `run`: one regeneration, from start to finish.
struct RunRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let id = Column("id")
        static let cardId = Column("card_id")
        static let status = Column("status")
        static let deliveredAt = Column("delivered_at")
    }

    var id: Int64?
    var cardId: Int64
    var startedAt: String
    var finishedAt: String?
    var status: String
    var configPath: String
    var fingerprint: String?
    var summary: String?
    /// When the run's summary was written out in full; nil until then (its alert is pending).
    var deliveredAt: String?
    /// The card's chain hash after the run's commit.
    var chainHead: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `scorecard`: one subject's scorecard document. Immutable once written.
struct ScorecardRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "scorecard"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let id = Column("id")
        static let cardId = Column("card_id")
        static let model = Column("model")
        static let snapshot = Column("snapshot")
    }

    var id: Int64?
    var cardId: Int64
    var model: String
    var snapshot: String
    var frameworkSha256: String
    var documentSha256: String
    var document: String
    var createdAt: String
    var runId: Int64
    /// ``ScorecardChain``: the hash of this row's content, the previous row's chain hash, and this row's.
    var contentSha256: String
    var previousSha256: String
    var chainSha256: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `run_scorecard`: a scorecard that was current when a run completed.
struct RunScorecardRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_scorecard"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var runId: Int64
    var scorecardId: Int64
}

/// A row of `report`: a report file written from a scorecard, with the hash of what was written.
struct ReportRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "report"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var cardId: Int64
    var path: String
    var sha256: String
    var scorecardId: Int64
    /// Hash of what shaped the rendering besides the scorecard: templates, formats, settings.
    var renderFingerprint: String
    var writtenAt: String
}
