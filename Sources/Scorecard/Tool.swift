import ScorecardCore

/// The tool's name and version, as scorecard documents, reports and run fingerprints record them.
public enum ToolIdentity {
    /// The command's name.
    public static let name = "scorecard"
    /// This build's version.
    public static let version = "0.1.0"
    /// Name and version as a scorecard document records them.
    public static var document: ScorecardDocument.Tool { .init(name: name, version: version) }
}
