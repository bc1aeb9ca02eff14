import ArgumentParser
import Scorecard
import ScorecardCore
import ScorecardEvaluators

/// `scorecard evaluators`: the evaluators a framework may name, with their parameters.
struct EvaluatorsCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluators",
        abstract: "List the built-in evaluators and their parameters.")

    mutating func execute() throws -> ExitStatus {
        Console.write(BuiltinEvaluators.registry.descriptions.map(\.helpText).joined())
        return .success
    }
}
