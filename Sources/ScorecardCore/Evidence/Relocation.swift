extension EvidenceRecord {
    /// The same record, its file named `name` instead of `path` (in its location and source).
    ///
    /// Readers name records by the path they read; a card names them relative to its root so
    /// scorecards read the same on every checkout.
    public func renamingFile(_ path: String, to name: String) -> EvidenceRecord {
        EvidenceRecord(
            subject: subject, stage: stage, evaluation: evaluation, metric: metric, variant: variant, value: value, unit: unit,
            lowerIsBetter: lowerIsBetter, n: n, k: k, interval: interval, source: source == path ? name : source, sourceSHA256: sourceSHA256,
            notes: notes, consistency: consistency, location: location.file == path ? SourceLocation(file: name, line: location.line) : location)
    }
}

extension EvidenceRecord {
    /// The same record at stage `stage` (a stage map onto another framework's stages).
    public func restaged(_ stage: String) -> EvidenceRecord {
        EvidenceRecord(
            subject: subject, stage: stage, evaluation: evaluation, metric: metric, variant: variant, value: value, unit: unit,
            lowerIsBetter: lowerIsBetter, n: n, k: k, interval: interval, source: source, sourceSHA256: sourceSHA256, notes: notes,
            consistency: consistency, location: location)
    }
}

extension SampleRecord {
    /// The same record at stage `stage`.
    public func restaged(_ stage: String) -> SampleRecord {
        SampleRecord(
            subject: subject, stage: stage, evaluation: evaluation, sampleID: sampleID, epoch: epoch, score: score,
            metadata: metadata, error: error, source: source, sourceSHA256: sourceSHA256, consistency: consistency,
            location: location)
    }
}

extension SampleRecord {
    /// The same record, its file named `name` instead of `path` (in its location and source).
    public func renamingFile(_ path: String, to name: String) -> SampleRecord {
        SampleRecord(
            subject: subject, stage: stage, evaluation: evaluation, sampleID: sampleID, epoch: epoch, score: score,
            metadata: metadata, error: error, source: source == path ? name : source, sourceSHA256: sourceSHA256,
            consistency: consistency, location: location.file == path ? SourceLocation(file: name, line: location.line) : location)
    }
}
