import ScorecardCore

/// Everything a report is made from, as Core values: no files are read while rendering.
///
/// The application fills this in (`Inputs.reportInput` in the `Scorecard` module); the
/// renderer is a pure function of it plus ``RenderOptions``.
public struct ReportInput: Sendable {
    public var framework: Framework
    /// SHA-256 of the framework file's bytes.
    public var frameworkSHA256: String
    /// The assessed subjects, in the order their reports are written.
    public var assessments: [SubjectAssessment]
    /// The evidence the assessments were made from, for the evidence tables.
    public var evidence: EvidenceSet
    /// Mitigations recorded beside the determinations; those of each report's model are shown.
    public var mitigations: [Mitigation]
    /// Input path → SHA-256 of its bytes (framework, evidence, determinations), for provenance.
    public var inputs: [String: String]
    /// Stamps evaluator versions in the JSON envelope.
    public var registry: EvaluatorRegistry
    public var tool: ScorecardDocument.Tool
    /// Assessments of the models every report compares its subject with, in the order shown.
    public var comparisons: [SubjectAssessment]
    /// Reviewers' sign-offs of the reported subjects, each with its standing; shown in the report.
    public var signoffs: [ShownSignoff] = []

    public init(
        framework: Framework, frameworkSHA256: String, assessments: [SubjectAssessment], evidence: EvidenceSet,
        mitigations: [Mitigation], inputs: [String: String], registry: EvaluatorRegistry, tool: ScorecardDocument.Tool,
        comparisons: [SubjectAssessment] = [], signoffs: [ShownSignoff] = []
    ) {
        self.signoffs = signoffs
        self.framework = framework
        self.frameworkSHA256 = frameworkSHA256
        self.assessments = assessments
        self.evidence = evidence
        self.mitigations = mitigations
        self.inputs = inputs
        self.registry = registry
        self.tool = tool
        self.comparisons = comparisons
    }
}

/// A report format and the file extension it is written with.
public enum ReportFormat: String, Sendable, CaseIterable {
    case markdown = "md"
    case html
    case json

    /// The file extension, without a dot.
    public var fileExtension: String { rawValue }
}

/// How a report is rendered: formats, templates, the generation time, and file naming.
public struct RenderOptions: Sendable {
    /// How output files are named.
    public enum Naming: Sendable, Equatable {
        /// One file per subject and format, named from a safe slug of the model and snapshot.
        case slugs
        /// One subject in one format, written under this file name; its charts go in
        /// `<name without extension>.charts/`.
        case single(fileName: String)
    }

    public var formats: [ReportFormat]
    public var templates: TemplateLibrary
    /// The generation time shown in the provenance section, already formatted (ISO 8601).
    public var generatedAt: String
    public var naming: Naming

    public init(formats: [ReportFormat], templates: TemplateLibrary, generatedAt: String, naming: Naming = .slugs) {
        self.formats = formats
        self.templates = templates
        self.generatedAt = generatedAt
        self.naming = naming
    }
}

/// One file to write, with its path relative to the output directory.
public struct ReportFile: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case report(ReportFormat)
        /// A chart drawn as a sidecar SVG for a Markdown report.
        case chart
    }

    public var path: String
    public var contents: String
    public var role: Role

    public init(path: String, contents: String, role: Role) {
        self.path = path
        self.contents = contents
        self.role = role
    }
}
