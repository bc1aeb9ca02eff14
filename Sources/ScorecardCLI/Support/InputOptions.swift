import ArgumentParser
import Scorecard
import ScorecardIngest

/// The inputs of an assessment: framework, evidence and determinations.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Framework definition (YAML).", valueName: "file"))
    var framework: String

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Evidence files or folders: our JSON, JSON Lines or CSV, or evaluation logs such as Inspect .json/.eval (repeatable).", valueName: "file"))
    var evidence: [String] = []

    @Option(name: .long, help: ArgumentHelp("Stage of records read from evaluation logs, which do not record one.", valueName: "stage"))
    var stage: String?

    @Option(name: .long, help: ArgumentHelp("Map a log's task to an evaluation id (repeatable).", valueName: "task=eval-id"))
    var map: [String] = []

    @Option(name: .long, help: ArgumentHelp("Human determinations and mitigations (YAML).", valueName: "file"))
    var determinations: String?

    @Option(name: .long, help: ArgumentHelp("Only assess this model (repeatable).", valueName: "name"))
    var model: [String] = []

    func validate() throws {
        if evidence.isEmpty, determinations == nil {
            throw ValidationError("Give at least one --evidence file (or a --determinations file).")
        }
        for entry in map where ImportCommand.mapping(entry) == nil {
            throw ValidationError("--map '\(entry)' must be TASK=EVAL_ID, e.g. --map ctf_small=ctf_professional")
        }
    }

    /// The options as the application's value.
    var files: InputFiles {
        InputFiles(
            framework: framework, evidence: evidence, determinations: determinations,
            importOptions: ImportOptions(stage: stage, evaluationMap: ImportCommand.evaluationMap(map)))
    }

    /// Loads the inputs, prints their warnings, and checks that every `--model` is in them.
    func load() throws -> Inputs {
        let inputs = try Inputs.load(files)
        for warning in inputs.warnings { Console.error("warning: \(terminalSafe(warning.description))") }
        try inputs.requireModels(model)
        return inputs
    }
}

/// Output formats for commands that print results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
