import Foundation
import ScorecardIngest

/// The commented card configuration that starts a card (`scorecard init`).
public enum CardTemplate {
    /// Writes the configuration to `path` atomically; an existing file is replaced only when `force`.
    ///
    /// - Parameter framework: the framework file, relative to the configuration's folder or to the
    ///   current folder (or absolute); it must exist, and is written relative to the configuration.
    ///   Nil: the Beta framework where frameworks ship (see ``Frameworks/defaultFolders(executable:)``).
    /// - Returns: the framework path as written.
    @discardableResult
    public static func write(to path: String, framework: String? = nil, force: Bool = false) throws -> String {
        if FileManager.default.fileExists(atPath: path), !force { throw CardTemplateError.exists(path) }
        let written = try frameworkPath(framework, for: path)
        try AtomicFile.write(Data(text(framework: written).utf8), to: path)
        return written
    }

    /// `framework` as the configuration at `config` must name it: relative to the configuration's folder.
    static func frameworkPath(_ framework: String?, for config: String) throws(CardTemplateError) -> String {
        let current = FileManager.default.currentDirectoryPath
        let folder = URL(fileURLWithPath: config, relativeTo: URL(fileURLWithPath: current + "/")).deletingLastPathComponent().standardized.path
        guard let framework else {
            let shipped = Frameworks.defaultFolders().map { $0 + "/openai-preparedness-beta.yaml" }
            guard let found = shipped.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                throw .noFramework(searched: Frameworks.defaultFolders())
            }
            return RelativePath.from(folder, to: found)
        }
        if framework.hasPrefix("/") {
            guard FileManager.default.fileExists(atPath: framework) else { throw .missingFramework(framework) }
            return RelativePath.from(folder, to: framework)
        }
        if FileManager.default.fileExists(atPath: folder + "/" + framework) { return framework }
        let fromHere = URL(fileURLWithPath: framework, relativeTo: URL(fileURLWithPath: current + "/")).standardized.path
        guard FileManager.default.fileExists(atPath: fromHere) else { throw .missingFramework(framework) }
        return RelativePath.from(folder, to: fromHere)
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

        # Reviewers' sign-offs (optional): the signed records `scorecard signoff` appends to, and
        # the reviewers' public keys they are checked against (see docs/signoff.md).
        # signoffs: signoffs.jsonl
        # keyring: keyring.yaml

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
    /// The framework named exists neither beside the configuration nor from the current folder.
    case missingFramework(String)
    /// No framework was named and none ships where frameworks are looked for.
    case noFramework(searched: [String])

    public var description: String {
        switch self {
        case .exists(let path): "\(path) already exists; pass --force to replace it"
        case .missingFramework(let path):
            "framework '\(path)' does not exist (relative to the configuration or to the current folder); name an existing file with --framework (see `scorecard frameworks list`)"
        case .noFramework(let searched):
            "no framework file found (looked in \(searched.joined(separator: ", "))); name one with --framework"
        }
    }
}
