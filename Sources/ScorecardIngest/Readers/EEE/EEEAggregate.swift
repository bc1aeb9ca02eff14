import Foundation
import ScorecardCore
import ScorecardJSON

/// Reads one EEE aggregate record (`<uuid>.json`) and, when it is beside it, its instance file.
struct EEEAggregate {
    let source: JSONSource
    let options: ImportOptions

    func read() throws(InputError) -> ImportedEvidence {
        var log = DiagnosticLog(file: source.file)
        var warnings: [Diagnostic] = []
        guard case .object(let root) = source.root else {
            throw InputError(file: source.file, line: 1, "expected an Every Eval Ever record (an object), found \(source.root.kindName)")
        }
        let lenient = try EveryEvalEverReader.checkVersion(root["schema_version"], file: source.file,
                                                            line: source.line(of: "schema_version", in: root), warnings: &warnings)
        let modelInfo = root["model_info"]?.objectValue
        let modelDetails = modelInfo?["additional_details"]?.objectValue
        let fileModel = ImportRules.nonEmpty(modelInfo?["id"]?.stringValue) ?? (lenient ? ImportRules.nonEmpty(modelInfo?["name"]?.stringValue) : nil)
        guard let model = ImportRules.nonEmpty(options.model) ?? fileModel else {
            throw InputError(file: source.file, line: source.line(of: "model_info", in: root),
                             "model_info.id (text) is missing: give the model name at import")
        }
        let stage = try ImportRules.stage(options, file: source.file, format: "Every Eval Ever",
                                          fallback: modelDetails?["scorecard_stage"]?.stringValue)
        let subject = Subject(model: model, snapshot: ImportRules.nonEmpty(modelDetails?["scorecard_snapshot"]?.stringValue))
        guard case .array(let items)? = root["evaluation_results"] else {
            throw InputError(file: source.file, line: source.line(of: "evaluation_results", in: root),
                             "evaluation_results must be an array of results, found \(root["evaluation_results"]?.kindName ?? "nothing")")
        }
        var context = EEEContext(source: source, options: options, subject: subject, stage: stage, lenient: lenient,
                                 provenance: provenance(root, model: fileModel), sha256: source.sha256)
        let exporter = root["source_metadata"]?.objectValue?["additional_details"]?.objectValue?["exported_by"]?.stringValue
        context.exportedByScorecard = exporter?.hasPrefix(EveryEvalEverExporter.exportedBy) ?? false

        let results = items.enumerated().compactMap { EEEResult($0.element, index: $0.offset, source: source, &log) }
        let instances = try sidecar(root, &warnings)
        var rowsByResult: [String: [EEEInstances.Row]] = [:]
        for row in instances?.rows ?? [] {
            if let fileModel, row.modelID != fileModel {
                warnings.append(Diagnostic(file: instances?.path ?? "", line: row.line,
                                           message: "row is for model '\(row.modelID)', not '\(fileModel)'; skipped"))
                continue
            }
            rowsByResult[row.resultID ?? "\u{0}" + row.evaluationName, default: []].append(row)
        }
        let keys = results.map { "\(options.evaluation(for: $0.evaluationName))\u{0}\($0.metric)" }
        var counts: [String: Int] = [:]
        for key in keys { counts[key, default: 0] += 1 }
        let repeated = repeatedIDs(results, &warnings, rows: rowsByResult)
        var records: [EvidenceRecord] = []
        var sampleResults: [EveryEvalEverReader.ResultRows] = []
        for (index, result) in results.enumerated() {
            let twice = result.resultID.map(repeated.contains) ?? false
            let variant = counts[keys[index], default: 0] > 1
                ? result.resultID.map { twice ? "\($0) (result \(index + 1))" : $0 } ?? "result \(index + 1)" : nil
            // Rows name their result by id: those of an id given twice cannot be told apart.
            let rows = twice ? [] : rowsByResult[result.resultID ?? "\u{0}" + result.evaluationName] ?? []
            if let (record, divisor) = result.record(context, variant: variant, rows: rows, &log, warnings: &warnings) {
                records.append(record)
                sampleResults.append(.init(resultID: result.resultID, rows: rows, rateDivisor: record.unit == .rate ? divisor : nil,
                                           consistency: record.consistency))
            }
        }
        if items.isEmpty { log.add("evaluation_results is empty", line: source.line(of: "evaluation_results", in: root)) }
        try log.check()
        let samples = EveryEvalEverReader.samples(sampleResults, subject: subject, stage: stage, options: options,
                                                  file: instances?.path ?? "", warnings: &warnings)
        return ImportedEvidence(records: records, samples: samples, warnings: warnings)
    }

