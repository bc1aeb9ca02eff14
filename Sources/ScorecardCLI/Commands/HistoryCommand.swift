import ArgumentParser
import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardStore

/// Where a command finds the store: `--store`, or the card configuration's `store`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Card configuration, for its store path.", valueName: "file"))
    var config = "scorecard.yaml"

    @Option(name: .long, help: ArgumentHelp("SQLite store (overrides the configuration).", valueName: "path"))
    var store: String?

    func open() throws -> ScorecardStore {
        let path = try store ?? CardConfigLoader.load(path: config, formats: EvidenceSources.readerNames).store
        return try ScorecardStore(path: path, create: false)
    }
}

/// `scorecard history`: a model's levels over its stored scorecards.
struct HistoryCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Levels per category and stage of a model over its stored scorecards, with dates.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The model.", valueName: "name"))
    var model: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func execute() throws -> ExitStatus {
        let store = try storeOptions.open()
        let stored = try store.scorecards(model: model)
        guard !stored.isEmpty else {
            let known = try store.models()
            throw CommandError("no scorecards for model '\(model)' (known: \(known.joined(separator: ", ")))", status: .invalidInput)
        }
        let entries = try stored.map { try HistoryEntry($0) }
        switch format {
        case .json:
            FileHandle.standardOutput.write(try JSONOutput.encode(entries))
        case .text:
            Console.write(Self.text(entries))
        }
        return .success
    }

    static func text(_ entries: [HistoryEntry]) -> String {
        var table = TextTable()
        let categories = entries.last?.categories.map(\.id) ?? []
        table.add(["id", "created", "snapshot", "framework"] + categories + ["overall", "gates failing"])
        for entry in entries {
            let cells = categories.map { id in
                entry.categories.first { $0.id == id }.map { $0.levels.map { $0 ?? "—" }.joined(separator: "/") } ?? "n/a"
            }
            table.add([String(entry.id), entry.createdAt, entry.snapshot ?? "—", entry.framework]
                      + cells + [entry.overall.map { $0 ?? "—" }.joined(separator: "/"), entry.failingGates.joined(separator: ", ")])
        }
        let stages = entries.last?.stages.joined(separator: "/") ?? ""
        return "Levels are \(stages); — is not assessed.\n" + table.render()
    }
}

/// One stored scorecard as a row of the history.
struct HistoryEntry: Encodable {
    struct CategoryLevels: Encodable {
        var id: String
        /// Levels in the framework's stage order; nil is not assessed.
        var levels: [String?]
    }

    var id: Int64
    var createdAt: String
    var snapshot: String?
    var framework: String
    var stages: [String]
    var categories: [CategoryLevels]
    var overall: [String?]
    var failingGates: [String]

    init(_ stored: StoredScorecard) throws {
        let document = try stored.decoded()
        guard let card = document.models.first else { throw CommandError("scorecard \(stored.id) has no model") }
        id = stored.id
        createdAt = stored.createdAt
        snapshot = card.snapshot
        framework = "\(document.framework.id) \(document.framework.version)"
        stages = document.framework.stages
        let order = document.framework.stages
        categories = card.categories.map { category in
            CategoryLevels(id: category.id, levels: order.map { category.stages[$0]?.level })
        }
        overall = order.map { card.overall[$0] ?? nil }
        failingGates = card.gates.filter { !$0.passed }.map(\.id)
    }
}
