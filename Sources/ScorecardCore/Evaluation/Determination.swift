/// A human decision that sets a category's level at a stage, with its reasons.
///
/// Real scorecards are determinations ("post-mitigation set equal to pre-mitigation out of
/// caution"). The engine applies a determination over the level the evidence indicates and keeps
/// both; one that lowers the indicated level is flagged.
public struct Determination: Hashable, Sendable {
    public let model: String
    /// When set, the determination applies to this snapshot only.
    public let snapshot: String?
    public let category: String
    public let stage: String
    public let level: Level
    public let rationale: String
    public let author: String
    /// ISO 8601 date, such as `2024-12-05`.
    public let date: String
    public let source: String?
    public let location: SourceLocation
    /// `made_on`: the evidence hash of the category at the stage when the determination was made
    /// (``Assessor/evidenceHash(category:stage:subject:evidence:use:)``); nil when not recorded.
    public let madeOn: String?

    public init(
        model: String, snapshot: String?, category: String, stage: String, level: Level, rationale: String,
        author: String, date: String, source: String?, location: SourceLocation, madeOn: String? = nil
    ) {
        self.madeOn = madeOn
        self.model = model
        self.snapshot = snapshot
        self.category = category
        self.stage = stage
        self.level = level
        self.rationale = rationale
        self.author = author
        self.date = date
        self.source = source
        self.location = location
    }

    /// Whether this determination applies to `subject`.
    public func applies(to subject: Subject) -> Bool {
        model == subject.model && (snapshot == nil || snapshot == subject.snapshot)
    }

    /// The determinations that apply to `subject`, one per category and stage at most: one made
    /// for the subject's snapshot overrides one made for the model as a whole, wherever either
    /// stands in the file.
    public static func applicable(_ determinations: [Determination], to subject: Subject) -> [Determination] {
        let matching = determinations.filter { $0.applies(to: subject) }
        let specific = Set(matching.filter { $0.snapshot != nil }.map { "\($0.category)\u{0}\($0.stage)" })
        return matching.filter { $0.snapshot != nil || !specific.contains("\($0.category)\u{0}\($0.stage)") }
    }
}

/// Mitigations applied for a category, as recorded beside the determinations.
public struct Mitigation: Hashable, Sendable {
    public let model: String
    public let category: String
    public let text: String
    public let location: SourceLocation

    public init(model: String, category: String, text: String, location: SourceLocation) {
        self.model = model
        self.category = category
        self.text = text
        self.location = location
    }
}
