import ArgumentParser
import Foundation
import Scorecard
import ScorecardCore

/// `scorecard diff`: two scorecards side by side.
struct DiffCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two scorecards: levels, gates, evidence and determinations.",
        discussion: """
            Each side is a stored scorecard id (from `history`), MODEL or MODEL@SNAPSHOT (its \
            latest stored scorecard), or a JSON scorecard file from `assess --format json` \
            (FILE#MODEL picks a model). Comparing one snapshot under two framework versions: \
            assess it under each framework with --format json and diff the two files. Gates are \
            named in the report's words (Allowed/Not allowed, Not required/Required); --format json \
            prints a versioned envelope.

            Example:
              scorecard diff --config examples/demo/scorecard.yaml GPT-4o o1
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The earlier scorecard.")
    var a: String

    @Argument(help: "The later scorecard.")
    var b: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func execute() throws -> ExitStatus {
        let storeOptions = self.storeOptions
        let diff = try Differ.diff(a, b, open: storeOptions.open)
        switch format {
        case .json:
            try Console.write(try OutputEnvelope(command: "diff", result: diff).encoded())
        case .text:
            try Console.write(DiffText.render(diff))
        }
        return .success
    }
}
