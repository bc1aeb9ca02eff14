import ScorecardCore

/// Reading published or imported summary figures: choosing among records and adding intervals.
enum SummaryReading {
    /// The records of the target's evaluation whose metric is accepted, with a reason when none is.
    static func candidates(
        _ target: IndicatorTarget, in evidence: EvidenceSlice, accepting accept: (String) -> Bool
    ) -> Result<[EvidenceRecord], MissingEvidence> {
        let all = evidence.records(evaluation: target.evaluation)
        let matching = all.filter { accept($0.metric) }
        guard !matching.isEmpty else {
            let wanted = target.metrics.joined(separator: " or ")
            if all.isEmpty {
                let hasSamples = evidence.hasSamples(evaluation: target.evaluation)
                return .failure(MissingEvidence(
                    reason: hasSamples
                        ? "per-sample records of '\(target.evaluation)' exist but this evaluator reads \(wanted) summaries only"
                        : "no results for '\(target.evaluation)' at \(evidence.stage)"))
            }
            let found = Set(all.map(\.metric)).sorted().joined(separator: ", ")
            return .failure(MissingEvidence(reason: "no \(wanted) result for '\(target.evaluation)' at \(evidence.stage) (found: \(found))"))
        }
        return .success(matching)
    }

    /// How many of the other results the worst-case note names, riskiest first; the rest are
    /// counted. A subject can have thousands of variants, and a note naming each would be
    /// unreadable (and carried by every scorecard and report).
    static let othersNamed = 10

    /// The worst case among records: the riskiest value, as the Beta framework's "worst known case" asks.
    static func worstCase(_ records: [EvidenceRecord], direction: Direction) -> (EvidenceRecord, [String]) {
        let sorted = records.sorted { a, b in
            a.value != b.value ? (direction == .higherIsRiskier ? a.value > b.value : a.value < b.value) : a.location < b.location
        }
        let chosen = sorted[0]
        var notes: [String] = []
        if records.count > 1 {
            var others = sorted.dropFirst().prefix(othersNamed).map { record in
                "\(record.metric)\(record.variant.map { " [\($0)]" } ?? "") = \(Format.number(record.value))"
            }
            let unnamed = records.count - 1 - others.count
            if unnamed > 0, let last = sorted.last {
                others.append("and \(unnamed) more, down to \(Format.number(last.value))")
            }
            notes.append("worst case of \(records.count) results used\(chosen.variant.map { ": \($0)" } ?? ""); also \(others.joined(separator: ", "))")
        }
        return (chosen, notes)
    }

    /// A score from one record: its interval as ``JudgingInterval`` lets a level be judged by
    /// (its own, or a Wilson interval when n, and k, are known).
    static func score(_ record: EvidenceRecord, notes: [String]) -> IndicatorScore {
        var notes = notes
        let (interval, changes) = JudgingInterval.resolve(record.interval, value: record.value, n: record.n, k: record.k, unit: record.unit)
        if record.interval == nil, interval != nil, record.k == nil, let n = record.n {
            notes.append("95% Wilson interval from n = \(n) with k ≈ value × n = \(Int((record.value * Double(n)).rounded()))")
        }
        notes += changes
        if let mark = record.consistency { notes.append(ConsistencyNote.summary(mark, record: record)) }
        if let note = record.notes { notes.append("note: \(note)") }
        return IndicatorScore(
            value: record.value, interval: interval, n: record.n, k: record.k, metric: record.metric, basis: .summary,
            sources: [record.location], record: record.key, notes: notes, consistency: record.consistency)
    }

    /// Reads the worst case of the accepted summary records.
    static func measure(
        _ target: IndicatorTarget, in evidence: EvidenceSlice, accepting accept: (String) -> Bool
    ) -> Measurement {
        switch candidates(target, in: evidence, accepting: accept) {
        case .failure(let missing): return .missing(reason: missing.reason)
        case .success(let records):
            let (chosen, notes) = worstCase(records, direction: target.direction)
            return .measured(score(chosen, notes: notes))
        }
    }
}

/// Why an evaluator found nothing to measure.
struct MissingEvidence: Error {
    let reason: String
}
