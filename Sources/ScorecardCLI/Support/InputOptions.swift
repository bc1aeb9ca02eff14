import ArgumentParser
import Scorecard
import ScorecardCore
import ScorecardIngest

/// The inputs of an assessment: framework, evidence and determinations.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("framework"), help: ArgumentHelp(
        "Framework definition (YAML); required, except by render for system-card sections alone; render takes several to show them side by side.",
        valueName: "file"))
    var frameworks: [String] = []

    /// The one framework of commands that take one (the first, when render is given several).
    var framework: String? { frameworks.first }

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Evidence files or folders: our JSON, JSON Lines or CSV, or evaluation logs such as Inspect .json/.eval (repeatable).", valueName: "file"))
    var evidence: [String] = []

    @Option(name: .long, help: ArgumentHelp("Stage of records read from evaluation logs, which do not record one.", valueName: "stage"))
    var stage: String?

    @Option(name: .long, help: ArgumentHelp("Map a log's task to an evaluation id (repeatable).", valueName: "task=eval-id"))
    var map: [String] = []

    @Option(name: .customLong("determinations"), help: ArgumentHelp(
        "Human determinations and mitigations (YAML); with several frameworks, one per framework as FRAMEWORK_ID:FILE.",
        valueName: "file"))
    var determinationFiles: [String] = []

    /// The one determinations file of an assessment under one framework.
    var determinations: String? { determinationFiles.first }

    @Option(name: .customLong("only-model"), help: ArgumentHelp("Only assess this model (repeatable); what it leaves out is reported.", valueName: "name"))
    var onlyModel: [String] = []

    /// The old spelling of `--only-model`, kept working with a warning: `import --model` renamed.
    @Option(name: .customLong("model"), help: .hidden)
    var deprecatedModel: [String] = []

    @Option(name: .customLong("map-stage"), help: ArgumentHelp(
        "Assess evidence of stage FROM as the framework's stage TO (repeatable); FROM= leaves that stage out.", valueName: "from=to"))
    var mapStage: [String] = []

    @Flag(name: .long, help: "Exit 2 on any warning about the inputs (evidence no indicator reads, tiers counted as one, a filter that leaves out a whole file), before writing anything.")
    var strict = false

    @Flag(name: .long, help: "Leave out evidence files that are refused (each listed as a warning with its reason) instead of failing.")
    var skipInvalid = false

    /// The models asked for, by either spelling.
    var models: [String] { onlyModel + deprecatedModel }

    func validate() throws {
        if frameworks.count < 2, determinationFiles.count > 1 {
            throw ValidationError("--determinations is given \(determinationFiles.count) times; give one file (several only with several --framework, as FRAMEWORK_ID:FILE).")
        }
        if evidence.isEmpty, determinations == nil {
            throw ValidationError("Give at least one --evidence file (or a --determinations file).")
        }
        for entry in map where EvaluationMapping.parse(entry) == nil {
            throw ValidationError(EvaluationMapping.usage(entry))
        }
        if case .failure(let error) = StageMap.parse(mapStage) { throw ValidationError(error.description) }
    }

    /// The framework, or a usage error for commands that cannot do without one.
    func requireFramework() throws -> String {
        guard let framework else { throw ValidationError("Give the --framework to assess under.") }
        if frameworks.count > 1 {
            throw ValidationError("--framework is given \(frameworks.count) times; give one (render shows several side by side).")
        }
        return framework
    }

    /// Import options for evaluation logs given as evidence.
    var importOptions: ImportOptions { ImportOptions(stage: stage, evaluationMap: EvaluationMapping.map(map)) }

    /// The options as the application's value.
    var files: InputFiles {
        let stageMap = (try? StageMap.parse(mapStage).get()) ?? StageMap()
        return InputFiles(
            framework: framework ?? "", evidence: evidence, determinations: determinations,
            importOptions: importOptions, stageMap: stageMap, skipInvalid: skipInvalid)
    }

    /// Loads the inputs and checks that every model asked for is in them.
    func load() throws -> Inputs {
        if !deprecatedModel.isEmpty {
            Console.error("warning: --model is deprecated here: it selects models (import's old --model renamed them); use --only-model")
        }
        let inputs = try Inputs.load(files)
        try inputs.requireModels(models)
        return inputs
    }

    /// Prints what `assessments` did not use (notes and warnings on standard error) and, in strict
    /// mode, fails when there is any warning.
    /// - Parameter comparedWith: models shown beside the selected ones (`--compare-with`).
    func review(_ inputs: Inputs, _ assessments: [SubjectAssessment], comparedWith: [String] = []) throws {
        try InputReviewText.report(inputs.review(assessments, models: models, comparedWith: comparedWith), strict: strict)
    }
}

/// Printing an input review.
enum InputReviewText {
    /// Notes and warnings on standard error; in strict mode with warnings, throws ``StrictError``
    /// instead of printing them (``ErrorReport`` prints them with the error).
    static func report(_ review: InputReview, strict: Bool) throws {
        for note in review.notes { Console.error("note: \(terminalSafe(note))") }
        try review.check(strict: strict)
        warnings(review.warnings)
    }

    /// One `warning:` line each.
    static func warnings(_ warnings: [InputWarning]) {
        for warning in warnings { Console.error("warning: \(terminalSafe(warning.description))") }
    }
}

/// Output formats for commands that print results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
