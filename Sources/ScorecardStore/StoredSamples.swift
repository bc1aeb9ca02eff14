import Foundation
import GRDB
import ScorecardCore

/// Writes one pending evidence file's records to the store as they are read
/// (``ScorecardStore/beginEvidence(sha256:byteCount:)``): result records a reader's batch at a
/// time, per-sample records in bounded batches, so that a file of millions of records is never
/// held whole for storing. A sample that repeats one already stored for the file (same model,
/// snapshot, stage, evaluation, id and epoch) is not stored; it is listed in ``duplicates``; so
/// is a result record that repeats one of the file (same model, snapshot, stage, evaluation,
/// metric and variant), in ``resultDuplicates``.
public final class EvidenceWriter {
    /// Samples inserted in one transaction.
    public static let batchSize = 65_536
    /// Duplicates listed before the rest are only counted.
    static let listedDuplicates = 1_000

    /// A sample that repeats one stored before it, and that one's line.
    public struct Duplicate: Sendable {
        public let sample: SampleRecord
        public let firstLine: Int
    }

    let store: ScorecardStore
    let sha256: String
    private var pending: [SampleRecord] = []
    /// Samples stored.
    public private(set) var count = 0
    /// Result records given.
    public private(set) var resultCount = 0
    /// The repeated samples (at most ``listedDuplicates``).
    public private(set) var duplicates: [Duplicate] = []
    /// The repeated result records (at most ``listedDuplicates``), each with the first one's line.
    public private(set) var resultDuplicates: [(record: EvidenceRecord, firstLine: Int)] = []

    init(store: ScorecardStore, sha256: String) {
        self.store = store
        self.sha256 = sha256
    }

    /// Adds samples; every ``batchSize`` of them are inserted in one transaction.
    public func add(_ samples: [SampleRecord]) throws(StoreError) {
        pending += samples
        if pending.count >= Self.batchSize { try flush() }
    }

