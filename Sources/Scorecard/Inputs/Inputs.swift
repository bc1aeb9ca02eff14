import ScorecardCore
import ScorecardIngest
import ScorecardRender

/// Everything one assessment reads (framework, evidence, determinations, evaluators) and the
/// hashes of the files it came from: the one place where load → assess → document is composed.
///
/// Make one with ``load(_:registry:)`` from files, or with ``init(framework:frameworkSHA256:records:samples:determinations:mitigations:registry:hashes:warnings:)``
/// from values held elsewhere (a store, a benchmark). Then ``assess(models:)`` runs the
/// evaluators and the rules engine, ``document(_:hashes:)`` gives the versioned JSON scorecard and
/// ``reportInput(_:hashes:)`` what the renderer needs.
public struct Inputs: Sendable {
    /// The framework assessed under.
    public let framework: Framework
    /// SHA-256 of the framework file, shown in reports' provenance.
    public let frameworkSHA256: String
    /// The evidence, indexed once for every evaluator and every report.
    public let evidence: EvidenceSet
    /// Human determinations, applied over the levels the evidence indicates.
    public let determinations: [Determination]
    /// Mitigation notes, shown in reports.
    public let mitigations: [Mitigation]
    /// The evaluators the framework's indicators name.
    public let registry: EvaluatorRegistry
    /// Input path → SHA-256 of every file the inputs came from, for the scorecard's provenance.
    public let hashes: [String: String]
    /// Models named by some evidence or determination.
    public let models: Set<String>
    /// Models assessed from determinations alone (a determinations file's `models_without_evidence`).
    public let modelsWithoutEvidence: Set<String>
    /// How the evidence's stages were mapped onto the framework's.
    public let stageMap: StageMap
    /// Evidence stage → records left out by the stage map.
    public let leftOutByStageMap: [String: Int]
    /// Problems that did not stop loading, such as a score value of an unknown shape.
    public let warnings: [Diagnostic]
    /// Evidence file → model → records (summary and per-sample) of that model in the file.
    public let recordsByFile: [String: [String: Int]]
    /// System-card sections shown beside the scorecard: the records they show count as used.
    public var sections: [SectionDefinition] = []
    /// Reviewers' sign-offs with their standing, shown in the reports of their subjects.
    public var signoffs: [ShownSignoff] = []
    /// SHA-256 of the determinations file, when there is one (a sign-off names it).
    public var determinationsSHA256: String?

    /// Inputs from values; `records` and `samples` are indexed once.
    public init(
        framework: Framework, frameworkSHA256: String, records: [EvidenceRecord], samples: [SampleRecord] = [],
        determinations: [Determination] = [], mitigations: [Mitigation] = [], registry: EvaluatorRegistry,
        hashes: [String: String], warnings: [Diagnostic] = [], modelsWithoutEvidence: Set<String> = [],
        stageMap: StageMap = StageMap(), leftOutByStageMap: [String: Int] = [:]
    ) {
        self.init(
            framework: framework, frameworkSHA256: frameworkSHA256, records: records, sampleSource: InMemorySamples(samples),
            determinations: determinations, mitigations: mitigations, registry: registry, hashes: hashes, warnings: warnings,
            modelsWithoutEvidence: modelsWithoutEvidence, stageMap: stageMap, leftOutByStageMap: leftOutByStageMap)
    }

    /// Inputs whose per-sample records come from `sampleSource` (the store's, a slice at a time).
    public init(
        framework: Framework, frameworkSHA256: String, records: [EvidenceRecord], sampleSource: any SampleSource,
        determinations: [Determination] = [], mitigations: [Mitigation] = [], registry: EvaluatorRegistry,
        hashes: [String: String], warnings: [Diagnostic] = [], modelsWithoutEvidence: Set<String> = [],
        stageMap: StageMap = StageMap(), leftOutByStageMap: [String: Int] = [:]
    ) {
        self.init(
            framework: framework, frameworkSHA256: frameworkSHA256, evidence: EvidenceSet(records: records, sampleSource: sampleSource),
            determinations: determinations, mitigations: mitigations, registry: registry, hashes: hashes, warnings: warnings,
            modelsWithoutEvidence: modelsWithoutEvidence, stageMap: stageMap, leftOutByStageMap: leftOutByStageMap)
    }

