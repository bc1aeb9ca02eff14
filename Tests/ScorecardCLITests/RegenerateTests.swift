import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ScorecardStore
import ScorecardTesting
import Testing

@Suite struct RegenerateTests {
    @Test func secondRunChangesNothingAndWritesNothing() throws {
        let card = try CardFixture()
        defer { card.remove() }
        let first = try card.regenerate()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("model-0: first scorecard"))
        let reports = try card.reportContents()
        #expect(reports.keys.sorted() == ["model-0.json", "model-1.json", "model-2.json"])
        let modified = try FileManager.default.attributesOfItem(atPath: card.reports.appendingPathComponent("model-0.json").path)[.modificationDate] as? Date

        let second = try card.regenerate()
        #expect(second.status == 0)
        #expect(second.stdout.contains("Nothing changed: 3 scorecards and 3 reports are up to date."))
        #expect(try card.reportContents() == reports)
        let after = try FileManager.default.attributesOfItem(atPath: card.reports.appendingPathComponent("model-0.json").path)[.modificationDate] as? Date
        #expect(modified == after, "an up-to-date report is not rewritten")
        #expect(try card.store().scorecardCount() == 3)
        #expect(try card.store().integrityProblems().isEmpty)
    }

    @Test func movedLevelsAndFlippedGatesHaveTheirOwnExitCodes() throws {
        let card = try CardFixture()
        defer { card.remove() }
        _ = try card.regenerate()
        try card.writeEvidence(models: 3, version: 2)
        let moved = try card.regenerate()
        #expect(moved.status == 0, "changemyview 0.42 stays Low: no level moved\n\(moved.stdout)\(moved.stderr)")
        try card.writeEvidence(models: 3, version: 1)
        let flipped = try card.regenerate(["--format", "json"])
        #expect(flipped.status == 5, "\(flipped.stdout)\(flipped.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(flipped.stdout.utf8)) as? [String: Any])
        let models = try #require(summary["models"] as? [[String: Any]])
        let model0 = try #require(models.first { $0["model"] as? String == "model-0" })
        let gates = try #require(model0["gates"] as? [[String: Any]])
        #expect(gates.contains { $0["gate"] as? String == "deployment" && $0["from"] as? Bool == true && $0["to"] as? Bool == false })
        let levels = try #require(model0["levels"] as? [[String: Any]])
        #expect(levels.contains { $0["category"] as? String == "cybersecurity" && $0["stage"] as? String == "post_mitigation" && $0["from"] as? String == "low" && $0["to"] as? String == "high" })
        #expect(models.filter { $0["status"] as? String == "unchanged" }.count == 2, "other models' levels and gates did not move")

        try card.writeEvidence(models: 3, version: 0)
        let back = try card.regenerate()
        #expect(back.status == 4, "levels moved back, and no gate newly failed\n\(back.stdout)")
        #expect(back.stdout.contains("level  cybersecurity post_mitigation: high → low"))
    }

    @Test("a level newly in question, with no level moved, is exit 11 and names what to review")
    func aLevelNewlyInQuestionHasItsOwnExitCode() throws {
        let card = try CardFixture()
        defer { card.remove() }
        try """
            schema_version: 1
            determinations:
              - {model: model-0, category: cybersecurity, stage: pre_mitigation, level: low, rationale: "ok \\e[2Jcleared", author: SAG, date: 2024-01-01}
              - {model: model-0, category: cybersecurity, stage: post_mitigation, level: low, rationale: "ok \\e[2Jcleared", author: SAG, date: 2024-01-01}
            """.write(to: card.directory.appendingPathComponent("determinations.yaml"), atomically: true, encoding: .utf8)
        let handle = try FileHandle(forWritingTo: card.config)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\ndeterminations: determinations.yaml\n".utf8))
        try handle.close()
        let first = try card.regenerate()
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")

        // model-0's professional CTF goes to 0.9 (High) beneath determinations that hold Low.
        try card.writeEvidence(models: 3, version: 1)
        let questioned = try card.regenerate()
        #expect(questioned.status == 11, "no level or gate moved; the determinations are in question\n\(questioned.stdout)\(questioned.stderr)")
        #expect(questioned.stdout.contains(
            "  REVIEW  cybersecurity post_mitigation: the evidence beneath the determination now indicates high (was low)\n"), "\(questioned.stdout)")
        #expect(questioned.stdout.contains(
            "  REVIEW  cybersecurity pre_mitigation: lowered_by_determination: determination sets low, below the high the evidence shows reached: ok "))
        #expect(!questioned.stdout.contains("level  "), "no level moved")
        #expect(!questioned.stdout.unicodeScalars.contains("\u{1B}"), "a rationale's control characters never reach the terminal")

        let json = try card.regenerate(["--format", "json"])
        #expect(json.status == 0, "the flags are not new any more\n\(json.stdout)")
        try card.writeEvidence(models: 3, version: 3)
        let same = try card.regenerate(["--format", "json"])
        #expect(same.status == 0, "the same evidence again: nothing new to review\n\(same.stdout)")
        try card.writeEvidence(models: 3, version: 0)
        let back = try JSONSerialization.jsonObject(with: Data(try card.regenerate(["--format", "json"]).stdout.utf8)) as? [String: Any]
        let model0 = (back?["models"] as? [[String: Any]])?.first { $0["model"] as? String == "model-0" }
        let indicated = model0?["indicated_under_determination"] as? [[String: Any]]
        #expect(indicated?.contains { $0["stage"] as? String == "pre_mitigation" && $0["from"] as? String == "high" && $0["to"] as? String == "low" } == true,
                "\(model0 ?? [:])")
    }

    @Test("a FIFO in a card's evidence folder is an error naming it, never read (a read would block) nor left out unseen")
    func aFIFOInAnEvidenceFolderIsNamed() throws {
        let card = try CardFixture()
        defer { card.remove() }
        let config = try String(contentsOf: card.config, encoding: .utf8)
        try config.replacingOccurrences(of: "path: evidence/*.jsonl", with: "path: evidence")
            .write(to: card.config, atomically: true, encoding: .utf8)
        #expect(try card.regenerate().status == 0)
        let fifo = card.directory.appendingPathComponent("evidence/sub/pipe.jsonl")
        try FileManager.default.createDirectory(at: fifo.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let result = try card.regenerate()
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains(
            "evidence/sub/pipe.jsonl: neither a file nor a folder to read (a FIFO, a broken link or a link to a folder): remove it or list the files"),
            "\(result.stderr)")
    }

    @Test("a wildcard that matches a folder reads it as if named, and one that matches a FIFO names it")
    func aWildcardMatchingAFolderOrAFIFOLeavesNothingOutUnseen() throws {
        let card = try CardFixture()
        defer { card.remove() }
        let config = try String(contentsOf: card.config, encoding: .utf8)
        try config.replacingOccurrences(of: "path: evidence/*.jsonl", with: "path: \"evidence/*\"")
            .write(to: card.config, atomically: true, encoding: .utf8)
        let folder = card.directory.appendingPathComponent("evidence/sub")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: card.evidence, to: folder.appendingPathComponent(card.evidence.lastPathComponent))
        let first = try card.regenerate()
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(try card.store().scorecardCount() == 3, "the evidence in the matched folder is read")
        let fifo = card.directory.appendingPathComponent("evidence/pipe.jsonl")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let second = try card.regenerate()
        #expect(second.status == 2, "\(second.stdout)\(second.stderr)")
        #expect(second.stderr.contains("evidence/pipe.jsonl: neither a file nor a folder to read"), "\(second.stderr)")
    }

    @Test("a model scored at the last run that no evidence names now is warned about, not dropped from the summary unseen")
    func aModelThatVanishesFromTheEvidenceIsNamed() throws {
        let card = try CardFixture()
        defer { card.remove() }
        try card.writeEvidence(models: 3, version: 0)
        #expect(try card.regenerate().status == 0)
        try card.writeEvidence(models: 2, version: 0)
        let strict = try card.regenerate(["--strict"])
        #expect(strict.status == 2, "\(strict.stderr)")
        let result = try card.regenerate()
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("warning: model-2 had a scorecard at the last run but no evidence or determination names it now"),
                "a strict run that stopped leaves the last run as it was, so the warning comes again: \(result.stderr)")
        #expect(!(try card.regenerate().stderr.contains("had a scorecard at the last run")), "after a run that went through, the warning is not repeated")
    }

    @Test(arguments: ["folder", "fifo"])
    func aStoreThatIsNotARegularFileIsRefusedAndNothingIsWrittenBesideIt(kind: String) throws {
        let card = try CardFixture()
        defer { card.remove() }
        let store = card.directory.appendingPathComponent("stores/store.sqlite")
        try FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        if kind == "folder" {
            try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        } else {
            #expect(mkfifo(store.path, 0o600) == 0)
        }
        let result = try card.regenerate(["--store", store.path])
        #expect(result.status == 1, "\(result.stderr)")
        let named = kind == "folder" ? "a folder" : "a FIFO"
        #expect(result.stderr.contains("\(store.path): is \(named), not a database file; it was left untouched"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.deletingLastPathComponent().path) == ["store.sqlite"],
                "no lock, journal or WAL file beside it")
    }

    @Test func aDeletedEvidenceFileIsAClearErrorAndChangesNothing() throws {
        let card = try CardFixture()
        defer { card.remove() }
        _ = try card.regenerate()
        let reports = try card.reportContents()
        try FileManager.default.removeItem(at: card.evidence)
        let result = try card.regenerate()
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(card.config.path):4:5: evidence 'evidence/*.jsonl' matches no file"))
        #expect(try card.reportContents() == reports)
        #expect(try card.store().scorecardCount() == 3)
    }

    @Test func aReadOnlyReportFolderLeavesReportsAndDatabaseUntouched() throws {
        let card = try CardFixture()
        defer {
            _ = try? ReadOnly.release(card.reports.path)
            card.remove()
        }
        _ = try card.regenerate()
        let reports = try card.reportContents()
        let runs = try card.store().runCount()
        try card.writeEvidence(models: 3, version: 1)
        try ReadOnly.make(card.reports.path)
        let result = try card.regenerate()
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write in \(card.reports.path)"))
        #expect(try card.reportContents() == reports)
        #expect(try card.store().scorecardCount() == 3)
        #expect(try card.store().runCount() == runs)
    }

    @Test func aFullDiskLeavesReportsAndDatabaseUntouched() throws {
        let card = try CardFixture()
        defer { card.remove() }
        _ = try card.regenerate()
        let reports = try card.reportContents()
        let runs = try card.store().runCount()
        try card.writeEvidence(models: 3, version: 1)
        let result = try card.regenerate(environment: ["SCORECARD_FAULT_WRITE_LIMIT": "1000"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("No space left on device"))
        #expect(try card.reportContents() == reports)
        #expect(card.temporaryFiles().isEmpty)
        #expect(try card.store().scorecardCount() == 3)
        #expect(try card.store().runCount() == runs)
        let recovered = try card.regenerate()
        #expect(recovered.status == 5)
    }

    @Test func aRunThatFailsAfterStartingIsMarkedFailedAndItsAlertsComeAgain() throws {
        let card = try CardFixture()
        defer { card.remove() }
        #expect(try card.regenerate().status == 0)
        try card.writeEvidence(models: 3, version: 1)
        // A folder where model-2's report goes: every temporary file is written, then that rename fails.
        let blocker = card.reports.appendingPathComponent("model-2.json")
        try FileManager.default.removeItem(at: blocker)
        try FileManager.default.createDirectory(at: blocker.appendingPathComponent("inner"), withIntermediateDirectories: true)
        let failed = try card.regenerate()
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("cannot replace \(blocker.path)"))
        #expect(try card.store().runCount(status: "failed") == 1)
        #expect(card.temporaryFiles().isEmpty)

        try FileManager.default.removeItem(at: blocker)
        let retried = try card.regenerate()
        #expect(retried.status == 5, "the gate flip of the failed run is raised again\n\(retried.stdout)\(retried.stderr)")
        #expect(try card.reportContents().keys.sorted() == ["model-0.json", "model-1.json", "model-2.json"])
    }

    @Test func theSameResultsListedTwiceAreRefused() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        try FileManager.default.copyItem(at: card.evidence, to: card.directory.appendingPathComponent("evidence/copy.jsonl"))
        let result = try card.regenerate()
        #expect(result.status == 2)
        #expect(result.stderr.contains("evidence/results.jsonl: has the same contents as evidence/copy.jsonl; list the results once"))
    }

    @Test func aCorruptDatabaseIsReportedAndLeftAlone() throws {
        let card = try CardFixture()
        defer { card.remove() }
        try FileManager.default.createDirectory(atPath: (card.storePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let junk = Data(repeating: 0x42, count: 4096)
        try junk.write(to: URL(fileURLWithPath: card.storePath))
        let result = try card.regenerate()
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a scorecard database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: card.storePath)) == junk)
        #expect(try card.reportContents().isEmpty)
    }

    @Test func configurationErrorsNameTheLine() throws {
        let card = try CardFixture()
        defer { card.remove() }
        try """
            schema_version: 1
            framework: missing.yaml
            evidense: []
            evidence:
              - {path: evidence/*.jsonl, format: csvv}
            """.write(to: card.config, atomically: true, encoding: .utf8)
        let result = try card.regenerate()
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(card.config.path):2:12: framework 'missing.yaml' does not exist"))
        #expect(result.stderr.contains("\(card.config.path):3:1: unknown key 'evidense' in the document; did you mean 'evidence'?"))
        #expect(result.stderr.contains("unknown evidence format 'csvv'"))
    }

    @Test func initWritesAConfigurationThatLoadsOnceEdited() throws {
        let card = try CardFixture()
        defer { card.remove() }
        let path = card.directory.appendingPathComponent("new.yaml").path
        let result = try CLI.run(["init", "--output", path, "--framework", "framework.yaml"])
        #expect(result.status == 0)
        #expect(try CLI.run(["init", "--output", path]).status == 2, "never overwrites without --force")
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "evidence/*.jsonl", with: "evidence/results.jsonl")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CLI.run(["regenerate", "--config", path])
        #expect(run.status == 2, "the template selects my-model, which the evidence does not have: no scorecard is an error")
        #expect(run.stderr.contains("\(path):13: models: 'my-model' matches no model in the evidence or determinations (known: model-0, model-1, model-2)"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let named = text.replacingOccurrences(of: "name: my-model", with: "name: model-1")
        try named.write(toFile: path, atomically: true, encoding: .utf8)
        let second = try CLI.run(["regenerate", "--config", path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("model-1: first scorecard"))
    }
}

