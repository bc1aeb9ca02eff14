import ArgumentParser
import Foundation

/// `scorecard init`: write a commented card configuration to start from.
struct InitCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented scorecard.yaml to start a card from.")

    @Option(name: .long, help: ArgumentHelp("Where to write the configuration.", valueName: "file"))
    var output = "scorecard.yaml"

    @Option(name: .long, help: ArgumentHelp("Framework file the card uses (relative to the configuration).", valueName: "file"))
    var framework = "frameworks/openai-preparedness-beta.yaml"

    @Flag(name: .long, help: "Replace an existing file.")
    var force = false

    mutating func execute() throws -> ExitStatus {
        if FileManager.default.fileExists(atPath: output), !force {
            throw CommandError("\(output) already exists; pass --force to replace it", status: .invalidInput)
        }
        try AtomicFile.write(Data(Self.template(framework: framework).utf8), to: output)
        Console.write("wrote \(output): edit the evidence paths, then run `scorecard regenerate --config \(output)`\n")
        return .success
    }

    static func template(framework: String) -> String {
        """
        # Scorecard card configuration. Paths are relative to this file.
        schema_version: 1

        # The framework the card is assessed under (see docs/framework-format.md).
        framework: \(framework)

        # SQLite store of evidence, scorecards and runs (default: .scorecard/scorecard.sqlite).
        store: .scorecard/scorecard.sqlite

        # Models to report; leave out to report every model in the evidence. A model may list
        # snapshots to report only those.
        models:
          - name: my-model
          # - {name: my-model, snapshots: [2025-01-15]}

        # Evidence: files, folders or globs. `format` is auto (detected from content) or a reader
        # name; `stage` is required for formats that do not carry one (evaluation logs); `map`
        # renames tasks to the framework's evaluation ids.
        evidence:
          - path: evidence/*.jsonl
          # - {path: logs/*.eval, format: auto, stage: pre_mitigation, map: {cybench: ctf_professional}}

        # Human determinations and mitigation notes (optional).
        # determinations: determinations.yaml

        # Templates overriding the built-in ones (optional).
        # templates: templates/

        reports:
          directory: reports
          formats: [md, html]
          # Fix the generation time for byte-identical reports (otherwise the clock is used).
          # generated_at: 2025-01-15T00:00:00Z

        """
    }
}
