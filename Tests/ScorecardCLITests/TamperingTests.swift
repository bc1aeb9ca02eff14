import Foundation
import ScorecardStore
import ScorecardTesting
import Testing

/// `check` proves the history whole and the stored inputs unaltered, as someone with the database
/// file and the `sqlite3` shell could change them; and it notices evidence changed on disk behind
/// an unchanged size and modification time.
@Suite struct TamperingTests {
    /// A card regenerated on version 0 then 1, with a determinations file: scorecards 1 and 2
    /// (model-0, model-1) from the first run, 3 and 4 from the second.
    static func card() throws -> CardFixture {
        let card = try CardFixture(models: 2)
        try """
            schema_version: 1
            determinations:
              - model: model-1
                category: cybersecurity
                stage: post_mitigation
                level: medium
                rationale: Held at medium until the red team reports.
                author: Safety board
                date: 2025-01-01
            """.write(to: card.directory.appendingPathComponent("determinations.yaml"), atomically: true, encoding: .utf8)
        let config = try String(contentsOf: card.config, encoding: .utf8)
        try (config + "\ndeterminations: determinations.yaml\n").write(to: card.config, atomically: true, encoding: .utf8)
        #expect(try card.regenerate().status == 0)
        try card.writeEvidence(models: 2, version: 1)
        #expect(try card.regenerate().status == 5)
        let clean = try CLI.run(["check", "--config", card.config.path, "--all"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("History: whole"))
        return card
    }

    func check(_ card: CardFixture) throws -> CLI.Result { try CLI.run(["check", "--store", card.storePath, "--all"]) }

    @Test(arguments: [
        ("DELETE FROM scorecard WHERE id = 1", "scorecard 2 (model-1, card ../scorecard.yaml) is the card's first row but was chained after another row"),
        ("DELETE FROM scorecard WHERE id = 2", "scorecard 3 (model-0, card ../scorecard.yaml) follows scorecard 1 but was chained after another row"),
        ("DELETE FROM scorecard WHERE id = 4", "committed up to chain hash"),
    ])
    func aDeletedScorecardRowIsFound(_ attack: (sql: String, message: String)) throws {
        let card = try Self.card()
        defer { card.remove() }
        #expect(try sqlite3(card.storePath, "DROP TRIGGER scorecard_immutable_delete; \(attack.sql)") == 0)
        let result = try check(card)
        #expect(result.status == 7, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("History: ALTERED"))
        #expect(result.stdout.contains(attack.message), "\(result.stdout)")
        #expect(result.stdout.contains("the trigger scorecard_immutable_delete that guards scorecard rows is missing"))
        #expect(result.stdout.contains("of run_scorecard refer"), "the runs still name the deleted row")
    }

    @Test func anEditedDeterminationRowIsFound() throws {
        let card = try Self.card()
        defer { card.remove() }
        #expect(try sqlite3(card.storePath, "UPDATE determination SET level = 'low' WHERE model = 'model-1'") == 0)
        let result = try check(card)
        #expect(result.status == 7, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("#4 model-1: STORED INPUTS ALTERED"))
        #expect(result.stdout.contains(
            "determinations.yaml: the determination table's row for model-1 cybersecurity post_mitigation (line 3) differs from the stored file: level low where the file says medium"))

