/// A point in the mitigation process at which levels are scored, such as `pre_mitigation`.
///
/// The Preparedness Framework (Beta) scores every category before and after mitigations; a
/// framework that scores capabilities once has a single stage.
public struct StageDefinition: Hashable, Sendable, Codable {
    public let id: String
    public let name: String
    public let summary: String?

    public init(id: String, name: String, summary: String? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
    }
}
