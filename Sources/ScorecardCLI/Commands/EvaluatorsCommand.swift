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
        var out = ""
        for type in BuiltinEvaluators.registry.evaluators {
            out += "\(type.name) (version \(type.version)): \(type.summary)\n"
            for parameter in type.parameterHelp {
                out += "  \(parameter.name): \(parameter.help)\n"
            }
        }
        Console.write(out)
        return .success
    }
}
