import Foundation
import ScorecardCore
import ScorecardIngest

/// A new reviewer key (`scorecard keygen`): the private key written to a file only its owner
/// reads, the public key for a keyring.
public struct GeneratedKey: Sendable {
    public let publicKey: Ed25519.PublicKey
    /// Where the private key was written.
    public let privateKeyPath: String
    /// The keyring the public key was added to, when one was named.
    public let keyringPath: String?
    public let reviewer: String?

    /// The keyring line for the key: `"NAME": BASE64` (`REVIEWER` when no name was given).
    public var keyringEntry: String { "\(KeyringLoader.quoted(reviewer ?? "REVIEWER")): \(publicKey.base64)" }
}

public enum KeyGeneration {
    /// Makes a key and writes its private half to `out` as PKCS#8 PEM with mode 0600, atomically;
    /// an existing file is never replaced unless `force`. With `keyring` (and a `reviewer`), the
    /// public key is added to that keyring file (made if absent; a reviewer it already has with
    /// another key is refused, so a key is never swapped silently).
    public static func generate(out: String, reviewer: String?, keyring: String?, force: Bool) throws -> GeneratedKey {
        if let reviewer, reviewer.trimmingCharacters(in: .whitespaces).isEmpty {
            throw InputError(file: out, "--reviewer is empty")
        }
        if let reviewer, let problem = ReviewerName.problem(reviewer, among: []) {
            throw InputError(file: out, "--reviewer: \(problem)")
        }
        // Held from reading the keyring to writing it back: two keygens filing keys in one keyring
        // take turns, so neither drops the other's entry.
        let lock = try keyring.map { try FileLock.guarding($0) }
        return try withExtendedLifetime(lock) { try generate(out: out, reviewer: reviewer, keyringHeld: keyring, force: force) }
    }

    /// ``generate(out:reviewer:keyring:force:)`` with the keyring's lock held.
    private static func generate(out: String, reviewer: String?, keyringHeld keyring: String?, force: Bool) throws -> GeneratedKey {
        var keyringKeys: [String: Ed25519.PublicKey]?
        if let keyring {
            guard let reviewer else { throw InputError(file: keyring, "--keyring needs --reviewer: the name the key is filed under") }
            let keys = FileManager.default.fileExists(atPath: keyring) ? try KeyringLoader.load(path: keyring).keys : [:]
            if let problem = ReviewerName.problem(reviewer, among: keys.keys) {
                throw InputError(file: keyring, "--reviewer: \(problem) (beside the keyring's reviewers)")
            }
            if let existing = keys[reviewer] {
                throw InputError(file: keyring, "the keyring already gives '\(reviewer)' the key \(existing.fingerprint); remove that entry first to replace it")
            }
            keyringKeys = keys
        }
        let key = try Ed25519.PrivateKey.generate()
        let pem = Data(KeyPEM.privateKey(key).utf8)
        if force {
            try AtomicFile.prepare(pem, for: out, mode: 0o600).commit()
        } else {
            try AtomicFile.create(pem, at: out, mode: 0o600)
        }
        if let keyring, let reviewer, var keys = keyringKeys {
            keys[reviewer] = key.publicKey
            try AtomicFile.write(Data(KeyringLoader.text(Keyring(keys: keys)).utf8), to: keyring)
        }
        return GeneratedKey(publicKey: key.publicKey, privateKeyPath: out, keyringPath: keyring, reviewer: reviewer)
    }

    /// Reads a private key file written by ``generate(out:reviewer:keyring:force:)`` (or
    /// `openssl genpkey -algorithm ed25519`).
    public static func readPrivateKey(path: String) throws -> Ed25519.PrivateKey {
        let bytes = try InputFile.read(path)
        do {
            return try KeyPEM.readPrivateKey(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw InputError(file: path, "\(error)")
        }
    }
}
