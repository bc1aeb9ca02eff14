import Foundation
@testable import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardStore
import ScorecardTesting
import Testing

/// Sign-offs through the API: the signed payload, signing a card's scorecard, verifying it
/// against a keyring, and a sign-off made stale by a regenerate.
@Suite struct SignoffTests {
    /// A signed-off card: regenerated once, `alice` signed model-0's scorecard, keyring names her.
    struct Signed {
        let card: CardFixture
        let key: Ed25519.PrivateKey
        let keyPath: String
        let signed: SignedOff

        var opened: CardStore { get throws { try Card.open(config: card.config.path, store: nil) } }
    }

    static func signed(note: String? = "Reviewed <b>with</b> the board") throws -> Signed {
        let card = try CardFixture(models: 2)
        _ = try card.regenerator().run()
        let keyPath = card.directory.appendingPathComponent("alice.pem").path
        let generated = try KeyGeneration.generate(out: keyPath, reviewer: "Alice", keyring: nil, force: false)
        let key = try KeyGeneration.readPrivateKey(path: keyPath)
        #expect(key.publicKey == generated.publicKey)
        let opened = try Card.open(config: card.config.path, store: nil)
        let signed = try Signing.signoff(
            SignoffRequest(model: "model-0", snapshot: nil, decision: .approve, reviewer: "Alice", note: note, keyPath: keyPath),
            in: opened, now: Date(timeIntervalSince1970: 1_733_400_000))
        return Signed(card: card, key: key, keyPath: keyPath, signed: signed)
    }

    static func keyring(_ keys: [String: Ed25519.PublicKey]) -> Keyring { Keyring(keys: keys) }

    @Test func thePayloadIsTheDocumentedCanonicalEncoding() throws {
        let signoff = Signoff(
            version: 1, model: "o1", snapshot: nil, documentSha256: String(repeating: "a", count: 64),
            frameworkSha256: String(repeating: "b", count: 64), determinationsSha256: nil, decision: .requestChanges,
            reviewer: "Zoë", note: "line\nbreak", signedAt: "2024-12-05T10:00:00Z", publicKey: "KEY", signature: "")
        let expected = "20:scorecard-signoff-v1\n2:o1\n0:\n64:\(String(repeating: "a", count: 64))\n64:\(String(repeating: "b", count: 64))\n"
            + "0:\n15:request-changes\n4:Zoë\n10:line\nbreak\n20:2024-12-05T10:00:00Z\n3:KEY\n"
        #expect(String(decoding: signoff.payload, as: UTF8.self) == expected, "lengths are UTF-8 bytes: Zoë is 4")
    }