/// The README's first command runs the demo card through regenerate: its reports must be the
/// committed ones, byte for byte, on any checkout.
@Suite struct DemoCardTests {
    @Test func demoCardRegeneratesTheCommittedReports() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["examples/demo/evidence.jsonl", "examples/demo/system-card.jsonl", "examples/demo/determinations.yaml",
                     "examples/demo/scorecard.yaml", "examples/demo/signoffs.jsonl", "examples/demo/keyring.yaml",
                     "frameworks/openai-preparedness-beta.yaml"]
        for file in files {
            let target = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent(file), to: target)
        }
        let config = root.appendingPathComponent("examples/demo/scorecard.yaml").path
        let first = try CLI.run(["regenerate", "--config", config])
        #expect(first.status == 0, "\(first.stderr)")
        let fresh = root.appendingPathComponent("reports/demo")
        let committed = RenderCommandTests.reports
        #expect(RenderCommandTests.listing(fresh) == RenderCommandTests.listing(committed))
        for path in RenderCommandTests.listing(fresh) {
            #expect(try Data(contentsOf: fresh.appendingPathComponent(path)) == Data(contentsOf: committed.appendingPathComponent(path)),
                    "reports/demo/\(path) differs from a fresh regenerate of the demo card: run make golden")
        }
        let again = try CLI.run(["regenerate", "--config", config])
        #expect(again.status == 0)
        #expect(again.stdout.contains("Nothing changed: 2 scorecards and \(RenderCommandTests.listing(fresh).count) reports are up to date."),
                "\(again.stdout)")
        let check = try CLI.run(["check", "--config", config])
        #expect(check.status == 0, "\(check.stdout)")
    }
}

