import ScorecardCore
import ScorecardJSON

/// Inspect AI evaluation logs, `.json` and `.eval`, as evidence.
///
/// A log is refused (nothing imported from it) when its version is not supported, its status is
/// not `success` (unless `allowIncomplete`), it names no model or task, no stage is given, it
/// repeats a sample record, or it holds neither samples nor results. Smaller problems, such as
/// a score value of an unknown shape, are warnings naming the sample and epoch.
public enum InspectReader: EvidenceReader {
    public static let name = "inspect"
    public static let summary = "Inspect AI eval logs: .json (one EvalLog document) and .eval (zip archive)"

    /// A `.eval`: a ZIP whose first member is one Inspect writes. A `.json`: an object whose first
    /// two keys are `version` (a number) and `status`, in the order Inspect writes them, or (a log
    /// written without its `version`, which Inspect reads as version 2) `status` (text) and `eval`.
    public static func detect(path: String, prefix: [UInt8]) -> Bool {
        if isZip(prefix) {
            guard prefix.count >= 30 else { return false }
            let nameLength = Int(prefix[26]) | Int(prefix[27]) << 8
            guard 30 + nameLength <= prefix.count else { return false }
            let name = String(decoding: prefix[30..<(30 + nameLength)], as: UTF8.self)
            return ["_journal/", "samples/", "header.json", "summaries.json", "reductions.json"].contains { name.hasPrefix($0) }
        }
        let body = FormatSniffing.withoutByteOrderMark(prefix)
        return body.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer)
            guard (try? cursor.peekKind()) == .object, var object = try? cursor.beginObject(),
                  let first = try? cursor.nextKey(&object)
            else { return false }
            if cursor.key(first, is: "version") {
                guard (try? cursor.readDouble()) != nil, let second = try? cursor.nextKey(&object) else { return false }
                return cursor.key(second, is: "status")
            }
            guard cursor.key(first, is: "status"), let status = try? cursor.readString(),
                  InspectLogCheck.knownStatuses.contains(status),
                  let second = try? cursor.nextKey(&object), cursor.key(second, is: "eval")
            else { return false }
            return (try? cursor.peekKind()) == .object
        }
    }

    /// Whether the bytes open a ZIP archive: a local file header, or the end record of an empty one.
    static func isZip(_ prefix: [UInt8]) -> Bool {
        prefix.count >= 4 && prefix[0] == 0x50 && prefix[1] == 0x4B
            && ((prefix[2] == 0x03 && prefix[3] == 0x04) || (prefix[2] == 0x05 && prefix[3] == 0x06))
    }

    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedEvidence {
        let (log, sha256, warnings) = try load(path: path, options: options)
        return try convert(log, path: path, sha256: sha256, warnings: warnings, options: options)
    }

    /// Reads as ``read(path:options:)`` does, calling `parsed` between ``load(path:options:largeFileThreshold:)``
    /// and ``convert(_:path:sha256:warnings:options:)``. `bytes` are not used: logs are mapped or read by member.
    public static func read(
        path: String, name: String, bytes: [UInt8]?, options: ImportOptions, parsed: () -> Void
    ) throws(InputError) -> ImportedEvidence {
        do {
            let (log, sha256, warnings) = try load(path: path, options: options)
            parsed()
            return try convert(log, path: path, sha256: sha256, warnings: warnings, options: options).renamingFile(path, to: name)
        } catch {
            throw error.renamingFile(path, to: name)
        }
    }

    /// Checks a loaded log (identity, duplicates, emptiness) and computes its evidence.
    ///
    /// Split from ``load(path:options:)`` so benchmarks can time reading and computing apart.
    public static func convert(
        _ log: InspectLog, path: String, sha256: String, warnings: [Diagnostic], options: ImportOptions
    ) throws(InputError) -> ImportedEvidence {
        let identity: (model: String, task: String, stage: String)
        switch InspectLogCheck.identity(log.header, options: options) {
        case .success(let value): identity = value
        case .failure(let problem): throw InputError(file: path, problem.message)
        }
        let duplicates = InspectLogCheck.duplicates(log.samples) { sample in
            sample.line.map { "line \($0)" } ?? (sample.member.map { "'\($0)'" } ?? "?")
        }
        if !duplicates.isEmpty {
            let shown = duplicates.prefix(10).map { Diagnostic(file: path, message: $0) }
            let more = duplicates.count > 10 ? [Diagnostic(file: path, message: "\(duplicates.count - 10) more duplicate sample records")] : []
            throw InputError(shown + more)
        }
        if log.samples.isEmpty, (log.header.results?.scores ?? []).isEmpty {
            throw InputError(file: path, "the log is empty: it has no sample records and no results")
        }
        let builder = InspectEvidenceBuilder(
            path: path, sha256: sha256, options: options, log: log, model: identity.model, task: identity.task,
            stage: identity.stage)
        var evidence = builder.build()
        evidence.warnings = warnings + evidence.warnings
        if evidence.records.isEmpty, evidence.samples.isEmpty, !log.samples.isEmpty, (log.header.results?.scores ?? []).isEmpty,
           !log.samples.contains(where: { !$0.scores.isEmpty }) {
            evidence.warnings.append(Diagnostic(
                file: path,
                message: "nothing to import: none of the log's \(log.samples.count) sample records has a score, and its results report no metrics (no scorer ran?)"))
        }
        return evidence
    }

    /// Reads the log (either form) after checking its version and status, and hashes the file.
    ///
    /// `largeFileThreshold` is the size above which a `.json` log is paged lazily and released
    /// behind the reader (lowered by tests).
    public static func load(
        path: String, options: ImportOptions, largeFileThreshold: Int = FileBytes.largeFileThreshold
    ) throws(InputError) -> (InspectLog, String, [Diagnostic]) {
        var refusal: String?
        let plan = { (header: InspectLogHeader) -> InspectSampleRequest? in
            refusal = InspectLogCheck.versionProblem(header)
                ?? InspectLogCheck.statusProblem(header, allowIncomplete: options.allowIncomplete)
            // Answers are read only for cons@k, which needs more than one epoch.
            return refusal == nil ? InspectSampleRequest(readAnswers: (header.epochs ?? 1) > 1) : nil
        }
        var warnings: [Diagnostic] = []
        let prefix = try InputFile.prefix(path, count: 4)
        if isZip(prefix) {
            let log = try InspectEvalArchive.read(
                path: path, exactMetadata: options.exactMetadata, warnings: &warnings, plan: plan)
            if let refusal { throw InputError(file: path, refusal) }
            return (log, try FileDigest.sha256(path: path), warnings)
        }
        let file = try FileBytes(path: path, largeFileThreshold: largeFileThreshold)
        let log: InspectLog
        do {
            log = try InspectJSONLog.read(file, plan: plan)
        } catch {
            let (line, column) = file.position(of: error.offset)
            throw InputError(file: path, line: line, column: column, error.message)
        }
        // A log refused after its samples were read (fields out of Inspect's order) is refused all the same.
        if let problem = refusal ?? InspectLogCheck.versionProblem(log.header)
            ?? InspectLogCheck.statusProblem(log.header, allowIncomplete: options.allowIncomplete) {
            throw InputError(file: path, problem)
        }
        return (log, try file.sha256(), warnings)
    }
}
