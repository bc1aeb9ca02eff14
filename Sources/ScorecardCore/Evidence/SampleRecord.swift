/// One scored attempt at one problem: a sample of an evaluation in one epoch.
public struct SampleRecord: Hashable, Sendable {
    public let subject: Subject
    public let stage: String
    public let evaluation: String
    public let sampleID: String
    public let epoch: Int
    /// The score as a number in [0, 1]; nil when the attempt errored and has no score.
    public let score: Double?
    /// Sample metadata that evaluators may filter on, such as `tier`.
    public let metadata: [String: String]
    /// Why the attempt errored, when it did.
    public let error: String?
    /// The file the record was imported from (an evaluation log), when it was imported.
    public let source: String?
    /// SHA-256 of that file.
    public let sourceSHA256: String?
    /// Whether the record agrees with the rest of its file: `partial` when the file holds fewer
    /// sample records than its run reports (statistics computed from them cover part of the run).
    /// nil when no disagreement was found; files written before this field existed read as nil.
    public let consistency: EvidenceConsistency?
    public let location: SourceLocation

    public init(
        subject: Subject, stage: String, evaluation: String, sampleID: String, epoch: Int, score: Double?,
        metadata: [String: String] = [:], error: String? = nil, source: String? = nil, sourceSHA256: String? = nil,
        consistency: EvidenceConsistency? = nil, location: SourceLocation
    ) {
        self.subject = subject
        self.stage = stage
        self.evaluation = evaluation
        self.sampleID = sampleID
        self.epoch = epoch
        self.score = score
        self.metadata = metadata
        self.error = error
        self.source = source
        self.sourceSHA256 = sourceSHA256
        self.consistency = consistency
        self.location = location
    }

    /// Whether the attempt errored instead of being scored.
    public var errored: Bool { score == nil }
}

/// The attempts at one problem, gathered from its sample records.
public struct Problem: Hashable, Sendable {
    public let id: String
    /// Scores per epoch in epoch order; nil marks an errored attempt.
    public let scores: [Double?]
    public let metadata: [String: String]

    public init(id: String, scores: [Double?], metadata: [String: String]) {
        self.id = id
        self.scores = scores
        self.metadata = metadata
    }
}
