/// What the report templates receive for one subject: every value sorted, formatted and decided.
///
/// Templates only place these values; they never compare, sort, format numbers or choose a level
/// or a CSS class. Field names are the template variables (documented in `templates/README.md`).
/// Strings are plain text; the template's content type escapes them for its format.
public struct ReportView: Sendable, Encodable {
    /// "Preparedness scorecard: o1".
    public var title: String
    /// The model, with its snapshot in parentheses when there is one.
    public var subject: String
    /// The outcome in one sentence: overall level per stage and every gate's decision.
    public var verdict: String
    public var framework: FrameworkView
    /// The stages at which levels are scored, with what each means.
    public var stages: [StageView]
    /// The levels of the scale, lowest first, for the HTML colour key.
    public var levels: [LevelKeyView]
    public var scorecard: ScorecardTableView
    public var gates: [GateView]
    public var categories: [CategoryView]
    /// Evidence of the subject no indicator reads; nil when every record is read.
    public var notUsed: EvidenceNotUsedView?
    public var provenance: ProvenanceView
    /// Heading depth: a page of its own, or a part of a whole system card.
    public var headings: HeadingsView
    /// The models compared with the subject, in words, or nil.
    public var comparedWith: String?
    /// Reviewers' sign-offs of the subject; nil when none is recorded.
    public var signoffs: SignoffsView? = nil
}

/// The "Sign-off" table: who decided what on which scorecard version, when, and whether that
/// version is the one this report shows.
public struct SignoffsView: Sendable, Encodable {
    /// One sentence on what the table shows and how to check it.
    public var intro: String
    public var rows: [SignoffRowView]
}

/// One reviewer's sign-off.
public struct SignoffRowView: Sendable, Encodable {
    public var reviewer: String
    /// "Approved", "Rejected" or "Changes requested".
    public var decision: String
    /// The decision's CSS class: `signoff-approve`, `signoff-reject`, `signoff-request-changes`.
    public var css: String
    /// The signed document hash, first 12 hex digits.
    public var version: String
    public var signedAt: String
    public var note: String?
    /// "Current: this scorecard", "Stale: signed an earlier version", or why the signature fails.
    public var standing: String
    /// `signoff-current`, `signoff-stale` or `signoff-invalid`.
    public var standingCSS: String
    /// Whether the sign-off covers the scorecard shown and its signature holds.
    public var current: Bool
}

/// A link whose target has been checked: only `http`/`https` URLs without spaces or quotes.
public struct LinkView: Sendable, Encodable {
    public var href: String
    public var text: String
}

public struct FrameworkView: Sendable, Encodable {
    public var name: String
    public var version: String
    /// The version as a phrase after the name: "version Beta (18 December 2023)", or the version
    /// as it is when it already says so ("Version 2 (15 April 2025)").
    public var versionPhrase: String
    public var summary: String?
    /// The framework's text, when its source is a safe link.
    public var link: LinkView?
    /// How the overall level is formed, as a sentence.
    public var aggregation: String
}

public struct StageView: Sendable, Encodable {
    public var name: String
    /// What the stage means, from the framework.
    public var meaning: String
}

public struct LevelKeyView: Sendable, Encodable {
    public var name: String
    public var summary: String?
    /// CSS classes for the level's colour, such as `lvl lvl-1`.
    public var css: String
}

/// A level as shown in a table cell: the words, a note in parentheses, and its colour class.
public struct LevelCellView: Sendable, Encodable {
    /// The level's name, or "Not assessed".
    public var level: String
    /// Where the level came from and warnings, such as "determined; indicated Low"; nil when plain.
    public var detail: String?
    public var css: String
    public var notAssessed: Bool
    /// True when the level shown is one the evidence does not rule out (not one it shows reached).
    public var notRuledOut: Bool
}

public struct ScorecardTableView: Sendable, Encodable {
    public var caption: String
    /// One header per stage, after the "Category" header.
    public var stageHeaders: [String]
    public var rows: [ScorecardRowView]
    public var overall: ScorecardRowView
    /// Sentences under the table: how the overall level is formed and what is not assessed.
    public var notes: [String]
}

public struct ScorecardRowView: Sendable, Encodable {
    public var label: String
    public var cells: [LevelCellView]
}

public struct GateView: Sendable, Encodable {
    public var name: String
    /// The rule, such as "Post-mitigation ≤ Medium".
    public var rule: String
    /// "Allowed", "Not allowed", "Required" or "Not required".
    public var decision: String
    public var css: String
    public var reason: String
    /// Whether the gate passed (a ceiling allows, a trigger is not required).
    public var passed: Bool
}

public struct ProvenanceView: Sendable, Encodable {
    public var tool: String
    public var frameworkID: String
    public var frameworkVersion: String
    public var frameworkSHA256: String
    /// Every input file with its SHA-256, sorted by path.
    public var inputs: [InputFileView]
    public var generatedAt: String
}

public struct InputFileView: Sendable, Encodable {
    public var path: String
    public var sha256: String
}

/// The appendix "Evidence not used": records of the subject that no indicator reads, so a typo
/// in an evaluation id or a metric cannot lower a level unseen. Nil when every record is read.
public struct EvidenceNotUsedView: Sendable, Encodable {
    /// One sentence on what the table lists.
    public var intro: String
    public var rows: [UnusedEvidenceView]
    public var hasRows: Bool
    /// Indicators fed samples of several tiers, one sentence each.
    public var tierNotes: [String]
    public var hasTierNotes: Bool
}

/// One record (or one evaluation's per-sample records) no indicator reads.
public struct UnusedEvidenceView: Sendable, Encodable {
    public var stage: String
    public var evaluation: String
    /// The metric, or "per-sample records".
    public var metric: String
    /// How many records.
    public var records: String
    /// `file:line` of the (first) record.
    public var location: String
    /// Why no indicator reads it, with the nearest name one reads.
    public var reason: String
}
