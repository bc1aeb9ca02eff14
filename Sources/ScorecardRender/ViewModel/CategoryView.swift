/// One category's subsection: definitions, levels per stage, rationale, mitigations, evidence,
/// warnings, review flags and the chart.
public struct CategoryView: Sendable, Encodable {
    /// A fragment identifier unique in the report, such as `cat-cbrn`.
    public var anchor: String
    public var name: String
    /// False for a category that counts only when assessed (shown "(optional)").
    public var required: Bool
    public var summary: String?
    /// One line per stage: how much of the deciding evidence exists and which levels it rules out.
    public var coverage: [String]
    public var hasCoverage: Bool
    /// What each level means for this category, lowest first.
    public var definitions: [DefinitionView]
    public var hasDefinitions: Bool
    /// One row per stage.
    public var stages: [CategoryStageView]
    public var mitigations: [String]
    public var hasMitigations: Bool
    public var evidence: [EvidenceRowView]
    public var hasEvidence: Bool
    /// Notes too long for a table cell, numbered as the rows refer to them ("note 1").
    public var evidenceNotes: [String]
    public var hasEvidenceNotes: Bool
    /// "Approaching" early warnings, one sentence each.
    public var warnings: [String]
    public var hasWarnings: Bool
    public var flags: [FlagView]
    public var hasFlags: Bool
    /// Nil when no indicator of the category has a measured value.
    public var chart: ChartView?
    /// The models compared with the subject, side by side; nil without comparisons.
    public var comparison: SideBySideTableView?
}

public struct DefinitionView: Sendable, Encodable {
    public var level: String
    public var css: String
    public var text: String
}

/// A category's level at one stage and why.
public struct CategoryStageView: Sendable, Encodable {
    public var stage: String
    /// The final level.
    public var cell: LevelCellView
    /// The level the evidence indicates, or "Not assessed".
    public var indicated: String
    /// "Evidence" or "Determination".
    public var basis: String
    /// The opening sentence when no determination was made.
    public var lead: String
    /// Set when a person decided the level.
    public var determination: DeterminationView?
    /// Why the category is not assessed from evidence at this stage, when it is not.
    public var notAssessedReason: String?
    /// The engine's reasoning, one sentence per decisive indicator, after a summary sentence.
    public var findings: [String]
    public var hasFindings: Bool
}

public struct DeterminationView: Sendable, Encodable {
    public var level: String
    public var rationale: String
    public var author: String
    public var date: String
    /// The source, when it is a safe link.
    public var link: LinkView?
    /// A source that is not a safe link, shown as text.
    public var sourceText: String?
}

/// One row of a category's evidence table.
public struct EvidenceRowView: Sendable, Encodable {
    /// The indicator's name.
    public var evaluation: String
    public var stage: String
    /// "decides" (the value the level is judged on), "shown" (a contextual indicator's value),
    /// "alternate(s)" (results considered but not used) or "not used".
    public var use: String
    public var metric: String
    public var variant: String
    /// Formatted for the unit: "46%", "2.1×".
    public var value: String
    /// "47.9%–78.5%", or "–" when unknown; the level is added when it is not 95%.
    public var interval: String
    public var n: String
    public var k: String
    /// The source, when it is a safe link.
    public var link: LinkView?
    /// A source that is not a safe link, shown as text; "–" when there is none.
    public var sourceText: String?
    /// The file and line the record was read from, such as `evidence.jsonl:14`.
    public var location: String
    public var notes: String
}

public struct FlagView: Sendable, Encodable {
    /// "Lowered by determination", "Determined without evidence", "Interval straddles a threshold".
    public var kind: String
    public var stage: String
    public var text: String
}
