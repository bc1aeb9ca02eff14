import ArgumentParser
import Foundation
import Scorecard
import ScorecardIngest

/// `scorecard export`: evidence → another tool's format (Every Eval Ever records, Hugging Face Hub files).
struct ExportCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write evidence as Every Eval Ever (EEE 0.3.0) records or Hugging Face Hub evaluation results.",
        discussion: """
            --to eee writes one EEE aggregate record per model, snapshot and stage to \
            <out>/<developer>/<model>/<uuid>.json, the layout of EEE's datastore. The stage and \
            snapshot are kept in model_info.additional_details, where the EEE reader finds them again.

            --to hf writes, per model, what the Hub reads from a model repository: README.md with \
            the model-index front matter, and .eval_results/<evaluation>.yaml, every figure with its \
            source (an http(s) URL as recorded, or a file path joined to --source-base). One stage \
            is exported (--only-stage, needed when the evidence has several); --dataset names the Hub \
            dataset of an evaluation, --metric keeps only some metrics.

            Per-sample records are not exported. Files are written atomically, and the same evidence \
            always gives the same files; exporting again replaces them.

            Examples:
              scorecard export --to eee --evidence examples/demo/evidence.jsonl --out out/
              scorecard export --to hf --evidence examples/demo/evidence.jsonl \\
                --only-stage pre_mitigation --out out/hub
            """
    )

    @Option(name: .long, help: "Target format.")
    var to: ExportTarget

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Evidence files or folders: our JSON, JSON Lines or CSV, or evaluation logs such as Inspect .json/.eval (repeatable).", valueName: "file"))
    var evidence: [String] = []

    @Option(name: .long, help: ArgumentHelp("Stage of records read from evaluation logs, which do not record one.", valueName: "stage"))
    var stage: String?

    @Option(name: .long, help: ArgumentHelp("Map a log's task to an evaluation id (repeatable), as import does.", valueName: "task=eval-id"))
    var map: [String] = []

    @Option(name: .long, help: ArgumentHelp("Directory to write into; created when missing.", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Who publishes the figures (source_organization_name).", valueName: "name"))
    var organization = "unknown"

    @Option(name: .long, help: "Who produced the figures, relative to the model's developer (evaluator_relationship).")
    var relationship: Relationship = .other

    @Option(name: .customLong("retrieved-at"),
            help: ArgumentHelp("retrieved_timestamp in Unix seconds (default: $SOURCE_DATE_EPOCH, else now).", valueName: "seconds"))
    var retrievedAt: Int?

    @Option(name: .customLong("only-stage"), help: ArgumentHelp("hf: the stage to export (needed when the evidence has several).", valueName: "stage"))
    var onlyStage: String?

    @Option(name: .customLong("task-type"), help: ArgumentHelp("hf: the Hub task of every result (model-index task.type).", valueName: "task"))
    var taskType = "text-generation"

    @Option(name: .long, help: ArgumentHelp("hf: the Hub dataset of an evaluation, optionally with its task (repeatable).", valueName: "eval-id=org/name[:task]"))
    var dataset: [String] = []

    @Option(name: .customLong("source-base"), help: ArgumentHelp("hf: the URL where evidence files recorded as relative paths are published.", valueName: "url"))
    var sourceBase: String?

    @Option(name: .long, help: ArgumentHelp("hf: export only this metric (repeatable).", valueName: "metric"))
    var metric: [String] = []

    @Option(name: .long, help: "Output format of the summary of written files.")
    var format: OutputFormat = .text

    enum ExportTarget: String, ExpressibleByArgument, CaseIterable {
        case eee
        case hf
    }

    /// `--dataset EVAL=ORG/NAME[:TASK]` as an evaluation id and a Hub dataset.
    static func hubDataset(_ entry: String) -> (String, HuggingFaceExporter.HubDataset)? {
        guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else { return nil }
        let evaluation = String(entry[..<equals])
        let rest = entry[entry.index(after: equals)...]
        let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let id = parts.first, !id.isEmpty, parts.count == 1 || !parts[1].isEmpty else { return nil }
        return (evaluation, .init(id: String(id), taskID: parts.count == 2 ? String(parts[1]) : nil))
    }

    enum Relationship: String, ExpressibleByArgument, CaseIterable {
        case firstParty = "first_party", thirdParty = "third_party", collaborative, other
    }

    func validate() throws {
        if evidence.isEmpty { throw ValidationError("Give at least one --evidence file to export.") }
        if organization.allSatisfy(\.isWhitespace) { throw ValidationError("--organization must not be empty.") }
        for entry in map where EvaluationMapping.parse(entry) == nil { throw ValidationError(EvaluationMapping.usage(entry)) }
        for entry in dataset where Self.hubDataset(entry) == nil {
            throw ValidationError("--dataset '\(entry)' must be EVAL_ID=ORG/NAME or EVAL_ID=ORG/NAME:TASK, e.g. --dataset gpqa=Idavidrein/gpqa:gpqa_diamond")
        }
    }

    /// The files written: a line each, or the JSON envelope.
    private func printWritten(_ files: [Exporter.WrittenFile], skippedSamples: Int) throws {
        switch format {
        case .text:
            try Console.write(files.map {
                terminalSafe("wrote \($0.path) (\($0.subject), \($0.stage): \($0.resultCount) results)") + "\n"
            }.joined())
        case .json:
            try Console.write(try OutputEnvelope(command: "export", result: Exporter.Report(files: files, skippedSamples: skippedSamples)).encoded())
        }
    }

    mutating func execute() throws -> ExitStatus {
        if to == .hf { return try exportHub() }
        let options = Exporter.Options(
            organization: organization, relationship: EveryEvalEverExporter.Relationship(rawValue: relationship.rawValue) ?? .other,
            retrievedAt: retrievedAt)
        let result = try Exporter.exportEEE(
            evidence: evidence, out: out, options: options,
            importOptions: ImportOptions(stage: stage, evaluationMap: EvaluationMapping.map(map)))
        if result.skippedSamples > 0 {
            Console.error("note: \(result.skippedSamples) per-sample records not exported (EEE instance rows need prompts and outputs)")
        }
        try printWritten(result.files, skippedSamples: result.skippedSamples)
        return .success
    }

    /// `--to hf`: the Hub files of each model.
    func exportHub() throws -> ExitStatus {
        let options = HuggingFaceExporter.Options(
            stage: onlyStage, taskType: taskType, datasets: Dictionary(dataset.compactMap(Self.hubDataset)) { _, last in last },
            sourceBase: sourceBase, metrics: metric, toolVersion: ToolIdentity.version)
        let result = try Exporter.exportHuggingFace(
            evidence: evidence, out: out, options: options,
            importOptions: ImportOptions(stage: stage, evaluationMap: EvaluationMapping.map(map)))
        if result.skippedSamples > 0 {
            Console.error("note: \(result.skippedSamples) per-sample records not exported (the Hub keeps summary figures)")
        }
        try printWritten(result.files, skippedSamples: result.skippedSamples)
        return .success
    }
}
