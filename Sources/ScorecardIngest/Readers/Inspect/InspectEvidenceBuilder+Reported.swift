import ScorecardCore

/// The metrics Inspect itself reported, as `inspect/<metric>` records.
///
/// - A metric computed per group of samples (`grouped()`: `params.metric` names what was computed,
///   `params.group_key` the metadata key) is `inspect/<computed metric>` with the variant
///   `<group key>=<group>`.
/// - A metric function that returns several values (`frequency()`, and anything else Inspect
///   stores with a `group`) is `inspect/<group>` with the variant `<group>=<name>`; `frequency`'s
///   values are categories, so its variant is `category=<name>`.
/// - An interval metric (`ci()`, `ci_wilson()`: a group holding `lower` and `upper`) is not a
///   record of its own: it becomes the interval of the score's `accuracy` and `mean` when it
///   contains the value (and, for a rate, lies in [0, 1]); every interval reported goes into the notes.
/// - `stderr` goes into the notes of its siblings: a standard error, not an interval.
extension InspectEvidenceBuilder {
    /// A reported interval: a metric group holding `lower` and `upper`.
    struct ReportedInterval {
        let group: String
        let low: Double
        let high: Double
        let level: Double

        var text: String {
            "Inspect \(group)() \(Format.number(level * 100))% interval [\(Format.short(low, places: 4)), \(Format.short(high, places: 4))]"
        }
    }

    /// The interval groups among a score's metrics, in file order.
    static func reportedIntervals(_ metrics: [InspectReportedMetric]) -> [ReportedInterval] {
        var groups: [String] = []
        for metric in metrics where metric.baseMetric == nil {
            if let group = metric.group, !groups.contains(group) { groups.append(group) }
        }
        return groups.compactMap { group in
            let members = metrics.filter { $0.group == group && $0.baseMetric == nil }
            guard members.count == 2, let low = members.first(where: { $0.name == "lower" }),
                  let high = members.first(where: { $0.name == "upper" }),
                  low.value.isFinite, high.value.isFinite, low.value <= high.value
            else { return nil }
            return ReportedInterval(group: group, low: low.value, high: high.value, level: low.level ?? high.level ?? 0.95)
        }
    }

    /// Inspect's own metrics; `consistency` says which scores disagree with their samples.
    func reportedRecords(primary: String?, consistency: InspectConsistency, warnings: inout [Diagnostic]) -> [EvidenceRecord] {
        guard let results = header.results else { return [] }
        var records: [EvidenceRecord] = []
        var seen = Set<EvidenceRecord.Key>()
        for score in results.scores where !replacedByFilters(score.name, primary: primary) {
            let evaluation = evaluationID(for: score.name, primary: primary)
            let mark = EvidenceConsistency.worst(
                consistency.contradicted.contains(score.name) ? .contradicts : nil, incomplete ? .partial : nil)
            let stderrs = score.metrics.filter { $0.computedMetric == "stderr" }
            let intervals = Self.reportedIntervals(score.metrics)
            let intervalGroups = Set(intervals.map(\.group))
            for metric in score.metrics where metric.computedMetric != "stderr" {
                if metric.baseMetric == nil, let group = metric.group, intervalGroups.contains(group) { continue }
                guard metric.value.isFinite else {
                    warnings.append(Diagnostic(
                        file: path,
                        message: "Inspect reported metric '\(metric.key)' of score '\(score.name)' as \(Format.number(metric.value)); not recorded"))
                    continue
                }
                let (name, groupVariant) = Self.reportedName(metric)
                var variant = score.reducer.map { ["reducer \($0)"] } ?? []
                if let groupVariant { variant.append(groupVariant) }
                var notes = ["reported by Inspect for score '\(score.name)' (scorer \(score.scorer)) over epoch-reduced scores"]
                if metric.group == "frequency" {
                    notes = ["reported by Inspect's frequency() for score '\(score.name)' (scorer \(score.scorer)): share of scored sample records, every epoch counted"]
                }
                if let scored = score.scoredSamples {
                    notes.append("\(scored) scored samples" + (score.unscoredSamples.map { ", \($0) unscored" } ?? ""))
                }
                let grouped = groupVariant != nil
                if let stderr = stderrs.first(where: { grouped ? ($0.group != nil && $0.name == metric.name) : $0.group == nil }),
                   stderr.value.isFinite {
                    notes.append("Inspect stderr \(Format.number(stderr.value)) (a standard error, not an interval)")
                }
                let n = (grouped && metric.group != "frequency") ? nil : score.scoredSamples.flatMap { $0 > 0 ? $0 : nil }
                let unit = Self.reportedUnit(metric)
                var interval: ConfidenceInterval?
                if !grouped, ["accuracy", "mean"].contains(metric.computedMetric), !intervals.isEmpty {
                    notes += intervals.map(\.text)
                    if let usable = intervals.first(where: { candidate in
                        candidate.low <= metric.value && metric.value <= candidate.high
                            && (unit != .rate || (candidate.low >= 0 && candidate.high <= 1))
                    }) {
                        interval = ConfidenceInterval(low: usable.low, high: usable.high, level: usable.level,
                                                      method: "reported by Inspect (\(usable.group)())")
                    }
                }
                var candidate = record(
                    evaluation: evaluation, metric: name, variant: variant, value: metric.value, unit: unit,
                    n: n, k: nil, interval: interval, notes: notes, consistency: mark)
                if seen.contains(candidate.key) {
                    candidate = record(
                        evaluation: evaluation, metric: name, variant: variant + ["key \(metric.key)"], value: metric.value,
                        unit: unit, n: n, k: nil, interval: interval, notes: notes, consistency: mark)
                }
                seen.insert(candidate.key)
                records.append(candidate)
            }
        }
        return records
    }

    /// The record's metric name and, for a grouped metric, its variant part.
    static func reportedName(_ metric: InspectReportedMetric) -> (String, String?) {
        if let base = metric.baseMetric {
            return ("inspect/" + base, "\(metric.groupKey ?? metric.group ?? "group")=\(metric.name)")
        }
        if let group = metric.group {
            return ("inspect/" + group, "\(group == "frequency" ? "category" : group)=\(metric.name)")
        }
        return ("inspect/" + metric.key, nil)
    }

    /// A rate for proportions Inspect computes (accuracy, mean, normalised frequencies) that lie in [0, 1]; a score otherwise.
    static func reportedUnit(_ metric: InspectReportedMetric) -> ValueUnit {
        guard (0...1).contains(metric.value) else { return metric.group == "frequency" && metric.normalize == false ? .count : .score }
        if metric.group == "frequency" { return metric.normalize == false ? .count : .rate }
        return ["accuracy", "mean"].contains(metric.computedMetric) ? .rate : .score
    }
}
