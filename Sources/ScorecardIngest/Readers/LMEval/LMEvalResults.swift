import ScorecardCore
import ScorecardJSON

/// Maps an lm-eval results file (`results_<date>.json`) to evidence records, one per metric and
/// filter of every task and group.
///
/// - value: the number as written. Known proportions (`acc`, `acc_norm`, `exact_match`, `mc1`,
///   `mc2`, `pass@k`, …) with `higher_is_better` true are rates; everything else keeps lm-eval's
///   scale with unit `score` and a note (`lower is better`, or the direction is unknown).
/// - n: `n-samples[task].effective`; for groups `sample_count[key]`, `sample_len`, or the sum
///   over the group's leaf tasks.
/// - k: only where exact: a 0/1 metric with mean aggregation whose value × n is whole, or a group
///   whose value equals the pooled k/n of its leaf tasks.
/// - interval: Wilson 95% from k/n; otherwise value ± 1.96 × lm-eval's stderr, labelled as a normal
///   approximation; none when the stderr is `"N/A"`. The stderr itself always goes to the notes.
/// - groups are imported and marked in the notes as aggregates of named subtasks, which are
///   imported too: count one or the other, not both.
struct LMEvalResults {
    let source: JSONSource
    let options: ImportOptions

    func read() throws(InputError) -> ImportedEvidence {
        var log = DiagnosticLog(file: source.file)
        guard case .object(let root) = source.root else {
            throw InputError(file: source.file, line: 1, "expected an lm-eval results object, found \(source.root.kindName)")
        }
        guard let results = root["results"]?.objectValue else {
            throw InputError(file: source.file, line: source.line(of: "results", in: root),
                             "no 'results' object of tasks: not an lm-eval results file")
        }
        let stage = try ImportRules.stage(options, file: source.file, format: "lm-eval results")
        let identity = LMEvalModel(root: root)
        let (subject, modelNotes) = try identity.subject(
            options: options, file: source.file, line: source.line(of: "model_name", in: root))
        let run = LMEvalRun(root: root, source: source, &log)
        var warnings: [Diagnostic] = []

        var metrics: [LMEvalMetric] = []
        var entries: [String: JSONObject] = [:]
        for member in results.members {
            guard let entry = member.value.objectValue else {
                warnings.append(Diagnostic(file: source.file, line: source.line(member.offset),
                                           message: "results entry '\(member.key)' is \(member.value.kindName), not an object; skipped"))
                continue
            }
            entries[member.key] = entry
            metrics += LMEvalMetric.metrics(task: member.key, entry: entry, source: source, warnings: &warnings)
        }
        if metrics.isEmpty, log.isEmpty {
            log.add("no numeric metric in 'results' (keys look like \"acc,none\")", line: source.line(of: "results", in: root))
        }

        // Leaves first, so that groups can pool their subtasks' exact counts.
        var counts: [String: [String: (n: Int?, k: Int?)]] = [:]
        var records = [EvidenceRecord?](repeating: nil, count: metrics.count)
        let ordered = metrics.indices.filter { !run.isGroup(metrics[$0].task) } + metrics.indices.filter { run.isGroup(metrics[$0].task) }
        let sha = source.sha256
        let lead = "lm-eval" + (run.version.map { " \($0)" } ?? "")
        for index in ordered {
            let metric = metrics[index]
            let entry = entries[metric.task]
            let (n, k, countNotes) = count(metric, entry: entry, run: run, counts: counts)
            counts[metric.task, default: [:]][metric.key] = (n, k)

            let direction = run.direction(task: metric.task, metric: metric.metric)
            let isRate = LMEvalMetric.isProportion(metric.metric) && direction != .some(false) && direction != .some(nil)
            let unit: ValueUnit = isRate ? .rate : .score
            if isRate, let problem = unit.problem(with: metric.value) {
                let (line, column) = source.lines.position(of: metric.offset)
                log.add("'\(metric.key)' of '\(metric.task)': \(problem)", line: line, column: column)
                continue
            }
            var notes = ["\(lead) '\(metric.key)'"]
            if run.isGroup(metric.task) {
                let members = run.subtasks[metric.task].map { $0.joined(separator: ", ") } ?? "its subtasks"
                notes.append("group aggregate of \(members): do not count it together with those tasks")
            }
            notes += countNotes
            var interval: ConfidenceInterval?
            switch metric.standardError {
            case .value(let se):
                notes.append("lm-eval stderr \(Format.number(se)) (a standard error, not an interval)")
            case .unavailable(let text):
                notes.append("lm-eval stderr \(text)")
            case .absent:
                notes.append("no lm-eval stderr")
            }
            if let k, let n, let wilson = ImportRules.wilson(k: k, n: n) {
                interval = wilson
                notes.append("95% interval: Wilson from k/n")
            } else if case .value(let se) = metric.standardError,
                      let normal = ImportRules.normalInterval(value: metric.value, standardError: se, unit: unit) {
                interval = normal
                notes.append("95% interval: value ± 1.96 × stderr (normal approximation)")
            }
            switch direction {
            case .some(.some(false)): notes.append(ImportRules.lowerIsBetter)
            case .some(.none): notes.append("direction unknown (higher_is_better is null: subtasks disagree)")
            default: break
            }
            if !isRate { notes.append("not known to be a proportion: kept on lm-eval's scale") }
            if let limit = run.limit { notes.append("run with limit \(limit)") }
            notes += modelNotes
            if let started = run.started { notes.append("run started \(started)") }

            let evaluation = LMEvalMetric.evaluation(task: metric.task, filter: metric.filter, options: options)
            let record = EvidenceRecord(
                subject: subject, stage: stage, evaluation: evaluation, metric: metric.metric, value: metric.value,
                unit: unit, lowerIsBetter: (direction ?? nil).map { !$0 }, n: n, k: k, interval: interval,
                source: source.file, sourceSHA256: sha,
                notes: notes.joined(separator: "; "),
                location: SourceLocation(file: source.file, line: source.line(metric.offset)))
            records[index] = record
        }
        try log.check()
        return ImportedEvidence(records: records.compactMap { $0 }, warnings: warnings)
    }

