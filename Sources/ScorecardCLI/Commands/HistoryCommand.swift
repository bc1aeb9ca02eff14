import ArgumentParser
import Foundation
import Scorecard
import ScorecardCore
import ScorecardRender
import ScorecardStore

/// Where a command finds the store: `--store`, or the card configuration's `store`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Card configuration (default: scorecard.yaml, unless --store is given alone): its store, and only its history.",
        valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("SQLite store (overrides the configuration's); alone, every card in it.", valueName: "path"))
    var store: String?

    func open() throws -> CardStore {
        try Card.open(config: config, store: store)
    }
}

/// `scorecard history`: a model's levels over its stored scorecards.
struct HistoryCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Levels per category and stage of a model over its stored scorecards, with dates.",
        discussion: """
            One row per stored scorecard of the model, oldest first: the levels per category and \
            stage, the overall levels, and the gates that do not pass, in the report's words (Not \
            allowed, Required). --format json prints a versioned envelope.

            Example:
              scorecard history --config examples/demo/scorecard.yaml --model o1
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The model.", valueName: "name"))
    var model: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func execute() throws -> ExitStatus {
        let opened = try storeOptions.open()
        let entries = try History.entries(model: model, store: opened.store, card: opened.key)
        switch format {
        case .json:
            try Console.write(try OutputEnvelope(command: "history", result: entries).encoded())
        case .text:
            try Console.write(Self.text(entries))
        }
        return .success
    }

    /// A table of the entries; every value from the store (ids, levels, names) is escaped.
    static func text(_ entries: [HistoryEntry]) -> String {
        var table = TextTable()
        let categories = entries.last?.categories.map(\.id) ?? []
        table.add(["id", "created", "snapshot", "framework"] + categories.map(terminalSafe) + ["overall", "gates"])
        for entry in entries {
            let cells = categories.map { id in
                entry.categories.first { $0.id == id }.map { $0.levels.map { $0 ?? "—" }.joined(separator: "/") } ?? "n/a"
            }
            let row = [String(entry.id), entry.createdAt, entry.snapshot ?? "—", entry.framework]
                + cells + [entry.overall.map { $0 ?? "—" }.joined(separator: "/"),
                           entry.gates.filter { !$0.passed }.map { "\($0.id): \($0.decision)" }.joined(separator: ", ")]
            table.add(row.map(terminalSafe))
        }
        let stages = terminalSafe(entries.last?.stages.joined(separator: "/") ?? "")
        return "Levels are \(stages); — is not assessed.\n" + table.render()
    }
}
