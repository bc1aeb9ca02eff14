/// All evidence loaded for an assessment, indexed for evaluators.
///
/// Built once from records; lookups by subject, stage and evaluation are dictionary reads.
public struct EvidenceSet: Sendable {
    public let records: [EvidenceRecord]
    private let recordIndex: [SliceKey: [EvidenceRecord]]
    private let problemIndex: [SliceKey: [Problem]]
    private let sampleLocations: [SliceKey: [SourceLocation]]
    private let sampleMarks: [SliceKey: EvidenceConsistency]

    /// What identifies the evidence of one evaluation: subject, stage and evaluation id.
    ///
    /// Result records and per-sample records of one slice are assessed together; two files giving
    /// per-sample records of the same slice would be counted twice.
    public struct SliceKey: Hashable, Sendable, CustomStringConvertible {
        public let subject: Subject
        public let stage: String
        public let evaluation: String

        public init(subject: Subject, stage: String, evaluation: String) {
            self.subject = subject
            self.stage = stage
            self.evaluation = evaluation
        }

        /// `model (snapshot) stage eval`.
        public var description: String { "\(subject) \(stage) \(evaluation)" }
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

        // One pass with flat keys: nested dictionaries of arrays would copy on every append.
        struct ProblemKey: Hashable {
            let slice: SliceKey
            let id: String
        }
        var problemSlot: [ProblemKey: Int] = [:]
        var attempts: [[SampleRecord]] = []
        var slotsBySlice: [SliceKey: [Int]] = [:]
        var locations: [SliceKey: [SourceLocation]] = [:]
        var marks: [SliceKey: EvidenceConsistency] = [:]
        for sample in samples {
            let slice = SliceKey(subject: sample.subject, stage: sample.stage, evaluation: sample.evaluation)
            if let mark = sample.consistency { marks[slice] = EvidenceConsistency.worst(marks[slice], mark) }
            let key = ProblemKey(slice: slice, id: sample.sampleID)
            if let slot = problemSlot[key] {
                attempts[slot].append(sample)
            } else {
                problemSlot[key] = attempts.count
                slotsBySlice[slice, default: []].append(attempts.count)
                attempts.append([sample])
            }
            if locations[slice]?.contains(where: { $0.file == sample.location.file }) != true {
                locations[slice, default: []].append(sample.location)
            }
        }
        problemIndex = slotsBySlice.mapValues { slots in
            slots.map { slot in
                let sorted = attempts[slot].sorted { $0.epoch < $1.epoch }
                return Problem(id: sorted[0].sampleID, scores: sorted.map(\.score), metadata: sorted[0].metadata)
            }
        }
        sampleLocations = locations
        sampleMarks = marks
    }

    /// Every subject that has evidence, sorted.
    public var subjects: [Subject] {
        Array(Set(recordIndex.keys.map(\.subject)).union(problemIndex.keys.map(\.subject))).sorted()
    }

    /// The evidence of one subject at one stage.
    public func slice(subject: Subject, stage: String) -> EvidenceSlice {
        EvidenceSlice(set: self, subject: subject, stage: stage)
    }

    /// The summary records of one subject, in file order.
    public func records(of subject: Subject) -> [EvidenceRecord] {
        records.filter { $0.subject == subject }
    }

    /// One subject's per-sample records, grouped by stage and evaluation, in order of stage then evaluation.
    public func sampleGroups(of subject: Subject) -> [SampleGroup] {
        problemIndex.keys.filter { $0.subject == subject }
            .sorted { ($0.stage, $0.evaluation) < ($1.stage, $1.evaluation) }
            .map { key in
                let problems = problemIndex[key] ?? []
                return SampleGroup(
                    stage: key.stage, evaluation: key.evaluation, problems: problems,
                    records: problems.reduce(0) { $0 + $1.scores.count },
                    location: (sampleLocations[key] ?? []).min() ?? SourceLocation(file: "", line: 0))
            }
    }

    func records(_ key: SliceKey) -> [EvidenceRecord] { recordIndex[key] ?? [] }
    func problems(_ key: SliceKey) -> [Problem] { problemIndex[key] ?? [] }
    func sampleLocations(_ key: SliceKey) -> [SourceLocation] { sampleLocations[key] ?? [] }
    func sampleConsistency(_ key: SliceKey) -> EvidenceConsistency? { sampleMarks[key] }
}

/// The per-sample records of one evaluation for one subject at one stage.
public struct SampleGroup: Hashable, Sendable {
    public let stage: String
    public let evaluation: String
    public let problems: [Problem]
    /// How many sample records (attempts) the problems hold.
    public let records: Int
    /// The first place they were read from.
    public let location: SourceLocation
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

    /// The worst consistency mark among the per-sample records of an evaluation (nil: none marked).
    public func sampleConsistency(evaluation: String) -> EvidenceConsistency? {
        set.sampleConsistency(.init(subject: subject, stage: stage, evaluation: evaluation))
    }

    /// Where the sample records of an evaluation came from: the first location in each file.
    public func sampleSources(evaluation: String) -> [SourceLocation] {
        set.sampleLocations(.init(subject: subject, stage: stage, evaluation: evaluation)).sorted()
    }

    /// The evidence of another subject at the same stage: for evaluators that compare with a
    /// reference model.
    public func other(_ subject: Subject) -> EvidenceSlice { set.slice(subject: subject, stage: stage) }

    /// The same subject's evidence at another stage.
    public func at(stage: String) -> EvidenceSlice { set.slice(subject: subject, stage: stage) }
}
