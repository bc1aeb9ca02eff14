import Foundation
import ScorecardTesting
import Testing

/// Silent drops made loud through the executable: evidence no indicator reads, strict mode, the
/// two meanings of --model, stage maps, and the smaller fixes of the same issue.
@Suite struct InputAccountingCommandTests {
    let scratch: ScratchFolder
    static let beta = "frameworks/openai-preparedness-beta.yaml"
    static let v2 = "frameworks/openai-preparedness-v2.yaml"
    static let inspect = "Tests/ScorecardIngestTests/Fixtures/inspect/ctf_small.json"

    init() throws {
        scratch = try ScratchFolder("scorecard-accounting-cli")
    }

    /// The demo's evidence with the biothreat comparison's id misspelt, as in the issue.
    func misspelt() throws -> String {
        let demo = try String(contentsOf: PackagePaths.file("examples/demo/evidence.jsonl"), encoding: .utf8)
        let path = scratch.path("evidence.jsonl")
        try demo.replacingOccurrences(of: "\"biothreat_expert_comparison\"", with: "\"biothreat_expert_comparisons\"")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func assessListsEvidenceNotUsedInTextAndJSONAndStrictExitsTwo() throws {
        let evidence = try misspelt()
        let text = try CLI.run(["assess", "--framework", Self.beta, "--evidence", evidence])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Evidence not used\n  - \(evidence):16: Pre-mitigation, biothreat_expert_comparisons win_rate_accuracy: No indicator reads this evaluation. Did you mean biothreat_expert_comparison?"), "\(text.stdout)")
        #expect(text.stderr.contains("warning: \(evidence):16: o1: not used: biothreat_expert_comparisons win_rate_accuracy at pre_mitigation: no indicator reads evaluation 'biothreat_expert_comparisons'; did you mean 'biothreat_expert_comparison'?"))

        let json = try CLI.run(["assess", "--framework", Self.beta, "--evidence", evidence, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["format_version"] as? Int == 4)
        let o1 = try #require((document["models"] as? [[String: Any]])?.first { $0["model"] as? String == "o1" })
        let unused = try #require(o1["unused_evidence"] as? [[String: Any]])
        #expect(unused.count == 3 && unused.allSatisfy { $0["suggestion"] as? String == "biothreat_expert_comparison" })

        let strict = try CLI.run(["assess", "--framework", Self.beta, "--evidence", evidence, "--strict"])
        #expect(strict.status == 2 && strict.stdout.isEmpty)
        #expect(strict.stderr.contains("error: 3 warnings about the inputs (above) and strict mode is on; nothing was written"))
        let demo = try CLI.run(["assess", "--framework", Self.beta, "--evidence", "examples/demo/evidence.jsonl", "--strict"])
        #expect(demo.status == 0 && demo.stderr.isEmpty, "the demo reads every record: \(demo.stderr)")
    }

    @Test func renderAddsTheAppendixInBothFormatsAndStrictWritesNothing() throws {
        let evidence = try misspelt()
        let out = scratch.path("reports")
        let result = try CLI.run([
            "render", "--framework", Self.beta, "--evidence", evidence, "--only-model", "o1", "--format", "md", "--format", "html",
            "--out", out, "--generated-at", "2025-01-01T00:00:00Z",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOfFile: out + "/o1.md", encoding: .utf8)
        let html = try String(contentsOfFile: out + "/o1.html", encoding: .utf8)
        #expect(markdown.contains("## Evidence not used"))
        #expect(markdown.contains("| Pre-mitigation | biothreat_expert_comparisons | win_rate_accuracy | 1 | \(evidence):16 | No indicator reads this evaluation. Did you mean biothreat_expert_comparison? |"), "\(markdown)")
        #expect(html.contains("<h2 id=\"not-used-heading\">Evidence not used</h2>"))
        #expect(html.contains("<td>biothreat_expert_comparisons</td><td>win_rate_accuracy</td><td>1</td>"))
        #expect(html.contains("Did you mean biothreat_expert_comparison?"))
        #expect(!(try String(contentsOf: PackagePaths.file("reports/demo/o1.md"), encoding: .utf8)).contains("Evidence not used"),
                "the demo's report has no such appendix: every record is read")

        let strictOut = scratch.path("strict")
        let strict = try CLI.run(["render", "--framework", Self.beta, "--evidence", evidence, "--format", "md", "--out", strictOut, "--strict"])
        #expect(strict.status == 2)
        #expect(!FileManager.default.fileExists(atPath: strictOut), "strict mode writes nothing")
    }

    @Test("a metric no indicator reads is 'not used' in the evidence table, never an alternate of the one that decides")
    func anUnreadMetricBesideTheDecidingOneIsNotUsed() throws {
        let evidence = scratch.path("metrics.jsonl")
        try """
            {"model": "m", "stage": "post_mitigation", "eval": "swe_bench_verified", "metric": "pass@1", "value": 0.3, "n": 477}
            {"model": "m", "stage": "post_mitigation", "eval": "swe_bench_verified", "metric": "pass@5", "value": 0.5, "n": 477}
            """.write(toFile: evidence, atomically: true, encoding: .utf8)
        let out = scratch.path("out")
        let result = try CLI.run(["render", "--framework", Self.beta, "--evidence", evidence, "--format", "md", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOfFile: out + "/m.md", encoding: .utf8)
        #expect(markdown.contains("| SWE-bench Verified | Post-mitigation | not used | pass@5 | – | 50% |"), "\(markdown)")
        #expect(!markdown.contains("| alternate | pass@5"))
    }

    @Test("--stage and --as-model given for Scorecard evidence alone are not applied, and say so; strict refuses")
    func optionsOurOwnFormatCannotTakeAreWarnedAbout() throws {
        let evidence = scratch.path("own.jsonl")
        try #"{"model": "A", "stage": "pre_mitigation", "eval": "ctf_professional", "metric": "pass@10", "value": 0.1}"#
            .write(toFile: evidence, atomically: true, encoding: .utf8)
        let out = scratch.path("imported.jsonl")
        let imported = try CLI.run(["import", evidence, "--as-model", "Z", "--stage", "post_mitigation", "--out", out])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("warning: --as-model: 'Z' not applied: every file given is Scorecard evidence, whose records name their own model"), "\(imported.stderr)")
        #expect(imported.stderr.contains("warning: --stage: 'post_mitigation' not applied"))
        let strict = try CLI.run(["assess", "--framework", Self.beta, "--evidence", evidence, "--stage", "post_mitigation", "--strict"])
        #expect(strict.status == 2, "\(strict.stderr)")
        let mixed = try CLI.run(["assess", "--framework", Self.beta, "--evidence", evidence, "--evidence", Self.inspect, "--stage", "post_mitigation"])
        #expect(!mixed.stderr.contains("not applied"), "the Inspect log takes --stage: \(mixed.stderr)")
    }

    @Test func theFilterIsOnlyModelAndImportsRenameIsAsModel() throws {
        let filter = try CLI.run(["assess", "--framework", Self.beta, "--evidence", "examples/demo/evidence.jsonl", "--only-model", "o1"])
        #expect(filter.status == 0 && filter.stdout.hasPrefix("o1:"))
        #expect(filter.stderr == "note: --only-model left out 19 records of GPT-4o in examples/demo/evidence.jsonl\n")
        let old = try CLI.run(["assess", "--framework", Self.beta, "--evidence", "examples/demo/evidence.jsonl", "--model", "o1"])
        #expect(old.status == 0 && old.stdout.hasPrefix("o1:"), "the old spelling still filters")
        #expect(old.stderr.contains("warning: --model is deprecated here: it selects models (import's old --model renamed them); use --only-model"))

        let gpt = scratch.path("gpt.jsonl")
        let lines = try String(contentsOf: PackagePaths.file("examples/demo/evidence.jsonl"), encoding: .utf8).split(separator: "\n")
        try lines.filter { $0.contains("\"model\": \"GPT-4o\"") }.joined(separator: "\n").write(toFile: gpt, atomically: true, encoding: .utf8)
        let o1 = scratch.path("o1.jsonl")
        try lines.filter { $0.contains("\"model\": \"o1\"") }.joined(separator: "\n").write(toFile: o1, atomically: true, encoding: .utf8)
        let whole = try CLI.run(["assess", "--framework", Self.beta, "--evidence", gpt, o1, "--only-model", "o1", "--strict"])
        #expect(whole.status == 2, "a filter that leaves out every record of a file is a warning")
        #expect(whole.stderr.contains("warning: \(gpt): --only-model left out every record of this file (19 of GPT-4o); is a model name misspelt?"))

        let out = scratch.path("renamed.jsonl")
        let renamed = try CLI.run(["import", Self.inspect, "--stage", "pre_mitigation", "--as-model", "acme-2", "--out", out, "--quiet"])
        #expect(renamed.status == 0 && renamed.stderr.isEmpty, "\(renamed.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("\"model\": \"acme-2\""))
        let oldImport = try CLI.run(["import", Self.inspect, "--stage", "pre_mitigation", "--model", "acme-3", "--out", out, "--quiet"])
        #expect(oldImport.status == 0)
        #expect(oldImport.stderr.contains("warning: import --model is deprecated: it renames models (elsewhere --model selected them); use --as-model"))
    }

    @Test func importReportsTasksNoIndicatorReadsAndStrictWritesNothing() throws {
        let out = scratch.path("evidence.jsonl")
        let result = try CLI.run(["import", Self.inspect, "--stage", "pre_mitigation", "--map", "ctf_smal=ctf_professional",
                                  "--framework", Self.beta, "--out", out])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: --map ctf_smal=ctf_professional matches no imported task; did you mean 'ctf_small'? (imported: ctf_small)"))
        #expect(result.stderr.contains("evaluation 'ctf_small' is read by no indicator of openai-preparedness-beta; map it to one with --map ctf_small=EVAL_ID"))
        let strictOut = scratch.path("strict.jsonl")
        let strict = try CLI.run(["import", Self.inspect, "--stage", "pre_mitigation", "--framework", Self.beta, "--out", strictOut, "--strict"])
        #expect(strict.status == 2 && !FileManager.default.fileExists(atPath: strictOut), "\(strict.stderr)")
        let tiers = try CLI.run([
            "import", Self.inspect, "--stage", "pre_mitigation", "--framework", Self.beta, "--out", scratch.path("tiers.jsonl"), "--strict",
            "--map", "ctf_small[tier=professional]=ctf_professional", "--map", "ctf_small[tier=collegiate]=ctf_collegiate",
            "--map", "ctf_small[tier=high_school]=ctf_high_school",
        ])
        #expect(tiers.status == 0, "the documented tier mapping is clean under --strict: \(tiers.stderr)")
        let bad = try CLI.run(["import", Self.inspect, "--stage", "pre_mitigation", "--map", "ctf_small[tier]=x", "--out", out])
        #expect(bad.status == 64 && bad.stderr.contains("TASK[KEY=VALUE]=EVAL_ID"))
    }

    @Test func regenerateStrictExitsTwoAndGatesUseTheReportsWords() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        _ = try card.regenerate()
        try card.writeEvidence(models: 1, version: 1)
        let flipped = try card.regenerate()
        #expect(flipped.status == 5)
        #expect(flipped.stdout.contains("gate   deployment: Allowed → NOT ALLOWED"), "\(flipped.stdout)")
        #expect(flipped.stdout.contains("gate   security_hardening: Not required → REQUIRED"))
        #expect(!flipped.stdout.contains("PASSED"))

        let text = try String(contentsOf: card.evidence, encoding: .utf8)
        try (text + #"{"model": "model-0", "stage": "pre_mitigation", "eval": "swe_bench_verifed", "metric": "pass@1", "value": 0.9}"# + "\n")
            .write(to: card.evidence, atomically: true, encoding: .utf8)
        let strict = try card.regenerate(["--strict"])
        #expect(strict.status == 2 && strict.stdout.isEmpty)
        #expect(strict.stderr.contains("did you mean 'swe_bench_verified'?"))
        let lenient = try card.regenerate()
        #expect(lenient.status == 0 && lenient.stderr.contains("warning: evidence/results.jsonl:9: model-0: not used: swe_bench_verifed"), "\(lenient.stderr)")
    }

    @Test func v2AssessesBetaEvidenceThroughAStageMap() throws {
        let refused = try CLI.run(["assess", "--framework", Self.v2, "--evidence", "examples/demo/evidence.jsonl"])
        #expect(refused.status == 2 && refused.stderr.contains("unknown stage 'pre_mitigation' (known: capability)"))
        let mapped = try CLI.run(["assess", "--framework", Self.v2, "--evidence", "examples/demo/evidence.jsonl", "--only-model", "GPT-4o",
                                  "--map-stage", "pre_mitigation=capability", "--map-stage", "post_mitigation="])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stdout.contains("Capability assessment") && mapped.stderr.contains("note: the stage map left out 15 records at stage post_mitigation"))
        let bad = try CLI.run(["assess", "--framework", Self.v2, "--evidence", "examples/demo/evidence.jsonl", "--map-stage", "capability"])
        #expect(bad.status == 64 && bad.stderr.contains("must be FROM=TO"))
    }

    @Test func diffNamesAMissingJSONFile() throws {
        let present = scratch.path("a.json")
        let assess = try CLI.run(["assess", "--framework", Self.beta, "--evidence", "examples/demo/evidence.jsonl", "--only-model", "o1", "--format", "json"])
        try assess.stdout.write(toFile: present, atomically: true, encoding: .utf8)
        let missing = scratch.path("b.json")
        let result = try CLI.run(["diff", present, missing], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr == "error: \(missing): no such file (a JSON scorecard from `assess --format json`)\n", "not 'scorecard.yaml: no such file'")
        let named = try CLI.run(["diff", present, missing + "#o1"], in: scratch.url)
        #expect(named.stderr.contains("\(missing): no such file"))
    }

    @Test func exportReadsEvaluationLogsWithTheStageItSuggests() throws {
        let out = scratch.path("eee")
        let without = try CLI.run(["export", "--to", "eee", "--evidence", Self.inspect, "--out", out])
        #expect(without.status == 2 && without.stderr.contains("pass --stage"))
        let with = try CLI.run(["export", "--to", "eee", "--evidence", Self.inspect, "--stage", "pre_mitigation", "--out", out])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("pre_mitigation: 5 results"))
    }

