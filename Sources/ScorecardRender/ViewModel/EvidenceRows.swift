import Foundation
import ScorecardCore

/// The rows of a category's evidence table, in framework order: indicator, then stage, then the
/// order of the records in their files.
struct EvidenceRows {
    let framework: Framework
    let category: Category
    let subject: Subject

    /// Every record of each indicator's evaluation (the evaluator chooses among their metrics and
    /// variants, so all are shown), or the computed value when only per-sample records exist.
    func rows(evidence: EvidenceSet, results: [String: CategoryStageResult]) -> [EvidenceRowView] {
        var rows: [EvidenceRowView] = []
        var shown: Set<EvidenceRecord.Key> = []
        for indicator in category.indicators {
            for stage in framework.stages {
                let score = results[stage.id]?.indicator(indicator.id)?.measurement.score
                let records = evidence.slice(subject: subject, stage: stage.id).records(evaluation: indicator.evaluation)
                if !records.isEmpty {
                    for record in records where shown.insert(record.key).inserted {
                        rows.append(row(record, indicator: indicator, stage: stage, score: score))
                    }
                } else if let score, score.basis == .samples {
                    rows.append(row(score, indicator: indicator, stage: stage))
                }
            }
        }
        return rows
    }

    /// A record as published; an interval the evaluator computed for it (from n and k) is shown
    /// marked "computed" when the record has none.
    private func row(
        _ record: EvidenceRecord, indicator: Indicator, stage: StageDefinition, score: IndicatorScore?
    ) -> EvidenceRowView {
        let link = Formatting.link(record.source)
        var interval = Formatting.interval(record.interval, unit: record.unit)
        if record.interval == nil, let score, let computed = score.interval, score.record == record.key {
            interval = Formatting.interval(computed, unit: record.unit) + " (computed)"
        }
        return EvidenceRowView(
            evaluation: indicator.name, stage: stage.name, metric: record.metric,
            variant: record.variant ?? Formatting.none,
            value: Formatting.value(record.value, unit: record.unit),
            interval: interval,
            n: Formatting.count(record.n), k: Formatting.count(record.k),
            link: link, sourceText: link == nil ? (record.source ?? Formatting.none) : nil,
            location: Self.location(record.location), notes: record.notes ?? "")
    }

    /// A value the evaluator computed from per-sample records.
    private func row(_ score: IndicatorScore, indicator: Indicator, stage: StageDefinition) -> EvidenceRowView {
        EvidenceRowView(
            evaluation: indicator.name, stage: stage.name, metric: score.metric, variant: "computed from samples",
            value: Formatting.value(score.value, unit: indicator.unit),
            interval: Formatting.interval(score.interval, unit: indicator.unit),
            n: Formatting.count(score.n), k: Formatting.count(score.k),
            link: nil, sourceText: "per-sample records",
            location: score.sources.map(Self.location).joined(separator: ", "),
            notes: score.notes.joined(separator: "; "))
    }

    /// `evidence.jsonl:14`: the file's name and line (the full paths are in the provenance).
    static func location(_ location: SourceLocation) -> String {
        "\(URL(fileURLWithPath: location.file).lastPathComponent):\(location.line)"
    }
}
