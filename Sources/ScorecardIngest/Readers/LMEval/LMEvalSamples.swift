import Foundation
import ScorecardCore
import ScorecardJSON

/// Maps an lm-eval per-sample log (`samples_<task>_<date>.jsonl`, from `--log_samples`) to
/// sample records.
///
/// The lines do not name their task or model: the task comes from the file name, and the model
/// from the import options or else from `results_<date>.json` beside the file (same date suffix).
/// lm-eval writes one line per (document, filter); each filter becomes its own evaluation, named
/// as the results reader names it (`task` or `task/filter`). A line's score is the first metric it
/// lists (`metrics[0]`, e.g. `acc` rather than `acc_norm`), which must be a number in [0, 1];
/// `doc_id` is the sample id and the epoch is 1.
struct LMEvalSamples {
    let file: String
    let bytes: [UInt8]
    let options: ImportOptions

    /// The task and date of a sample file name; the date may be followed by another suffix.
    static func nameParts(_ path: String) -> (task: String, date: String)? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let pattern = /samples_(.+)_([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}(?:\.[0-9]+)?)(?:\..*)?\.jsonl/
        guard let match = name.wholeMatch(of: pattern) else { return nil }
        return (String(match.1), String(match.2))
    }

    func read() throws(InputError) -> ImportedEvidence {
        guard let (task, date) = Self.nameParts(file) else {
            throw InputError(file: file, "cannot tell the task: lm-eval names per-sample logs samples_<task>_<date>.jsonl")
        }
        let stage = try ImportRules.stage(options, file: file, format: "lm-eval sample")
        let (subject, results) = try pairedResults(date: date)
        var log = DiagnosticLog(file: file)
        var samples: [SampleRecord] = []
        var metricOfFilter: [String: String] = [:]
        var seen: [String: Int] = [:]
        JSONLines.forEachObject(bytes, &log) { line, object, log in
            guard let docID = object["doc_id"]?.integerValue, docID >= 0 else {
                log.add("'doc_id' \(object["doc_id"]?.wholeNumberProblem ?? "must be a whole number, found nothing")", line: line)
                return
            }
            let filter = object["filter"]?.stringValue ?? "none"
            guard case .array(let listed)? = object["metrics"], let first = listed.first?.stringValue else {
                log.add("'metrics' must list the per-sample metric names, e.g. [\"acc\"]", line: line)
                return
            }
            let metric = metricOfFilter[filter] ?? first
            metricOfFilter[filter] = metric
            guard let value = object[metric] else {
                log.add("no '\(metric)' score on this line (the file's lines of filter '\(filter)' score '\(metric)')", line: line)
                return
            }
            guard case .number(let score, _) = value, score.isFinite, (0...1).contains(score) else {
                log.add("per-sample '\(metric)' is \(value.shortDescription), not a score in [0, 1]", line: line)
                return
            }
            if results?.knownDirection(task: task, metric: metric) == false {
                log.add("'\(metric)' is lower-is-better in the results file: its per-sample values are not success scores", line: line)
                return
            }
            let evaluation = LMEvalMetric.evaluation(task: task, filter: filter, options: options)
            let key = "\(evaluation)\u{0}\(docID)"
            if let first = seen[key] {
                log.add("document \(docID) of filter '\(filter)' appears again (first on line \(first))", line: line)
                return
            }
            seen[key] = line
            samples.append(SampleRecord(
                subject: subject, stage: stage, evaluation: evaluation, sampleID: String(docID), epoch: 1, score: score,
                metadata: ["lm_eval_metric": metric, "filter": filter], location: SourceLocation(file: file, line: line)))
        }
        if samples.isEmpty, log.isEmpty { log.add("no sample lines in the file") }
        try log.check()
        return ImportedEvidence(samples: samples)
    }

    /// The subject, and the results file's run tables when `results_<date>.json` is beside the file.
    private func pairedResults(date: String) throws(InputError) -> (Subject, LMEvalRun?) {
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        let resultsPath = directory.appendingPathComponent("results_\(date).json").path
        var run: LMEvalRun?
        var identity: LMEvalModel?
        if FileManager.default.fileExists(atPath: resultsPath),
           let bytes = try? InputFile.read(resultsPath),
           let source = try? JSONSource(bytes: bytes, file: resultsPath, format: "lm-eval results"),
           case .object(let root) = source.root {
            var ignored = DiagnosticLog(file: resultsPath)
            run = LMEvalRun(root: root, source: source, &ignored)
            identity = LMEvalModel(root: root)
        }
        if let given = ImportRules.nonEmpty(options.model) { return (Subject(model: given, snapshot: identity?.snapshot), run) }
        guard let identity else {
            throw InputError(file: file, "lm-eval per-sample logs do not name the model, and results_\(date).json is not beside the file; give the model name at import")
        }
        guard let name = identity.name else {
            throw InputError(file: file, "\(identity.problem ?? "no model name") in results_\(date).json; give the model name at import")
        }
        return (Subject(model: name, snapshot: identity.snapshot), run)
    }
}

extension LMEvalRun {
    /// The recorded direction of a metric for a task: true, false, or nil when unknown.
    func knownDirection(task: String, metric: String) -> Bool? {
        higherIsBetter[task]?[metric] ?? nil
    }
}
