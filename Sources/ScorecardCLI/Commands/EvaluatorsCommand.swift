import ArgumentParser
import Scorecard
import ScorecardCore

/// `scorecard evaluators`: the evaluators a framework may name, with their kind, version and parameters.
struct EvaluatorsCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluators",
        abstract: "List the evaluators a framework may name: kind, version and parameters.",
        discussion: """
            Lists the built-in evaluators. With --framework, also the declarative and external \
            evaluators that framework's evaluators: section defines, with the file each is \
            defined in and, for external ones, the command and the program's SHA-256.
            """)

    @Option(name: .long, help: ArgumentHelp("Also list the evaluators this framework defines.", valueName: "file"))
    var framework: String?

    mutating func execute() throws -> ExitStatus {
        let registry = try framework.map { try Frameworks.load(path: $0).registry } ?? StandardEvaluators.registry
        // Summaries and help of evaluators defined in files are untrusted text: escaped line by line.
        let text = registry.descriptions.map(\.helpText).joined()
        try Console.write(text.split(separator: "\n", omittingEmptySubsequences: false).map { terminalSafe(String($0)) }.joined(separator: "\n"))
        return .success
    }
}
