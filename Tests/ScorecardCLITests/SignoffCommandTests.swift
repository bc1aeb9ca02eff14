import Foundation
import ScorecardTesting
import Testing

/// `keygen`, `signoff` and `verify` through the executable: exit codes, the messages that refuse a
/// tampered scorecard, a tampered sign-off, a wrong key and an unknown reviewer, regenerate's exit
/// 9, and hostile text in the report and on the terminal.
@Suite struct SignoffCommandTests {
    /// A card (Markdown and HTML reports) regenerated once, with Alice's key in its keyring and her
    /// sign-off of model-0.
    struct Signed {
        let card: CardFixture
        var key: String { card.directory.appendingPathComponent("alice.pem").path }
        var keyring: String { card.directory.appendingPathComponent("keyring.yaml").path }
        var config: String { card.config.path }
    }

    static let hostile = "Reviewed <script>alert(1)</script> \u{1b}[31mred\u{202E} [x](https://evil.example)"

    static func signed() throws -> Signed {
        let card = try CardFixture(models: 2, formats: ["md", "html"])
        let signed = Signed(card: card)
        #expect(try card.regenerate().status == 0)
        let keygen = try CLI.run(["keygen", "--out", signed.key, "--reviewer", "Alice", "--keyring", signed.keyring])
        #expect(keygen.status == 0, "\(keygen.stderr)")
        let config = try String(contentsOf: card.config, encoding: .utf8)
        try (config + "\nkeyring: keyring.yaml\nsignoffs: signoffs.jsonl\n").write(to: card.config, atomically: true, encoding: .utf8)
        let signoff = try CLI.run([
            "signoff", "--config", signed.config, "--model", "model-0", "--decision", "approve", "--reviewer", "Alice",
            "--key", signed.key, "--note", hostile,
        ])
        #expect(signoff.status == 0, "\(signoff.stderr)")
        #expect(signoff.stdout.contains("Signed off #1: Alice, approved, on scorecard #1 of model-0"), "\(signoff.stdout)")
        return signed
    }

    func verify(_ signed: Signed, keyring: String? = nil) throws -> CLI.Result {
        try CLI.run(["verify", "--config", signed.config] + (keyring.map { ["--keyring", $0] } ?? []))
    }

