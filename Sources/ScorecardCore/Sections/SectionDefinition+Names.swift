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
        /// An evaluation with per-sample records only, in a place that reads result records.
        case samplesOnly(String)
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
        case .samplesOnly(let evaluation): "evaluation '\(evaluation)' has per-sample records but no result records, which this place reads"
        }
        return "section '\(section)', \(place): \(what)\(suggestion.map { "; did you mean '\($0)'?" } ?? "")"
    }
}

extension SectionDefinition {
    /// The names of this section that match nothing in the evidence `names` were gathered from
    /// (every model's records and samples, at the section's stage when it names one), in the
    /// section's order. Rows, trade-off axes and benchmark patterns read result records; three-way
    /// grades read per-sample records too.
    public func unmatchedNames(in names: SectionEvidenceNames) -> [SectionNameMismatch] {
        func mismatch(_ place: String, _ line: Int?, _ name: SectionNameMismatch.Name, _ candidates: some Sequence<String>)
            -> SectionNameMismatch {
            let text = switch name {
            case .stage(let s), .evaluation(let s), .metric(let s, _), .pattern(let s), .variant(let s), .samplesOnly(let s): s
            }
            return SectionNameMismatch(
                section: id, file: file, line: line, place: place, name: name,
                suggestion: NearestName.closest(to: text, in: candidates))
        }
        if let stage, !names.stages.contains(stage) {
            return [mismatch("stage", stageLine, .stage(stage), names.stages)]
        }
        let evaluations = names.evaluations(at: stage)
        func check(_ row: SectionRow, _ place: String) -> SectionNameMismatch? {
            let metrics = names.metrics(of: row.evaluation, at: stage)
            if metrics.isEmpty {
                if names.sampled(row.evaluation, at: stage) { return mismatch(place, row.line, .samplesOnly(row.evaluation), []) }
                return mismatch(place, row.line, .evaluation(row.evaluation), evaluations)
            }
            if metrics.contains(row.metric) { return nil }
            return mismatch(place, row.line, .metric(row.metric, evaluation: row.evaluation), metrics)
        }
        var found: [SectionNameMismatch] = []
        for table in tables {
            let place = "table '\(table.id)'"
            switch table.kind {
            case .rows(let rows):
                found += rows.compactMap { check($0, place) }
            case .threeWayGrades(let grades):
                for evaluation in grades where names.metrics(of: evaluation, at: stage).isEmpty && !names.sampled(evaluation, at: stage) {
                    found.append(mismatch(place, table.line, .evaluation(evaluation), evaluations))
                }
            case .benchmarks(let patterns):
                for pattern in patterns where !evaluations.contains(where: { SectionAssessor.Index.matches($0, pattern) }) {
                    found.append(mismatch(place, table.line, .pattern(pattern), evaluations))
                }
            }
        }
        for chart in tradeoffs {
            let place = "trade-off '\(chart.id)'"
            let axes = [chart.x, chart.y].compactMap { check($0, place) }
            found += axes
            if axes.isEmpty, let variant = chart.variant {
                let variants = Set([chart.x, chart.y].flatMap { names.variants(of: $0.evaluation, at: stage) })
                if !variants.contains(variant) { found.append(mismatch(place, chart.line, .variant(variant), variants)) }
            }
        }
        return found
    }
}

/// The names the evidence has, by stage, for matching sections' names against: gathered once,
/// one model at a time (a store's evidence is never read whole), for every section of a run.
public struct SectionEvidenceNames: Sendable {
    private struct Key: Hashable {
        let stage: String
        let evaluation: String
    }

    public private(set) var stages: Set<String> = []
    /// Result records' metrics and variants per stage and evaluation.
    private var metrics: [Key: Set<String>] = [:]
    private var variants: [Key: Set<String>] = [:]
    /// Stages and evaluations with per-sample records.
    private var sampled: Set<Key> = []

    public init(_ evidence: EvidenceSet) {
        for subject in evidence.subjects {
            for record in evidence.records(of: subject) {
                let key = Key(stage: record.stage, evaluation: record.evaluation)
                stages.insert(record.stage)
                metrics[key, default: []].insert(record.metric)
                if let variant = record.variant { variants[key, default: []].insert(variant) }
            }
            for group in evidence.sampleGroups(of: subject) {
                stages.insert(group.stage)
                sampled.insert(Key(stage: group.stage, evaluation: group.evaluation))
            }
        }
    }

    /// Evaluations with result or per-sample records at `stage` (nil: any stage).
    func evaluations(at stage: String?) -> Set<String> {
        Set((metrics.keys.filter { stage == nil || $0.stage == stage } + sampled.filter { stage == nil || $0.stage == stage }).map(\.evaluation))
    }

    func metrics(of evaluation: String, at stage: String?) -> Set<String> {
        select(metrics, evaluation, stage)
    }

    func variants(of evaluation: String, at stage: String?) -> Set<String> {
        select(variants, evaluation, stage)
    }

    func sampled(_ evaluation: String, at stage: String?) -> Bool {
        sampled.contains { $0.evaluation == evaluation && (stage == nil || $0.stage == stage) }
    }

    private func select(_ table: [Key: Set<String>], _ evaluation: String, _ stage: String?) -> Set<String> {
        if let stage { return table[Key(stage: stage, evaluation: evaluation)] ?? [] }
        return table.filter { $0.key.evaluation == evaluation }.reduce(into: []) { $0.formUnion($1.value) }
    }
}
