import ArgumentParser
import Foundation
import Scorecard

/// The `scorecard` command: turns evaluation evidence into risk scorecards under a framework.
public struct ScorecardCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: ToolIdentity.name,
        abstract: "Turn evaluation evidence into Preparedness-style risk scorecards.",
        discussion: """
            Evaluators measure indicators from evidence; a rules engine maps them to levels per \
            category and stage under a framework's thresholds, applies human determinations, and \
            decides the framework's gates. Missing evidence is never read as the lowest level: it \
            is "not assessed", and gates that depend on it fail closed.

            Exit codes: 0 success; 1 unexpected failure (an I/O error, standard output that cannot \
            be written); 2 invalid input (the message names file, line and value); 3 a gate did not \
            pass (assess --fail-on-gate); 4 a level moved and 5 a gate stopped passing since the \
            last delivered run (regenerate); 6 the store stayed busy past --wait; 7 a stored \
            scorecard does not re-derive or the history was altered (check); 8 inputs on disk \
            changed since the current scorecards (check); 9 a change made a sign-off stale \
            (regenerate, after 4, 5 and 11); 10 a sign-off is refused (verify); 11 no level moved \
            but one is newly in question (regenerate, after 4 and 5); 64 bad command-line usage.
            """,
        version: ToolIdentity.version,
        subcommands: [
            AssessCommand.self, ExplainCommand.self, MadeOnCommand.self, RenderCommand.self, ImportCommand.self, RegenerateCommand.self,
            HistoryCommand.self, DiffCommand.self, CheckCommand.self, KeygenCommand.self, SignoffCommand.self, VerifyCommand.self,
            InitCommand.self, ExportCommand.self,
            FrameworksCommand.self, EvaluatorsCommand.self, SchemaCommand.self, BenchCommand.self,
        ]
    )

    public init() {}

    /// Parses and runs a command as ArgumentParser's own `main()` does, except that its messages
    /// are shown escaped (``terminalSafe(_:)``, line by line): a usage error quotes the
    /// command line, and an option or value pasted from evidence can hold escape sequences.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let shown = message.split(separator: "\n", omittingEmptySubsequences: false).map { terminalSafe(String($0)) }
                    .joined(separator: "\n") + "\n"
                // Help and version go to standard output (which can fail like any output), errors to standard error.
                if code.isSuccess {
                    do throws(OutputError) { try Console.write(shown) } catch {
                        Console.error(terminalSafe("error: \(error)"))
                        Foundation.exit(ExitStatus.failure.rawValue)
                    }
                } else {
                    Console.raw(shown)
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
