import ScorecardCore

/// Categorical scores: string values that name categories (`Score(value="sandbagging")`), which
/// Inspect summarises with `frequency()` rather than reading them as numbers.
///
/// `value_to_float` would read `"yes"` as 1, `"no"` as 0 and every other string as 0, which is
/// meaningless for categories; so a categorical score gets no accuracy, pass@k or per-sample
/// records. It gets one `frequency` record per category instead (variant `category=<name>`):
/// the share of scored sample records with that value, every epoch counted as an observation
/// (as `frequency()` counts them), with k, n and a Wilson interval. Declared categories without
/// observations get 0; a value outside the declared categories is its own category, with a warning.
extension InspectEvidenceBuilder {
    /// Observations of one categorical score.
    struct FrequencyTable {
        var name: String
        var evaluation: String
        var declared: [String]
        /// Categories in order: declared ones first, then others as first seen.
        var categories: [String] = []
        var counts: [String: Int] = [:]
        /// Scored sample records (errored, unscored and non-text values left out).
        var observations = 0
        var errored = 0
        var unscored = 0
        /// Values that were not text, which frequency() would turn into text; left out here.
        var nonText = 0
    }

    /// Score names whose values are categories: declared in the spec (a `frequency()` metric or
    /// a `value_schema`), or reported with `frequency` metrics. Name → declared categories.
    func categoricalScores(_ names: [String]) -> [String: [String]] {
        var found = header.categoricalScores.filter { names.contains($0.key) }
        for score in header.results?.scores ?? [] where names.contains(score.name) && found[score.name] == nil {
            let frequencies = score.metrics.filter { $0.group == "frequency" && $0.baseMetric == nil }
            guard !frequencies.isEmpty else { continue }
            found[score.name] = frequencies.first(where: { $0.categories != nil })?.categories ?? []
        }
        return found
    }

    /// Counts the categories of score `name` over the samples in `order` (invalidated ones already left out).
    func frequencyTable(
        _ name: String, primary: String?, declared: [String], order: [Int], warnings: inout [Diagnostic]
    ) -> FrequencyTable {
        var table = FrequencyTable(name: name, evaluation: evaluationID(for: name, primary: primary), declared: declared)
        table.categories = declared
        for index in order {
            let sample = log.samples[index]
            guard let score = sample.scores.first(where: { $0.name == name }) else {
                if sample.error != nil { table.errored += 1 } else { table.unscored += 1 }
                continue
            }
            switch score.value {
            case .string(let category):
                if table.counts[category] == nil, !table.categories.contains(category) { table.categories.append(category) }
                table.counts[category, default: 0] += 1
                table.observations += 1
            case .number(let value) where value.isNaN:
                table.unscored += 1
            default:
                table.nonText += 1
            }
        }
        let undeclared = declared.isEmpty ? [] : table.categories.filter { !declared.contains($0) }
        for category in undeclared {
            warnings.append(Diagnostic(
                file: path,
                message: "score '\(name)': the value '\(InspectScoreValue.excerpt(category))' (\(table.counts[category] ?? 0) sample records) is not one of the declared categories (\(declared.joined(separator: ", "))); counted as a category of its own, as Inspect's frequency() counts it, never as 0"))
        }
        if table.nonText > 0 {
            warnings.append(Diagnostic(
                file: path,
                message: "score '\(name)' is categorical but \(table.nonText) sample records have values that are not text; left out of its frequencies"))
        }
        if table.observations == 0, !order.isEmpty {
            warnings.append(Diagnostic(file: path, message: "score '\(name)': no sample record has a category; nothing computed"))
        }
        return table
    }

    /// One `frequency` record per category.
    func frequencyRecords(_ table: FrequencyTable, consistency: EvidenceConsistency?) -> [EvidenceRecord] {
        guard table.observations > 0 else { return [] }
        let declared = table.declared.isEmpty ? "no categories declared" : "declared categories: \(table.declared.joined(separator: ", "))"
        var base = [
            "categorical score '\(table.name)': share of \(table.observations) scored sample records with this value, every epoch counted (as Inspect's frequency() counts them); \(declared)",
            "no accuracy, pass@k or per-sample records: the values are categories, not numbers",
        ]
        if table.errored + table.unscored > 0 {
            base.append("\(table.errored) errored and \(table.unscored) unscored sample records left out")
        }
        base += fileNotes
        return table.categories.map { category in
            let count = table.counts[category] ?? 0
            let interval = ImportRules.wilson(k: count, n: table.observations)
            return record(
                evaluation: table.evaluation, metric: "frequency", variant: ["category=\(category)"],
                value: Double(count) / Double(table.observations), unit: .rate, n: table.observations, k: count,
                interval: interval, notes: base + ["95% CI: Wilson from k/n"], consistency: consistency)
        }
    }
}
