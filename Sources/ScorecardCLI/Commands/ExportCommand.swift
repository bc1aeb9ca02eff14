import ArgumentParser
import Foundation
import ScorecardCore
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
            help: ArgumentHelp("Evidence files: JSON array, JSON Lines or CSV (repeatable).", valueName: "file"))
    var evidence: [String] = []

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
    }

    mutating func execute() throws -> ExitStatus {
        let bundle = try EvidenceLoader.load(paths: evidence, stages: nil)
        let timestamp = retrievedAt
            ?? ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
            ?? Int(Date().timeIntervalSince1970)
        let options = EveryEvalEverExporter.Options(
            organization: organization, relationship: EveryEvalEverExporter.Relationship(rawValue: relationship.rawValue) ?? .other,
            retrievedAt: timestamp, toolVersion: ScorecardCommand.version)
        let files = try EveryEvalEverExporter.export(bundle.records, options: options)
        let directory = URL(fileURLWithPath: out)
        var written: [(path: String, file: EveryEvalEverExporter.File)] = []
        for file in files {
            let target = directory.appendingPathComponent(file.relativePath)
            try AtomicFile.write(Data(file.contents), to: target.path)
            written.append((target.path, file))
        }
        if !bundle.samples.isEmpty {
            Console.error("note: \(bundle.samples.count) per-sample records not exported (EEE instance rows need prompts and outputs)")
        }
        switch format {
        case .text:
            Console.write(written.map {
                terminalSafe("wrote \($0.path) (\($0.file.subject), \($0.file.stage): \($0.file.resultCount) results)") + "\n"
            }.joined())
        case .json:
            let rows: [[String: Any]] = written.map {
                ["path": $0.path, "model": $0.file.subject.model, "snapshot": $0.file.subject.snapshot ?? NSNull(),
                 "stage": $0.file.stage, "results": $0.file.resultCount]
            }
            let data = try JSONSerialization.data(withJSONObject: ["files": rows], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            Console.write(String(decoding: data, as: UTF8.self) + "\n")
        }
        return .success
    }
}