    @Test func aSignoffVerifiesAndTheReportShowsItEscaped() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        let result = try verify(signed)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("#1 Alice: approve model-0 scorecard #1"))
        #expect(result.stdout.contains("verified, current"))
        #expect(result.stdout.contains("1 sign-off checked against keyring.yaml: 0 refused, 0 stale."))

        let run = try signed.card.regenerate()
        #expect(run.status == 0, "a new sign-off re-renders, and moves nothing: \(run.stderr)")
        let markdown = try String(contentsOf: signed.card.reports.appendingPathComponent("model-0.md"), encoding: .utf8)
        #expect(markdown.contains("## Sign-off"))
        #expect(markdown.contains("| Alice | **Approved** |"))
        #expect(markdown.contains("Current: signed this scorecard"))
        #expect(markdown.contains("\\<script>"), "escaped, so GitHub shows it as text")
        #expect(!markdown.contains("\u{1b}") && !markdown.contains("](https://evil"), "\(markdown)")
        #expect(markdown.contains("<U+202E>"))
        let html = try String(contentsOf: signed.card.reports.appendingPathComponent("model-0.html"), encoding: .utf8)
        #expect(html.contains("&lt;script&gt;") && !html.contains("<script>"))
        #expect(html.contains(#"<td class="signoff-current">Current: signed this scorecard</td>"#))
        let other = try String(contentsOf: signed.card.reports.appendingPathComponent("model-1.md"), encoding: .utf8)
        #expect(!other.contains("Sign-off"), "model-1 has no sign-off")
    }

    @Test func aTamperedScorecardIsRefused() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        #expect(try sqlite3(signed.card.storePath, """
            DROP TRIGGER scorecard_immutable_update;
            UPDATE scorecard SET document = replace(document, '"low"', '"medium"') WHERE id = 1
            """) == 0)
        let result = try verify(signed)
        #expect(result.status == 10, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("REFUSED"))
        #expect(result.stdout.contains("the scorecard it signed (#1) was altered: its document hashes to"), "\(result.stdout)")
    }

    @Test func aTamperedSignoffIsRefusedByVerifyAndByCheck() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        #expect(try sqlite3(signed.card.storePath, "DROP TRIGGER signoff_immutable_update; UPDATE signoff SET decision = 'reject'") == 0)
        let result = try verify(signed)
        #expect(result.status == 10, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("#1 Alice: reject"))
        #expect(result.stdout.contains("the signature does not match the sign-off's fields: the sign-off was altered after it was signed"))
        let check = try CLI.run(["check", "--config", signed.config])
        #expect(check.status == 7, "\(check.stdout)")
        #expect(check.stdout.contains("sign-off 1 (Alice on model-0): its fields do not hash to its recorded content hash"))
        #expect(check.stdout.contains("the trigger signoff_immutable_update that guards sign-off rows is missing"))
    }

    @Test func aDeletedSignoffIsFoundByCheck() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        let second = try CLI.run([
            "signoff", "--config", signed.config, "--model", "model-1", "--decision", "request-changes", "--reviewer", "Alice",
            "--key", signed.key,
        ])
        #expect(second.status == 0)
        #expect(try sqlite3(signed.card.storePath, "DROP TRIGGER signoff_immutable_delete; DELETE FROM signoff WHERE id = 1") == 0)
        let check = try CLI.run(["check", "--config", signed.config])
        #expect(check.status == 7)
        #expect(check.stdout.contains("sign-off 2 (Alice on model-1) was chained after another row"), "\(check.stdout)")
    }

    @Test func aWrongKeyAndAnUnknownReviewerAreRefused() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        let folder = try temporaryFolder("scorecard-keyrings")
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrong = folder.appendingPathComponent("wrong.yaml").path
        #expect(try CLI.run(["keygen", "--out", folder.appendingPathComponent("a.pem").path, "--reviewer", "Alice", "--keyring", wrong]).status == 0)
        let byWrongKey = try verify(signed, keyring: wrong)
        #expect(byWrongKey.status == 10)
        #expect(byWrongKey.stdout.contains("signed with the key "), "\(byWrongKey.stdout)")
        #expect(byWrongKey.stdout.contains(", but the keyring gives 'Alice' the key "))

        let unknown = folder.appendingPathComponent("unknown.yaml").path
        #expect(try CLI.run(["keygen", "--out", folder.appendingPathComponent("b.pem").path, "--reviewer", "Bob", "--keyring", unknown]).status == 0)
        let byUnknown = try verify(signed, keyring: unknown)
        #expect(byUnknown.status == 10)
        #expect(byUnknown.stdout.contains("the reviewer 'Alice' is not in the keyring"))

        let json = try CLI.run(["verify", "--config", signed.config, "--keyring", unknown, "--format", "json"])
        #expect(json.status == 10)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require((object["result"] as? [String: Any])?["signoffs"] as? [[String: Any]])
        #expect(entries.first?["verified"] as? Bool == false)
        #expect(entries.first?["current_scorecard_id"] is NSNull)
    }

    @Test func signingWithAKeyTheKeyringDoesNotGiveTheReviewerIsRefused() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        let other = signed.card.directory.appendingPathComponent("other.pem").path
        #expect(try CLI.run(["keygen", "--out", other]).status == 0)
        let result = try CLI.run([
            "signoff", "--config", signed.config, "--model", "model-0", "--decision", "approve", "--reviewer", "Alice", "--key", other,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("but the keyring keyring.yaml gives 'Alice' the key"), "\(result.stderr)")
        let unknown = try CLI.run([
            "signoff", "--config", signed.config, "--model", "model-0", "--decision", "approve", "--reviewer", "Mallory", "--key", other,
        ])
        #expect(unknown.status == 2 && unknown.stderr.contains("the reviewer 'Mallory' is not in the keyring"))
        let typo = try CLI.run([
            "signoff", "--config", signed.config, "--model", "model-O", "--decision", "approve", "--reviewer", "Alice", "--key", signed.key,
        ])
        #expect(typo.status == 2 && typo.stderr.contains("no current scorecard of 'model-O' in the store; did you mean 'model-0'?"), "\(typo.stderr)")
    }

    @Test func regenerateExits9WhenAChangeMakesASignoffStale() throws {
        let signed = try Self.signed()
        defer { signed.card.remove() }
        #expect(try signed.card.regenerate().status == 0)
        try signed.card.writeEvidence(models: 2, version: 2)
        let run = try signed.card.regenerate()
        #expect(run.status == 9, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("model-0: SIGN-OFF STALE: Alice (approved, "), "\(run.stdout)")
        let markdown = try String(contentsOf: signed.card.reports.appendingPathComponent("model-0.md"), encoding: .utf8)
        #expect(markdown.contains("**Stale: signed an earlier version**"))
        let result = try verify(signed)
        #expect(result.status == 0)
        #expect(result.stdout.contains("verified, STALE: scorecard #3 (document "), "\(result.stdout)")
        #expect(try signed.card.regenerate().status == 0, "said once")

        try signed.card.writeEvidence(models: 2, version: 0)  // back to the signed version: current again
        #expect(try signed.card.regenerate().status == 0)
        try signed.card.writeEvidence(models: 2, version: 2)
        let json = try signed.card.regenerate(["--format", "json"])
        #expect(json.status == 9)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let stale = try #require((summary["signoffs_made_stale"] as? [[String: Any]])?.first)
        #expect(stale["reviewer"] as? String == "Alice" && stale["decision"] as? String == "approve")
        #expect(stale["snapshot"] is NSNull, "every key is present")
    }

    @Test func keygenNeverReplacesAKeyWithoutForce() throws {
        let folder = try temporaryFolder("scorecard-keygen-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("k.pem").path
        let first = try CLI.run(["keygen", "--out", key])
        #expect(first.status == 0 && first.stdout.contains("\"REVIEWER\": "), "\(first.stdout)")
        let before = try Data(contentsOf: URL(fileURLWithPath: key))
        let again = try CLI.run(["keygen", "--out", key])
        #expect(again.status == 1 && again.stderr.contains("k.pem exists; it was left untouched"), "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: key)) == before)
        #expect(try CLI.run(["keygen", "--out", key, "--force"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: key)) != before)
    }

    @Test func renderRefusesARecordThatDoesNotVerifyNamingItsLine() throws {
        let folder = try temporaryFolder("scorecard-render-signoffs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let committed = try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/demo/signoffs.jsonl"), encoding: .utf8)
        let altered = folder.appendingPathComponent("altered.jsonl").path
        try ("\n" + committed.replacingOccurrences(of: #""decision":"approve""#, with: #""decision":"reject""#))
            .write(toFile: altered, atomically: true, encoding: .utf8)
        let base = ["render"] + AssessCommandTests.demo + ["--only-model", "o1", "--format", "md", "--out", folder.appendingPathComponent("out").path]
        let result = try CLI.run(base + ["--signoffs", altered])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("altered.jsonl:2: sign-off by 'Demo Reviewer' of o1 refused: the signature does not match"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing was written")

        let keyring = folder.appendingPathComponent("keyring.yaml").path
        try "schema_version: 1\nreviewers: {}\n".write(toFile: keyring, atomically: true, encoding: .utf8)
        let unknown = try CLI.run(base + ["--signoffs", "examples/demo/signoffs.jsonl", "--keyring", keyring])
        #expect(unknown.status == 2 && unknown.stderr.contains("the reviewer 'Demo Reviewer' is not in the keyring"), "\(unknown.stderr)")
        #expect(try CLI.run(base + ["--keyring", keyring]).status == 64, "--keyring alone is a usage error")
    }
}
