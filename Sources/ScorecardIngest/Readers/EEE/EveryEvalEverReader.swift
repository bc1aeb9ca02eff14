import Foundation
import ScorecardCore
import ScorecardJSON

/// Reads Every Eval Ever (EEE) records: the aggregate `<uuid>.json` and its `<uuid>_samples.jsonl`.
///
/// An aggregate gives one evidence record per `evaluation_results[]` entry (see ``EEEResult`` for
/// the mapping). Its instance file, when it lies beside it, is read with it: it gives per-sample
/// records and exact k. Schema 0.3.0 is read strictly where Scorecard depends on a field; 0.2.x,
/// 0.1.x and 0.0.x records, which the public datastore still holds, are read leniently with a warning. EEE
/// has no stage: the import gives one (or a record Scorecard exported carries `scorecard_stage`).
public enum EveryEvalEverReader: EvidenceReader {
    /// The format's name for `--from`.
    public static let name = "eee"
    /// One line for `--help`.
    public static let summary = "Every Eval Ever records (schema 0.3.0; 0.2.x read leniently) and their _samples.jsonl"

    /// The schema version this reader implements.
    public static let schemaVersion = "0.3.0"

    /// Whether the prefix is an EEE aggregate record or instance-level file, judged by content.
    ///
    /// An aggregate is an object with one of `evaluation_results`, `model_info`, `eval_library`,
    /// `source_metadata` and one of `schema_version`, `evaluation_id`, `retrieved_timestamp`
    /// (key order varies between writers). An instance file's first line has `sample_id` and
    /// `evaluation_id`.
    public static func detect(path: String, prefix: [UInt8]) -> Bool {
        isAggregate(prefix) || isInstances(prefix)
    }

    static func isAggregate(_ prefix: [UInt8]) -> Bool {
        guard let keys = FormatSniffing.topLevelKeys(prefix) else { return false }
        let body: Set = ["evaluation_results", "model_info", "eval_library", "source_metadata"]
        let header: Set = ["schema_version", "evaluation_id", "retrieved_timestamp"]
        return keys.contains(where: body.contains) && keys.contains(where: header.contains)
    }

    static func isInstances(_ prefix: [UInt8]) -> Bool {
        guard let keys = FormatSniffing.topLevelKeys(FormatSniffing.firstLine(prefix)) else { return false }
        return keys.contains("sample_id") && keys.contains("evaluation_id")
    }

    /// Reads an aggregate record, or an instance file given on its own.
    ///
    /// An instance file whose aggregate lies beside it yields nothing but a warning: its rows are
    /// imported with the aggregate, so that passing both (for example with a glob) does not
    /// import them twice.
    public static func read(path: String, options: ImportOptions) throws(InputError) -> ImportedEvidence {
        let bytes = try InputFile.read(path)
        if isInstances(Array(bytes.prefix(65_536))) { return try readInstancesAlone(path: path, bytes: bytes, options: options) }
        let source = try JSONSource(bytes: bytes, file: path, format: "an Every Eval Ever record")
        return try EEEAggregate(source: source, options: options).read()
    }

    /// Checks `schema_version`; returns whether the record is read leniently (before 0.3).
    static func checkVersion(_ value: JSONValue?, file: String, line: Int, warnings: inout [Diagnostic]) throws(InputError) -> Bool {
        guard let version = value?.stringValue else {
            throw InputError(file: file, line: line, "schema_version (text) is missing: not an Every Eval Ever record?")
        }
        let parts = version.split(separator: ".")
        switch (parts.first, parts.dropFirst().first) {
        case ("0", "3") where version == schemaVersion:
            return false
        case ("0", "3"):
            warnings.append(Diagnostic(file: file, line: line, message: "schema_version \(version) is newer than \(schemaVersion); read as \(schemaVersion)"))
            return false
        case ("0", "2"), ("0", "1"), ("0", "0"):
            warnings.append(Diagnostic(file: file, line: line, message: "schema_version \(version) predates \(schemaVersion); read leniently"))
            return true
        default:
            throw InputError(file: file, line: line, "unsupported schema_version '\(version)' (supported: \(schemaVersion); 0.2.x, 0.1.x and 0.0.x read leniently)")
        }
    }

