import Foundation
import ScorecardCore
import ScorecardJSON

/// Maps an lm-eval per-sample log (`samples_<task>_<date>.jsonl`, from `--log_samples`; lm-eval
/// before 0.4.3 named it `.json`, holding JSON Lines all the same) to sample records.
///
/// The lines do not name their task or model: the task comes from the file name, and the model
/// from the import options or else from the results file beside it (the same date suffix:
/// `results_<date>.json`, or `<name>_<date>.json` when lm-eval's `--output_path` named a file).
/// lm-eval writes one line per (document, filter); each filter becomes its own evaluation, named
/// as the results reader names it (`task` or `task/filter`). A line's score is the first metric
/// it lists (`metrics[0]`, e.g. `acc` rather than `acc_norm`); lines written before lm-eval
/// listed `metrics` give the first metric of the task in the results file, else the first
/// numeric field that is not one of lm-eval's own. `doc_id` is the sample id and the epoch is 1.
///
/// - Refused (file and line): a line that is not JSON, a missing or non-integer `doc_id`, a
///   repeated document, NaN, a 0/1 metric (`acc`, `exact_match`, …) outside [0, 1].
/// - Skipped with one warning per filter, nothing written for it: per-sample values that are
///   not success scores — lists (lm-eval's corpus-level F1 and BLEU keep a (gold, prediction)
///   pair per document and score the corpus at once), numbers outside [0, 1] (a 0–100 scale), or
///   a lower-is-better metric. The task's figure comes from the results file.
/// - Partial: when the results file says more documents were evaluated than the file holds
///   (lm-eval's `--limit`-free run logged only some), the sample records are marked `partial`.
struct LMEvalSamples {
    let file: String
    let bytes: [UInt8]
    let options: ImportOptions

    /// Keys of a sample line that are lm-eval's own, not metrics.
    static let fixedKeys: Set<String> = [
        "doc_id", "doc", "target", "arguments", "resps", "filtered_resps", "filter", "metrics", "doc_hash", "prompt_hash",
        "target_hash",
    ]