    @Test func aSignatureVerifiesAgainstTheKeyringAndIsCurrent() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        let signoff = signed.signed.stored.signoff
        #expect(signoff.decision == .approve && signoff.signedAt == "2024-12-05T12:00:00Z")
        #expect(signoff.documentSha256 == (try signed.opened.store.scorecard(id: signed.signed.stored.scorecardID))?.documentSHA256)
        let report = try SignoffVerifier.verify(
            signed.opened, keyring: Self.keyring(["Alice": signed.key.publicKey]), keyringName: "keyring.yaml")
        #expect(report.entries.count == 1 && report.status == .success)
        #expect(report.entries[0].verified && !report.entries[0].stale, "\(report.entries[0].refusals)")
    }

    @Test func aSignatureMadeHereVerifiesWithOpenSSLsOwnTool() throws {
        let key = try Ed25519.PrivateKey.generate()
        let folder = try temporaryFolder("scorecard-openssl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = Array(CanonicalFields.encode(["scorecard-signoff-v1", "o1"]).utf8)
        let signature = try Ed25519.sign(message, with: key)
        #expect(Ed25519.verify(signature, of: message, by: key.publicKey))
        #expect(!Ed25519.verify(signature, of: message + [0x0A], by: key.publicKey), "one byte more does not verify")
        let files = ["pub.pem": Data(KeyPEM.publicKey(key.publicKey).utf8), "msg": Data(message), "sig": Data(signature)]
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        guard let openssl = ["/usr/bin/openssl", "/bin/openssl"].first(where: FileManager.default.isExecutableFile) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "msg", "-sigfile", "sig"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openssl pkeyutl verifies the Ed25519 signature")
    }

    @Test func anUnknownReviewerIsRefused() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        let other = try Ed25519.PrivateKey.generate()
        let report = try SignoffVerifier.verify(signed.opened, keyring: Self.keyring(["Bob": other.publicKey]), keyringName: "k")
        #expect(report.status == .signoffRefused)
        #expect(report.entries[0].refusals == ["the reviewer 'Alice' is not in the keyring"])
    }

    @Test func aWrongKeyIsRefusedNamingBothKeys() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        let other = try Ed25519.PrivateKey.generate()
        let report = try SignoffVerifier.verify(signed.opened, keyring: Self.keyring(["Alice": other.publicKey]), keyringName: "k")
        #expect(report.status == .signoffRefused)
        #expect(report.entries[0].refusals == [
            "signed with the key \(signed.key.publicKey.fingerprint), but the keyring gives 'Alice' the key \(other.publicKey.fingerprint)",
        ])
    }

    @Test func aForgedRecordSignedWithAnotherKeyUnderTheRightNameIsRefused() throws {
        // Someone who swaps in their own public key and signature is caught by the keyring.
        let signed = try Self.signed()
        defer { signed.card.remove() }
        let mallory = try Ed25519.PrivateKey.generate()
        let forged = try Signoff.sign(
            signed.signed.stored.signoff.signedVersion, decision: .approve, reviewer: "Alice", note: nil,
            signedAt: "2024-12-06T00:00:00Z", key: mallory)
        #expect(forged.verify(keyring: nil) == .verified, "alone, a record only proves itself unaltered")
        #expect(forged.verify(keyring: Self.keyring(["Alice": signed.key.publicKey]))
            == .wrongKey(signedWith: mallory.publicKey, keyring: signed.key.publicKey))
    }

    @Test func aChangedFieldBreaksTheSignature() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        var altered = signed.signed.stored.signoff
        altered.decision = .reject
        #expect(altered.verify(keyring: Self.keyring(["Alice": signed.key.publicKey])) == .badSignature)
        var noted = signed.signed.stored.signoff
        noted.note = "Reviewed"
        #expect(noted.verify(keyring: nil) == .badSignature)
    }

    @Test func aRegenerateThatReplacesTheSignedVersionSaysTheSignoffIsStale() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        try signed.card.writeEvidence(models: 2, version: 2)  // a value moves, no level does
        let run = try signed.card.regenerator().run()
        #expect(run.models.allSatisfy { $0.levels.isEmpty && $0.gates.isEmpty }, "\(run.models)")
        #expect(run.status == .signoffStale && run.exitCode == 9)
        let stale = try #require(run.signoffsMadeStale.first)
        #expect(run.signoffsMadeStale.count == 1 && stale.model == "model-0" && stale.reviewer == "Alice")
        #expect(stale.signedDocument == signed.signed.stored.signoff.documentSha256 && stale.currentDocument != stale.signedDocument)
        let report = try SignoffVerifier.verify(signed.opened, keyring: Self.keyring(["Alice": signed.key.publicKey]), keyringName: "k")
        #expect(report.status == .success, "a stale sign-off still verifies")
        #expect(report.entries[0].stale && report.entries[0].currentID != nil)
        let again = try signed.card.regenerator().run()
        #expect(again.nothingChanged && again.status == .success, "the alert was delivered once")
    }

    @Test func aLevelMoveOutranksAStaleSignoff() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        try signed.card.writeEvidence(models: 2, version: 1)
        let run = try signed.card.regenerator().run()
        #expect(run.status == .gateFlipped && run.signoffsMadeStale.count == 1, "the summary lists it whatever the code")
    }

    @Test func theCardsRecordFileIsAppendedAndImportedIntoAFreshStore() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        // A card with a signoffs file and a keyring: sign, then regenerate from a fresh store.
        let card = signed.card
        let keyring = card.directory.appendingPathComponent("keyring.yaml")
        try KeyringLoader.text(Keyring(keys: ["Alice": signed.key.publicKey])).write(to: keyring, atomically: true, encoding: .utf8)
        let config = try String(contentsOf: card.config, encoding: .utf8)
        try (config + "\nsignoffs: signoffs.jsonl\nkeyring: keyring.yaml\n").write(to: card.config, atomically: true, encoding: .utf8)
        let opened = try Card.open(config: card.config.path, store: nil)
        _ = try Signing.signoff(
            SignoffRequest(model: "model-1", snapshot: nil, decision: .reject, reviewer: "Alice", note: nil, keyPath: signed.keyPath),
            in: opened)
        let records = try SignoffFile.load(path: card.directory.appendingPathComponent("signoffs.jsonl").path)
        #expect(records.count == 1 && records[0].signoff.model == "model-1" && records[0].line == 1)

        try FileManager.default.removeItem(atPath: card.storePath)
        let fresh = try card.regenerator().run()
        #expect(fresh.status == .success && fresh.warnings.isEmpty, "\(fresh.warnings)")
        let stored = try card.store().signoffs()
        #expect(stored.map(\.signoff) == [records[0].signoff], "the record was imported with the run's scorecards")
        #expect(try card.store().verifyHistory().signoffRows == 1)
    }

    @Test func aRecordThatDoesNotVerifyStopsTheRunWithItsLine() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        let card = signed.card
        var record = signed.signed.stored.signoff
        record.decision = .reject
        try ("\n" + SignoffFile.line(record)).write(to: card.directory.appendingPathComponent("signoffs.jsonl"), atomically: true, encoding: .utf8)
        let config = try String(contentsOf: card.config, encoding: .utf8)
        try (config + "\nsignoffs: signoffs.jsonl\n").write(to: card.config, atomically: true, encoding: .utf8)
        #expect {
            _ = try card.regenerator().run()
        } throws: { error in
            "\(error)".contains("signoffs.jsonl:2: sign-off by 'Alice' of model-0 refused: the signature does not match")
        }
    }

    @Test func keygenWritesAPrivateKeyOnlyItsOwnerReadsAndNeverReplacesOne() throws {
        let folder = try temporaryFolder("scorecard-keygen")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("key.pem").path
        let keyring = folder.appendingPathComponent("keyring.yaml").path
        let first = try KeyGeneration.generate(out: path, reviewer: "Ann \"Q\" Example", keyring: keyring, force: false)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try KeyringLoader.load(path: keyring).key(of: "Ann \"Q\" Example") == first.publicKey, "a quoted name survives")
        #expect(throws: FileError.self) { try KeyGeneration.generate(out: path, reviewer: nil, keyring: nil, force: false) }
        #expect(try KeyGeneration.readPrivateKey(path: path).publicKey == first.publicKey, "the key was left untouched")
        #expect(throws: InputError.self) { try KeyGeneration.generate(out: path + "2", reviewer: "Ann \"Q\" Example", keyring: keyring, force: false) }
        let replaced = try KeyGeneration.generate(out: path, reviewer: nil, keyring: nil, force: true)
        #expect(try KeyGeneration.readPrivateKey(path: path).publicKey == replaced.publicKey)
    }

    @Test(arguments: [
        ("reviewers: {Alice: bm90LWEta2V5}", "keyring.yaml:2"),
        ("reviewers: {Alice: 3q2+7w==}", "is not standard base64 of 32 bytes"),
        ("reviewer: {}", "unknown key 'reviewer'"),
    ])
    func aBadKeyringNamesTheLine(_ case: (body: String, message: String)) throws {
        #expect {
            _ = try KeyringLoader.parse("schema_version: 1\n\(`case`.body)\n", file: "keyring.yaml")
        } throws: { error in
            "\(error)".contains(`case`.message)
        }
    }

    @Test func signOffsAtOnceAreAllInTheRecordFileAndTheStore() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        let card = signed.card
        let config = try String(contentsOf: card.config, encoding: .utf8)
        try (config + "\nsignoffs: signoffs.jsonl\n").write(to: card.config, atomically: true, encoding: .utf8)
        let configPath = card.config.path, keyPath = signed.keyPath
        let errors = inParallel(8) { index in
            let opened = try Card.open(config: configPath, store: nil)
            _ = try Signing.signoff(
                SignoffRequest(model: "model-0", snapshot: nil, decision: .approve, reviewer: "Alice", note: "n\(index)", keyPath: keyPath),
                in: opened)
        }
        #expect(errors.isEmpty, "\(errors)")
        let records = try SignoffFile.load(path: card.directory.appendingPathComponent("signoffs.jsonl").path)
        let stored = try card.store().signoffs()
        #expect(stored.count == 9)
        #expect(records.count == 8, "every sign-off the store kept is in the file: \(records.count) of 8")
        #expect(records.map(\.signoff.note) == stored.dropFirst().map(\.signoff.note), "in the store's order")
    }

    @Test func keygensIntoOneKeyringAtOnceKeepEveryEntry() throws {
        let folder = try temporaryFolder("scorecard-keygen")
        defer { try? FileManager.default.removeItem(at: folder) }
        let keyring = folder.appendingPathComponent("keyring.yaml").path
        let base = folder.path
        let errors = inParallel(8) { index in
            _ = try KeyGeneration.generate(out: base + "/k\(index).pem", reviewer: "R\(index)", keyring: keyring, force: false)
        }
        #expect(errors.isEmpty, "\(errors)")
        let keys = try KeyringLoader.load(path: keyring).keys
        #expect(keys.count == 8, "\(keys.keys.sorted())")
        for index in 0..<8 {
            let key = try KeyGeneration.readPrivateKey(path: base + "/k\(index).pem")
            #expect(keys["R\(index)"] == key.publicKey)
        }
    }

    @Test(arguments: ["Alice ", " Alice", "Ali\u{200B}ce", "Ali\u{1B}[31mce"])
    func keygenRefusesAReviewerNameThatDoesNotReadAsWritten(name: String) throws {
        let folder = try temporaryFolder("scorecard-keygen")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try KeyGeneration.generate(out: folder.appendingPathComponent("k.pem").path, reviewer: name, keyring: nil, force: false)
        } throws: { error in
            "\(error)".contains("the reviewer name") && "\(error)".contains("a name must read as it is written")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("k.pem").path), "no key was written")
    }

    @Test func aReviewerWhoReadsLikeAnotherIsRefusedByKeygenTheKeyringAndSignoff() throws {
        let folder = try temporaryFolder("scorecard-keygen")
        defer { try? FileManager.default.removeItem(at: folder) }
        let keyring = folder.appendingPathComponent("keyring.yaml").path
        _ = try KeyGeneration.generate(out: folder.appendingPathComponent("alice.pem").path, reviewer: "Alice", keyring: keyring, force: false)
        let cyrillic = "\u{410}lice"
        #expect {
            _ = try KeyGeneration.generate(out: folder.appendingPathComponent("m.pem").path, reviewer: cyrillic, keyring: keyring, force: false)
        } throws: { error in
            "\(error)".contains("cannot be told apart from 'Alice'")
        }
        #expect(try KeyringLoader.load(path: keyring).keys.keys.sorted() == ["Alice"])
        // A keyring edited by hand to hold both is refused where it names the second.
        let other = try Ed25519.PrivateKey.generate().publicKey
        try (try String(contentsOfFile: keyring, encoding: .utf8) + "  \"\(cyrillic)\": \(other.base64)\n")
            .write(toFile: keyring, atomically: true, encoding: .utf8)
        #expect {
            _ = try KeyringLoader.load(path: keyring)
        } throws: { error in
            "\(error)".contains("keyring.yaml:5:") && "\(error)".contains("cannot be told apart from 'Alice'")
        }

        let signed = try Self.signed()
        defer { signed.card.remove() }
        #expect {
            _ = try Signing.signoff(
                SignoffRequest(model: "model-0", snapshot: nil, decision: .approve, reviewer: cyrillic, note: nil, keyPath: signed.keyPath),
                in: try signed.opened)
        } throws: { error in
            "\(error)".contains("cannot be told apart from 'Alice'")
        }
        #expect(try signed.card.store().signoffs().count == 1, "only Alice's sign-off was stored")
    }
}
