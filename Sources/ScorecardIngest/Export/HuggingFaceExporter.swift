import Foundation
import ScorecardCore

/// Writes evidence records as the Hugging Face Hub reads evaluation results from a model repository.
///
/// For each model (and snapshot), under `<developer>/<model>/` (the layout of
/// ``EveryEvalEverExporter``'s datastore):
///
/// - `README.md`: a model card whose front matter is `model-index`, the Hub's older form
///   (`huggingface_hub.repocard_data`): one entry named after the model, one result per
///   evaluation and source (`task.type`, `dataset.type` and `dataset.name`, `source.name` and
///   `source.url`), one metric per record (`type` the metric, `value` as recorded, `name` with
///   the variant).
/// - `.eval_results/<evaluation>.yaml`: the newer form (`huggingface_hub._eval_results`): a list
///   of entries, one per record, each `dataset: {id, task_id}`, `value`, `source: {url, name}` and
///   `notes` (metric, variant, stage, n and k, interval, and any consistency mark).
///
/// Every figure names its source: an `http(s)` URL as recorded, or a file path joined to
/// ``Options/sourceBase``; a record with neither is refused, naming it. The Hub keeps one set of
/// results per model, so one stage is exported (``Options/stage``, needed when the evidence has
/// several). The output is YAML with every string quoted and a fixed order: the same records
/// always give the same bytes.
public enum HuggingFaceExporter {
    /// A Hub dataset that an evaluation corresponds to.
    public struct HubDataset: Sendable, Hashable {
        /// The dataset's repository id, such as `Idavidrein/gpqa`.
        public let id: String
        /// The task within it, such as `gpqa_diamond`; nil: the evaluation id.
        public let taskID: String?

        public init(id: String, taskID: String? = nil) {
            self.id = id
            self.taskID = taskID
        }
    }

    /// What the records do not say about the Hub.
    public struct Options: Sendable {
        /// The stage to export; nil when every model's records have one stage.
        public var stage: String?
        /// `task.type` of every model-index result (a Hub task id).
        public var taskType: String
        /// Evaluation id → Hub dataset; evaluations not listed use their own id.
        public var datasets: [String: HubDataset]
        /// A URL that sources recorded as relative file paths are joined to.
        public var sourceBase: String?
        /// Only these metrics (empty: every metric).
        public var metrics: [String]
        /// The exporting tool's version, named in the model card's text.
        public var toolVersion: String

        public init(
            stage: String? = nil, taskType: String = "text-generation", datasets: [String: HubDataset] = [:],
            sourceBase: String? = nil, metrics: [String] = [], toolVersion: String
        ) {
            self.stage = stage
            self.taskType = taskType
            self.datasets = datasets
            self.sourceBase = sourceBase
            self.metrics = metrics
            self.toolVersion = toolVersion
        }
    }

    /// One file to write.
    public struct File: Sendable, Equatable {
        /// Path under the output directory: `<developer>/<model>/README.md` or `…/.eval_results/<evaluation>.yaml`.
        public let relativePath: String
        public let contents: [UInt8]
        public let subject: Subject
        /// How many records the file holds.
        public let resultCount: Int
    }

    /// Where a figure comes from, as the Hub shows it.
    struct Source: Hashable {
        let url: String
        let name: String
    }

