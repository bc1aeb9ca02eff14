import Foundation
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
    /// How the evidence's stages map onto the framework's.
    public var stageMap: StageMap
    /// Leave out evidence files that are refused (listing each with its reasons in the warnings)
    /// instead of failing, unless every file is refused.
    public var skipInvalid: Bool
    /// The clock's time: a determination dated more than a day after it is warned about.
    public var now = Date()

    /// The files of one assessment.
    public init(
        framework: String, evidence: [String] = [], determinations: String? = nil, importOptions: ImportOptions = .init(),
        stageMap: StageMap = StageMap(), skipInvalid: Bool = false
    ) {
        self.framework = framework
        self.evidence = evidence
        self.determinations = determinations
        self.importOptions = importOptions
        self.stageMap = stageMap
        self.skipInvalid = skipInvalid
    }
}

extension Inputs {
    /// Loads and validates every input, reporting the problems of all files together.
    ///
    /// Besides each file's own checks: the stage map must name the framework's stages, every
    /// determination and mitigation must name a model of the evidence, and no two models may be
    /// names a reader cannot tell apart (see `NameCheck`). The framework's own evaluators (its
    /// `evaluators:` section) are added to `registry`.
    public static func load(_ files: InputFiles, registry: EvaluatorRegistry = StandardEvaluators.registry) throws(InputError) -> Inputs {
        let framework = try FrameworkLoader.load(path: files.framework, registry: registry)
        var diagnostics = files.stageMap.problems(framework.framework, source: "--map-stage")
        var evidence = EvidenceBundle()
        var loaded = false
        do {
            evidence = try EvidenceLoader.load(
                paths: files.evidence, stages: files.stageMap.accepted(by: framework.framework), options: files.importOptions,
                skipInvalid: files.skipInvalid)
            loaded = true
        } catch {
            diagnostics += error.diagnostics
        }
        let mapped = files.stageMap.apply(records: evidence.records, samples: evidence.samples)
        evidence.records = mapped.records
        evidence.samples = mapped.samples
        if !files.stageMap.isEmpty { diagnostics += EvidenceLoader.duplicateProblems(evidence) }
        var warnings = evidence.warnings
        for stage in mapped.unmatched where loaded {
            warnings.append(Diagnostic(file: "--map-stage", message: "no evidence has stage '\(stage)'; the mapping matches nothing"))
        }
        var determinations = DeterminationBundle()
        if let path = files.determinations {
            do {
                determinations = try DeterminationLoader.load(path: path, framework: framework.framework)
                warnings += determinations.dated(after: DeterminationDates.latest(now: files.now))
                if loaded {
                    let subjects = Set(evidence.records.map(\.subject)).union(evidence.samples.map(\.subject))
                    diagnostics += NameCheck.determinations(determinations, subjects: Array(subjects))
                }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if loaded {
            diagnostics += NameCheck.subjects(records: evidence.records, samples: evidence.samples, bundle: determinations)
        }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        var hashes: [String: String] = [framework.path: framework.sha256]
        for (path, hash) in evidence.inputs + determinations.inputs { hashes[path] = hash }
        var inputs = Inputs(
            framework: framework.framework, frameworkSHA256: framework.sha256, records: evidence.records,
            samples: evidence.samples, determinations: determinations.determinations, mitigations: determinations.mitigations,
            registry: framework.registry, hashes: hashes, warnings: warnings,
            modelsWithoutEvidence: Set(determinations.modelsWithoutEvidence.map(\.model)), stageMap: files.stageMap,
            leftOutByStageMap: mapped.leftOut)
        inputs.determinationsSHA256 = determinations.inputs.first?.sha256
        return inputs
    }

    /// Throws unless every name is a model of some evidence or determination.
    public func requireModels(_ names: [String]) throws(InputsError) {
        if let unknown = names.first(where: { !models.contains($0) }) {
            throw .unknownModel(unknown, known: models.sorted(), suggestion: NearestName.closest(to: unknown, in: models))
        }
    }

    /// The framework's category `id`.
    public func category(_ id: String) throws(InputsError) -> Category {
        guard let found = framework.category(id) else {
            let known = framework.categories.map(\.id)
            throw .unknownCategory(id, known: known, suggestion: NearestName.closest(to: id, in: known))
        }
        return found
    }

    /// The framework's stages, or only stage `id` when given.
    public func stages(only id: String?) throws(InputsError) -> [StageDefinition] {
        guard let id else { return framework.stages }
        guard let found = framework.stage(id) else {
            let known = framework.stages.map(\.id)
            throw .unknownStage(id, known: known, suggestion: NearestName.closest(to: id, in: known))
        }
        return [found]
    }
}

/// A name given to an assessment that its inputs do not have.
public enum InputsError: Error, Sendable, CustomStringConvertible {
    case unknownModel(String, known: [String], suggestion: String?)
    case unknownCategory(String, known: [String], suggestion: String?)
    case unknownStage(String, known: [String], suggestion: String?)

    public var description: String {
        func hint(_ suggestion: String?) -> String { suggestion.map { "; did you mean '\($0)'?" } ?? "" }
        switch self {
        case .unknownModel(let name, let known, let suggestion):
            return "no evidence for model '\(name)'\(hint(suggestion)) (known: \(known.joined(separator: ", ")))"
        case .unknownCategory(let id, let known, let suggestion):
            return "unknown category '\(id)'\(hint(suggestion)) (known: \(known.joined(separator: ", ")))"
        case .unknownStage(let id, let known, let suggestion):
            return "unknown stage '\(id)'\(hint(suggestion)) (known: \(known.joined(separator: ", ")))"
        }
    }
}

/// The latest date a determination may carry without a warning.
enum DeterminationDates {
    /// Tomorrow by the clock (UTC), as `YYYY-MM-DD`: a day's slack for time zones.
    static func latest(now: Date) -> String {
        var style = Date.ISO8601FormatStyle().year().month().day()
        style.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return now.addingTimeInterval(86_400).formatted(style)
    }
}
