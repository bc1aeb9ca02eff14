import ArgumentParser
import Foundation
import Scorecard

/// `scorecard keygen`: a reviewer's Ed25519 key pair for sign-offs.
struct KeygenCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make a reviewer's Ed25519 key for signing off scorecards.",
        discussion: """
            Writes the private key to --out as PKCS#8 PEM (the form `openssl pkey` reads), with \
            permissions 0600, atomically; an existing file is never replaced unless --force. Keep \
            it secret: whoever holds it can sign as the reviewer. Prints the public key as a \
            keyring entry; with --keyring (and --reviewer), also adds it to that keyring file, \
            which is made if absent (a reviewer the keyring already has is refused). Keyring \
            format and what a signature proves: docs/signoff.md.

            Example:
              scorecard keygen --out reviewer.pem --reviewer Alice \\
                --keyring examples/demo/keyring.yaml
            """)

    @Option(name: .long, help: ArgumentHelp("Private key file to write (mode 0600).", valueName: "file"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("The reviewer's name, as sign-offs and the keyring give it.", valueName: "name"))
    var reviewer: String?

    @Option(name: .long, help: ArgumentHelp("Keyring file to add the public key to (needs --reviewer).", valueName: "file"))
    var keyring: String?

    @Flag(name: .long, help: "Replace an existing private key file.")
    var force = false

    mutating func execute() throws -> ExitStatus {
        let key = try KeyGeneration.generate(out: out, reviewer: reviewer, keyring: keyring, force: force)
        var text = "Wrote the private key to \(terminalSafe(key.privateKeyPath)) (mode 0600); keep it secret.\n"
        text += "Public key \(key.publicKey.fingerprint); its keyring entry, under `reviewers:`:\n"
        text += "  \(terminalSafe(key.keyringEntry))\n"
        if let path = key.keyringPath { text += "Added \(terminalSafe(key.reviewer ?? "")) to the keyring \(terminalSafe(path)).\n" }
        try Console.write(text)
        return .success
    }
}