    /// The files for `records`: per subject a model card and one results file per evaluation.
    public static func export(_ records: [EvidenceRecord], options: Options) throws(InputError) -> [File] {
        let chosen = try select(records, options: options)
        var problems: [Diagnostic] = []
        var sources: [EvidenceRecord.Key: Source] = [:]
        for record in chosen {
            switch source(of: record, base: options.sourceBase) {
            case .success(let source): sources[record.key] = source
            case .failure(let problem): problems.append(Diagnostic(file: record.location.file, line: record.location.line, message: problem.message))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        var bySubject: [Subject: [EvidenceRecord]] = [:]
        for record in chosen { bySubject[record.subject, default: []].append(record) }
        var files: [File] = []
        for subject in bySubject.keys.sorted() {
            let members = (bySubject[subject] ?? []).sorted { ($0.evaluation, $0.metric, $0.variant ?? "") < ($1.evaluation, $1.metric, $1.variant ?? "") }
            let folder = self.folder(subject)
            files.append(File(
                relativePath: "\(folder)/README.md", contents: Array(modelCard(subject, members, sources: sources, options: options).utf8),
                subject: subject, resultCount: members.count))
            var byEvaluation: [String: [EvidenceRecord]] = [:]
            for record in members { byEvaluation[record.evaluation, default: []].append(record) }
            var names: Set<String> = []
            for evaluation in byEvaluation.keys.sorted() {
                var name = safeName(evaluation)
                while !names.insert(name).inserted { name += "_" }
                let entries = byEvaluation[evaluation] ?? []
                files.append(File(
                    relativePath: "\(folder)/.eval_results/\(name).yaml",
                    contents: Array(evalResults(entries, sources: sources, options: options).utf8), subject: subject,
                    resultCount: entries.count))
            }
        }
        return files
    }

    /// The records to export: of the stage asked for (or the only one), and of the metrics asked for.
    static func select(_ records: [EvidenceRecord], options: Options) throws(InputError) -> [EvidenceRecord] {
        let stages = Set(records.map(\.stage)).sorted()
        let stage: String
        if let wanted = options.stage {
            guard stages.contains(wanted) else {
                throw InputError(file: "--only-stage", "no records of stage '\(wanted)' (the evidence has: \(stages.joined(separator: ", ")))")
            }
            stage = wanted
        } else {
            guard stages.count <= 1 else {
                throw InputError(file: "--only-stage", "the evidence has records of \(stages.count) stages (\(stages.joined(separator: ", "))) and a model card holds one set of results: name the stage to export")
            }
            guard let only = stages.first else { throw InputError(file: "--evidence", "no result records to export") }
            stage = only
        }
        let chosen = records.filter { $0.stage == stage && (options.metrics.isEmpty || options.metrics.contains($0.metric)) }
        guard !chosen.isEmpty else {
            throw InputError(file: "--metric", "no records of the metrics asked for (\(options.metrics.joined(separator: ", "))) at stage '\(stage)'")
        }
        return chosen
    }

    /// A record's source as a URL and a name: an `http(s)` URL as it is, a relative path joined to `base`.
    static func source(of record: EvidenceRecord, base: String?) -> Result<Source, InputProblem> {
        guard let source = ImportRules.nonEmpty(record.source) else {
            return .failure(InputProblem("\(record.key) has no source: every figure exported to the Hub names where it comes from"))
        }
        if let url = URL(string: source), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), let host = url.host {
            return .success(Source(url: source, name: host))
        }
        guard let base, let baseURL = URL(string: base), ["http", "https"].contains(baseURL.scheme?.lowercased() ?? "") else {
            return .failure(InputProblem("\(record.key) comes from the file '\(source)', which is not a URL: give --source-base URL (where the file is published) so the Hub can link to it"))
        }
        guard !source.hasPrefix("/"), !source.split(separator: "/").contains("..") else {
            return .failure(InputProblem("\(record.key) comes from '\(source)': with --source-base, sources must be relative paths inside the published folder"))
        }
        let joined = (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/" + source.split(separator: "/").map {
            $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
        }.joined(separator: "/")
        return .success(Source(url: joined, name: (source as NSString).lastPathComponent))
    }

    /// `<developer>/<model>` (with `@<snapshot>`), safe as path components.
    static func folder(_ subject: Subject) -> String {
        let (developer, model) = EveryEvalEverExporter.pathParts(subject.model)
        return "\(developer)/\(model)" + (subject.snapshot.map { "@" + safeName($0) } ?? "")
    }

    /// A file-name part from untrusted text: ASCII letters, digits, `.`, `_`, `-`; others `_`.
    static func safeName(_ text: String) -> String {
        EveryEvalEverExporter.pathParts(text.replacingOccurrences(of: "/", with: "_")).model
    }
}
