/// Where an evidence set's result records come from: which subjects have them, known without
/// reading them, and one subject's records (or one slice's) when the assessment asks.
///
/// ``InMemoryRecords`` holds records already read; the store's implementation reads one subject
/// at a time from the database, so an assessment holds the result records of the subjects it is
/// looking at, not every record at once.
public protocol RecordSource: Sendable {
    /// The subjects with result records, in the order of their first record (files in the
    /// order given, then lines).
    var subjects: [RecordSubject] { get }
    /// One subject's records, in file order.
    func records(of subject: Subject) -> [EvidenceRecord]
    /// One slice's records, in file order.
    func records(_ key: EvidenceSet.SliceKey) -> [EvidenceRecord]
    /// Every record, in file order: for evidence held in memory (a store's source would read
    /// them all).
    var allRecords: [EvidenceRecord] { get }
}

/// What a subject's result records are, without the records.
public struct RecordSubject: Hashable, Sendable {
    public let subject: Subject
    /// Where its first record is.
    public var first: SourceLocation
    /// Evidence file → how many of its records the file holds.
    public var files: [String: Int]

    public init(subject: Subject, first: SourceLocation, files: [String: Int]) {
        self.subject = subject
        self.first = first
        self.files = files
    }
}

/// Result records held in memory, indexed once by subject and by slice (positions, not copies:
/// the records can number millions).
public struct InMemoryRecords: RecordSource {
    public let allRecords: [EvidenceRecord]
    public let subjects: [RecordSubject]
    private let bySlice: [EvidenceSet.SliceKey: [Int]]
    private let bySubject: [Subject: [Int]]

    public init(_ records: [EvidenceRecord]) {
        allRecords = records
        var bySlice: [EvidenceSet.SliceKey: [Int]] = [:]
        var bySubject: [Subject: [Int]] = [:]
        var subjects: [RecordSubject] = []
        var rank: [Subject: Int] = [:]
        for (position, record) in records.enumerated() {
            bySlice[EvidenceSet.SliceKey(subject: record.subject, stage: record.stage, evaluation: record.evaluation), default: []]
                .append(position)
            bySubject[record.subject, default: []].append(position)
            if let known = rank[record.subject] {
                subjects[known].files[record.location.file, default: 0] += 1
            } else {
                rank[record.subject] = subjects.count
                subjects.append(RecordSubject(subject: record.subject, first: record.location, files: [record.location.file: 1]))
            }
        }
        self.bySlice = bySlice
        self.bySubject = bySubject
        self.subjects = subjects
    }

    public func records(of subject: Subject) -> [EvidenceRecord] { (bySubject[subject] ?? []).map { allRecords[$0] } }
    public func records(_ key: EvidenceSet.SliceKey) -> [EvidenceRecord] { (bySlice[key] ?? []).map { allRecords[$0] } }
}
