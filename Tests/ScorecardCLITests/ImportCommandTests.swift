import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardTesting
import Testing

/// `scorecard import` through the real executable: output, merging, atomicity, exit codes.
@Suite(.serialized) struct ImportCommandTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/ScorecardIngestTests/Fixtures/inspect")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    let scratch: ScratchFolder
    var folder: URL { scratch.url }

    init() throws {
        scratch = try ScratchFolder("scorecard-import")
    }

    func path(_ name: String) -> String { scratch.path(name) }

    func copy(_ fixture: String, to name: String) throws -> String { try scratch.copy(Self.fixture(fixture), to: name) }

    func lines(_ file: String) throws -> [String] { try ScorecardTesting.lines(of: file) }

    @Test func importsALogIntoEvidenceThatLoadsBack() throws {
        let out = path("evidence.jsonl")
        let result = try CLI.run(["import", Self.fixture("ctf_small.json"), "--stage", "pre_mitigation", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote \(out): 5 summary and 12 per-sample records from 1 file (1 new, 0 replaced, 0 unchanged)"))
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
        let (records, samples) = try ScorecardEvidenceReader.parse(bytes, file: out, stages: ["pre_mitigation", "post_mitigation"])
        #expect(records.count == 5 && samples.count == 12)
        #expect(records.first { $0.metric == "accuracy" }?.value == 0.5833333333333334)
        #expect(samples.allSatisfy { $0.source == Self.fixture("ctf_small.json") && $0.sourceSHA256?.count == 64 })
        #expect(records.allSatisfy { $0.notes?.contains("errored samples count as failures") == true || $0.metric.hasPrefix("inspect/") })
    }

    @Test func importingTheSameFileAgainChangesNothing() throws {
        let out = path("evidence.jsonl")
        let arguments = ["import", Self.fixture("ctf_small.eval"), "--stage", "pre_mitigation", "--out", out]
        #expect(try CLI.run(arguments).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: out))
        let again = try CLI.run(arguments)
        #expect(again.status == 0)
        #expect(again.stderr.contains("(0 new, 0 replaced, 1 unchanged)"), "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == first)
    }

    /// What is replaced and kept is tested on the API (ImporterTests); here, how it is reported.
    @Test func aChangedFileReportsWhatItReplacedAndKept() throws {
        let out = path("evidence.jsonl")
        let log = try copy("ctf_small.json", to: "run.json")
        #expect(try CLI.run(["import", Self.fixture("sample_ids.json"), "--stage", "pre_mitigation", "--out", out]).status == 0)
        #expect(try CLI.run(["import", log, "--stage", "pre_mitigation", "--out", out]).status == 0)
        try FileManager.default.removeItem(atPath: log)
        try FileManager.default.copyItem(atPath: Self.fixture("grouped_metrics.json"), toPath: log)
        let result = try CLI.run(["import", log, "--stage", "pre_mitigation", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(0 new, 1 replaced, 0 unchanged); 17 earlier records of those files were replaced; kept "), "\(result.stderr)")
        #expect(result.stderr.contains(" records from 1 other source\n"), "\(result.stderr)")
    }

    @Test func twoSourcesOfTheSameResultsAreRefusedAndNothingIsWritten() throws {
        let out = path("evidence.jsonl")
        let result = try CLI.run(["import", Self.fixture("ctf_small.json"), Self.fixture("ctf_small.eval"),
                                  "--stage", "pre_mitigation", "--out", out])
        #expect(result.status == 2)
        #expect(result.stderr.contains("also come from"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // --map keeps them apart.
        let mapped = try CLI.run(["import", Self.fixture("ctf_small.json"), "--map", "ctf_small=ctf_json", "--stage", "pre_mitigation", "--out", out])
        #expect(mapped.status == 0)
        #expect(try CLI.run(["import", Self.fixture("ctf_small.eval"), "--stage", "pre_mitigation", "--out", out]).status == 0)
    }

    @Test func aBadFileLeavesTheOutputAsItWas() throws {
        let out = path("evidence.jsonl")
        #expect(try CLI.run(["import", Self.fixture("sample_ids.eval"), "--stage", "pre_mitigation", "--out", out]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let broken = path("broken.json")
        try Data(try Data(contentsOf: URL(fileURLWithPath: Self.fixture("ctf_small.json"))).prefix(5000)).write(to: URL(fileURLWithPath: broken))
        let result = try CLI.run(["import", Self.fixture("ctf_small.eval"), broken, "--stage", "pre_mitigation", "--out", out])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.json:"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFolderImportsEveryLogItRecognisesInNameOrder() throws {
        _ = try copy("ctf_small.json", to: "b.json")
        _ = try copy("sample_ids.eval", to: "a.eval")
        _ = try copy("README.md", to: "notes.md")
        let out = path("out/evidence.jsonl")
        try FileManager.default.createDirectory(atPath: path("out"), withIntermediateDirectories: true)
        let result = try CLI.run(["import", folder.path, "--stage", "pre_mitigation", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("skipped 1 files that no format recognises") && result.stderr.contains("notes.md"))
        #expect(result.stderr.contains("[1/2] \(path("a.eval"))") && result.stderr.contains("[2/2] \(path("b.json"))"))
    }

    @Test func optionsForFormatsSamplesAndStage() throws {
        let out = path("evidence.jsonl")
        let renamed = try copy("ctf_small.eval", to: "log.bin")
        let forced = try CLI.run(["import", renamed, "--from", "inspect", "--no-samples", "--stage", "pre_mitigation", "--out", out])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try lines(out).allSatisfy { !$0.contains("\"sample_id\"") })
        let unknown = try CLI.run(["import", renamed, "--from", "csvv", "--stage", "pre_mitigation", "--out", out])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown format 'csvv' (known: inspect, lm-eval, eee, junit, evidence)"))
        let noStage = try CLI.run(["import", Self.fixture("ctf_small.json"), "--out", path("x.jsonl")])
        #expect(noStage.status == 2 && noStage.stderr.contains("pass --stage STAGE"))
        let badMap = try CLI.run(["import", Self.fixture("ctf_small.json"), "--map", "ctf_small", "--out", out])
        #expect(badMap.status == 64 && badMap.stderr.contains("must be TASK=EVAL_ID"))
        let refused = try CLI.run(["import", Self.fixture("run_failed.json"), "--stage", "pre_mitigation", "--out", path("y.jsonl")])
        #expect(refused.status == 2 && refused.stderr.contains("log status is 'error'"))
    }

    @Test func assessReadsInspectLogsDirectly() throws {
        _ = try copy("ctf_small.json", to: "ctf.json")
        let result = try CLI.run([
            "assess", "--framework", "frameworks/openai-preparedness-beta.yaml", "--evidence", folder.path,
            "--stage", "pre_mitigation", "--map", "ctf_small=ctf_professional", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // The CTF evaluator used the samples: two epochs cannot give pass@10.
        #expect(result.stdout.contains("pass@10 needs at least 10"), "\(result.stdout.prefix(2000))")
        let missingStage = try CLI.run(["assess", "--framework", "frameworks/openai-preparedness-beta.yaml", "--evidence", folder.path])
        #expect(missingStage.status == 2 && missingStage.stderr.contains("--stage"))
    }

    @Test func ourOwnEvidenceMergesWithoutDuplicates() throws {
        let out = path("evidence.jsonl")
        let demo = CLI.packageRoot.appendingPathComponent("examples/demo/evidence.jsonl").path
        #expect(try CLI.run(["import", demo, "--out", out]).status == 0)
        let first = try lines(out)
        let again = try CLI.run(["import", demo, "--out", out])
        #expect(again.status == 0 && again.stderr.contains("identical records written once"), "\(again.stderr)")
        #expect(try lines(out) == first)
    }

    @Test func anEmptyAsModelIsAUsageErrorNamingIt() throws {
        let result = try CLI.run(["import", Self.fixture("ctf_small.json"), "--as-model", " ", "--stage", "pre_mitigation", "--out", path("e.jsonl")])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--as-model is empty"), "\(result.stderr)")
        #expect(!result.stderr.contains("pass --model"))
    }

    @Test func anOutputThatIsAFIFOIsRefusedAtOnce() throws {
        let out = path("evidence.jsonl")
        #expect(mkfifo(out, 0o600) == 0)
        let result = try CLI.run(["import", Self.fixture("ctf_small.json"), "--stage", "pre_mitigation", "--out", out])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("\(out): is a FIFO, not a regular file"), "\(result.stderr)")
        var info = stat()
        #expect(stat(out, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
    }

    @Test func anOutputThatIsNotEvidenceIsNotOverwritten() throws {
        let out = try copy("README.md", to: "notes.jsonl")
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let result = try CLI.run(["import", Self.fixture("ctf_small.json"), "--stage", "pre_mitigation", "--out", out])
        #expect(result.status == 2 && result.stderr.contains("notes.jsonl:1: not an evidence record"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
    }
}

@Suite struct ImportOtherFormatsTests {
    static let junit = "Tests/ScorecardIngestTests/Fixtures/junit/pytest-junitxml-default.xml"

    @Test func junitNeedsAModelAndFollowsTheErroredPolicy() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-junit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("e.jsonl").path
        let noModel = try CLI.run(["import", Self.junit, "--stage", "post_mitigation", "--out", out])
        #expect(noModel.status == 2, "JUnit records no model: \(noModel.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))

        func passRate(_ extra: [String]) throws -> (n: Int, k: Int) {
            let result = try CLI.run(["import", Self.junit, "--as-model", "o1", "--stage", "post_mitigation", "--no-samples", "--out", out] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let line = try #require(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").first)
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(record["metric"] as? String == "pass_rate")
            return (record["n"] as? Int ?? -1, record["k"] as? Int ?? -1)
        }
        let failures = try passRate([])
        #expect(failures.n == 9 && failures.k == 3, "errors count as failed attempts by default")
        try FileManager.default.removeItem(atPath: out)
        let excluded = try passRate(["--errored", "exclude"])
        #expect(excluded.n == 7 && excluded.k == 3, "--errored exclude leaves the two errored cases out of n")
    }
}
