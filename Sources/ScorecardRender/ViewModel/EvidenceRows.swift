import Foundation
import ScorecardCore

/// The rows of a category's evidence table, in framework order: indicator, then stage.
///
/// Per indicator and stage: the value the evaluator used first, marked (it decides the level when
/// the indicator has thresholds or a rule-out bar); the other results it considered folded into
/// one row; notes longer than a table cell moved to numbered notes under the table.
struct EvidenceRows {
    let framework: Framework
    let category: Category
    let subject: Subject

    /// Notes longer than this many characters go under the table.
    static let noteLimit = 140

    struct Table {
        var rows: [EvidenceRowView] = []
        /// Long notes, numbered as the rows refer to them.
        var notes: [String] = []
    }

    /// `use` says which records nothing reads: those are "not used", never alternates.
    func table(evidence: EvidenceSet, results: [String: CategoryStageResult], use: EvidenceUse = EvidenceUse()) -> Table {
        let unread = Set(use.unused.compactMap { item in
            item.metric.map { EvidenceUse.Metric(stage: item.stage, evaluation: item.evaluation, metric: $0) }
        })
        var table = Table()
        var shown: Set<EvidenceRecord.Key> = []
        for indicator in category.indicators {
            let use = category.isDecisive(indicator) ? "decides" : "shown"
            for stage in framework.stages {
                let score = results[stage.id]?.indicator(indicator.id)?.measurement.score
                let records = evidence.slice(subject: subject, stage: stage.id).records(evaluation: indicator.evaluation)
                    .filter { belongs($0, to: indicator) && shown.insert($0.key).inserted }
                let used = records.first { $0.key == score?.record }
                if let score, score.basis == .samples {
                    table.rows.append(row(score, indicator: indicator, stage: stage, use: use, notes: &table.notes))
                } else if let used {
                    table.rows.append(row(used, indicator: indicator, stage: stage, score: score, use: use, notes: &table.notes))
                }
                let isUnread = { (record: EvidenceRecord) in
                    unread.contains(EvidenceUse.Metric(stage: record.stage, evaluation: record.evaluation, metric: record.metric))
                }
                let others = records.filter { $0.key != used?.key && !isUnread($0) }
                if score?.basis == .samples || used != nil, others.count > 1 {
                    table.rows.append(folded(others, indicator: indicator, stage: stage, notes: &table.notes))
                } else {
                    for record in others {
                        table.rows.append(row(record, indicator: indicator, stage: stage, score: nil,
                                              use: used == nil && score == nil ? "not used" : "alternate",
                                              notes: &table.notes))
                    }
                }
                for record in records where record.key != used?.key && isUnread(record) {
                    table.rows.append(row(record, indicator: indicator, stage: stage, score: nil, use: "not used", notes: &table.notes))
                }
            }
        }
        return table
    }

    /// Whether a record of the indicator's evaluation is shown under it: not when another
    /// indicator of the category reads the same evaluation and names the record's metric, and
    /// this one does not (two indicators on one evaluation, such as Medium and High ratings).
    private func belongs(_ record: EvidenceRecord, to indicator: Indicator) -> Bool {
        if indicator.metrics.contains(record.metric) { return true }
        return !category.indicators.contains { other in
            other.id != indicator.id && other.evaluation == indicator.evaluation && other.metrics.contains(record.metric)
        }
    }

    /// A record as published; an interval the evaluator computed for it (from n and k) is shown
    /// marked "computed" when the record has none.
    private func row(
        _ record: EvidenceRecord, indicator: Indicator, stage: StageDefinition, score: IndicatorScore?, use: String,
        notes: inout [String]
    ) -> EvidenceRowView {
        let link = Formatting.link(record.source)
        var interval = Formatting.interval(record.interval, unit: record.unit)
        if record.interval == nil, let score, let computed = score.interval, score.record == record.key {
            interval = Formatting.interval(computed, unit: record.unit) + " (computed)"
        }
        return EvidenceRowView(
            evaluation: indicator.name, stage: stage.name, use: use, metric: record.metric,
            variant: record.variant ?? Formatting.none,
            value: Formatting.value(record.value, unit: record.unit),
            interval: interval,
            n: Formatting.count(record.n), k: Formatting.count(record.k),
            link: link, sourceText: link == nil ? (record.source ?? Formatting.none) : nil,
            location: Self.location(record.location), notes: Self.note(Self.caution(record) + (record.notes ?? ""), into: &notes))
    }

