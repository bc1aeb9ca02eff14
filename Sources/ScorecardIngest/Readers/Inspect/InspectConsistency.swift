import ScorecardCore

/// Whether an Inspect log agrees with itself: its sample records against the count its results
/// report, and its own metrics against the ones its sample records give.
///
/// - **Sample count.** `results.total_samples` is the dataset's samples times epochs; an
///   early-stopping manager's stops (`results.early_stopping.early_stops`) were never run. A log
///   holding fewer sample records than that (a shortened copy, a run that did not finish) is
///   partial: what is recomputed from it covers part of the run.
/// - **Metrics.** Inspect's `accuracy` and `mean` of a score (reducer `mean`, or none recorded)
///   are the mean over problems of each problem's mean scored value, errored and unscored samples
///   left out; the same is recomputed from the log's sample records. Categorical scores compare
///   each category's `frequency` (every epoch counted). A difference larger than rounding, in a log
///   that is not partial, is a contradiction: one of the two figures is wrong.
struct InspectConsistency {
    /// The mark for everything recomputed from the log's sample records (nil: the count agrees).
    let fileMark: EvidenceConsistency?
    /// Scores whose reported metrics disagree with their recomputed ones.
    private(set) var contradicted: Set<String> = []
    /// What was found, for the import's warnings.
    private(set) var findings: [String] = []

    /// "the run was limited to 5 of the dataset's 12 samples (eval.config.limit)", when it was.
    static func limitNote(_ header: InspectLogHeader) -> String? {
        guard let limit = header.sampleLimit, let dataset = header.datasetSamples, limit < dataset else { return nil }
        return "the run was limited to \(limit) of the dataset's \(dataset) samples (eval.config.limit)"
    }

    /// The sample records the run should have left in the log, when its results say.
    static func expectedRecords(_ header: InspectLogHeader) -> Int? {
        guard let total = header.results?.totalSamples, total > 0 else { return nil }
        return max(0, total - (header.results?.earlyStops ?? 0))
    }

    /// Checks the count of sample records; `attempts` are the records per problem (invalidated ones included).
    init(header: InspectLogHeader, attempts: [Int], incomplete: Bool) {
        var findings: [String] = []
        var mark: EvidenceConsistency?
        let sampleRecords = attempts.reduce(0, +)
        let stops = header.results?.earlyStops ?? 0
        if sampleRecords > 0, let expected = Self.expectedRecords(header) {
            let stopped = header.results?.earlyStops.flatMap { $0 > 0 ? " (total_samples \(header.results?.totalSamples ?? 0) less \($0) stopped early)" : nil } ?? ""
            if sampleRecords < expected {
                mark = .partial
                findings.append("the log holds \(sampleRecords) of the \(expected) sample records its results count\(stopped); records computed from them are marked partial")
            } else if sampleRecords > expected {
                mark = .contradicts
                findings.append("the log holds \(sampleRecords) sample records but its results count \(expected)\(stopped); records computed from them are marked contradicts")
            }
        }
        // Each problem runs once per epoch: a problem with fewer records (not explained by early
        // stops) was cut from the log even when total_samples was edited to match.
        if mark == nil, let epochs = header.epochs, epochs > 1 {
            let short = attempts.filter { $0 < epochs }
            let missing = short.reduce(0) { $0 + (epochs - $1) }
            if missing > stops {
                mark = .partial
                findings.append("\(short.count) of the log's \(attempts.count) problems have fewer sample records than its \(epochs) epochs (\(missing) missing\(stops > 0 ? ", \(stops) stopped early" : "")); records computed from them are marked partial")
            }
        }
        // A run limited to part of its dataset (`--limit`) measures that part: the log is whole,
        // but its figures are not the whole evaluation's. Said, as lm-eval's limit is, not marked.
        if let note = Self.limitNote(header) {
            findings.append(note + "; every record of the log says so")
        }
        if incomplete, mark == nil {
            mark = .partial
        }
        fileMark = mark
        self.findings = findings
    }

    /// Compares a score's reported mean-like metric with the value its sample records give.
    mutating func compare(score name: String, reported: InspectReportedMetric, recomputed: Double, records: Int) {
        guard !Self.agree(reported.value, recomputed) else { return }
        let metric = reported.group.map { "\($0) of '\(reported.name)'" } ?? reported.name
        let what = "Inspect reports \(metric) \(Format.short(reported.value, places: 4)) for score '\(name)' but its \(records) sample records give \(Format.short(recomputed, places: 4))"
        if fileMark == .partial {
            findings.append("\(what) (the log is partial, which may explain it)")
        } else {
            contradicted.insert(name)
            findings.append("\(what); the records of this score are marked contradicts")
        }
    }

    /// Whether two figures are the same up to rounding in the log.
    static func agree(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    /// The mark of one score's records: the worse of the file's and the score's own.
    func mark(score name: String) -> EvidenceConsistency? {
        EvidenceConsistency.worst(fileMark, contradicted.contains(name) ? .contradicts : nil)
    }

    /// The value Inspect's `accuracy`/`mean` would give: each problem's mean over its scored
    /// attempts (errored and unscored left out), averaged over problems with one; nil when none has.
    static func inspectMean(
        _ problems: [[SampleStatistics.Attempt]]
    ) -> (value: Double, records: Int, single: Bool, binary: Bool)? {
        var total = 0.0
        var counted = 0
        var records = 0
        var single = true
        var binary = true
        for attempts in problems {
            var sum = 0.0
            var scored = 0
            for case .scored(let value, _) in attempts {
                sum += value
                scored += 1
                if value != 0, value != 1 { binary = false }
            }
            records += scored
            if scored > 1 { single = false }
            guard scored > 0 else { continue }
            total += sum / Double(scored)
            counted += 1
        }
        return counted > 0 ? (total / Double(counted), records, single, binary) : nil
    }

    /// The reported metric that ``inspectMean(_:)`` reproduces for a score: its ungrouped
    /// `accuracy` (else `mean`) under reducer `mean` or none; nil when the score reports neither.
    ///
    /// When no problem has more than one scored record, reducers that keep a single value as it is
    /// (`mode`, `median`, `max`, `min`) give the same figure, and are compared too; so does
    /// `pass_at_1` when every score is 0 or 1 (it is then the mean success per problem).
    static func comparableMetric(
        _ scores: [InspectReportedScore], name: String, singleAttempts: Bool, binary: Bool
    ) -> InspectReportedMetric? {
        var identity: Set<String> = singleAttempts ? ["mean", "mode", "median", "max", "min"] : ["mean"]
        if binary { identity.insert("pass_at_1") }
        let candidates = scores.filter { $0.name == name && ($0.reducer.map(identity.contains) ?? true) }
        for wanted in ["accuracy", "mean"] {
            for score in candidates {
                if let metric = score.metrics.first(where: { $0.group == nil && $0.baseMetric == nil && $0.key == wanted && $0.value.isFinite }) {
                    return metric
                }
            }
        }
        return nil
    }
}
