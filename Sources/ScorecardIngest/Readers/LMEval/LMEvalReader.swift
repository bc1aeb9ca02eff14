import ScorecardCore

/// Reads EleutherAI lm-evaluation-harness output (0.4.x): results files and per-sample logs.
///
/// A results file (`results_<date>.json`) gives one evidence record per task or group, metric and
/// filter; see ``LMEvalResults`` for the mapping. A per-sample log (`samples_<task>_<date>.jsonl`,
/// written with `--log_samples`) gives one sample record per document and filter when it is
/// passed as an input of its own. Neither carries a stage, so the import must give one.
public enum LMEvalReader: EvidenceReader {
    /// The format's name for `--from`.
    public static let name = "lm-eval"
    /// One line for `--help`.
    public static let summary = "lm-evaluation-harness 0.4.x results JSON and --log_samples JSONL"

    /// Top-level keys that only lm-eval results files have.
    static let signatureKeys: Set<String> = ["lm_eval_version", "n-samples", "group_subtasks", "higher_is_better"]

    /// Whether the prefix is an lm-eval results file or per-sample log, judged by content.
    ///
    /// A results file is an object with `results` whose first entry has lm-eval's metric keys
    /// (`alias`, `acc,none`) or with one of `lm_eval_version`, `n-samples`, `group_subtasks`,
    /// `higher_is_better`. A per-sample log's first line is an object starting with `doc_id` and
    /// a `doc`. The path is not consulted.
    public static func detect(path: String, prefix: [UInt8]) -> Bool {
        isResults(prefix) || isSamples(prefix)
    }

    static func isResults(_ prefix: [UInt8]) -> Bool {
        guard let keys = FormatSniffing.topLevelKeys(prefix), keys.contains("results") else { return false }
        if keys.contains(where: signatureKeys.contains) { return true }
        let entry = FormatSniffing.firstEntryKeys(of: "results", in: prefix) ?? []
        return entry.contains("alias") || entry.contains { $0.contains(",") && !$0.hasPrefix(",") }
    }

    static func isSamples(_ prefix: [UInt8]) -> Bool {
        guard let keys = FormatSniffing.topLevelKeys(FormatSniffing.firstLine(prefix)) else { return false }
        return keys.first == "doc_id" && (keys.count == 1 || keys.contains("doc"))
    }

    /// Reads a results file or a per-sample log.
    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedEvidence {
        let bytes = try InputFile.read(path)
        if isSamples(Array(bytes.prefix(65_536))) {
            return try LMEvalSamples(file: path, bytes: bytes, options: options).read()
        }
        let source = try JSONSource(bytes: bytes, file: path, format: "an lm-eval results file")
        return try LMEvalResults(source: source, options: options).read()
    }
}
