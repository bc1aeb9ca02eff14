import ArgumentParser
import ScorecardCore
import ScorecardEvaluators
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

    /// How evaluation logs given as evidence become records.
    var importOptions: ImportOptions {
        ImportOptions(stage: stage, evaluationMap: Dictionary(map.compactMap(ImportCommand.mapping), uniquingKeysWith: { _, last in last }))
    }
}

/// Everything loaded for an assessment, with the hashes of the files it came from.
struct LoadedInputs {
    let framework: LoadedFramework
    let evidence: EvidenceBundle
    let determinations: DeterminationBundle
    let registry: EvaluatorRegistry

    /// Loads and validates every input, reporting the problems of all files together.
    static func load(_ options: InputOptions, registry: EvaluatorRegistry = BuiltinEvaluators.registry) throws -> LoadedInputs {
        let framework = try FrameworkLoader.load(path: options.framework, registry: registry)
        var diagnostics: [Diagnostic] = []
        var evidence = EvidenceBundle()
        do {
            evidence = try EvidenceLoader.load(
                paths: options.evidence, stages: framework.framework.stages.map(\.id), options: options.importOptions)
        } catch {
            diagnostics += error.diagnostics
        }
        var determinations = DeterminationBundle()
        if let path = options.determinations {
            do {
                determinations = try DeterminationLoader.load(path: path, framework: framework.framework)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        for warning in evidence.warnings { Console.error("warning: \(terminalSafe(warning.description))") }
        if !options.model.isEmpty {
            let known = Set(evidence.records.map(\.subject.model) + evidence.samples.map(\.subject.model)
                + determinations.determinations.map(\.model))
            if let unknown = options.model.first(where: { !known.contains($0) }) {
                throw CommandError("no evidence or determination for model '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))",
                                   status: .invalidInput)
            }
        }
        return LoadedInputs(framework: framework, evidence: evidence, determinations: determinations, registry: registry)
    }

    /// Input path → SHA-256, for the scorecard's provenance.
    var inputHashes: [String: String] {
        var hashes: [String: String] = [framework.path: framework.sha256]
        for (path, hash) in evidence.inputs + determinations.inputs { hashes[path] = hash }
        return hashes
    }

    /// Runs the evaluators and the rules engine.
    func assess(models: [String]) throws -> [SubjectAssessment] {
        try Assessor(framework: framework.framework, registry: registry)
            .assess(evidence: evidence.evidenceSet, determinations: determinations.determinations, models: models)
    }

    /// The versioned JSON document for `assessments`.
    func document(_ assessments: [SubjectAssessment]) -> ScorecardDocument {
        ScorecardDocument(
            framework: framework.framework, assessments: assessments, inputs: inputHashes, registry: registry,
            tool: .init(name: "scorecard", version: ScorecardCommand.version))
    }
}

/// Output formats for commands that print results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
