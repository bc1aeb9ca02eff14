/// All evidence loaded for an assessment, indexed for evaluators.
///
/// Result records come from a ``RecordSource`` (held in memory, or read from the store a subject
/// at a time), per-sample records from a ``SampleSource`` (a slice at a time).
public struct EvidenceSet: Sendable {
    /// The result records.
    public let results: any RecordSource
    /// The per-sample records, read per slice when an evaluator asks.
    public let samples: any SampleSource

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
        self.init(records: records, sampleSource: InMemorySamples(samples))
    }

    /// Indexes summary records; per-sample records come from `sampleSource`, a slice at a time.
    public init(records: [EvidenceRecord], sampleSource: any SampleSource) {
        self.init(results: InMemoryRecords(records), sampleSource: sampleSource)
    }

    /// Evidence whose result records come from `results` and per-sample records from `sampleSource`.
    public init(results: any RecordSource, sampleSource: any SampleSource) {
        self.results = results
        samples = sampleSource
    }

    /// Every result record, in file order (see ``RecordSource/allRecords``).
    public var records: [EvidenceRecord] { results.allRecords }

    /// Every subject that has evidence, sorted.
    public var subjects: [Subject] {
        Array(Set(results.subjects.map(\.subject)).union(samples.summaries.keys.map(\.subject))).sorted()
    }

    /// The evidence of one subject at one stage.
    public func slice(subject: Subject, stage: String) -> EvidenceSlice {
        EvidenceSlice(set: self, subject: subject, stage: stage)
    }

    /// The summary records of one subject, in file order.
    public func records(of subject: Subject) -> [EvidenceRecord] { results.records(of: subject) }

    /// One subject's per-sample records, grouped by stage and evaluation, in order of stage then evaluation.
    public func sampleGroups(of subject: Subject) -> [SampleGroup] {
        samples.summaries.filter { $0.key.subject == subject }
            .sorted { ($0.key.stage, $0.key.evaluation) < ($1.key.stage, $1.key.evaluation) }
            .map { key, summary in
                SampleGroup(
                    stage: key.stage, evaluation: key.evaluation, records: summary.records,
                    location: summary.files.map(\.location).min() ?? SourceLocation(file: "", line: 0))
            }
    }

    func records(_ key: SliceKey) -> [EvidenceRecord] { results.records(key) }
    func problems(_ key: SliceKey) -> [Problem] { samples.problems(key) }
    func hasSamples(_ key: SliceKey) -> Bool { samples.summaries[key] != nil }
    func sampleLocations(_ key: SliceKey) -> [SourceLocation] { samples.summaries[key]?.files.map(\.location) ?? [] }
    func sampleConsistency(_ key: SliceKey) -> EvidenceConsistency? { samples.summaries[key]?.consistency }
}

/// The per-sample records of one evaluation for one subject at one stage.
public struct SampleGroup: Hashable, Sendable {
    public let stage: String
    public let evaluation: String
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

    /// Whether the evaluation has per-sample records (without reading them).
    public func hasSamples(evaluation: String) -> Bool {
        set.hasSamples(.init(subject: subject, stage: stage, evaluation: evaluation))
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