    /// n and k for one metric, with notes on where they came from.
    private func count(
        _ metric: LMEvalMetric, entry: JSONObject?, run: LMEvalRun, counts: [String: [String: (n: Int?, k: Int?)]]
    ) -> (Int?, Int?, [String]) {
        var notes: [String] = []
        guard run.isGroup(metric.task) else {
            guard let documents = run.documents[metric.task] ?? entry?["sample_len"]?.integerValue.map({ (nil, $0) }),
                  documents.effective > 0 else {
                return (nil, nil, ["number of documents not recorded"])
            }
            let n = documents.effective
            if let original = documents.original, original > n { notes.append("partial: \(n) of \(original) documents evaluated") }
            let aggregation = run.aggregations[metric.task]?[metric.metric] ?? "mean"
            guard LMEvalMetric.binary.contains(metric.metric), aggregation == "mean" else { return (n, nil, notes) }
            return (n, ImportRules.wholeSuccesses(value: metric.value, n: n), notes)
        }
        let leaves = run.leaves(of: metric.task)
        let leafCounts = leaves.map { counts[$0]?[metric.key] }
        let leafN = leafCounts.compactMap { $0?.n }, leafK = leafCounts.compactMap { $0?.k }
        let pooledN = leafN.count == leafCounts.count ? ImportRules.sum(leafN) : nil
        let pooledK = leafK.count == leafCounts.count ? ImportRules.sum(leafK) : nil
        if leaves.contains(where: { run.documents[$0].map { ($0.original ?? $0.effective) > $0.effective } ?? false }) {
            notes.append("partial: some subtasks were not evaluated on all documents")
        }
        let declared = entry?["sample_count"]?.objectValue?[metric.key]?.integerValue ?? entry?["sample_len"]?.integerValue
        guard let n = declared ?? pooledN, n > 0 else { return (nil, nil, notes + ["number of documents not recorded"]) }
        guard let pooledN, let pooledK else { return (n, nil, notes) }
        if pooledN == n, abs(Double(pooledK) / Double(n) - metric.value) < 1e-9 { return (n, pooledK, notes) }
        notes.append("no exact k: the group value is not the pooled proportion of its subtasks (macro average?)")
        return (n, nil, notes)
    }
}
