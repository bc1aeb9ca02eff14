import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest

/// Where an assessment's inputs are, and how evaluation logs among them become records.
public struct InputFiles: Sendable {
    /// Framework definition (YAML).
    public var framework: String
    /// Evidence files or folders, in any format the tool reads.
    public var evidence: [String]
    /// Human determinations and mitigations (YAML).
    public var determinations: String?
    /// How evaluation logs given as evidence become records (their stage, task → evaluation id).
    public var importOptions: ImportOptions

    /// The files of one assessment.
    public init(framework: String, evidence: [String] = [], determinations: String? = nil, importOptions: ImportOptions = .init()) {
        self.framework = framework
        self.evidence = evidence
        self.determinations = determinations
        self.importOptions = importOptions
    }
}

extension Inputs {
    /// Loads and validates every input, reporting the problems of all files together.
    public static func load(_ files: InputFiles, registry: EvaluatorRegistry = BuiltinEvaluators.registry) throws(InputError) -> Inputs {
        let framework = try FrameworkLoader.load(path: files.framework, registry: registry)
        var diagnostics: [Diagnostic] = []
        var evidence = EvidenceBundle()
        do {
            evidence = try EvidenceLoader.load(
                paths: files.evidence, stages: framework.framework.stages.map(\.id), options: files.importOptions)
        } catch {
            diagnostics += error.diagnostics
        }
        var determinations = DeterminationBundle()
        if let path = files.determinations {
            do {
                determinations = try DeterminationLoader.load(path: path, framework: framework.framework)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        var hashes: [String: String] = [framework.path: framework.sha256]
        for (path, hash) in evidence.inputs + determinations.inputs { hashes[path] = hash }
        return Inputs(
            framework: framework.framework, frameworkSHA256: framework.sha256, records: evidence.records,
            samples: evidence.samples, determinations: determinations.determinations, mitigations: determinations.mitigations,
            registry: registry, hashes: hashes, warnings: evidence.warnings)
    }

    /// Throws unless every name is a model of some evidence or determination.
    public func requireModels(_ names: [String]) throws(InputsError) {
        if let unknown = names.first(where: { !models.contains($0) }) {
            throw .unknownModel(unknown, known: models.sorted())
        }
    }

    /// The framework's category `id`.
    public func category(_ id: String) throws(InputsError) -> Category {
        guard let found = framework.category(id) else { throw .unknownCategory(id, known: framework.categories.map(\.id)) }
        return found
    }

    /// The framework's stages, or only stage `id` when given.
    public func stages(only id: String?) throws(InputsError) -> [StageDefinition] {
        guard let id else { return framework.stages }
        guard let found = framework.stage(id) else { throw .unknownStage(id, known: framework.stages.map(\.id)) }
        return [found]
    }
}

/// A name given to an assessment that its inputs do not have.
public enum InputsError: Error, Sendable, CustomStringConvertible {
    case unknownModel(String, known: [String])
    case unknownCategory(String, known: [String])
    case unknownStage(String, known: [String])

    public var description: String {
        switch self {
        case .unknownModel(let name, let known):
            "no evidence or determination for model '\(name)' (known: \(known.joined(separator: ", ")))"
        case .unknownCategory(let id, let known): "unknown category '\(id)' (known: \(known.joined(separator: ", ")))"
        case .unknownStage(let id, let known): "unknown stage '\(id)' (known: \(known.joined(separator: ", ")))"
        }
    }
}
