import ArgumentParser
import Foundation
import Scorecard

/// `scorecard check`: re-derive stored scorecards from their stored inputs and list what a
/// reviewer must look at.
struct CheckCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-derive stored scorecards from their stored inputs and list review flags.",
        discussion: """
            For each current scorecard of the card (or every stored one with --all), loads the \
            framework, determinations and evidence it was made from out of the store, assesses \
            again, and compares the result with the stored document byte for byte. Then proves the \
            history whole: each card's scorecard rows form a hash chain, walked end to end, so a \
            row deleted, reordered or edited is found; every run's recorded chain head is in its \
            chain; stored determinations match the stored file whose hash the scorecards record; \
            sign-off rows form a chain too, each signature matches its fields and each signed \
            scorecard still has the signed document hash (verify checks who signed, against a \
            keyring). \
            The line per card gives its chain head: keep it to notice a history rewritten from \
            scratch. With a card configuration (--config, or scorecard.yaml), every input of its \
            current scorecards is hashed again on disk, whatever its size and modification time.

            Lists the flags a reviewer must look at: determinations that lower the indicated \
            level, levels decided without evidence, determinations whose evidence changed since \
            their made_on, intervals straddling thresholds, early warnings. \
            A scorecard that differs is named by the category, stage and field that differ first.

            Exits 0 when everything holds; 7 when a scorecard does not re-derive or the history or \
            a stored input was altered; 8 when only files on disk differ from what the current \
            scorecards were made from (run regenerate, with --rehash if they kept size and time).

            Example:
              scorecard check --config examples/demo/scorecard.yaml
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Check every stored scorecard, not only the current ones.")
    var all = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func execute() throws -> ExitStatus {
        let opened = try storeOptions.open()
        // Evaluator definitions and programs are looked for relative to the card's root.
        let checker = Checker(store: opened.store, root: opened.config?.root)
        let summary = try checker.summary(all: all, card: opened.key, config: opened.config)
        switch format {
        case .json:
            try Console.write(try OutputEnvelope(command: "check", result: CheckSummaryJSON(summary)).encoded())
        case .text:
            try Console.write(Self.text(summary))
        }
        return summary.status
    }

    static func text(_ summary: CheckSummary) -> String {
        var out = ""
        for result in summary.results {
            let label = "#\(result.scorecard.id) \(terminalSafe(result.scorecard.subject.description))"
            switch result.outcome {
            case .unchanged:
                out += "\(label): re-derived unchanged\n"
            case .differs(let difference):
                var text = difference.place.map { terminalSafe($0.description) }
                    ?? terminalSafe("first difference at line \(difference.line): stored \(difference.stored), re-derived \(difference.rederived)")
                if difference.storedBy != difference.rederivedBy {
                    text += terminalSafe(" (stored by scorecard \(difference.storedBy), re-derived by \(difference.rederivedBy))")
                }
                out += "\(label): DIFFERS: \(text)\n"
            case .evaluatorsChanged(let changes, _):
                out += "\(label): DIFFERS: " + changes.map { terminalSafe($0.description) }.joined(separator: "; ") + "\n"
            case .noLongerProduced:
                out += "\(label): DIFFERS: the stored inputs no longer produce a scorecard for this model\n"
            case .failed(let error):
                out += "\(label): CANNOT RE-DERIVE: \(terminalSafe("\(error)"))\n"
            case .storedInputsAltered(let problems):
                out += "\(label): STORED INPUTS ALTERED:\n"
                for problem in problems { out += "    \(terminalSafe(problem))\n" }
            }
            // Escaped by TextReport.flagLines.
            for line in result.flagLines { out += "  - \(line)\n" }
        }
        out += history(summary)
        if !summary.disk.isEmpty {
            out += "Inputs on disk differ from what the current scorecards were made from:\n"
            for change in summary.disk {
                let now = change.onDisk.map { "now \($0.prefix(12))" } ?? "no longer on disk"
                let ids = change.scorecards.map { "#\($0)" }.joined(separator: ", ")
                out += "  \(terminalSafe(change.path)): \(now); scorecards \(ids) were made from \(change.stored.prefix(12))\n"
            }
            out += "Run `scorecard regenerate --rehash` to bring the scorecards up to date.\n"
        }
        return out
    }

    /// The history lines: each card's chain, then what is wrong with the history, if anything.
    static func history(_ summary: CheckSummary) -> String {
        var out = ""
        for chain in summary.history.chains {
            out += "History of \(terminalSafe(chain.card.label)): \(chain.rows) scorecard row\(chain.rows == 1 ? "" : "s"), "
            out += "chain head \(chain.head)\n"
        }
        if summary.history.signoffRows > 0 {
            let rows = summary.history.signoffRows
            out += "Sign-offs: \(rows) row\(rows == 1 ? "" : "s"), chain head \(summary.history.signoffHead)\n"
        }
        let problems = summary.history.problems + summary.storedTexts
        if problems.isEmpty {
            out += "History: whole (every chain and reference verified)\n"
        } else {
            out += "History: ALTERED\n"
            for problem in problems { out += "  \(terminalSafe(problem))\n" }
        }
        return out
    }
}
