import ScorecardCore

/// Summary records: statistics computed from the samples, and the metrics Inspect reported.
extension InspectEvidenceBuilder {
    /// The epochs a problem was meant to have: `eval.config.epochs`, else the most any problem has.
    var epochs: Int {
        if let epochs = header.epochs, epochs >= 1 { return epochs }
        return log.samples.map(\.epoch).max() ?? 1
    }

    /// `variant` parts that every summary record of this log carries.
    var flag: [String] { incomplete ? ["incomplete: \(status)"] : [] }

    /// Where the figures come from, appended to every summary record's notes.
    var provenance: String {
        var parts = ["Inspect log of task \(task)" + (header.taskVersion.map { " v\($0)" } ?? "")]
        if let runID = header.runID { parts.append("run \(runID)") }
        if let created = header.created { parts.append("created \(created)") }
        if let dataset = header.datasetName {
            parts.append("dataset \(dataset)" + (header.datasetSamples.map { " (\($0) samples)" } ?? ""))
        }
        if let category = header.metadata["category"] { parts.append("category \(category)") }
        if let revision = header.revision { parts.append("revision \(revision)") }
        return parts.joined(separator: ", ")
    }

    /// A warning-level preface for every record of a log that did not finish.
    var incompleteNote: String? {
        guard incomplete else { return nil }
        let planned = header.results?.totalSamples.map { "\($0) sample records planned, " } ?? ""
        return "INCOMPLETE LOG: status '\(status)', imported with --allow-incomplete (\(planned)\(log.samples.count) logged)"
    }

    /// Notes every computed record of this log carries: samples stopped early or invalidated.
    var fileNotes: [String] {
        var notes: [String] = []
        if let stops = header.results?.earlyStops, stops > 0 {
            let manager = header.results?.earlyStoppingManager.map { " by \($0)" } ?? ""
            notes.append("\(stops) sample records stopped early\(manager) (not run, not counted)")
        }
        let invalidated = log.samples.reduce(0) { $0 + ($1.invalidated ? 1 : 0) }
        if invalidated > 0 { notes.append("\(invalidated) invalidated sample records left out") }
        return notes
    }

    func record(
        evaluation: String, metric: String, variant: [String], value: Double, unit: ValueUnit, n: Int?, k: Int?,
        interval: ConfidenceInterval?, notes: [String], consistency: EvidenceConsistency? = nil
    ) -> EvidenceRecord {
        let parts = flag + variant
        var notes = notes
        var interval = interval
        if let bounds = interval, !bounds.contains(value) {
            // A percentile interval can miss a skewed estimate; our evidence format requires
            // intervals to contain their value, so keep it in the notes instead.
            notes.append("the \(bounds.method) interval [\(Format.number(bounds.low)), \(Format.number(bounds.high))] does not contain the estimate; not used as its interval")
            interval = nil
        }
        return EvidenceRecord(
            subject: subject, stage: stage, evaluation: evaluation, metric: metric,
            variant: parts.isEmpty ? nil : parts.joined(separator: "; "), value: value, unit: unit, n: n, k: k,
            interval: interval, source: path, sourceSHA256: sha256,
            notes: ([incompleteNote, InspectConsistency.limitNote(header)].compactMap { $0 } + notes + [provenance]).joined(separator: "; "),
            consistency: consistency, location: SourceLocation(file: path, line: 1))
    }

