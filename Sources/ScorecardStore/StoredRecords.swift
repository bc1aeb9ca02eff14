import Foundation
import GRDB
import ScorecardCore

/// The result records of stored evidence files, read from the store one subject at a time.
///
/// What every subject holds (its files, counts and first record) and how many records each
/// stored stage has are read once with one aggregate query per file; an assessment's request for
/// a subject's records reads that subject's rows (through the unique index on file, model and
/// snapshot first) with their stages mapped, in the order `files` gives and then the order the
/// records were stored in, as they were read. The last few subjects read are kept, indexed by
/// slice, for the next requests: an assessment looks at one subject (and a reference model) at a
/// time, and a subject can have hundreds of thousands of records.
///
/// ``RecordSource`` cannot throw: a read that fails gives no records and is kept in
/// ``failure``, which the caller checks before using what it assessed.
public final class StoredRecords: RecordSource, @unchecked Sendable {
    public let subjects: [RecordSubject]
    /// Records per stage as stored, before the stage map.
    public let stageCounts: [String: Int]
    /// Per stored stage, where its first record is (files in order, then lines).
    public let stageFirst: [String: SourceLocation]
    private let store: ScorecardStore
    /// The files, in the order their records are read.
    public let files: [(sha256: String, path: String)]
    /// Stored stage → the stage it is assessed at (nil: left out), for the stages stored.
    private let stageMap: [String: String?]
    private let lock = NSLock()
    private var cached: [(subject: Subject, records: [EvidenceRecord], slices: [EvidenceSet.SliceKey: [Int]])] = []
    private static let cachedSubjects = 2
    private var firstFailure: StoreError?

    /// The result records of `files` (content hash and the path records are named by), in that
    /// order; `stage` maps a stored stage to the one it is assessed at (nil leaves it out).
    public init(store: ScorecardStore, files: [(sha256: String, path: String)], stage: (String) -> String?) throws(StoreError) {
        self.store = store
        self.files = files
        struct Group {
            var model: String, snapshot: String, stage: String, records: Int, line: Int
        }
        let groups = try store.read { db in
            try files.map { file in
                try Row.fetchAll(db, sql: """
                    SELECT model, snapshot, stage, COUNT(*), MIN(line) FROM result WHERE file_sha256 = ?
                    GROUP BY model, snapshot, stage ORDER BY MIN(id)
                    """, arguments: [file.sha256]).map {
                    Group(model: $0[0], snapshot: $0[1], stage: $0[2], records: $0[3], line: $0[4])
                }
            }
        }
        var subjects: [RecordSubject] = []
        var rank: [Subject: Int] = [:]
        var stageCounts: [String: Int] = [:]
        var stageFirst: [String: SourceLocation] = [:]
        var stageMap: [String: String?] = [:]
        for (index, groupsOfFile) in groups.enumerated() {
            for group in groupsOfFile {
                stageCounts[group.stage, default: 0] += group.records
                let location = SourceLocation(file: files[index].path, line: group.line)
                if stageFirst[group.stage] == nil { stageFirst[group.stage] = location }
                let mapped = stage(group.stage)
                stageMap[group.stage] = mapped
                guard mapped != nil else { continue }
                let subject = Subject(model: group.model, snapshot: group.snapshot.isEmpty ? nil : group.snapshot)
                if let known = rank[subject] {
                    subjects[known].files[location.file, default: 0] += group.records
                    if location.file == subjects[known].first.file, location.line < subjects[known].first.line {
                        subjects[known].first = location
                    }
                } else {
                    rank[subject] = subjects.count
                    subjects.append(RecordSubject(subject: subject, first: location, files: [location.file: group.records]))
                }
            }
        }
        self.subjects = subjects
        self.stageCounts = stageCounts
        self.stageFirst = stageFirst
        self.stageMap = stageMap
    }

    /// The first read that failed, if any: what was assessed from these records is then incomplete.
    public var failure: StoreError? { lock.withLock { firstFailure } }

    public func records(of subject: Subject) -> [EvidenceRecord] { read(subject).records }

    public func records(_ key: EvidenceSet.SliceKey) -> [EvidenceRecord] {
        let entry = read(key.subject)
        return (entry.slices[key] ?? []).map { entry.records[$0] }
    }

    /// Every subject's records, a subject after another (nothing in the tool asks a store for all at once).
    public var allRecords: [EvidenceRecord] { subjects.flatMap { records(of: $0.subject) } }

    private func read(_ subject: Subject) -> (records: [EvidenceRecord], slices: [EvidenceSet.SliceKey: [Int]]) {
        lock.withLock {
            if let hit = cached.firstIndex(where: { $0.subject == subject }) { return (cached[hit].records, cached[hit].slices) }
            do throws(StoreError) {
                let records = try load(subject)
                var slices: [EvidenceSet.SliceKey: [Int]] = [:]
                for (position, record) in records.enumerated() {
                    slices[EvidenceSet.SliceKey(subject: subject, stage: record.stage, evaluation: record.evaluation), default: []]
                        .append(position)
                }
                cached.append((subject, records, slices))
                if cached.count > Self.cachedSubjects { cached.removeFirst() }
                return (records, slices)
            } catch {
                if firstFailure == nil { firstFailure = error }
                return ([], [:])
            }
        }
    }

    /// One subject's records in file order, then stored order, with their stages mapped.
    private func load(_ subject: Subject) throws(StoreError) -> [EvidenceRecord] {
        guard subjects.contains(where: { $0.subject == subject }) else { return [] }
        let files = self.files, stageMap = self.stageMap
        return try store.read { db in
            var records: [EvidenceRecord] = []
            for file in files {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT \(StoreConversion.resultColumns) FROM result WHERE file_sha256 = ? AND model = ? AND snapshot = ? ORDER BY id
                    """, arguments: [file.sha256, subject.model, subject.snapshot ?? ""])
                while let row = try rows.next() {
                    let record = StoreConversion.record(row, path: file.path)
                    guard case .some(.some(let stage)) = stageMap[record.stage] else { continue }
                    records.append(stage == record.stage ? record : record.restaged(stage))
                }
            }
            return records
        }
    }
}
