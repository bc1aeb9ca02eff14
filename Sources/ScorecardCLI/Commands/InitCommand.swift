import ArgumentParser
import Scorecard

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
        try CardTemplate.write(to: output, framework: framework, force: force)
        Console.write("wrote \(output): edit the evidence paths, then run `scorecard regenerate --config \(output)`\n")
        return .success
    }
}
