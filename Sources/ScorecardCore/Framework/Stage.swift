/// A point in the mitigation process at which levels are scored, such as `pre_mitigation`.
///
/// The Preparedness Framework (Beta) scores every category before and after mitigations; a
/// framework that scores capabilities once has a single stage.
public struct StageDefinition: Hashable, Sendable, Codable {
    public let id: String
    public let name: String
    public let summary: String?
    /// The stage this one is the mitigated form of (post-mitigation names pre-mitigation): the
    /// same model with mitigations added, which cannot make it more capable. The level shown here
    /// (reached by the evidence, or determined) is therefore a floor for that stage's level.
    public let mitigates: String?

    public init(id: String, name: String, summary: String? = nil, mitigates: String? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
        self.mitigates = mitigates
    }
}