    /// The `evaluation_result_id`s given to more than one result, each with a warning: every
    /// result is kept (a variant each where they share evaluation and metric), but instance rows,
    /// which name their result by id, are not imported for them.
    private func repeatedIDs(_ results: [EEEResult], _ warnings: inout [Diagnostic], rows: [String: [EEEInstances.Row]]) -> Set<String> {
        var lines: [String: [Int]] = [:]
        var order: [String] = []
        for result in results {
            guard let id = result.resultID else { continue }
            if lines[id] == nil { order.append(id) }
            lines[id, default: []].append(result.line)
        }
        var repeated: Set<String> = []
        for id in order {
            guard let at = lines[id], at.count > 1 else { continue }
            repeated.insert(id)
            let places = at.map(String.init).joined(separator: ", ")
            warnings.append(Diagnostic(
                file: source.file, line: at.first,
                message: "evaluation_result_id '\(id)' is given to \(at.count) results (lines \(places)): each is kept"
                    + (rows[id, default: []].isEmpty ? "" : "; their instance rows cannot be told apart and are not imported")))
        }
        return repeated
    }

    /// Publisher and kind of the figures, e.g. `EEE 0.3.0 documentation by Example Eval Org (third_party)`.
    private func provenance(_ root: JSONObject, model: String?) -> String {
        let meta = root["source_metadata"]?.objectValue
        var text = "EEE \(root["schema_version"]?.stringValue ?? "?")"
        if let kind = meta?["source_type"]?.stringValue { text += " \(kind)" }
        if let org = meta?["source_organization_name"]?.stringValue { text += " by \(org)" }
        if let relation = meta?["evaluator_relationship"]?.stringValue { text += " (\(relation))" }
        if let name = meta?["source_name"]?.stringValue { text += ", source '\(name)'" }
        if let library = root["eval_library"]?.objectValue?["name"]?.stringValue, library != "unknown" {
            text += ", \(library) \(root["eval_library"]?.objectValue?["version"]?.stringValue ?? "")".trimmingCharacters(in: .whitespaces)
        }
        if let model, let given = ImportRules.nonEmpty(options.model), given != model { text += "; model given at import; the file names '\(model)'" }
        return text
    }

    /// The instance rows beside the record, with a warning when declared but absent or changed.
    private func sidecar(_ root: JSONObject, _ warnings: inout [Diagnostic]) throws(InputError) -> EEEInstances? {
        let pointer = root["detailed_evaluation_results"]?.objectValue
        let path = EEEInstances.sidecarPath(aggregate: source.file, declared: pointer?["file_path"]?.stringValue)
        guard FileManager.default.fileExists(atPath: path) else {
            if pointer != nil {
                warnings.append(Diagnostic(file: source.file, line: source.line(of: "detailed_evaluation_results", in: root),
                                           message: "instance file \(path) is not beside the record: per-sample rows not imported"))
            }
            return nil
        }
        let bytes = try InputFile.read(path)
        if let checksum = pointer?["checksum"]?.stringValue, (pointer?["hash_algorithm"]?.stringValue ?? "sha256") == "sha256",
           SHA256.hex(of: bytes) != checksum.lowercased() {
            warnings.append(Diagnostic(file: path, message: "sha256 differs from the record's checksum: the file changed after the record was written"))
        }
        var log = DiagnosticLog(file: path)
        let instances = EEEInstances(path: path, bytes: bytes, &log)
        try log.check()
        return instances
    }
}