    /// Inserts result records, in one transaction.
    public func add(results records: [EvidenceRecord]) throws(StoreError) {
        guard !records.isEmpty else { return }
        let sha256 = self.sha256, room = Self.listedDuplicates - resultDuplicates.count
        let repeated = try store.write { db -> [(record: EvidenceRecord, firstLine: Int)] in
            // Result records can number millions too: one prepared statement.
            let insert = try db.makeStatement(sql: """
                INSERT INTO result (file_sha256, line, model, snapshot, stage, eval, metric, variant, value, unit,
                                    lower_is_better, n, k, ci_low, ci_high, ci_level, ci_method, source, source_sha256,
                                    notes, consistency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            var repeated: [(record: EvidenceRecord, firstLine: Int)] = []
            for record in records {
                try insert.execute(arguments: StoreConversion.arguments(record, file: sha256))
                guard db.changesCount == 0, repeated.count < room else { continue }
                let first = try Int.fetchOne(db, sql: """
                    SELECT line FROM result WHERE file_sha256 = ? AND model = ? AND snapshot = ? AND stage = ? AND eval = ?
                    AND metric = ? AND variant = ?
                    """, arguments: [sha256, record.subject.model, record.subject.snapshot ?? "", record.stage, record.evaluation,
                                     record.metric, record.variant ?? ""]) ?? 0
                repeated.append((record, first))
            }
            return repeated
        }
        resultCount += records.count
        resultDuplicates += repeated
    }

    /// Inserts what is left.
    public func finish() throws(StoreError) { try flush() }

    private func flush() throws(StoreError) {
        guard !pending.isEmpty else { return }
        let batch = pending, sha256 = self.sha256
        pending.removeAll(keepingCapacity: true)
        let (stored, repeated) = try store.write { db -> (Int, [Duplicate]) in
            // Samples can number millions: one prepared statement, no per-row encoding machinery.
            let insert = try db.makeStatement(sql: """
                INSERT INTO sample (file_sha256, line, model, snapshot, stage, eval, sample_id, epoch, score, metadata,
                                    error, source, source_sha256, consistency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            var stored = 0
            var repeated: [Duplicate] = []
            for sample in batch {
                try insert.execute(arguments: [
                    sha256, sample.location.line, sample.subject.model, sample.subject.snapshot ?? "", sample.stage,
                    sample.evaluation, sample.sampleID, sample.epoch, sample.score, StoreConversion.metadataJSON(sample.metadata),
                    sample.error, sample.source, sample.sourceSHA256, sample.consistency?.rawValue,
                ])
                if db.changesCount > 0 { stored += 1; continue }
                guard repeated.count < Self.listedDuplicates else { continue }
                let first = try Int.fetchOne(db, sql: """
                    SELECT line FROM sample WHERE file_sha256 = ? AND model = ? AND snapshot = ? AND stage = ? AND eval = ?
                    AND sample_id = ? AND epoch = ?
                    """, arguments: [sha256, sample.subject.model, sample.subject.snapshot ?? "", sample.stage, sample.evaluation,
                                     sample.sampleID, sample.epoch]) ?? 0
                repeated.append(Duplicate(sample: sample, firstLine: first))
            }
            return (stored, repeated)
        }
        count += stored
        duplicates += repeated.prefix(Self.listedDuplicates - duplicates.count)
    }
}

/// The per-sample records of stored evidence files, read from the store one slice at a time.
///
/// What every slice holds (counts, first places, marks) is read once with one aggregate query
/// per file; an evaluator's request for a slice's problems reads that slice's rows (through the
/// index on file, model, snapshot, stage and evaluation) and groups them as ``InMemorySamples``
/// does, so problems come in the same order as if every file's samples had been read into
/// memory in the order `files` gives. The last few slices read are kept for the next requests.
///
/// ``SampleSource`` cannot throw: a read that fails gives no problems and is kept in
/// ``failure``, which the caller checks before using what it assessed.
public final class StoredSamples: SampleSource, @unchecked Sendable {
    public let summaries: [EvidenceSet.SliceKey: SampleSliceSummary]
    /// Records per stage as stored, before the stage map.
    public let stageCounts: [String: Int]
    private let store: ScorecardStore
    /// The files, in the order their samples are read.
    public let files: [(sha256: String, path: String)]
    /// Per slice (stages mapped): which files, and which of their stored stages, hold its records.
    private let parts: [EvidenceSet.SliceKey: [(file: Int, stages: [String])]]
    private let lock = NSLock()
    /// The slices read last, most recent last (a few: indicators of one evaluation ask in turn).
    private var cached: [(key: EvidenceSet.SliceKey, problems: [Problem])] = []
    private static let cachedSlices = 4
    private var firstFailure: StoreError?

    /// The samples of `files` (content hash and the path records are named by), in that order;
    /// `stage` maps a stored stage to the one the slice is assessed at (nil leaves it out).
    public init(store: ScorecardStore, files: [(sha256: String, path: String)], stage: (String) -> String?) throws(StoreError) {
        self.store = store
        self.files = files
        struct Group {
            var model: String, snapshot: String, stage: String, evaluation: String
            var records: Int, mark: Int, first: Int64, line: Int
        }
        let groups = try store.read { db in
            try files.map { file in
                try Row.fetchAll(db, sql: """
                    SELECT g.model, g.snapshot, g.stage, g.eval, g.n, g.mark, g.first, s.line
                    FROM (SELECT model, snapshot, stage, eval, COUNT(*) AS n, MIN(id) AS first,
                                 MAX(CASE consistency WHEN 'contradicts' THEN 2 WHEN 'partial' THEN 1 ELSE 0 END) AS mark
                          FROM sample WHERE file_sha256 = ? GROUP BY model, snapshot, stage, eval) AS g
                    JOIN sample AS s ON s.id = g.first
                    ORDER BY g.first
                    """, arguments: [file.sha256]).map {
                    Group(model: $0[0], snapshot: $0[1], stage: $0[2], evaluation: $0[3], records: $0[4], mark: $0[5], first: $0[6], line: $0[7])
                }
            }
        }
        var summaries: [EvidenceSet.SliceKey: SampleSliceSummary] = [:]
        var parts: [EvidenceSet.SliceKey: [(file: Int, stages: [String])]] = [:]
        var firstIDs: [EvidenceSet.SliceKey: Int64] = [:]
        var stageCounts: [String: Int] = [:]
        for (index, groupsOfFile) in groups.enumerated() {
            for group in groupsOfFile {
                stageCounts[group.stage, default: 0] += group.records
                guard let mapped = stage(group.stage) else { continue }
                let key = EvidenceSet.SliceKey(
                    subject: Subject(model: group.model, snapshot: group.snapshot.isEmpty ? nil : group.snapshot), stage: mapped,
                    evaluation: group.evaluation)
                let mark: EvidenceConsistency? = group.mark == 2 ? .contradicts : group.mark == 1 ? .partial : nil
                let location = SourceLocation(file: files[index].path, line: group.line)
                var summary = summaries[key] ?? SampleSliceSummary()
                var pieces = parts[key] ?? []
                if let last = pieces.indices.last, pieces[last].file == index {
                    // Two stored stages of one file mapped onto one: its first record is the earlier one.
                    pieces[last].stages.append(group.stage)
                    parts[key] = pieces
                    if group.first < firstIDs[key] ?? .max, let at = summary.files.firstIndex(where: { $0.location.file == location.file }) {
                        summary.files[at].location = location
                        firstIDs[key] = group.first
                    }
                } else {
                    parts[key, default: []].append((index, [group.stage]))
                    firstIDs[key] = group.first
                }
                summary.add(location, records: group.records, consistency: mark)
                summaries[key] = summary
            }
        }
        self.summaries = summaries
        self.parts = parts
        self.stageCounts = stageCounts
    }

    /// The first read that failed, if any: what was assessed from these samples is then incomplete.
    public var failure: StoreError? { lock.withLock { firstFailure } }

    public func problems(_ key: EvidenceSet.SliceKey) -> [Problem] {
        lock.withLock {
            if let hit = cached.firstIndex(where: { $0.key == key }) { return cached[hit].problems }
            do throws(StoreError) {
                let problems = InMemorySamples.problems(try samples(key))[key] ?? []
                cached.append((key, problems))
                if cached.count > Self.cachedSlices { cached.removeFirst() }
                return problems
            } catch {
                if firstFailure == nil { firstFailure = error }
                return []
            }
        }
    }

    /// Samples that repeat another of their slice (same id and epoch) in another file, or in one
    /// file under two stored stages mapped onto one; each with the first one's place. Slices held
    /// by one stage of one file cannot repeat (the store refuses it), and are not read.
    public func duplicates() throws(StoreError) -> [(sample: SampleRecord, first: SourceLocation)] {
        var found: [(sample: SampleRecord, first: SourceLocation)] = []
        struct Attempt: Hashable {
            let id: String
            let epoch: Int
        }
        for (key, pieces) in parts where pieces.count > 1 || pieces.contains(where: { $0.stages.count > 1 }) {
            var seen: [Attempt: SourceLocation] = [:]
            for sample in try samples(key) {
                let attempt = Attempt(id: sample.sampleID, epoch: sample.epoch)
                if let first = seen[attempt] { found.append((sample, first)) } else { seen[attempt] = sample.location }
            }
        }
        return found.sorted { ($0.sample.location.file, $0.sample.location.line) < ($1.sample.location.file, $1.sample.location.line) }
    }

    /// One slice's samples in file order, then row order, with their stages mapped.
    private func samples(_ key: EvidenceSet.SliceKey) throws(StoreError) -> [SampleRecord] {
        guard let pieces = parts[key] else { return [] }
        let files = self.files
        return try store.read { db in
            var samples: [SampleRecord] = []
            for piece in pieces {
                let marks = Array(repeating: "?", count: piece.stages.count).joined(separator: ", ")
                let arguments: [any DatabaseValueConvertible] = [files[piece.file].sha256, key.subject.model, key.subject.snapshot ?? "", key.evaluation] + piece.stages
                samples += try Self.rows(
                    db, file: files[piece.file].sha256, path: files[piece.file].path,
                    filter: "AND model = ? AND snapshot = ? AND eval = ? AND stage IN (\(marks))", arguments: StatementArguments(arguments))
                    .map { $0.restaged(key.stage) }
            }
            return samples
        }
    }

    /// The sample rows of one file (and `filter`), in row order.
    ///
    /// With a filter, `+id` keeps SQLite from walking the file's whole index in row order to spare
    /// a sort: the unique index on file, model, snapshot, stage and evaluation finds the slice.
    static func rows(
        _ db: Database, file sha256: String, path: String, filter: String = "", arguments: StatementArguments? = nil
    ) throws -> [SampleRecord] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT line, model, snapshot, stage, eval, sample_id, epoch, score, metadata, error, source, source_sha256,
                   consistency
            FROM sample WHERE file_sha256 = ? \(filter) ORDER BY \(filter.isEmpty ? "id" : "+id")
            """, arguments: arguments ?? [sha256])
        var samples: [SampleRecord] = []
        // Samples of one evaluation mostly share their metadata (a tier): each distinct text is decoded once.
        var decoded: [String: [String: String]] = [:]
        while let row = try rows.next() {
            let snapshot: String = row[2]
            let text: String = row[8]
            let metadata: [String: String]
            if let known = decoded[text] {
                metadata = known
            } else {
                metadata = StoreConversion.metadata(text)
                if decoded.count < 1024 { decoded[text] = metadata }
            }
            let consistency: String? = row[12]
            samples.append(SampleRecord(
                subject: Subject(model: row[1], snapshot: snapshot.isEmpty ? nil : snapshot), stage: row[3],
                evaluation: row[4], sampleID: row[5], epoch: row[6], score: row[7],
                metadata: metadata, error: row[9], source: row[10], sourceSHA256: row[11],
                consistency: consistency.flatMap(EvidenceConsistency.init(rawValue:)),
                location: SourceLocation(file: path, line: row[0])))
        }
        return samples
    }
}
