/// A name a section gives that nothing in the evidence has: its stage, an evaluation, a metric of
/// an evaluation, a pattern, a trade-off's variant. The section still shows the row, as missing;
/// this says that the name, not only the result, is absent, with the nearest name the evidence has.
public struct SectionNameMismatch: Hashable, Sendable, CustomStringConvertible {
    public enum Name: Hashable, Sendable {
        case stage(String)
        case evaluation(String)
        case metric(String, evaluation: String)
        case pattern(String)
        case variant(String)
    }

    public let section: String
    /// The section's file; nil for a built-in section.
    public let file: String?
    public let line: Int?
    /// Where in the section: `table 'jailbreaks'`, `trade-off 'robustness_tradeoff'`.
    public let place: String
    public let name: Name
    /// The nearest name of the same kind that the evidence has, when one is close.
    public let suggestion: String?

    public var description: String {
        let what = switch name {
        case .stage(let stage): "stage '\(stage)' matches no evidence"
        case .evaluation(let evaluation): "evaluation '\(evaluation)' matches no evidence"
        case .metric(let metric, let evaluation): "metric '\(metric)' matches no evidence of evaluation '\(evaluation)'"
        case .pattern(let pattern): "pattern '\(pattern)' matches no evaluation of the evidence"
        case .variant(let variant): "variant '\(variant)' matches no evidence of its axes"
        }
        return "section '\(section)', \(place): \(what)\(suggestion.map { "; did you mean '\($0)'?" } ?? "")"
    }
}

extension SectionDefinition {
    /// The names of this section that match nothing in `evidence` (every model's records and
    /// samples, at the section's stage when it names one), in the section's order.
    public func unmatchedNames(in evidence: EvidenceSet) -> [SectionNameMismatch] {
        let names = EvidenceNames(evidence, stage: stage)
        func mismatch(_ place: String, _ line: Int?, _ name: SectionNameMismatch.Name, _ candidates: some Sequence<String>)
            -> SectionNameMismatch {
            let text = switch name {
            case .stage(let s), .evaluation(let s), .metric(let s, _), .pattern(let s), .variant(let s): s
            }
            return SectionNameMismatch(
                section: id, file: file, line: line, place: place, name: name,
                suggestion: NearestName.closest(to: text, in: candidates))
        }
        if let stage, !names.stages.contains(stage) {
            return [mismatch("stage", nil, .stage(stage), names.stages)]
        }
        func check(_ row: SectionRow, _ place: String) -> SectionNameMismatch? {
            guard let metrics = names.metrics[row.evaluation] else {
                return mismatch(place, row.line, .evaluation(row.evaluation), names.evaluations)
            }
            if metrics.contains(row.metric) || names.sampled.contains(row.evaluation) { return nil }
            return mismatch(place, row.line, .metric(row.metric, evaluation: row.evaluation), metrics)
        }
        var found: [SectionNameMismatch] = []
        for table in tables {
            let place = "table '\(table.id)'"
            switch table.kind {
            case .rows(let rows):
                found += rows.compactMap { check($0, place) }
            case .threeWayGrades(let evaluations):
                for evaluation in evaluations where names.metrics[evaluation] == nil && !names.sampled.contains(evaluation) {
                    found.append(mismatch(place, table.line, .evaluation(evaluation), names.evaluations))
                }
            case .benchmarks(let patterns):
                for pattern in patterns where !names.evaluations.contains(where: { SectionAssessor.Index.matches($0, pattern) }) {
                    found.append(mismatch(place, table.line, .pattern(pattern), names.evaluations))
                }
            }
        }
        for chart in tradeoffs {
            let place = "trade-off '\(chart.id)'"
            let axes = [chart.x, chart.y].compactMap { check($0, place) }
            found += axes
            if axes.isEmpty, let variant = chart.variant {
                let variants = Set([chart.x, chart.y].flatMap { names.variants[$0.evaluation] ?? [] })
                if !variants.contains(variant) { found.append(mismatch(place, chart.line, .variant(variant), variants)) }
            }
        }
        return found
    }
}

/// The names the evidence has, for matching a section's names against.
private struct EvidenceNames {
    var stages: Set<String> = []
    var evaluations: Set<String> = []
    /// Metrics per evaluation, of the section's stage.
    var metrics: [String: Set<String>] = [:]
    /// Variants per evaluation, of the section's stage.
    var variants: [String: Set<String>] = [:]
    /// Evaluations with per-sample records at the section's stage (their metrics are computed).
    var sampled: Set<String> = []

    init(_ evidence: EvidenceSet, stage: String?) {
        for record in evidence.records {
            stages.insert(record.stage)
            guard stage == nil || record.stage == stage else { continue }
            evaluations.insert(record.evaluation)
            metrics[record.evaluation, default: []].insert(record.metric)
            if let variant = record.variant { variants[record.evaluation, default: []].insert(variant) }
        }
        for subject in evidence.subjects {
            for group in evidence.sampleGroups(of: subject) {
                stages.insert(group.stage)
                guard stage == nil || group.stage == stage else { continue }
                evaluations.insert(group.evaluation)
                sampled.insert(group.evaluation)
                if metrics[group.evaluation] == nil { metrics[group.evaluation] = [] }
            }
        }
    }
}
