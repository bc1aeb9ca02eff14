import Foundation
import GRDB
import ScorecardCore

/// What a path held when last checked: content hash, size and modification time.
public struct SourceState: Hashable, Sendable {
    public let path: String
    public let sha256: String
    public let byteCount: Int
    /// Modification time in nanoseconds since 1970.
    public let modifiedNs: Int64

    public init(path: String, sha256: String, byteCount: Int, modifiedNs: Int64) {
        self.path = path
        self.sha256 = sha256
        self.byteCount = byteCount
        self.modifiedNs = modifiedNs
    }
}

extension ScorecardStore {
    /// The last recorded state of every evidence path of the card `card` (its key).
    public func sourceStates(card: String) throws(StoreError) -> [String: SourceState] {
        let rows = try read { db -> [EvidenceSourceRow] in
            guard let card = try Self.card(key: card, db) else { return [] }
            return try EvidenceSourceRow.filter(EvidenceSourceRow.Columns.cardId == card.id).fetchAll(db)
        }
        return Dictionary(uniqueKeysWithValues: rows.map {
            ($0.path, SourceState(path: $0.path, sha256: $0.fileSha256, byteCount: $0.byteCount, modifiedNs: $0.modifiedNs))
        })
    }

    /// Whether the records of the content `sha256` are stored.
    public func hasEvidence(sha256: String) throws(StoreError) -> Bool {
        try read { db in try EvidenceFileRow.exists(db, key: sha256) }
    }

    /// Stores one evidence file's records under its content hash, in one transaction.
    ///
    /// Storing content that is already there does nothing, so importing the same file twice
    /// duplicates nothing.
    public func saveEvidence(
        sha256: String, format: String, byteCount: Int, records: [EvidenceRecord], samples: [SampleRecord]
    ) throws(StoreError) {
        let importedAt = now()
        try write { db in
            guard try !EvidenceFileRow.exists(db, key: sha256) else { return }
            try EvidenceFileRow(
                sha256: sha256, format: format, byteCount: byteCount, recordCount: records.count,
                sampleCount: samples.count, importedAt: importedAt
            ).insert(db)
            for record in records { try StoreConversion.row(record, file: sha256).insert(db) }
            // Samples can number millions: one prepared statement, no per-row encoding machinery.
            let insert = try db.makeStatement(sql: """
                INSERT INTO sample (file_sha256, line, model, snapshot, stage, eval, sample_id, epoch, score, metadata,
                                    error, source, source_sha256, consistency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for sample in samples {
                try insert.execute(arguments: [
                    sha256, sample.location.line, sample.subject.model, sample.subject.snapshot ?? "", sample.stage,
                    sample.evaluation, sample.sampleID, sample.epoch, sample.score, StoreConversion.metadataJSON(sample.metadata),
                    sample.error, sample.source, sample.sourceSHA256, sample.consistency?.rawValue,
                ])
            }
        }
    }

    /// Records the current state of the card's evidence paths, replacing earlier states; forgets
    /// its other paths.
    public func recordSources(_ states: [SourceState], card: String) throws(StoreError) {
        let checkedAt = now()
        try write { db in
            let card = try Self.cardForWriting(key: card, createdAt: checkedAt, db)
            try EvidenceSourceRow.filter(EvidenceSourceRow.Columns.cardId == card).deleteAll(db)
            for state in states {
                try EvidenceSourceRow(
                    cardId: card, path: state.path, fileSha256: state.sha256, byteCount: state.byteCount,
                    modifiedNs: state.modifiedNs, checkedAt: checkedAt
                ).insert(db)
            }
        }
    }

    /// The stored records of the given contents; each record's location names `paths[sha256]`.
    public func loadEvidence(paths: [String: String]) throws(StoreError) -> (records: [EvidenceRecord], samples: [SampleRecord]) {
        try read { db in
            var records: [EvidenceRecord] = []
            var samples: [SampleRecord] = []
            for (sha256, path) in paths.sorted(by: { $0.value < $1.value }) {
                let resultRows = try ResultRow.filter(ResultRow.Columns.fileSha256 == sha256).order(Column("line")).fetchAll(db)
                records += resultRows.map { StoreConversion.record($0, path: path) }
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT line, model, snapshot, stage, eval, sample_id, epoch, score, metadata, error, source, source_sha256,
                           consistency
                    FROM sample WHERE file_sha256 = ? ORDER BY id
                    """, arguments: [sha256])
                while let row = try rows.next() {
                    let snapshot: String = row[2]
                    let metadata: String = row[8]
                    let consistency: String? = row[12]
                    samples.append(SampleRecord(
                        subject: Subject(model: row[1], snapshot: snapshot.isEmpty ? nil : snapshot), stage: row[3],
                        evaluation: row[4], sampleID: row[5], epoch: row[6], score: row[7],
                        metadata: StoreConversion.metadata(metadata), error: row[9], source: row[10], sourceSHA256: row[11],
                        consistency: consistency.flatMap(EvidenceConsistency.init(rawValue:)),
                        location: SourceLocation(file: path, line: row[0])))
                }
            }
            return (records, samples)
        }
    }
}
