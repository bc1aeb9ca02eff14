import GRDB

/// A row of `evidence_file`: one distinct evidence content, by hash.
struct EvidenceFileRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "evidence_file"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var sha256: String
    var format: String
    var byteCount: Int
    var recordCount: Int
    var sampleCount: Int
    var importedAt: String
}

/// A row of `evidence_source`: what a path held when last checked, and its size and mtime.
struct EvidenceSourceRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "evidence_source"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum Columns {
        static let cardId = Column("card_id")
        static let path = Column("path")
    }

    var cardId: Int64
    var path: String
    var fileSha256: String
    var byteCount: Int
    var modifiedNs: Int64
    var checkedAt: String
}
