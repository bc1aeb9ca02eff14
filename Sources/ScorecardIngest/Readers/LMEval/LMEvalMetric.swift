import ScorecardJSON
/// One `"<metric>,<filter>": value` entry of `results[task]`, with its standard error.
struct LMEvalMetric {
    /// The standard error lm-eval wrote beside a metric.
    enum StandardError: Equatable {
        /// A number (analytic for mean metrics, bootstrap for others, pooled for groups).
        case value(Double)
        /// Text such as `"N/A"`: one document, `--bootstrap_iters 0`, no stderr function, or a group
        /// with such a subtask. Also NaN or infinity, kept as written.
        case unavailable(String)
        /// No `<metric>_stderr,<filter>` key.
        case absent
    }

    let task: String
    let metric: String
    let filter: String
    /// The key as written, e.g. `acc,none`.
    let key: String
    let value: Double
    /// Byte offset of the key, for the record's line.
    let offset: Int
    let standardError: StandardError

    /// Keys of a results entry that are not metrics.
    static let fixedKeys: Set<String> = ["alias", "name", "sample_len", "sample_count", "samples"]

    /// Metrics whose per-document score is 0 or 1 under mean aggregation, so that value × n is k.
    static let binary: Set<String> = ["acc", "acc_norm", "acc_mutual_info", "exact_match", "em", "mc1"]

    /// Whether the metric is a proportion in [0, 1]: the 0/1 metrics, `mc2` (probability mass on
    /// true answers) and `pass@k`. Others (perplexities, BLEU, F1, MCC, …) keep lm-eval's scale.
    static func isProportion(_ metric: String) -> Bool {
        binary.contains(metric) || metric == "mc2" || metric.wholeMatch(of: /pass@[0-9]+/) != nil
    }

    /// Our name for the evaluation of `task` under `filter`: the task, with `/<filter>` unless the
    /// filter is `none`, mapped through the import options.
    ///
    /// A mapping for the qualified name (`gsm8k/strict-match`) wins; a mapping for the bare task
    /// keeps the filter suffix, so two filters of one task never collide.
    static func evaluation(task: String, filter: String, options: ImportOptions) -> String {
        let plain = filter.isEmpty || filter == "none"
        let qualified = plain ? task : "\(task)/\(filter)"
        if let mapped = options.evaluationMap[qualified] { return mapped }
        if let mapped = options.evaluationMap[task] { return plain ? mapped : "\(mapped)/\(filter)" }
        return qualified
    }

    /// The metrics of one results entry, in file order. NaN or infinite values, and values that
    /// are not numbers (text such as `"high"`, booleans, null, lists: what a task's own
    /// aggregation returned), are skipped with a warning naming the key and its line.
    ///
    /// Warned, not refused: lm-eval writes whatever an aggregation returns and reads such files
    /// back, and one unusable metric does not make the task's other metrics wrong.
    static func metrics(task: String, entry: JSONObject, source: JSONSource, warnings: inout [Diagnostic]) -> [LMEvalMetric] {
        var result: [LMEvalMetric] = []
        for member in entry.members where !fixedKeys.contains(member.key) && !member.key.contains("_stderr,") {
            guard let comma = member.key.firstIndex(of: ",") else { continue }
            guard case .number(let value, let text) = member.value else {
                let (line, column) = source.lines.position(of: member.offset)
                warnings.append(Diagnostic(file: source.file, line: line, column: column,
                                           message: "'\(member.key)' of '\(task)' is \(member.value.shortDescription), not a number; skipped (no record for it)"))
                continue
            }
            let metric = String(member.key[..<comma])
            let filter = String(member.key[member.key.index(after: comma)...])
            guard value.isFinite else {
                let (line, column) = source.lines.position(of: member.offset)
                warnings.append(Diagnostic(file: source.file, line: line, column: column,
                                           message: "'\(member.key)' of '\(task)' is \(text), not a finite number; skipped"))
                continue
            }
            let standardError: StandardError
            switch entry["\(metric)_stderr,\(filter)"] {
            case .number(let se, _)? where se.isFinite && se >= 0: standardError = .value(se)
            case .number(_, let text)?: standardError = .unavailable(text)
            case .string(let text)?: standardError = .unavailable(text)
            case let other?: standardError = .unavailable(other.kindName)
            case nil: standardError = .absent
            }
            result.append(LMEvalMetric(task: task, metric: metric, filter: filter, key: member.key, value: value,
                                       offset: member.offset, standardError: standardError))
        }
        return result
    }
}
