import ScorecardCore

extension DeclarativeEvaluator {
    /// One result a rule read: the record chosen, its value and how to name it in the trace.
    struct Read {
        let record: EvidenceRecord
        let label: String
        let notes: [String]

        var value: Double { record.value }
        /// The record as a score of its own (with a Wilson interval when n is known).
        var score: IndicatorScore { SummaryReading.score(record, notes: notes) }
    }

    /// The summary records an operand matches: its evaluation (else the indicator's), its
    /// metric (else the indicator's), its variant when given.
    func records(
        _ operand: DeclarativeRule.Operand, _ target: IndicatorTarget, _ evidence: EvidenceSlice, owner: String? = nil
    ) throws(MissingEvidence) -> [EvidenceRecord] {
        let evaluation = operand.evaluation?.resolve(values) ?? target.evaluation
        let metrics = operand.metric.map { [$0.resolve(values) ?? ""] } ?? target.metrics
        let variant = operand.variant?.resolve(values)
        let all = evidence.records(evaluation: evaluation)
        let matching = all.filter { metrics.contains($0.metric) && (variant == nil || $0.variant == variant) }
        guard !matching.isEmpty else {
            let whose = owner.map { " of \($0)" } ?? ""
            let wanted = metrics.joined(separator: " or ") + (variant.map { " [\($0)]" } ?? "")
            let found = Set(all.map { $0.metric + ($0.variant.map { " [\($0)]" } ?? "") }).sorted().joined(separator: ", ")
            throw MissingEvidence(reason: "no \(wanted) result for '\(evaluation)'\(whose) at \(evidence.stage)" + (found.isEmpty ? "" : " (found: \(found))"))
        }
        return matching
    }

    /// The one result an operand reads: the worst case when several variants match.
    func read(
        _ operand: DeclarativeRule.Operand, _ target: IndicatorTarget, _ evidence: EvidenceSlice, owner: String? = nil
    ) throws(MissingEvidence) -> Read {
        let (record, notes) = SummaryReading.worstCase(try records(operand, target, evidence, owner: owner), direction: target.direction)
        let whose = owner.map { "\($0) " } ?? ""
        let label = "\(whose)\(record.evaluation) \(record.metric)\(record.variant.map { " [\($0)]" } ?? "") (\(Format.number(record.value)))"
        return Read(record: record, label: label, notes: notes)
    }
}
