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
            For each current scorecard (or every stored one with --all), loads the framework, \
            determinations and evidence it was made from out of the store, assesses again, and \
            compares the result with the stored document byte for byte. Then lists the flags a \
            reviewer must look at: determinations that lower the indicated level, levels decided \
            without evidence, intervals straddling thresholds, early warnings.

            A scorecard that differs is named by the category, stage and field that differ first. \
            Exits 0 when every scorecard re-derives unchanged, 7 when one does not.

            Example:
              scorecard check --config examples/demo/scorecard.yaml
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Check every stored scorecard, not only the current ones.")
    var all = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func execute() throws -> ExitStatus {
        // Evaluator definitions and programs are looked for relative to the card's root.
        let root = storeOptions.store == nil ? (try? Card.load(path: storeOptions.config))?.root : nil
        let results = try Checker(store: try storeOptions.open(), root: root).check(all: all)
        switch format {
        case .json:
            try Console.write(try OutputEnvelope(command: "check", result: results.map(CheckReport.init)).encoded())
        case .text:
            try Console.write(Self.text(results))
        }
        return results.allSatisfy(\.matches) ? .success : .checkFailed
    }

    static func text(_ results: [CheckResult]) -> String {
        var out = ""
        for result in results {
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
            case .evaluatorsChanged(let changes):
                out += "\(label): DIFFERS: " + changes.map { terminalSafe($0.description) }.joined(separator: "; ") + "\n"
            case .noLongerProduced:
                out += "\(label): DIFFERS: the stored inputs no longer produce a scorecard for this model\n"
            case .failed(let error):
                out += "\(label): CANNOT RE-DERIVE: \(terminalSafe("\(error)"))\n"
            }
            // Escaped by TextReport.flagLines.
            for line in result.flagLines { out += "  - \(line)\n" }
        }
        return out
    }
}
