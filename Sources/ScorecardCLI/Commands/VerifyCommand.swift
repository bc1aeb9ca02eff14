import ArgumentParser
import Foundation
import Scorecard
import ScorecardCore

/// `scorecard verify`: every stored sign-off against a keyring and the scorecard it signed.
struct VerifyCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every sign-off's signature against a keyring, and whether it is stale.",
        discussion: """
            For each stored sign-off of the card (every card with --store alone): the reviewer \
            must be in the keyring, the record must be signed with the key the keyring gives them, \
            the signature must match its fields, and the scorecard it signed must be unaltered \
            (its stored document still hashes to the signed hash, its row records the signed \
            framework and determinations). A sign-off whose scorecard has since been replaced by \
            another version is reported as stale. What this proves and what it does not: \
            docs/signoff.md.

            Exits 0 when every sign-off verifies (stale ones included: they are listed); 10 when \
            any is refused, each with its reason; 2 for an invalid keyring.

            Example:
              scorecard verify --config examples/demo/scorecard.yaml
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Reviewers' public keys (default: the card's keyring:).", valueName: "file"))
    var keyring: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    mutating func execute() throws -> ExitStatus {
        let opened = try storeOptions.open()
        let (keys, name) = try SignoffVerifier.keyring(path: keyring, config: opened.config)
        let report = try SignoffVerifier.verify(opened, keyring: keys, keyringName: name)
        switch format {
        case .json:
            try Console.write(try OutputEnvelope(command: "verify", result: VerifyJSON(report)).encoded())
        case .text:
            try Console.write(Self.text(report))
        }
        return report.status
    }

    static func text(_ report: SignoffReport) -> String {
        guard !report.entries.isEmpty else { return "No sign-offs are stored.\n" }
        var out = ""
        for entry in report.entries {
            let signoff = entry.stored.signoff
            var line = "#\(entry.stored.id) \(terminalSafe(signoff.reviewer)): \(signoff.decision.rawValue) "
            line += "\(terminalSafe(signoff.subject.description)) scorecard #\(entry.stored.scorecardID) "
            line += "(document \(signoff.documentSha256.prefix(12))), \(terminalSafe(signoff.signedAt)): "
            if entry.verified {
                line += "verified"
                if entry.stale {
                    line += entry.currentID.map { ", STALE: scorecard #\($0) (document \(entry.currentDocument?.prefix(12) ?? "")) replaced it" }
                        ?? ", STALE: the model has no current scorecard"
                } else {
                    line += ", current"
                }
                out += line + "\n"
            } else {
                out += line + "REFUSED\n"
                for refusal in entry.refusals { out += "    \(terminalSafe(refusal))\n" }
            }
        }
        let refused = report.entries.filter { !$0.verified }.count
        let stale = report.entries.filter { $0.verified && $0.stale }.count
        out += "\(report.entries.count) sign-off\(report.entries.count == 1 ? "" : "s") checked against \(terminalSafe(report.keyring)): "
        out += "\(refused) refused, \(stale) stale.\n"
        return out
    }
}

/// `verify --format json`: each sign-off with what was found; every key present.
struct VerifyJSON: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var id: Int64
        var scorecardId: Int64
        var signoff: Signoff
        var verified: Bool
        var refusals: [String]
        var stale: Bool
        @Nullable var currentScorecardId: Int64? = nil
        @Nullable var currentDocumentSha256: String? = nil
    }

    var keyring: String
    var signoffs: [Entry]

    init(_ report: SignoffReport) {
        keyring = report.keyring
        signoffs = report.entries.map {
            Entry(id: $0.stored.id, scorecardId: $0.stored.scorecardID, signoff: $0.stored.signoff, verified: $0.verified,
                  refusals: $0.refusals, stale: $0.stale, currentScorecardId: $0.currentID, currentDocumentSha256: $0.currentDocument)
        }
    }
}
