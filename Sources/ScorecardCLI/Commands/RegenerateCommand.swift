import ArgumentParser
import Foundation
import Scorecard
import ScorecardCore

/// `scorecard regenerate`: bring a card's scorecards and reports up to date.
struct RegenerateCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "regenerate",
        abstract: "Import new evidence, re-assess, store scorecards and re-render changed reports.",
        discussion: """
            Reads the card configuration, imports evidence files that are new or changed (a file \
            whose size and modification time are unchanged is not read again, unless --rehash or \
            the card's `rehash: true`), re-assesses, stores scorecards that differ from the last \
            ones, re-renders only reports whose inputs changed, and prints what moved. The same \
            inputs give byte-identical reports and no new rows.

            Levels and gates are compared with the card's last run whose summary was delivered: \
            a run that was killed, or could not write its summary, before it exited has its alert \
            raised again by the next run. Several cards may share one store; each keeps its own \
            history.

            Warnings about the inputs (records no indicator reads, tiers counted as one, evidence \
            the card's models: leave out entirely) are printed on standard error; with --strict or \
            the card's strict: true they stop the run before anything is stored or written.

            A reviewer's sign-off covers one version of a scorecard: when a run replaces a signed \
            version, the summary names the sign-off as stale. The card's `signoffs:` file (signed \
            records, checked against its `keyring:`) is imported into the store.

            Exit codes: 0 no level or gate changed and nothing is newly in question; 4 a level moved since the last delivered run; \
            5 a gate that passed no longer passes; 11 no level moved but one is newly in \
            question (a review flag such as a stale determination, or one below what the evidence \
            does not rule out, appeared; or the evidence beneath a determination moved); 9 a \
            signed-off scorecard was replaced (when none of 5, 4, 11 applies); 6 another run held the store, or another \
            process held a write transaction on it, past --wait; 2 invalid input (or a warning in \
            strict mode); 1 any other failure, including standard output that cannot be written.

            Example:
              scorecard regenerate --config examples/demo/scorecard.yaml
            """)

    @Option(name: .long, help: ArgumentHelp("Card configuration.", valueName: "file"))
    var config = "scorecard.yaml"

    @Option(name: .long, help: ArgumentHelp("SQLite store (default: the configuration's `store`).", valueName: "path"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp(
        "Seconds to wait for another run on the same store, and for another process's write on the database.",
        valueName: "seconds"))
    var wait: Double = 60

    @Flag(name: .long, help: "Hash every evidence file, trusting no unchanged size and modification time.")
    var rehash = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Exit 2 on any warning about the inputs (as the card's strict: true does), before storing or writing anything.")
    var strict = false

    func validate() throws {
        guard wait.isFinite, wait >= 0 else {
            throw ValidationError("--wait must be a number of seconds, 0 or more, found \(wait)")
        }
    }

    mutating func execute() throws -> ExitStatus {
        let regenerator = try Regenerator(config: config, store: store)
        let progress = ProgressBar()
        defer { progress.finish() }
        let wait = self.wait
        let format = self.format
        let summary = try regenerator.run(
            wait: wait, rehash: rehash,
            waiting: { Console.error("waiting for another scorecard run on \(regenerator.storePath) (up to \(Seconds.text(wait)))") },
            strict: strict,
            progress: { event in progress.show(event) },
            deliver: { summary in
                progress.finish()
                try InputReviewText.report(InputReview(warnings: summary.warnings, notes: summary.notes), strict: false)
                switch format {
                case .json: try Console.write(try JSONOutput.encode(summary))
                case .text: try Console.write(RunSummaryText.render(summary))
                }
            },
            // The delivery is recorded: exit with the alert's code at once (see Regenerator.run).
            delivered: { summary in Foundation.exit(summary.status.rawValue) })
        return summary.status
    }
}
