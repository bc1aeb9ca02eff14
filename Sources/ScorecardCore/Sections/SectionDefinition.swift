/// A system-card section as data: which evaluations it reports, in which tables and charts.
///
/// Sections beside the Preparedness scorecard (disallowed content, jailbreaks, hallucinations,
/// fairness, instruction hierarchy, capabilities) report observed behaviour, not risk levels: a
/// section decides nothing. It is read from YAML (`sections/*.yaml`), so adding a benchmark is
/// an edit to a file, not code.
public struct SectionDefinition: Hashable, Sendable {
    public let id: String
    public let title: String
    public let summary: String?
    /// The stage whose records the section reads; nil reads every stage (a record names one).
    public let stage: String?
    /// The line of its file where `stage` is given, for messages.
    public var stageLine: Int?
    public let tables: [SectionTable]
    public let tradeoffs: [TradeoffChart]
    /// The file it was read from, when not built in.
    public var file: String?
    /// Names to show for evaluation ids (`simpleqa: SimpleQA`) where the section shows an id.
    public var names: [String: String] = [:]

    public init(
        id: String, title: String, summary: String?, stage: String?, tables: [SectionTable], tradeoffs: [TradeoffChart]
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.stage = stage
        self.tables = tables
        self.tradeoffs = tradeoffs
    }

    /// The name shown for an evaluation id: its entry in `names`, else the id itself.
    public func name(of evaluation: String) -> String { names[evaluation] ?? evaluation }
}

/// One table of a section: models side by side.
public struct SectionTable: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Listed evaluations and metrics, a row each (a row per variant found).
        case rows([SectionRow])
        /// SimpleQA-style grades of each listed evaluation: correct, incorrect, not attempted,
        /// and the rates derived from them, a table per evaluation.
        case threeWayGrades(evaluations: [String])
        /// Every result of the evaluations matching the patterns (`mmlu_*`), a row per
        /// evaluation, metric and setting.
        case benchmarks(patterns: [String])
    }

    public let id: String
    public let title: String
    public let summary: String?
    public let kind: Kind
    /// Whether the table is also drawn as a chart (a bar per model and row).
    public let chart: Bool
    /// The line of its file where the table is defined, for messages (nil: not from a file).
    public var line: Int?

    public init(id: String, title: String, summary: String?, kind: Kind, chart: Bool) {
        self.id = id
        self.title = title
        self.summary = summary
        self.kind = kind
        self.chart = chart
    }
}

/// A row of a `rows` table: one metric of one evaluation.
public struct SectionRow: Hashable, Sendable {
    public let evaluation: String
    public let metric: String
    public let label: String
    /// Whether a smaller value is the better one (a hallucination rate), for the reader.
    public let lowerIsBetter: Bool
    /// The line of its file where the row is defined, for messages (nil: not from a file).
    public var line: Int?

    public init(evaluation: String, metric: String, label: String, lowerIsBetter: Bool = false) {
        self.evaluation = evaluation
        self.metric = metric
        self.label = label
        self.lowerIsBetter = lowerIsBetter
    }
}

/// A trade-off chart: one point per model on two metrics, with the frontier of the points no
/// other beats on both.
public struct TradeoffChart: Hashable, Sendable {
    public let id: String
    public let title: String
    public let summary: String?
    public let x: SectionRow
    public let y: SectionRow
    /// Only results with this variant (the one source that has both axes), or nil for none.
    public let variant: String?
    /// The line of its file where the chart is defined, for messages (nil: not from a file).
    public var line: Int?

    public init(id: String, title: String, summary: String?, x: SectionRow, y: SectionRow, variant: String?) {
        self.id = id
        self.title = title
        self.summary = summary
        self.x = x
        self.y = y
        self.variant = variant
    }
}
