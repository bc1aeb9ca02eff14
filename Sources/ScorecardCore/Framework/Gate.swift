/// A governance rule on the overall level of one stage, or on the highest level of some of its
/// categories.
///
/// A ceiling gate passes when the overall level is at most its level ("deploy only if
/// post-mitigation ≤ Medium"). A trigger gate is a requirement that applies once the overall
/// level reaches its level ("harden security if pre-mitigation ≥ High"); it passes while it is
/// not triggered. Both fail closed: a stage that is not assessed does not pass a ceiling and does
/// trigger a requirement.
///
/// A gate that names `categories` (`schema_version: 3`) looks only at those: the RSP requires the
/// ASL-3 Deployment Standard for CBRN-3 but not for AI R&D-4, and the FSF recommends a security
/// level per critical capability level. Its level is the highest of theirs, formed as the overall
/// level is, and it fails closed when one of them that is required is not assessed.
public struct Gate: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case ceiling
        case trigger
    }

    public let id: String
    public let name: String
    public let summary: String?
    public let kind: Kind
    public let stage: String
    public let level: Level
    /// The categories the gate looks at, in file order; nil: every gating category.
    public let categories: [String]?

    public init(
        id: String, name: String, summary: String?, kind: Kind, stage: String, level: Level, categories: [String]? = nil
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.kind = kind
        self.stage = stage
        self.level = level
        self.categories = categories
    }

    /// Whether the gate looks at `category`: a gating category it names, or any gating category
    /// when it names none.
    public func covers(_ category: Category) -> Bool {
        category.gating && (categories?.contains(category.id) ?? true)
    }
}
