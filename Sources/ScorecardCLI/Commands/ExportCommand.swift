import ArgumentParser
import Foundation
import Scorecard
import ScorecardIngest

/// `scorecard export`: evidence → another tool's format (Every Eval Ever records).
struct ExportCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write evidence as Every Eval Ever (EEE 0.3.0) records.",
        discussion: """
            Reads evidence files and writes one EEE aggregate record per model, snapshot and stage \
            to <out>/<developer>/<model>/<uuid>.json, the layout of EEE's datastore. The stage and \
            snapshot are kept in model_info.additional_details, where the EEE reader finds them again. \
            Per-sample records are not exported (EEE instance rows need prompts and outputs). Files \
            are written atomically; exporting again replaces the same files.

            Example:
              scorecard export --to eee --evidence examples/demo/evidence.jsonl --out out/
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

    @Option(name: .long, help: "Output format of the summary of written files.")
    var format: OutputFormat = .text

    enum ExportTarget: String, ExpressibleByArgument, CaseIterable {
        case eee
    }

    enum Relationship: String, ExpressibleByArgument, CaseIterable {
        case firstParty = "first_party", thirdParty = "third_party", collaborative, other
    }

    func validate() throws {
        if evidence.isEmpty { throw ValidationError("Give at least one --evidence file to export.") }
        if organization.allSatisfy(\.isWhitespace) { throw ValidationError("--organization must not be empty.") }
        for entry in map where EvaluationMapping.parse(entry) == nil { throw ValidationError(EvaluationMapping.usage(entry)) }
    }

    mutating func execute() throws -> ExitStatus {
        let options = Exporter.Options(
            organization: organization, relationship: EveryEvalEverExporter.Relationship(rawValue: relationship.rawValue) ?? .other,
            retrievedAt: retrievedAt)
        let result = try Exporter.exportEEE(
            evidence: evidence, out: out, options: options,
            importOptions: ImportOptions(stage: stage, evaluationMap: EvaluationMapping.map(map)))
        if result.skippedSamples > 0 {
            Console.error("note: \(result.skippedSamples) per-sample records not exported (EEE instance rows need prompts and outputs)")
        }
        switch format {
        case .text:
            try Console.write(result.files.map {
                terminalSafe("wrote \($0.path) (\($0.subject), \($0.stage): \($0.resultCount) results)") + "\n"
            }.joined())
        case .json:
            let rows: [[String: Any]] = result.files.map {
                ["path": $0.path, "model": $0.subject.model, "snapshot": $0.subject.snapshot ?? NSNull(),
                 "stage": $0.stage, "results": $0.resultCount]
            }
            let data = try JSONSerialization.data(withJSONObject: ["files": rows], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            try Console.write(String(decoding: data, as: UTF8.self) + "\n")
        }
        return .success
    }
}
