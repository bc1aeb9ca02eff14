import ScorecardCore

extension SampleRecord {
    /// The same record with the consistency mark `mark`.
    func marked(_ mark: EvidenceConsistency?) -> SampleRecord {
        SampleRecord(
            subject: subject, stage: stage, evaluation: evaluation, sampleID: sampleID, epoch: epoch, score: score,
            metadata: metadata, error: error, source: source, sourceSHA256: sourceSHA256, consistency: mark, location: location)
    }
}
