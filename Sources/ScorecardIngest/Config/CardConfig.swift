import Foundation

/// A card configuration (`scorecard.yaml`): everything `regenerate` needs, with paths resolved
/// against the configuration file's folder.
public struct CardConfig: Sendable {
    /// One entry of `evidence:`: a path or glob and how to read what it matches.
    public struct EvidenceSource: Sendable, Hashable {
        /// The pattern as written, for messages.
        public let pattern: String
        /// The pattern resolved against the configuration's folder.
        public let resolvedPattern: String
        /// `auto` (detect from content) or a reader name.
        public let format: String
        /// Stage for formats that do not carry one.
        public let stage: String?
        /// Task name → evaluation id.
        public let map: [String: String]
        /// Model name for formats that do not record one (JUnit), or to override the file's.
        public let model: String?
        /// `skip_invalid`: a file of this entry that is refused is left out (and listed) instead of failing the run.
        public var skipInvalid = false
        /// Line of the entry in the configuration file.
        public let line: Int?
    }

    /// One entry of `models:`.
    public struct ModelSelection: Sendable, Hashable {
        public let name: String
        /// Snapshots to report; empty means every snapshot in the evidence.
        public let snapshots: [String]
        /// Line of the entry in the configuration file.
        public let line: Int?
    }

    public let path: String
    public let directory: String
    /// The folder that paths in scorecards, reports and the store are shown relative to
    /// (`root:`, default the configuration's folder), so output is the same on every checkout.
    public let root: String
    public let sha256: String
    public let framework: String
    public let store: String
    public let models: [ModelSelection]
    public let evidence: [EvidenceSource]
    public let determinations: String?
    public let templates: String?
    public let reportDirectory: String
    public let reportFormats: [String]
    /// Fixed generation time for reproducible reports (ISO 8601), when set.
    public let generatedAt: String?
    /// Evidence stage → the framework's stage (`stages:`); nil leaves that stage's records out.
    public let stages: [String: String?]
    /// Line of `stages:` in the configuration, for messages about it.
    public let stagesLine: Int?
    /// `strict: true`: every warning about the inputs fails the run (exit 2), as `--strict` does.
    public let strict: Bool
    /// `sections:` the parts of the system card in order (`preparedness`, section ids, or section
    /// files resolved against the configuration's folder); empty: the Preparedness report alone.
    public var sections: [String] = []
    /// Line of `sections:`, for messages about it.
    public var sectionsLine: Int?
    /// `compare_with:` models shown beside every report's model.
    public var compareWith: [String] = []
    /// Line of `compare_with:`.
    public var compareWithLine: Int?
    /// `reports: {document: true}`: also write the whole card as one file per format.
    public var document = false

    /// Whether the reports are a system card (sections, comparisons or a whole document), not
    /// the Preparedness report alone.
    public var isSystemCard: Bool { !sections.isEmpty || !compareWith.isEmpty || document }
    /// `rehash: true`: hash every evidence file on each run instead of trusting an unchanged size
    /// and modification time (for file systems with coarse times, or copies made with `cp -p`).
    public var rehash = false
    /// `signoffs:` the file of signed sign-off records (JSON Lines) that `regenerate` imports and
    /// `scorecard signoff` appends to; it need not exist yet.
    public var signoffs: String?
    /// `keyring:` the reviewers' public keys that sign-offs are checked against.
    public var keyring: String?

    /// `path` as shown in scorecards: relative to `root`.
    public func display(_ path: String) -> String { RelativePath.from(root, to: path) }

    /// The absolute path of a path shown relative to `root`.
    public func absolute(_ display: String) -> String {
        URL(fileURLWithPath: root).appendingPathComponent(display).standardized.path
    }

    /// The report formats a configuration may name.
    public static let knownReportFormats = ["md", "html", "json"]
}