@Suite struct RegenerateLogsTests {
    static let inspectLog = CLI.packageRoot.appendingPathComponent("Tests/ScorecardIngestTests/Fixtures/inspect/ctf_small.eval")

    /// A card that reads an Inspect log directly: per-sample scores feed the evaluator, and too few
    /// attempts for the framework's pass@k fail closed instead of passing as Low.
    @Test func aCardReadsInspectLogsAndFailsClosedOnTooFewAttempts() throws {
        let card = try CardFixture(models: 0)
        defer { card.remove() }
        try FileManager.default.removeItem(at: card.evidence)
        let logs = card.directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.inspectLog, to: logs.appendingPathComponent("ctf_small.eval"))
        try """
            schema_version: 1
            framework: framework.yaml
            evidence:
              - {path: logs/*.eval, stage: pre_mitigation, map: {ctf_small: ctf_professional}}
            reports: {directory: reports, formats: [json]}
            """.write(to: card.config, atomically: true, encoding: .utf8)

        let strict = try card.regenerate()
        #expect(strict.status == 0, "\(strict.stderr)")
        let report = try String(contentsOf: card.reports.appendingPathComponent("mockllm-model.json"), encoding: .utf8)
        #expect(report.contains("has 2 usable attempts; pass@10 needs at least 10"), "\(report.prefix(2000))")
        #expect(report.contains("\"logs/ctf_small.eval\" : \""), "inputs name the log relative to the card")

        let framework = card.directory.appendingPathComponent("framework.yaml")
        let relaxed = try String(contentsOf: framework, encoding: .utf8)
            .replacingOccurrences(of: "params: {k: 10}\n        eval: ctf_professional\n        metric: pass@10",
                                  with: "params: {k: 2}\n        eval: ctf_professional\n        metric: pass@2")
        try relaxed.write(to: framework, atomically: true, encoding: .utf8)
        let assessed = try card.regenerate(["--format", "json"])
        #expect(assessed.status == 4, "cybersecurity pre-mitigation moved from not assessed to a level\n\(assessed.stdout)\(assessed.stderr)")
        let updated = try String(contentsOf: card.reports.appendingPathComponent("mockllm-model.json"), encoding: .utf8)
        #expect(updated.contains("\"basis\" : \"samples\""))
        #expect(updated.contains("unbiased pass@2 (Chen et al. 2021) averaged over challenges"))
    }
}
