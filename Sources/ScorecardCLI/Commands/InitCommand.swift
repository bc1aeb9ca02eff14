import ArgumentParser
import Scorecard

/// `scorecard init`: write a commented card configuration to start from.
struct InitCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented scorecard.yaml to start a card from.",
        discussion: """
            The framework path is written relative to the new file, and must exist: --framework is \
            looked for beside the new file, then from the current folder; without it, the shipped \
            Beta framework is used (see `scorecard frameworks list`).

            Example:
              scorecard init --output my-card/scorecard.yaml
            """)

    @Option(name: .long, help: ArgumentHelp("Where to write the configuration.", valueName: "file"))
    var output = "scorecard.yaml"

    @Option(name: .long, help: ArgumentHelp("Framework file the card uses (beside the configuration, or from the current folder; default: the shipped Beta framework).", valueName: "file"))
    var framework: String?

    @Flag(name: .long, help: "Replace an existing file.")
    var force = false

    mutating func execute() throws -> ExitStatus {
        let written = try CardTemplate.write(to: output, framework: framework, force: force)
        let shown = (output: terminalSafe(output), framework: terminalSafe(written))
        try Console.write("wrote \(shown.output) (framework: \(shown.framework)): edit the models and evidence paths, then run `scorecard regenerate --config \(shown.output)`\n")
        return .success
    }
}
