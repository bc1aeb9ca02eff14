import ScorecardCore

/// The checks an Inspect log must pass before anything is imported from it.
///
/// Each failure names the file and says how to fix it; a log that fails is imported not at all.
enum InspectLogCheck {
    /// Log format versions this reader understands.
    ///
    /// Version 1 (inspect-ai before 0.3.18, `.json` only) has one scorer: `results.scorer` and
    /// `results.metrics`, and one `score` per sample; it is read as a version 2 log with that
    /// scorer, as Inspect itself migrates it. Version 3 marks logs whose samples use a newer
    /// layout (Inspect's interim `message_pool` shape, and the chunked `.eval` sample layout); the
    /// fields a scorecard reads (spec, results, sample ids, epochs, scores, metadata, errors) are
    /// the same as in version 2.
    static let supportedVersions = [1, 2, 3]
    /// The version Inspect gives a log that has no `version` field (`EvalLog.version` defaults to 2).
    static let defaultVersion = 2
    /// The statuses Inspect writes.
    static let knownStatuses = ["started", "success", "cancelled", "error"]

    /// The status a header stands for: a `.eval` without `header.json` is a run that never finished.
    static func status(of header: InspectLogHeader) -> String { header.status ?? "started" }

    /// Why the log's format version cannot be read, or nil. A log without `version` is version 2, as Inspect reads it.
    static func versionProblem(_ header: InspectLogHeader) -> String? {
        if header.version == nil, header.task == nil, header.model == nil {
            return "the log has no 'version' and no 'eval' (task, model): is it an Inspect eval log? (supported versions: \(supportedVersions.map(String.init).joined(separator: ", ")))"
        }
        let version = header.version ?? defaultVersion
        guard supportedVersions.contains(version) else {
            let hint = version < 1
                ? "; Inspect's log versions start at 1"
                : "; it was written by a newer inspect-ai than this reader knows"
            return "log version \(version) is not supported (supported: \(supportedVersions.map(String.init).joined(separator: ", ")))\(hint)"
        }
        return nil
    }

    /// Why a log of this status is refused, or nil when it is imported (`success`, or allowed).
    static func statusProblem(_ header: InspectLogHeader, allowIncomplete: Bool, samplesCompleted: String? = nil) -> String? {
        let status = status(of: header)
        guard status != "success", !allowIncomplete else { return nil }
        let what: String
        switch status {
        case "error":
            let results = header.results.map { results in
                results.completedSamples.map { done in
                    "; its results cover \(done) of \(results.totalSamples.map(String.init) ?? "?") sample records"
                } ?? "; its results are partial"
            } ?? "; its results are missing"
            what = "the run failed" + (header.errorMessage.map { " (\(firstLine($0)))" } ?? "") + results
        case "cancelled":
            let counts = header.results.flatMap { results in
                results.completedSamples.map { done in
                    " (\(done) of \(results.totalSamples.map(String.init) ?? "?") sample records completed)"
                }
            } ?? ""
            what = "the run was cancelled before it finished\(counts)"
        case "started":
            what = header.status == nil
                ? "the run was killed or is still going (the .eval has no header.json)"
                : "the run was killed or is still going"
        default:
            what = "'\(status)' is not a status Inspect writes (\(knownStatuses.joined(separator: ", ")))"
        }
        return "log status is '\(status)': \(what). Refusing to import it; pass --allow-incomplete to import what it logged, flagged as incomplete"
    }

    /// Why the log names no usable model, task or stage, or nil; also returns the three.
    static func identity(
        _ header: InspectLogHeader, options: ImportOptions
    ) -> Result<(model: String, task: String, stage: String), InputProblem> {
        guard let model = options.model ?? header.model, !model.isEmpty else {
            return .failure(InputProblem("the log names no model (eval.model); pass --as-model"))
        }
        guard let task = header.task, !task.isEmpty else {
            return .failure(InputProblem("the log names no task (eval.task)"))
        }
        let known = options.allowedStages.map { " (known: \($0.joined(separator: ", ")))" } ?? ""
        guard let stage = options.stage ?? header.metadata["stage"], !stage.isEmpty else {
            return .failure(InputProblem(
                "no stage for this log: Inspect logs do not record one; pass --stage STAGE\(known) or set 'stage' in the task's metadata"))
        }
        if let allowed = options.allowedStages, !allowed.contains(stage) {
            let origin = options.stage == nil ? " (from the log's eval.metadata.stage)" : ""
            return .failure(InputProblem("unknown stage '\(stage)'\(origin)\(known)"))
        }
        return .success((model, task, stage))
    }

    /// Sample records that repeat an (id, epoch): each after the first, with where both are.
    static func duplicates(_ samples: [InspectSample], place: (InspectSample) -> String) -> [String] {
        struct Key: Hashable {
            let id: String
            let epoch: Int
        }
        var first: [Key: Int] = [:]
        first.reserveCapacity(samples.count)
        var problems: [String] = []
        for index in samples.indices {
            let key = Key(id: samples[index].id, epoch: samples[index].epoch)
            if let earlier = first[key] {
                let sample = samples[index]
                problems.append("duplicate sample record: id \(sample.id) epoch \(sample.epoch) at \(place(sample)) (first at \(place(samples[earlier])))")
            } else {
                first[key] = index
            }
        }
        return problems
    }

    static func firstLine(_ text: String) -> String {
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first.map(String.init) ?? text
        return line.count > 160 ? String(line.prefix(160)) + "…" : line
    }
}

/// A problem with a whole input, before it is placed in a file.
struct InputProblem: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
