import Foundation
import ScorecardCore
import ScorecardJSON

/// The rows of an EEE instance-level file (`<uuid>_samples.jsonl`, one per sample and result).
struct EEEInstances {
    struct Row {
        let resultID: String?
        let evaluationName: String
        let modelID: String
        let sampleID: String
        let score: Double
        /// `evaluation.is_correct`: nil (JSON null) for rows that are graded, not right or wrong.
        let isCorrect: Bool?
        let error: String?
        let metadata: [String: String]
        let line: Int
    }

    let path: String
    let rows: [Row]

    /// The sidecar beside an aggregate: the file `detailed_evaluation_results.file_path` names
    /// (looked for in the aggregate's directory), else `<aggregate stem>_samples.jsonl`.
    static func sidecarPath(aggregate: String, declared: String?) -> String {
        let directory = URL(fileURLWithPath: aggregate).deletingLastPathComponent()
        if let declared, let name = declared.split(separator: "/").last, !name.isEmpty {
            return directory.appendingPathComponent(String(name)).path
        }
        let stem = URL(fileURLWithPath: aggregate).deletingPathExtension().lastPathComponent
        return directory.appendingPathComponent(stem + "_samples.jsonl").path
    }

    /// The aggregate beside a sidecar: `<uuid>.json` for `<uuid>_samples.jsonl`.
    static func aggregatePath(sidecar: String) -> String? {
        let url = URL(fileURLWithPath: sidecar)
        let name = url.lastPathComponent
        guard name.hasSuffix("_samples.jsonl") else { return nil }
        return url.deletingLastPathComponent().appendingPathComponent(String(name.dropLast("_samples.jsonl".count)) + ".json").path
    }

    /// Reads every row, reporting malformed ones in `log` (whose file is the sidecar).
    init(path: String, bytes: [UInt8], _ log: inout DiagnosticLog) {
        self.path = path
        var rows: [Row] = []
        JSONLines.forEachObject(bytes, &log) { line, object, log in
            let evaluation = object["evaluation"]?.objectValue
            guard let name = object["evaluation_name"]?.stringValue else {
                log.add("row needs 'evaluation_name'", line: line)
                return
            }
            let sampleID: String
            switch object["sample_id"] {
            case .string(let text)? where !text.isEmpty: sampleID = text
            case .number(let number, let text)? where number == number.rounded(): sampleID = text
            default:
                log.add("row needs a 'sample_id' (text), found \(object["sample_id"]?.shortDescription ?? "none")", line: line)
                return
            }
            guard case .number(let score, _)? = evaluation?["score"], score.isFinite else {
                log.add("row needs a finite 'evaluation.score', found \(evaluation?["score"]?.shortDescription ?? "none")", line: line)
                return
            }
            let isCorrect: Bool?
            switch evaluation?["is_correct"] {
            case .bool(let flag)?: isCorrect = flag
            case .null?: isCorrect = nil
            default:
                log.add("row needs 'evaluation.is_correct' (true, false, or null for a graded row)", line: line)
                return
            }
            var metadata: [String: String] = [:]
            for member in object["metadata"]?.objectValue?.members ?? [] {
                if let text = member.value.stringValue { metadata[member.key] = text }
            }
            rows.append(Row(
                resultID: object["evaluation_result_id"]?.stringValue, evaluationName: name,
                modelID: object["model_id"]?.stringValue ?? "", sampleID: sampleID, score: score, isCorrect: isCorrect,
                error: ImportRules.nonEmpty(object["error"]?.stringValue), metadata: metadata, line: line))
        }
        self.rows = rows
    }
}