        #expect(try sqlite3(card.storePath, "DELETE FROM determination") == 0)
        let deleted = try check(card)
        #expect(deleted.status == 7)
        #expect(deleted.stdout.contains("the determination of model-1 cybersecurity post_mitigation (line 3) is missing from the determination table"))
    }

    @Test func anEditedDeterminationsTextIsFound() throws {
        let card = try Self.card()
        defer { card.remove() }
        #expect(try sqlite3(card.storePath, "UPDATE determination_file SET text = replace(text, 'level: medium', 'level: low')") == 0)
        let result = try check(card)
        #expect(result.status == 7, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("the stored text of the determinations determinations.yaml"))
        #expect(result.stdout.contains("was edited: it no longer hashes to its key"))
    }

    @Test func anEditedScorecardDocumentIsFoundEvenWithItsHashUpdated() throws {
        let card = try Self.card()
        defer { card.remove() }
        let stored = try #require(try card.store().scorecard(id: 3))
        let edited = String(decoding: stored.document, as: UTF8.self).replacingOccurrences(of: "\"high\"", with: "\"low\"")
        #expect(edited != String(decoding: stored.document, as: UTF8.self))
        let sha256 = try Self.sha256(Data(edited.utf8))
        let file = card.directory.appendingPathComponent("edited.json")
        try edited.write(to: file, atomically: true, encoding: .utf8)
        #expect(try sqlite3(card.storePath, """
            DROP TRIGGER scorecard_immutable_update;
            UPDATE scorecard SET document = CAST(readfile('\(file.path)') AS TEXT), document_sha256 = '\(sha256)' WHERE id = 3
            """) == 0)
        #expect(try card.store().scorecard(id: 3)?.documentSHA256 == sha256, "the attacker kept the document hash consistent")
        let result = try check(card)
        #expect(result.status == 7, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains(
            "scorecard 3 (model-0, card ../scorecard.yaml): its fields do not hash to its recorded content hash: the row was edited"))
        #expect(result.stdout.contains("#3 model-0: DIFFERS"), "and it no longer re-derives")

        #expect(try sqlite3(card.storePath, "UPDATE scorecard SET document = document || ' ' WHERE id = 4") == 0)
        let plain = try check(card)
        #expect(plain.stdout.contains("scorecard 4 (model-1, card ../scorecard.yaml): its document does not hash to its recorded document hash"))
    }

    static func sha256(_ data: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}

/// Evidence rewritten behind the same size and modification time (`cp -p`, `rsync --inplace`, a
/// file system with coarse times): `check --config` hashes the files again; `--rehash` and the
/// card's `rehash: true` make `regenerate` see it.
@Suite struct SameSizeAndTimeTests {
    /// Rewrites the card's evidence as version 1 (the same size as version 0) and gives it back
    /// its old modification time, as `touch -r` does.
    static func rewriteBehindSameSizeAndTime(_ card: CardFixture) throws {
        let reference = card.directory.appendingPathComponent("reference.jsonl")
        #expect(try runTool("/bin/cp", ["-p", card.evidence.path, reference.path]) == 0)
        let size = try FileManager.default.attributesOfItem(atPath: card.evidence.path)[.size] as? Int
        try card.writeEvidence(models: 2, version: 1)
        #expect(try FileManager.default.attributesOfItem(atPath: card.evidence.path)[.size] as? Int == size)
        #expect(try runTool("/usr/bin/touch", ["-r", reference.path, card.evidence.path]) == 0)
    }

    @Test func checkHashesTheInputsOnDiskAndRehashBringsTheChangeIn() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        #expect(try card.regenerate().status == 0)
        try Self.rewriteBehindSameSizeAndTime(card)

        let blind = try card.regenerate()
        #expect(blind.status == 0 && blind.stdout.contains("Nothing changed"), "size and time alone cannot see it\n\(blind.stdout)")
        let check = try CLI.run(["check", "--config", card.config.path])
        #expect(check.status == 8, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("Inputs on disk differ from what the current scorecards were made from:"))
        #expect(check.stdout.contains("evidence/results.jsonl: now "))
        #expect(check.stdout.contains("scorecards #1, #2 were made from"))
        #expect(check.stdout.contains("#1 model-0: re-derived unchanged"), "the store itself is sound")

        let rehashed = try card.regenerate(["--rehash"])
        #expect(rehashed.status == 5, "\(rehashed.stdout)\(rehashed.stderr)")
        #expect(rehashed.stdout.contains("Evidence: 1 file (0 new, 1 changed, 0 unchanged)"))
        #expect(try CLI.run(["check", "--config", card.config.path]).status == 0)

        try FileManager.default.moveItem(at: card.evidence, to: card.directory.appendingPathComponent("evidence/renamed.jsonl"))
        let gone = try CLI.run(["check", "--config", card.config.path])
        #expect(gone.status == 8)
        #expect(gone.stdout.contains("evidence/results.jsonl: no longer on disk"))
    }

    @Test func aCardThatAsksToRehashSeesTheChangeOnEveryRun() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        let config = try String(contentsOf: card.config, encoding: .utf8)
        try (config + "\nrehash: true\n").write(to: card.config, atomically: true, encoding: .utf8)
        #expect(try card.regenerate().status == 0)
        try Self.rewriteBehindSameSizeAndTime(card)
        let run = try card.regenerate()
        #expect(run.status == 5, "\(run.stdout)\(run.stderr)")
    }
}