    /// Sample records from instance rows: per evaluation, the rows of its first result that has any.
    ///
    /// A row's score is `evaluation.score` (divided like the result's value) when the result is a
    /// rate, else `is_correct` as 1 or 0; a row with an `error` is an errored attempt (no score).
    /// `rateDivisor` is nil for a result that is not a rate, else 1 or 100. Rows that are not
    /// right or wrong (`is_correct` null, as text-to-image and other graded rows are) of a result
    /// that is not a rate have no score a scorecard can use: that result's rows are skipped with a warning.
    /// The instance rows of one result, and how to score them.
    struct ResultRows {
        let resultID: String?
        let rows: [EEEInstances.Row]
        /// nil for a result that is not a rate, else what its scores are divided by (1 or 100).
        let rateDivisor: Double?
        /// The result's consistency mark, which its rows share.
        var consistency: EvidenceConsistency?
    }

    static func samples(
        _ results: [ResultRows], subject: Subject, stage: String, options: ImportOptions,
        file: String, warnings: inout [Diagnostic]
    ) -> [SampleRecord] {
        var owner: [String: String] = [:]
        var samples: [SampleRecord] = []
        var seen: Set<String> = []
        for result in results where !result.rows.isEmpty {
            let (resultID, rows, rateDivisor) = (result.resultID, result.rows, result.rateDivisor)
            let evaluation = options.evaluation(for: rows[0].evaluationName)
            let resultName = resultID ?? rows[0].resultID ?? rows[0].evaluationName
            if let first = owner[evaluation], first != resultName {
                warnings.append(Diagnostic(file: file, line: rows[0].line,
                                           message: "rows of result '\(resultName)' skipped: '\(evaluation)' already has the rows of '\(first)' (one score per sample)"))
                continue
            }
            if rateDivisor == nil, let ungraded = rows.first(where: { $0.isCorrect == nil && $0.error == nil }) {
                warnings.append(Diagnostic(file: file, line: ungraded.line,
                                           message: "rows of result '\(resultName)' are not right or wrong (is_correct is null) and the result is not a rate in [0, 1]: no per-sample records for it"))
                continue
            }
            owner[evaluation] = resultName
            for row in rows {
                guard seen.insert("\(evaluation)\u{0}\(row.sampleID)").inserted else {
                    warnings.append(Diagnostic(file: file, line: row.line, message: "sample '\(row.sampleID)' of '\(evaluation)' repeats; skipped"))
                    continue
                }
                var metadata = row.metadata
                var score: Double? = row.isCorrect.map { $0 ? 1 : 0 }
                if let divisor = rateDivisor, (0...1).contains(row.score / divisor) { score = row.score / divisor }
                if let error = row.error {
                    score = nil
                    metadata["error"] = error
                }
                samples.append(SampleRecord(subject: subject, stage: stage, evaluation: evaluation, sampleID: row.sampleID,
                                            epoch: 1, score: score, metadata: metadata, consistency: result.consistency,
                                            location: SourceLocation(file: file, line: row.line)))
            }
        }
        return samples
    }

    private static func readInstancesAlone(path: String, bytes: [UInt8], options: ImportOptions) throws(InputError) -> ImportedEvidence {
        if let aggregate = EEEInstances.aggregatePath(sidecar: path), FileManager.default.fileExists(atPath: aggregate) {
            return ImportedEvidence(warnings: [Diagnostic(file: path, message: "instance rows are imported with their record \(aggregate); nothing read from this file")])
        }
        var log = DiagnosticLog(file: path)
        let instances = EEEInstances(path: path, bytes: bytes, &log)
        if instances.rows.isEmpty { log.add("no instance rows in the file") }
        try log.check()
        guard let model = ImportRules.nonEmpty(options.model) ?? ImportRules.nonEmpty(instances.rows.first?.modelID) else {
            throw InputError(file: path, line: instances.rows.first?.line, "rows have no model_id: give the model name at import")
        }
        let stage = try ImportRules.stage(options, file: path, format: "Every Eval Ever")
        var groups: [String: [EEEInstances.Row]] = [:]
        var order: [String] = []
        for row in instances.rows {
            let key = row.resultID ?? "\u{0}" + row.evaluationName
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        var warnings = [Diagnostic(file: path, message: "record beside this file not found: rows read alone, scored by is_correct")]
        let samples = Self.samples(order.map { ResultRows(resultID: nil, rows: groups[$0] ?? [], rateDivisor: nil) }, subject: Subject(model: model), stage: stage,
                                   options: options, file: path, warnings: &warnings)
        return ImportedEvidence(samples: samples, warnings: warnings)
    }
}
