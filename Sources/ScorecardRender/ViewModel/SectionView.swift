/// A system-card section beside the Preparedness scorecard, as the templates receive it.
///
/// These views are drawn by partials that sit inside other contexts (a category's comparison
/// table, a card's sections), so every text is present, empty when there is none: a key left
/// out would make swift-mustache look it up in the enclosing context (a category's own chart).
public struct SectionView: Sendable, Encodable {
    /// A fragment identifier unique in the document, such as `sec-hallucinations`.
    public var anchor: String
    public var title: String
    /// None or one paragraph (a list, so an absent one is never looked up in an enclosing context).
    public var summary: [String]
    /// The models side by side, the report's subject first.
    public var models: [String]
    public var tables: [SideBySideTableView]
    public var tradeoffs: [TradeoffView]
    /// Published figures that do not follow from their own parts, one sentence each.
    public var flags: [String]
    public var hasFlags: Bool
}

/// A table with models side by side: a row per evaluation and metric (and setting).
public struct SideBySideTableView: Sendable, Encodable {
    public var anchor: String
    public var title: String
    /// None or one paragraph.
    public var summary: [String]
    /// The first column's header, then one per model (or model and stage).
    public var labelHeader: String
    public var headers: [String]
    public var rows: [SideBySideRowView]
    public var hasRows: Bool
    /// A bar per model and row, when the section asks for one: none or one chart.
    public var charts: [ChartView]
    /// What the marks in the cells mean: none or one sentence.
    public var legend: [String]
}

public struct SideBySideRowView: Sendable, Encodable {
    public var label: String
    /// The setting or source variant, "–" when none.
    public var variant: String
    public var cells: [ValueCellView]
}

/// One model's value: "47%" or "—" for a missing result (never zero), with its interval and marks.
public struct ValueCellView: Sendable, Encodable {
    public var value: String
    /// None or one interval.
    public var interval: [String]
    /// None or one note: "derived", "from 4326 graded samples", "does not follow from its parts (38.6%)".
    public var note: [String]
    public var missing: Bool
    /// A published figure that does not follow from its parts.
    public var flagged: Bool
}

/// A trade-off chart with the points behind it.
public struct TradeoffView: Sendable, Encodable {
    public var anchor: String
    public var title: String
    /// None or one paragraph.
    public var summary: [String]
    /// None or one chart.
    public var charts: [ScatterView]
    /// One line per point and per model without both values.
    public var points: [String]
}

/// How deep a report's headings sit: its own page, or a part of a whole system card.
public struct HeadingsView: Sendable, Encodable {
    /// True inside a whole card: Markdown templates put one more `#` before each heading (a
    /// flag, not the marks themselves, which Markdown escaping would make literal).
    public var nested: Bool
    /// HTML heading levels for the report's title, its sections and their subsections.
    public var titleLevel: Int
    public var sectionLevel: Int
    public var subLevel: Int

    /// Headings of a standalone page: the title is `#`.
    public static let page = HeadingsView(depth: 1)
    /// Headings of a part of a document whose own title is `#`.
    public static let part = HeadingsView(depth: 2)

    init(depth: Int) {
        nested = depth > 1
        titleLevel = depth
        sectionLevel = depth + 1
        subLevel = depth + 2
    }
}

/// A whole system card, or one section of it on its own page: a table of contents, the
/// Preparedness section when chosen, the other sections in the chosen order, and provenance.
public struct CardView: Sendable, Encodable {
    public var title: String
    public var subject: String
    /// Models compared with the subject, in words ("GPT-4o, o1-preview and o1-mini"): none or one.
    public var comparedWith: [String]
    public var contents: [ContentsEntry]
    public var hasContents: Bool
    public var preparedness: ReportView?
    public var sections: [SectionView]
    public var provenance: ProvenanceView
    /// Heading depth of the card's own sections (the Preparedness part sits one level deeper).
    public var headings: HeadingsView
}

public struct ContentsEntry: Sendable, Encodable {
    public var title: String
    /// The HTML fragment identifier.
    public var anchor: String
    /// GitHub's fragment identifier for the Markdown heading.
    public var markdownAnchor: String
}