    /// The task and date of a sample file name; the date may be followed by another suffix.
    static func nameParts(_ path: String) -> (task: String, date: String)? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let pattern = /samples_(.+)_([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}(?:\.[0-9]+)?)(?:\..*)?\.jsonl?/
        guard let match = name.wholeMatch(of: pattern) else { return nil }
        return (String(match.1), String(match.2))
    }

    /// Per filter: the first line whose value is not a success score, and why.
    private struct Unusable {
        let metric: String
        let reason: String
        let line: Int
    }

    func read() throws(InputError) -> ImportedEvidence {
        guard let (task, date) = Self.nameParts(file) else {
            throw InputError(file: file, "cannot tell the task: lm-eval names per-sample logs samples_<task>_<date>.jsonl")
        }
        let stage = try ImportRules.stage(options, file: file, format: "lm-eval sample")
        let (subject, results, resultsMetrics) = try pairedResults(date: date, task: task)
        var log = DiagnosticLog(file: file)
        var samples: [SampleRecord] = []
        var metricOfFilter: [String: String] = [:]
        var unusable: [String: Unusable] = [:]
        var seen: [String: Int] = [:]
        JSONLines.forEachObject(bytes, &log) { line, object, log in
            guard let docID = object["doc_id"]?.integerValue, docID >= 0 else {
                log.add("'doc_id' \(object["doc_id"]?.wholeNumberProblem ?? "must be a whole number, found nothing")", line: line)
                return
            }
            let filter = object["filter"]?.stringValue ?? "none"
            guard let metric = metricOfFilter[filter] ?? Self.metric(of: object, listedInResults: resultsMetrics) else {
                log.add("no per-sample metric on this line: 'metrics' should list them, e.g. [\"acc\"]", line: line)
                return
            }
            metricOfFilter[filter] = metric
            let evaluation = LMEvalMetric.evaluation(task: task, filter: filter, options: options)
            let key = "\(evaluation)\u{0}\(docID)"
            if let first = seen[key] {
                log.add("document \(docID) of filter '\(filter)' appears again (first on line \(first))", line: line)
                return
            }
            seen[key] = line
            guard unusable[filter] == nil else { return }
            guard let value = object[metric] else {
                log.add("no '\(metric)' score on this line (the file's lines of filter '\(filter)' score '\(metric)')", line: line)
                return
            }
            switch value {
            case .number(let score, _) where score.isFinite && (0...1).contains(score):
                if results?.knownDirection(task: task, metric: metric) == false {
                    unusable[filter] = Unusable(metric: metric, reason: "lower-is-better in the results file, so not a success score", line: line)
                    return
                }
                samples.append(SampleRecord(
                    subject: subject, stage: stage, evaluation: evaluation, sampleID: String(docID), epoch: 1, score: score,
                    metadata: ["lm_eval_metric": metric, "filter": filter], location: SourceLocation(file: file, line: line)))
            case .number(let score, _) where score.isFinite && !LMEvalMetric.binary.contains(metric):
                unusable[filter] = Unusable(metric: metric, reason: "\(value.shortDescription), outside [0, 1] (a score on the task's own scale)", line: line)
            case .array:
                unusable[filter] = Unusable(metric: metric, reason: "a list: the metric is computed over the whole corpus from a (gold, prediction) pair per document", line: line)
            default:
                log.add("per-sample '\(metric)' is \(value.shortDescription), not a score in [0, 1]", line: line)
            }
        }
        if samples.isEmpty, unusable.isEmpty, log.isEmpty { log.add("no sample lines in the file") }
        try log.check()
        var warnings: [Diagnostic] = []
        for (filter, problem) in unusable.sorted(by: { $0.key < $1.key }) {
            samples.removeAll { $0.metadata["filter"] == filter }
            warnings.append(Diagnostic(
                file: file, line: problem.line,
                message: "per-sample '\(problem.metric)' of filter '\(filter)' is \(problem.reason); no per-sample records are written for it (its summary is in the results file)"))
        }
        samples = markPartial(samples, task: task, run: results, warnings: &warnings)
        return ImportedEvidence(samples: samples, warnings: warnings)
    }

    /// The metric a line scores: `metrics[0]`, else the task's first metric in the results file that the line has,
    /// else the first numeric field that is not lm-eval's own.
    static func metric(of object: JSONObject, listedInResults: [String]) -> String? {
        if case .array(let listed)? = object["metrics"] { return listed.first?.stringValue }
        if let known = listedInResults.first(where: { object[$0] != nil }) { return known }
        return object.members.first { !fixedKeys.contains($0.key) && $0.value.numberValue != nil }?.key
    }

    /// The records marked partial, per filter, when they cover fewer documents than the results file says were evaluated.
    private func markPartial(
        _ samples: [SampleRecord], task: String, run: LMEvalRun?, warnings: inout [Diagnostic]
    ) -> [SampleRecord] {
        guard let evaluated = run?.documents[task]?.effective, evaluated > 0 else { return samples }
        var documents: [String: Set<String>] = [:]
        for sample in samples { documents[sample.evaluation, default: []].insert(sample.sampleID) }
        let short = documents.filter { $0.value.count < evaluated }
        guard !short.isEmpty else { return samples }
        for (evaluation, held) in short.sorted(by: { $0.key < $1.key }) {
            warnings.append(Diagnostic(
                file: file,
                message: "'\(evaluation)': the file holds \(held.count) of the \(evaluated) documents the results file says were evaluated; its per-sample records are marked partial"))
        }
        return samples.map { short[$0.evaluation] == nil ? $0 : $0.marked(.partial) }
    }

    /// The subject, the results file's run tables and the task's metric names (in file order),
    /// when a results file of the same run is beside the file.
    private func pairedResults(date: String, task: String) throws(InputError) -> (Subject, LMEvalRun?, [String]) {
        var run: LMEvalRun?
        var identity: LMEvalModel?
        var metrics: [String] = []
        if let resultsPath = Self.resultsFile(beside: file, date: date),
           let bytes = try? InputFile.read(resultsPath),
           let source = try? JSONSource(bytes: bytes, file: resultsPath, format: "lm-eval results"),
           case .object(let root) = source.root {
            var ignored = DiagnosticLog(file: resultsPath)
            run = LMEvalRun(root: root, source: source, &ignored)
            identity = LMEvalModel(root: root)
            for member in root["results"]?.objectValue?[task]?.objectValue?.members ?? [] {
                guard let comma = member.key.firstIndex(of: ","), !member.key.contains("_stderr,") else { continue }
                let name = String(member.key[..<comma])
                if !metrics.contains(name) { metrics.append(name) }
            }
        }
        if let given = ImportRules.nonEmpty(options.model) { return (Subject(model: given, snapshot: identity?.snapshot), run, metrics) }
        guard let identity else {
            throw InputError(file: file, "lm-eval per-sample logs do not name the model, and no results file of the same run (results_\(date).json) is beside the file; give the model name at import")
        }
        guard let name = identity.name else {
            throw InputError(file: file, "\(identity.problem ?? "no model name") in the results file beside it; give the model name at import")
        }
        return (Subject(model: name, snapshot: identity.snapshot), run, metrics)
    }

    /// The results file of the run that wrote the samples file at `path`: `results_<date>.json`
    /// beside it, else the one file beside it named `<anything>_<date>.json` that is not a samples file.
    static func resultsFile(beside path: String, date: String) -> String? {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let plain = directory.appendingPathComponent("results_\(date).json").path
        if FileManager.default.fileExists(atPath: plain) { return plain }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let candidates = names.filter { $0.hasSuffix("_\(date).json") && !$0.hasPrefix("samples_") }.sorted()
        guard candidates.count == 1 else { return nil }
        return directory.appendingPathComponent(candidates[0]).path
    }
}

extension LMEvalRun {
    /// The recorded direction of a metric for a task: true, false, or nil when unknown.
    func knownDirection(task: String, metric: String) -> Bool? {
        higherIsBetter[task]?[metric] ?? nil
    }
}