    @Test func frameworksListNamesTheShippedFrameworks() throws {
        let text = try CLI.run(["frameworks", "list"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("openai-preparedness-beta  Beta (18 December 2023)"))
        #expect(text.stdout.contains("openai-preparedness-v2    Version 2 (15 April 2025)"))
        let elsewhere = try CLI.run(["frameworks", "list", "--format", "json"], in: scratch.url)
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(elsewhere.stdout.utf8)) as? [String: Any])
        let ids = (envelope["result"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["anthropic-rsp-v2.2", "google-deepmind-fsf-v3", "openai-preparedness-beta", "openai-preparedness-v2"], "found beside the binary's checkout from any folder")
        try "schema_version: 1\nid: broken\n".write(toFile: scratch.path("broken.yaml"), atomically: true, encoding: .utf8)
        let broken = try CLI.run(["frameworks", "list", scratch.url.path])
        #expect(broken.status == 2 && broken.stdout.contains("(does not load)"))
    }

    @Test func initWritesAFrameworkPathThatExistsFromTheWrittenFile() throws {
        let output = scratch.path("cards/new/scorecard.yaml")
        let result = try CLI.run(["init", "--output", output, "--framework", Self.beta])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("framework: ") })
        let written = String(line.dropFirst("framework: ".count))
        let resolved = URL(fileURLWithPath: (scratch.path("cards/new") as NSString).appendingPathComponent(written)).standardized.path
        #expect(FileManager.default.fileExists(atPath: resolved), "\(written) from \(output)")
        let defaulted = try CLI.run(["init", "--output", scratch.path("other.yaml")], in: scratch.url)
        #expect(defaulted.status == 0 && defaulted.stdout.contains("openai-preparedness-beta.yaml"), "\(defaulted.stderr)")
        let missing = try CLI.run(["init", "--output", scratch.path("third.yaml"), "--framework", "nope.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("framework 'nope.yaml' does not exist"))
    }

    @Test func makeKeepsTheDemoAndTheTestsQuiet() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["make", "-n", "demo", "test"]
        process.currentDirectoryURL = PackagePaths.root
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("swift build --quiet"), "\(text)")
        #expect(lines.contains("swift test --skip-build --disable-xctest"), "no XCTest 'Executed 0 tests' line")
        #expect(!lines.contains("swift build") && !lines.contains("swift test"))
    }

    @Test func theReadmeSaysWhereTheBinaryIsAndHowToPutItOnThePath() throws {
        let readme = try String(contentsOf: PackagePaths.file("README.md"), encoding: .utf8)
        #expect(readme.contains("export PATH=\"$PWD/.build/debug:$PATH\""))
        #expect(FileManager.default.isExecutableFile(atPath: PackagePaths.file(".build/debug/scorecard").path))
    }
}
