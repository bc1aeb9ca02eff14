import Foundation
import ScorecardTesting
import Testing

@Suite struct HistoryDiffTests {
    @Test func historyListsLevelsOverScorecards() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        _ = try card.regenerate()
        try card.writeEvidence(models: 2, version: 1)
        _ = try card.regenerate()
        let result = try CLI.run(["history", "--config", card.config.path, "--model", "model-0"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Levels are pre_mitigation/post_mitigation; — is not assessed.")
        #expect(lines.count == 4, "a header and two scorecards\n\(result.stdout)")
        #expect(lines[2].contains("low/low") && lines[2].contains("—/—"))
        #expect(lines[3].contains("high/high") && lines[3].contains("deployment: Not allowed"), "gates in the report's words")
        #expect(!result.stdout.contains("passed"), "no second vocabulary for gates")
        let json = try CLI.run(["history", "--config", card.config.path, "--model", "model-0", "--format", "json"])
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(envelope["format_version"] as? Int == 3 && envelope["command"] as? String == "history")
        #expect((envelope["tool"] as? [String: Any])?["name"] as? String == "scorecard")
        let entries = try #require(envelope["result"] as? [[String: Any]])
        #expect(entries.count == 2)
        #expect(entries[0]["snapshot"] is NSNull, "absent values are null, never left out")
        #expect((entries[1]["failing_gates"] as? [String])?.contains("deployment") == true)
        let gates = try #require(entries[1]["gates"] as? [[String: Any]])
        #expect(gates.first { $0["id"] as? String == "deployment" }?["decision"] as? String == "Not allowed")
        #expect(gates.first { $0["id"] as? String == "security_hardening" }?["decision"] as? String == "Required")
        let unknown = try CLI.run(["history", "--config", card.config.path, "--model", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no scorecards for model 'nope' (known: model-0, model-1)"))
    }

    @Test func diffShowsMovedLevelsGatesAndEvidence() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        _ = try card.regenerate()
        try card.writeEvidence(models: 1, version: 1)
        _ = try card.regenerate()
        let result = try CLI.run(["diff", "--config", card.config.path, "1", "model-0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cybersecurity     post_mitigation  low           high          CHANGED"))
        #expect(result.stdout.contains("deployment: Allowed → Not allowed  CHANGED"), "\(result.stdout)")
        #expect(result.stdout.contains("security_hardening: Not required → Required  CHANGED"))
        let json = try CLI.run(["diff", "--config", card.config.path, "1", "model-0", "--format", "json"])
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(envelope["format_version"] as? Int == 3 && envelope["command"] as? String == "diff")
        let gates = try #require((envelope["result"] as? [String: Any])?["gates"] as? [[String: Any]])
        let deployment = try #require(gates.first { $0["gate"] as? String == "deployment" })
        #expect(deployment["a_decision"] as? String == "Allowed" && deployment["b_decision"] as? String == "Not allowed")
        #expect(deployment["kind"] as? String == "ceiling")
        #expect(result.stdout.contains("cybersecurity post_mitigation ctf_professional: pass@10 = 0.1 → pass@10 = 0.9"))
        #expect(result.stdout.contains("input evidence/results.jsonl:"))
    }

    @Test func diffRefusesFilesItCannotReadNamingTheFileAndWhatIsWrong() throws {
        let scratch = try ScratchFolder("scorecard-diff")
        let assessed = try CLI.run(["assess"] + AssessCommandTests.demo + ["--format", "json"])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        let two = scratch.path("two.json")
        try assessed.stdout.write(toFile: two, atomically: true, encoding: .utf8)
        let fifo = scratch.path("fifo.json")
        #expect(mkfifo(fifo, 0o600) == 0)
        let empty = scratch.path("empty.json")
        try "{}".write(toFile: empty, atomically: true, encoding: .utf8)
        let wrongType = scratch.path("wrong.json")
        try #"{"format_version": "3"}"#.write(toFile: wrongType, atomically: true, encoding: .utf8)
        let notJSON = scratch.path("broken.json")
        try "{\"format_version\": ".write(toFile: notJSON, atomically: true, encoding: .utf8)
        let cases: [(String, String)] = [
            // Input errors print as diagnostics (FILE: message), lookup errors as `error: …`.
            (scratch.url.path, "\(scratch.url.path): is a directory, expected a file"),
            (fifo, "\(fifo): is not a regular file (a FIFO, socket or device), expected a file"),
            (two + "#Nope", "error: \(two) has no model 'Nope' (models: GPT-4o, o1)"),
            (two + "#o2", "error: \(two) has no model 'o2'; did you mean 'o1'? (models: GPT-4o, o1)"),
            (empty, "error: \(empty): not a scorecard document (the field format_version is missing)"),
            (wrongType, "error: \(wrongType): not a scorecard document (the field format_version has the wrong type (expected a number))"),
            (notJSON, "error: \(notJSON): not a scorecard document (not valid JSON)"),
        ]
        for (side, message) in cases {
            let result = try CLI.run(["diff", side, two + "#o1"])
            #expect(result.status == 2, "\(side): \(result.stderr)")
            #expect(result.stderr == "\(message)\n", "\(side)")
        }
    }

    @Test func oneSnapshotUnderTwoFrameworkVersions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let beta = directory.appendingPathComponent("beta.jsonl"), v2 = directory.appendingPathComponent("v2.jsonl")
        let record = #"{"model": "o1", "stage": "STAGE", "eval": "ctf_professional", "metric": "pass@12", "value": 0.85}"#
        try (record.replacingOccurrences(of: "STAGE", with: "pre_mitigation") + "\n" + record.replacingOccurrences(of: "STAGE", with: "post_mitigation"))
            .write(to: beta, atomically: true, encoding: .utf8)
        try record.replacingOccurrences(of: "STAGE", with: "capability").write(to: v2, atomically: true, encoding: .utf8)
        let a = try CLI.run(["assess", "--framework", "frameworks/openai-preparedness-beta.yaml", "--evidence", beta.path, "--format", "json"])
        let b = try CLI.run(["assess", "--framework", "frameworks/openai-preparedness-v2.yaml", "--evidence", v2.path, "--format", "json"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        try a.stdout.write(to: directory.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try b.stdout.write(to: directory.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        let text = try String(contentsOf: directory.appendingPathComponent("b.json"), encoding: .utf8)
        #expect(text.contains("\"cybersecurity\"") && text.contains("\"status\" : \"not_ruled_out\""),
                "crossing v2's indicative threshold means High may have been reached: not ruled out, never reached")
        let diff = try CLI.run(["diff", "--store", "/nonexistent", directory.appendingPathComponent("a.json").path, directory.appendingPathComponent("b.json").path])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("[openai-preparedness-beta Beta (18 December 2023)]"))
        #expect(diff.stdout.contains("[openai-preparedness-v2 Version 2 (15 April 2025)]"))
        let words = diff.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(words.contains("cybersecurity capability not assessed critical CHANGED"),
                "nothing rules Critical out once High is not ruled out, so the gates see Critical")
        #expect(diff.stdout.contains("high_safeguards: — → Required"), "\(diff.stdout)")
    }
}

@Suite struct CheckTests {
    @Test func storedScorecardsReDeriveAndTamperingIsCaught() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        #expect(try card.regenerate().status == 0)
        let clean = try CLI.run(["check", "--config", card.config.path])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("#1 model-0: re-derived unchanged"))
        #expect(clean.stdout.contains("#2 model-1: re-derived unchanged"))

        #expect(try sqlite3(card.storePath, "UPDATE result SET value = 0.95 WHERE model = 'model-1' AND eval = 'ctf_professional'") == 0)

        let tampered = try CLI.run(["check", "--config", card.config.path])
        #expect(tampered.status == 7)
        #expect(tampered.stdout.contains("#1 model-0: re-derived unchanged"))
        #expect(tampered.stdout.contains("#2 model-1: DIFFERS: cybersecurity post_mitigation indicated_level: stored \"low\", re-derived \"high\""), "\(tampered.stdout)")
        let json = try CLI.run(["check", "--config", card.config.path, "--format", "json"])
        #expect(json.status == 7)
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(envelope["format_version"] as? Int == 3 && envelope["command"] as? String == "check")
        let result = try #require(envelope["result"] as? [String: Any])
        #expect(result["history_whole"] as? Bool == true && result["exit_code"] as? Int == 7)
        #expect((result["chains"] as? [[String: Any]])?.first?["rows"] as? Int == 2)
        let results = try #require(result["scorecards"] as? [[String: Any]])
        #expect(results.map { $0["outcome"] as? String } == ["unchanged", "differs"])
        let difference = try #require(results[1]["difference"] as? [String: Any])
        #expect(difference["category"] as? String == "cybersecurity" && difference["stage"] as? String == "post_mitigation")
        #expect(results[0]["difference"] is NSNull && results[0]["error"] is NSNull)
    }
}
