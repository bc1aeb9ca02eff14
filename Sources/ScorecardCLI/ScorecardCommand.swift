import ArgumentParser
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
            (regenerate, after 4 and 5); 10 a sign-off is refused (verify); 64 bad command-line usage.
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
}
