/// All evidence loaded for an assessment, indexed for evaluators.
///
/// Built once from records; lookups by subject, stage and evaluation are dictionary reads.
public struct EvidenceSet: Sendable {
    public let records: [EvidenceRecord]
    private let recordIndex: [SliceKey: [EvidenceRecord]]
    private let problemIndex: [SliceKey: [Problem]]
    private let sampleLocations: [SliceKey: [SourceLocation]]

    struct SliceKey: Hashable {
        let subject: Subject
        let stage: String
        let evaluation: String
    }

    /// Indexes summary records and groups sample records into problems.
    ///
    /// Samples of one problem are ordered by epoch; problems keep the order of their first sample.
    public init(records: [EvidenceRecord], samples: [SampleRecord] = []) {
        self.records = records
        var index: [SliceKey: [EvidenceRecord]] = [:]
        for record in records {
            index[SliceKey(subject: record.subject, stage: record.stage, evaluation: record.evaluation), default: []]
                .append(record)
        }
        recordIndex = index

        var grouped: [SliceKey: (order: [String], byID: [String: [SampleRecord]])] = [:]
        var locations: [SliceKey: [SourceLocation]] = [:]
        for sample in samples {
            let key = SliceKey(subject: sample.subject, stage: sample.stage, evaluation: sample.evaluation)
            var entry = grouped[key] ?? ([], [:])
            if entry.byID[sample.sampleID] == nil { entry.order.append(sample.sampleID) }
            entry.byID[sample.sampleID, default: []].append(sample)
            grouped[key] = entry
            locations[key, default: []].append(sample.location)
        }
        problemIndex = grouped.mapValues { entry in
            entry.order.map { id in
                let attempts = entry.byID[id, default: []].sorted { $0.epoch < $1.epoch }
                return Problem(id: id, scores: attempts.map(\.score), metadata: attempts.first?.metadata ?? [:])
            }
        }
        sampleLocations = locations
    }

    /// Every subject that has evidence, sorted.
    public var subjects: [Subject] {
        Array(Set(recordIndex.keys.map(\.subject)).union(problemIndex.keys.map(\.subject))).sorted()
    }

    /// The evidence of one subject at one stage.
    public func slice(subject: Subject, stage: String) -> EvidenceSlice {
        EvidenceSlice(set: self, subject: subject, stage: stage)
    }

    func records(_ key: SliceKey) -> [EvidenceRecord] { recordIndex[key] ?? [] }
    func problems(_ key: SliceKey) -> [Problem] { problemIndex[key] ?? [] }
    func sampleLocations(_ key: SliceKey) -> [SourceLocation] { sampleLocations[key] ?? [] }
}

/// The evidence of one subject at one stage: what an evaluator sees.
public struct EvidenceSlice: Sendable {
    let set: EvidenceSet
    public let subject: Subject
    public let stage: String

    /// Summary records of an evaluation, in file order.
    public func records(evaluation: String) -> [EvidenceRecord] {
        set.records(.init(subject: subject, stage: stage, evaluation: evaluation))
    }

    /// Per-sample problems of an evaluation; empty when only summaries exist.
    public func problems(evaluation: String) -> [Problem] {
        set.problems(.init(subject: subject, stage: stage, evaluation: evaluation))
    }

    /// Where the sample records of an evaluation came from: the first and last location per file.
    public func sampleSources(evaluation: String) -> [SourceLocation] {
        let all = set.sampleLocations(.init(subject: subject, stage: stage, evaluation: evaluation))
        var firstPerFile: [String: SourceLocation] = [:]
        for location in all where firstPerFile[location.file] == nil { firstPerFile[location.file] = location }
        return firstPerFile.values.sorted()
    }
}
