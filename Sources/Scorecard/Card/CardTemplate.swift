import Foundation

/// The commented card configuration that starts a card (`scorecard init`).
public enum CardTemplate {
    /// Writes the configuration to `path` atomically; an existing file is replaced only when `force`.
    public static func write(to path: String, framework: String, force: Bool = false) throws {
        if FileManager.default.fileExists(atPath: path), !force { throw CardTemplateError.exists(path) }
        try AtomicFile.write(Data(text(framework: framework).utf8), to: path)
    }

    /// The configuration text, naming `framework` (a path relative to the configuration).
    public static func text(framework: String) -> String {
        """
        # Scorecard card configuration. Paths are relative to this file.
        schema_version: 1

        # The framework the card is assessed under (see docs/framework-format.md).
        framework: \(framework)

        # SQLite store of evidence, scorecards and runs (default: .scorecard/scorecard.sqlite).
        store: .scorecard/scorecard.sqlite

        # Models to report; leave out to report every model in the evidence. A model may list
        # snapshots to report only those.
        models:
          - name: my-model
          # - {name: my-model, snapshots: [2025-01-15]}

        # Evidence: files, folders or globs. `format` is auto (detected from content) or a reader
        # name; `stage` is required for formats that do not carry one (evaluation logs); `map`
        # renames tasks to the framework's evaluation ids.
        evidence:
          - path: evidence/*.jsonl
          # - {path: logs/*.eval, format: auto, stage: pre_mitigation, map: {cybench: ctf_professional}}

        # Human determinations and mitigation notes (optional).
        # determinations: determinations.yaml

        # Templates overriding the built-in ones (optional).
        # templates: templates/

        reports:
          directory: reports
          formats: [md, html]
          # Fix the generation time for byte-identical reports (otherwise the clock is used).
          # generated_at: 2025-01-15T00:00:00Z

        """
    }
}

/// Why a configuration was not written.
public enum CardTemplateError: Error, Sendable, CustomStringConvertible {
    /// The file exists and replacing it was not asked for.
    case exists(String)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) already exists"
        }
    }
}
