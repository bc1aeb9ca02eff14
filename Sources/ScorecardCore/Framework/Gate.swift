/// A governance rule on the overall level of one stage.
///
/// A ceiling gate passes when the overall level is at most its level ("deploy only if
/// post-mitigation ≤ Medium"). A trigger gate is a requirement that applies once the overall
/// level reaches its level ("harden security if pre-mitigation ≥ High"); it passes while it is
/// not triggered. Both fail closed: a stage that is not assessed does not pass a ceiling and does
/// trigger a requirement.
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

    public init(id: String, name: String, summary: String?, kind: Kind, stage: String, level: Level) {
        self.id = id
        self.name = name
        self.summary = summary
        self.kind = kind
        self.stage = stage
        self.level = level
    }
}