    /// accuracy (or mean), pass@1, pass@k and cons@k from one score's samples.
    func computedRecords(_ table: ScoreTable, consistency: EvidenceConsistency?, warnings: inout [Diagnostic]) -> [EvidenceRecord] {
        let k = epochs
        let summary = SampleStatistics.summarize(
            table.problems, k: k, errored: options.erroredSamples, bootstrap: options.bootstrap)
        guard let mean = summary.mean else {
            if summary.problems > 0 {
                warnings.append(Diagnostic(
                    file: path, message: "score '\(table.name)': no usable sample records (\(counts(summary))); nothing computed"))
            }
            return []
        }
        let scoreNote = table.name == table.evaluation ? [] : ["score '\(table.name)'"]
        var base = scoreNote + ["computed from \(log.sampleSource): \(counts(summary)); \(options.erroredSamples.phrase)"]
        if summary.problemsWithoutUsableAttempts > 0 {
            base.append("\(summary.problemsWithoutUsableAttempts) problems without a usable sample left out")
        }
        base += fileNotes
        var records: [EvidenceRecord] = []
        var meanNotes = base + [intervalNote(mean)]
        if table.filter == nil, k > 1, let (reducer, figure) = reducedFigure(table.name) {
            let metric = summary.unitInterval ? "accuracy" : "mean"
            meanNotes.append("the mean over every epoch; Inspect reduces epochs with '\(reducer)' and reports \(Format.short(figure, places: 4)), kept as inspect/\(metric) [reducer \(reducer)]")
            if figure > mean.value + 5e-4 {
                warnings.append(Diagnostic(
                    file: path,
                    message: "score '\(table.name)': '\(metric)' \(Format.short(mean.value, places: 4)) is the mean over \(k) epochs, below the \(Format.short(figure, places: 4)) Inspect reports after reducing epochs with '\(reducer)'; an indicator that means the reduced figure should read inspect/\(metric) [reducer \(reducer)] (or pass@\(k))"))
            }
        }
        if k > 1, summary.consensus == nil, let reason = summary.consensusUnavailable {
            meanNotes.append("cons@\(k) not computed: \(reason)")
        }
        records.append(record(
            evaluation: table.evaluation, metric: summary.unitInterval ? "accuracy" : "mean", variant: [],
            value: mean.value, unit: summary.unitInterval ? .rate : .score, n: mean.n, k: mean.k, interval: mean.interval,
            notes: meanNotes, consistency: consistency))
        if summary.binary {
            records.append(record(
                evaluation: table.evaluation, metric: "pass@1", variant: [], value: mean.value, unit: .rate, n: mean.n,
                k: mean.k, interval: mean.interval, notes: base + ["pass@1 = mean success per problem", intervalNote(mean)],
                consistency: consistency))
        }
        if let pass = summary.passAtK {
            var notes = base + ["unbiased pass@\(k) (Chen et al. 2021), success = score ≥ 1", intervalNote(pass)]
            if summary.passAtKExcluded > 0 {
                notes.append("\(summary.passAtKExcluded) problems with fewer than \(k) usable samples left out")
            }
            records.append(record(
                evaluation: table.evaluation, metric: "pass@\(k)", variant: [], value: pass.value, unit: .rate, n: pass.n,
                k: nil, interval: pass.interval, notes: notes, consistency: consistency))
        }
        if let consensus = summary.consensus {
            var notes = base + ["majority answer over \(k) epochs (ties: the earliest answer) is correct", intervalNote(consensus)]
            if summary.consensusInconsistent > 0 {
                notes.append("\(summary.consensusInconsistent) problems scored the majority answer differently across epochs (counted as failures)")
            }
            records.append(record(
                evaluation: table.evaluation, metric: "cons@\(k)", variant: [], value: consensus.value, unit: .rate,
                n: consensus.n, k: consensus.k, interval: consensus.interval, notes: notes, consistency: consistency))
        }
        return records
    }

    /// The reducer and ungrouped accuracy (else mean) Inspect reports for `score` when its epochs
    /// are reduced other than by the mean, which is what the computed records take.
    /// Nil when the log also reports the score reduced by the mean: the records then match it.
    func reducedFigure(_ score: String) -> (reducer: String, value: Double)? {
        let entries = (header.results?.scores ?? []).filter { $0.name == score }
        guard !entries.contains(where: { $0.reducer == nil || $0.reducer == "mean" }) else { return nil }
        for reported in entries {
            guard let reducer = reported.reducer, reducer != "mean" else { continue }
            for wanted in ["accuracy", "mean"] {
                if let metric = reported.metrics.first(where: { $0.group == nil && $0.baseMetric == nil && $0.key == wanted && $0.value.isFinite }) {
                    return (reducer, metric.value)
                }
            }
        }
        return nil
    }

    func counts(_ summary: SampleStatistics.Summary) -> String {
        "\(summary.problems) problems, \(summary.attempts) sample records (\(summary.scored) scored, \(summary.errored) errored, \(summary.unscored) unscored)"
    }

    func intervalNote(_ estimate: SampleStatistics.Estimate) -> String {
        guard let interval = estimate.interval else { return "no interval (one problem)" }
        var note = "\(Format.number(interval.level * 100))% CI: \(interval.method)"
        if let twoLevel = estimate.twoLevel {
            note += "; \(twoLevel.method): [\(Format.short(twoLevel.low, places: 4)), \(Format.short(twoLevel.high, places: 4))]"
        }
        return note
    }
}
