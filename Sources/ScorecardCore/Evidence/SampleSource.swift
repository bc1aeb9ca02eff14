/// Where an evidence set's per-sample records come from: what each slice holds, known without
/// reading it, and the slice's problems when an evaluator asks for them.
///
/// ``InMemorySamples`` holds records already read; the store's implementation reads one slice
/// at a time from the database, so an assessment holds the per-sample data of one indicator's
/// slice, not every sample at once.
public protocol SampleSource: Sendable {
    /// Every slice with per-sample records.
    var summaries: [EvidenceSet.SliceKey: SampleSliceSummary] { get }
    /// The problems of one slice, in the order of their first sample; the attempts of each in
    /// epoch order, its metadata its first attempt's. Empty for a slice without samples.
    func problems(_ key: EvidenceSet.SliceKey) -> [Problem]
}

/// What a slice's per-sample records are, without the records.
public struct SampleSliceSummary: Hashable, Sendable {
    /// Per file, in the order the files were given: where the slice's first record in it is, and
    /// how many records it has.
    public var files: [File]
    /// The worst consistency mark among the records (nil: none marked).
    public var consistency: EvidenceConsistency?

    public struct File: Hashable, Sendable {
        public var location: SourceLocation
        public var records: Int

        public init(location: SourceLocation, records: Int) {
            self.location = location
            self.records = records
        }
    }

    public init(files: [File] = [], consistency: EvidenceConsistency? = nil) {
        self.files = files
        self.consistency = consistency
    }

    /// Sample records in all files.
    public var records: Int { files.reduce(0) { $0 + $1.records } }

    /// Counts one more record at `location` (a file's first record fixes its location).
    public mutating func add(_ location: SourceLocation, records: Int = 1, consistency mark: EvidenceConsistency?) {
        if let index = files.firstIndex(where: { $0.location.file == location.file }) {
            files[index].records += records
        } else {
            files.append(File(location: location, records: records))
        }
        consistency = EvidenceConsistency.worst(consistency, mark)
    }
}

/// Per-sample records held in memory, grouped into problems once.
public struct InMemorySamples: SampleSource {
    public let summaries: [EvidenceSet.SliceKey: SampleSliceSummary]
    private let problemIndex: [EvidenceSet.SliceKey: [Problem]]

    /// Groups `samples` into problems per slice.
    public init(_ samples: [SampleRecord]) {
        var summaries: [EvidenceSet.SliceKey: SampleSliceSummary] = [:]
        for sample in samples {
            let slice = EvidenceSet.SliceKey(subject: sample.subject, stage: sample.stage, evaluation: sample.evaluation)
            summaries[slice, default: SampleSliceSummary()].add(sample.location, consistency: sample.consistency)
        }
        self.summaries = summaries
        problemIndex = Self.problems(samples)
    }

    public func problems(_ key: EvidenceSet.SliceKey) -> [Problem] { problemIndex[key] ?? [] }

    /// Groups samples into problems per slice: problems keep the order of their first sample,
    /// the attempts of each are ordered by epoch.
    public static func problems(_ samples: [SampleRecord]) -> [EvidenceSet.SliceKey: [Problem]] {
        // One pass with flat keys: nested dictionaries of arrays would copy on every append.
        struct ProblemKey: Hashable {
            let slice: EvidenceSet.SliceKey
            let id: String
        }
        var problemSlot: [ProblemKey: Int] = [:]
        var attempts: [[SampleRecord]] = []
        var slotsBySlice: [EvidenceSet.SliceKey: [Int]] = [:]
        for sample in samples {
            let slice = EvidenceSet.SliceKey(subject: sample.subject, stage: sample.stage, evaluation: sample.evaluation)
            let key = ProblemKey(slice: slice, id: sample.sampleID)
            if let slot = problemSlot[key] {
                attempts[slot].append(sample)
            } else {
                problemSlot[key] = attempts.count
                slotsBySlice[slice, default: []].append(attempts.count)
                attempts.append([sample])
            }
        }
        return slotsBySlice.mapValues { slots in
            slots.map { slot in
                let sorted = attempts[slot].sorted { $0.epoch < $1.epoch }
                return Problem(id: sorted[0].sampleID, scores: sorted.map(\.score), metadata: sorted[0].metadata)
            }
        }
    }
}