    /// Inputs over evidence indexed already (shared by the scorecards `check` re-derives from the same files).
    public init(
        framework: Framework, frameworkSHA256: String, evidence: EvidenceSet,
        determinations: [Determination] = [], mitigations: [Mitigation] = [], registry: EvaluatorRegistry,
        hashes: [String: String], warnings: [Diagnostic] = [], modelsWithoutEvidence: Set<String> = [],
        stageMap: StageMap = StageMap(), leftOutByStageMap: [String: Int] = [:]
    ) {
        self.framework = framework
        self.frameworkSHA256 = frameworkSHA256
        self.evidence = evidence
        self.determinations = determinations
        self.mitigations = mitigations
        self.registry = registry
        self.hashes = hashes
        let summaries = evidence.samples.summaries
        self.models = Set(evidence.results.subjects.map(\.subject.model) + summaries.keys.map(\.subject.model))
            .union(determinations.map(\.model).filter(modelsWithoutEvidence.contains))
        self.warnings = warnings
        self.modelsWithoutEvidence = modelsWithoutEvidence
        self.stageMap = stageMap
        self.leftOutByStageMap = leftOutByStageMap
        var byFile: [String: [String: Int]] = [:]
        for subject in evidence.results.subjects {
            for (file, count) in subject.files { byFile[file, default: [:]][subject.subject.model, default: 0] += count }
        }
        for (slice, summary) in summaries {
            for file in summary.files { byFile[file.location.file, default: [:]][slice.subject.model, default: 0] += file.records }
        }
        self.recordsByFile = byFile
    }

    /// Runs the evaluators and the rules engine for `models` (every model when empty).
    public func assess(models: [String] = []) throws(RegistryError) -> [SubjectAssessment] {
        try Assessor(framework: framework, registry: registry, sections: sections)
            .assess(evidence: evidence, determinations: determinations, models: models, modelsWithoutEvidence: modelsWithoutEvidence)
    }

    /// The evidence hash of `category` at `stage` for `assessment`'s subject: what a determination
    /// made now records as its `made_on`.
    public func evidenceHash(category: Category, stage: String, of assessment: SubjectAssessment) -> String {
        Assessor(framework: framework, registry: registry, sections: sections).evidenceHash(
            category: category, stage: stage, subject: assessment.subject, evidence: evidence, use: assessment.evidenceUse)
    }

    /// The versioned JSON document for `assessments`; `hashes` replaces the inputs' own (for a
    /// document limited to the files that fed one subject).
    public func document(_ assessments: [SubjectAssessment], hashes: [String: String]? = nil) -> ScorecardDocument {
        ScorecardDocument(
            framework: framework, assessments: assessments, inputs: hashes ?? self.hashes, registry: registry,
            tool: ToolIdentity.document, stageMap: stageMap.pairs.map { .init(from: $0.from, to: $0.to) },
            sections: sections.map { .init(id: $0.id, file: $0.file) })
    }

    /// The renderer's input for `assessments`; `hashes` replaces the inputs' own in the provenance.
    public func reportInput(
        _ assessments: [SubjectAssessment], hashes: [String: String]? = nil, comparisons: [SubjectAssessment] = []
    ) -> ReportInput {
        ReportInput(
            framework: framework, frameworkSHA256: frameworkSHA256, assessments: assessments, evidence: evidence,
            mitigations: mitigations, inputs: hashes ?? self.hashes, registry: registry, tool: ToolIdentity.document,
            comparisons: comparisons, signoffs: signoffs)
    }
}