    /// What a record's consistency mark means, before its notes: a figure its own file disagrees with is never shown plain.
    static func caution(_ record: EvidenceRecord) -> String {
        record.consistency.map { "CAUTION, marked \($0.rawValue): \($0.phrase). " } ?? ""
    }

    /// A value the evaluator computed from per-sample records.
    private func row(
        _ score: IndicatorScore, indicator: Indicator, stage: StageDefinition, use: String, notes: inout [String]
    ) -> EvidenceRowView {
        EvidenceRowView(
            evaluation: indicator.name, stage: stage.name, use: use, metric: score.metric, variant: "computed from samples",
            value: Formatting.value(score.value, unit: indicator.unit),
            interval: Formatting.interval(score.interval, unit: indicator.unit),
            n: Formatting.count(score.n), k: Formatting.count(score.k),
            link: nil, sourceText: "per-sample records",
            location: Self.locations(score.sources),
            notes: Self.note(score.notes.joined(separator: "; "), into: &notes))
    }

    /// The results the evaluator considered but did not use, in one row.
    private func folded(
        _ records: [EvidenceRecord], indicator: Indicator, stage: StageDefinition, notes: inout [String]
    ) -> EvidenceRowView {
        var listed = records.prefix(Self.alternatesListed).map { record in
            "\(record.metric)\(record.variant.map { " [\($0)]" } ?? "") \(Formatting.value(record.value, unit: record.unit))"
        }
        if records.count > Self.alternatesListed, let low = records.min(by: { $0.value < $1.value }),
           let high = records.max(by: { $0.value < $1.value }) {
            listed.append("and \(records.count - Self.alternatesListed) more; all \(records.count) range from "
                + "\(Formatting.value(low.value, unit: low.unit)) to \(Formatting.value(high.value, unit: high.unit))")
        }
        return EvidenceRowView(
            evaluation: indicator.name, stage: stage.name, use: "alternates", metric: "\(records.count) other results",
            variant: Formatting.none, value: Formatting.none, interval: Formatting.none, n: Formatting.none,
            k: Formatting.none, link: nil, sourceText: "records",
            location: Self.locations(records.map(\.location)),
            notes: Self.note(listed.joined(separator: "; "), into: &notes))
    }

    /// How many of the results folded into one row its note names, in file order; the rest are
    /// counted with the range of all their values (a subject can have thousands of variants; the
    /// row's locations name every one).
    static let alternatesListed = 20

    /// A note as the table shows it: itself when short, else its start and a reference to the
    /// full text, which is added to `notes`.
    static func note(_ text: String, into notes: inout [String]) -> String {
        guard text.count > noteLimit else { return text }
        notes.append(text)
        let cut = text.prefix(noteLimit - 20)
        let start = cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)
        return "\(start)… (note \(notes.count))"
    }

    /// `evidence.jsonl:14`: the file's name and line (the full paths are in the provenance).
    static func location(_ location: SourceLocation) -> String {
        "\(URL(fileURLWithPath: location.file).lastPathComponent):\(location.line)"
    }

    /// Several locations, each file once with its lines and runs of consecutive lines as ranges,
    /// in the order given: `evidence.jsonl:1–50, 52–5000, other.jsonl:3`.
    static func locations(_ locations: [SourceLocation]) -> String {
        var files: [(name: String, runs: [ClosedRange<Int>])] = []
        var index: [String: Int] = [:]
        for location in locations {
            guard let at = index[location.file] else {
                index[location.file] = files.count
                files.append((location.file, [location.line...location.line]))
                continue
            }
            if let last = files[at].runs.last, location.line - 1 == last.upperBound {
                files[at].runs[files[at].runs.count - 1] = last.lowerBound...location.line
            } else {
                files[at].runs.append(location.line...location.line)
            }
        }
        return files.map { file in
            let lines = file.runs.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            return "\(URL(fileURLWithPath: file.name).lastPathComponent):\(lines.joined(separator: ", "))"
        }.joined(separator: ", ")
    }
}
