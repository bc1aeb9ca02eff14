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

    /// Whether the records of the content `sha256` are stored (by a run that completed: a
    /// pending file, see ``beginEvidence(sha256:byteCount:)``, counts as not stored).
    public func hasEvidence(sha256: String) throws(StoreError) -> Bool {
        try read { db in try Self.isStored(sha256, db) }
    }

    static func isStored(_ sha256: String, _ db: Database) throws -> Bool {
        try EvidenceFileRow.exists(db, key: sha256)
            && !(try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM evidence_pending WHERE sha256 = ?)", arguments: [sha256]) ?? false)
    }

    /// Stores one evidence file's records under its content hash.
    ///
    /// Storing content that is already there does nothing, so importing the same file twice
    /// duplicates nothing. Two samples with the same model, snapshot, stage, evaluation, id and
    /// epoch are refused.
    public func saveEvidence(
        sha256: String, format: String, byteCount: Int, records: [EvidenceRecord], samples: [SampleRecord]
    ) throws(StoreError) {
        guard let writer = try beginEvidence(sha256: sha256, byteCount: byteCount) else { return }
        try writer.add(results: records)
        try writer.add(samples)
        try writer.finish()
        if let duplicate = writer.duplicates.first {
            try discardEvidence(sha256: sha256)
            throw StoreError(kind: .sqlite, path: path, message: "duplicate sample '\(duplicate.sample.sampleID)' epoch \(duplicate.sample.epoch)")
        }
        try completeEvidence(sha256: sha256, format: format, recordCount: writer.resultCount, sampleCount: writer.count)
    }

    /// Starts storing the file `sha256`: marks it pending (replacing what a run that did not
    /// complete left of it) and returns a writer for its per-sample records; nil when the file is
    /// stored already. ``completeEvidence(sha256:format:recordCount:sampleCount:)`` clears the
    /// mark; ``discardEvidence(sha256:)`` removes the file and its records.
    public func beginEvidence(sha256: String, byteCount: Int) throws(StoreError) -> EvidenceWriter? {
        let importedAt = now()
        let started = try write { db -> Bool in
            if try EvidenceFileRow.exists(db, key: sha256) {
                guard !(try Self.isStored(sha256, db)) else { return false }
                _ = try EvidenceFileRow.deleteOne(db, key: sha256)
            }
            try EvidenceFileRow(
                sha256: sha256, format: "", byteCount: byteCount, recordCount: 0, sampleCount: 0, importedAt: importedAt
            ).insert(db)
            try db.execute(sql: "INSERT INTO evidence_pending (sha256) VALUES (?)", arguments: [sha256])
            return true
        }
        return started ? EvidenceWriter(store: self, sha256: sha256) : nil
    }

    /// Clears a pending file's mark, its records written (``EvidenceWriter``): it is stored.
    public func completeEvidence(sha256: String, format: String, recordCount: Int, sampleCount: Int) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "UPDATE evidence_file SET format = ?, record_count = ?, sample_count = ? WHERE sha256 = ?",
                arguments: [format, recordCount, sampleCount, sha256])
            try db.execute(sql: "DELETE FROM evidence_pending WHERE sha256 = ?", arguments: [sha256])
        }
    }

    /// Removes a pending file and every record stored of it; a stored file is left alone.
    public func discardEvidence(sha256: String) throws(StoreError) {
        try write { db in
            guard try EvidenceFileRow.exists(db, key: sha256), !(try Self.isStored(sha256, db)) else { return }
            _ = try EvidenceFileRow.deleteOne(db, key: sha256)
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

    /// The stored result records of the given contents, by path; each record's location names `paths[sha256]`.
    public func loadRecords(paths: [String: String]) throws(StoreError) -> [EvidenceRecord] {
        try read { db in
            var records: [EvidenceRecord] = []
            for (sha256, path) in paths.sorted(by: { $0.value < $1.value }) {
                // A cursor: rows are converted one at a time, never all held as rows.
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT \(StoreConversion.resultColumns) FROM result WHERE file_sha256 = ? ORDER BY id", arguments: [sha256])
                while let row = try rows.next() { records.append(StoreConversion.record(row, path: path)) }
            }
            return records
        }
    }

    /// The stored records of the given contents, samples included, by path; each record's location
    /// names `paths[sha256]`.
    public func loadEvidence(paths: [String: String]) throws(StoreError) -> (records: [EvidenceRecord], samples: [SampleRecord]) {
        let records = try loadRecords(paths: paths)
        let files = paths.sorted { $0.value < $1.value }.map { (sha256: $0.key, path: $0.value) }
        let samples = try read { db in try files.flatMap { try StoredSamples.rows(db, file: $0.sha256, path: $0.path) } }
        return (records, samples)
    }
}
