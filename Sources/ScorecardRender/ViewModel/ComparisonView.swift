/// What the side-by-side templates receive: one subject under several frameworks, each with its
/// own categories, scale and gates.
///
/// Nothing here maps one framework's categories or levels onto another's: each framework is a
/// column (HTML) or a section (Markdown) of its own, and ``correspondence`` says in words which
/// categories share an identifier and that even those are not put in one row. Field names are the
/// template variables (documented in `templates/README.md`); strings are plain text, escaped by the
/// template's content type.
public struct ComparisonView: Sendable, Encodable {
    /// "o1 under two frameworks".
    public var title: String
    public var subject: String
    /// What the page shows, and that no mapping between frameworks is applied.
    public var intro: String
    /// One row per framework: its scale, overall level per stage, and gates.
    public var summary: [ComparisonSummaryRowView]
    public var frameworks: [ComparedFrameworkView]
    /// Sentences on how the frameworks' categories and stages relate, without mapping them.
    public var correspondence: [String]
    public var provenance: ComparisonProvenanceView
}

public struct ComparisonSummaryRowView: Sendable, Encodable {
    /// "OpenAI Preparedness Framework, Beta (18 December 2023)".
    public var framework: String
    /// The link target of the framework's own section (`fw-1`).
    public var anchor: String
    /// The levels, lowest first: "Low < Medium < High < Critical".
    public var scale: String
    /// "Pre-mitigation Medium; Post-mitigation not assessed".
    public var overall: String
    /// "2 of 3 allowed or not required; Deployment: Not allowed".
    public var gates: String
}

/// One framework's scorecard of the subject.
public struct ComparedFrameworkView: Sendable, Encodable {
    /// Fragment id of the framework's section (`fw-1`, `fw-2`, …).
    public var anchor: String
    public var name: String
    public var version: String
    public var link: LinkView?
    public var scale: String
    /// The framework's stages, in words.
    public var stages: String
    /// The report's one-sentence outcome; nil when the subject has no evidence under this framework.
    public var verdict: String?
    /// Nil when the subject has no evidence under this framework (see ``missing``).
    public var scorecard: ScorecardTableView?
    public var gates: [GateView]
    public var hasGates: Bool
    /// The framework's levels for the HTML colour key.
    public var levels: [LevelKeyView]
    /// Why there is no scorecard: the subject has no evidence at this framework's stages.
    public var missing: String?
}

public struct ComparisonProvenanceView: Sendable, Encodable {
    public var tool: String
    public var generatedAt: String
    /// Each framework file: id and version, with its SHA-256.
    public var frameworks: [ComparedFrameworkFileView]
    /// Every input file of every framework's assessment, sorted by path.
    public var inputs: [InputFileView]
}

public struct ComparedFrameworkFileView: Sendable, Encodable {
    public var framework: String
    public var sha256: String
}
