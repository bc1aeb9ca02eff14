import ArgumentParser
import Foundation
import Scorecard
import ScorecardCore
import ScorecardRender

extension SignoffDecision: ExpressibleByArgument {}

/// `scorecard signoff`: a reviewer's signed decision on a model's current scorecard.
struct SignoffCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "signoff",
        abstract: "Sign a reviewer's decision on a model's current scorecard.",
        discussion: """
            Binds the decision to the current scorecard of the model (and snapshot) in the \
            card's history: the SHA-256 of its document, of the framework file and of the \
            determinations file, with the reviewer's name, the note and the time, signed with the \
            reviewer's Ed25519 key. The sign-off is stored in the store (append-only) and, when \
            the card names a `signoffs:` file, appended to it, so it can be committed beside the \
            card. With the card's `keyring:`, the reviewer must be in it with this key. Run \
            `scorecard regenerate` to show it in the reports; `scorecard verify` checks it.

            A sign-off is about one version: when the scorecard changes, regenerate says the \
            sign-off is stale (exit 9) and the report shows it as such.

            Example:
              scorecard signoff --config examples/demo/scorecard.yaml --model o1 \\
                --decision approve --reviewer Alice --key reviewer.pem --note Reviewed
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The model whose current scorecard is signed.", valueName: "name"))
    var model: String

    @Option(name: .long, help: ArgumentHelp("The snapshot, when the model has several.", valueName: "name"))
    var snapshot: String?

    @Option(name: .long, help: ArgumentHelp("The reviewer's decision.", valueName: "decision"))
    var decision: SignoffDecision

    @Option(name: .long, help: ArgumentHelp("The reviewer's name, as the keyring gives it.", valueName: "name"))
    var reviewer: String

    @Option(name: .long, help: ArgumentHelp("The reviewer's private key file (from keygen).", valueName: "file"))
    var key: String

    @Option(name: .long, help: ArgumentHelp("A note signed with the decision.", valueName: "text"))
    var note: String?

    @Option(name: .long, help: "Output format: text, or json (the signed record).")
    var format: OutputFormat = .text

    func validate() throws {
        guard !reviewer.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reviewer is empty") }
    }

    mutating func execute() throws -> ExitStatus {
        let opened = try storeOptions.open()
        let request = SignoffRequest(model: model, snapshot: snapshot, decision: decision, reviewer: reviewer, note: note, keyPath: key)
        let signed = try Signing.signoff(request, in: opened)
        let signoff = signed.stored.signoff
        switch format {
        case .json:
            try Console.write(try JSONOutput.encode(signoff))
        case .text:
            var text = "Signed off #\(signed.stored.id): \(terminalSafe(signoff.reviewer)), "
            text += "\(SignoffWording.decision(signoff.decision).lowercased()), on scorecard #\(signed.stored.scorecardID) of \(terminalSafe(signoff.subject.description)) "
            text += "(document \(signoff.documentSha256.prefix(12))) at \(signoff.signedAt).\n"
            if let file = signed.recordFile { text += "Appended the record to \(terminalSafe(opened.config?.display(file) ?? file)).\n" }
            text += "Run `scorecard regenerate` to show it in the reports.\n"
            try Console.write(text)
        }
        return .success
    }
}
