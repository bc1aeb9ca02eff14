import Foundation
import Testing

/// `scorecard export --to eee` through the real executable.
@Suite(.serialized) struct ExportCommandTests {
    static let golden = CLI.packageRoot.appendingPathComponent("Tests/ScorecardIngestTests/Fixtures/eee/exported-demo")

    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func files(under directory: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: directory.path).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }

    @Test func demoExportWritesTheGoldenFiles() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["export", "--to", "eee", "--evidence", "examples/demo/evidence.jsonl", "--out", out.path,
                                  "--retrieved-at", "1780272000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let written = try files(under: out)
        #expect(written == (try files(under: Self.golden)), "no temporary files are left behind")
        for path in written {
            let actual = try Data(contentsOf: out.appendingPathComponent(path))
            #expect(actual == (try Data(contentsOf: Self.golden.appendingPathComponent(path))), "\(path)")
        }
        #expect(result.stdout == """
            wrote \(out.path)/unknown/GPT-4o/ca4b468b-181a-4723-aaaa-4c896b478f77.json (GPT-4o, pre_mitigation: 19 results)
            wrote \(out.path)/unknown/o1/e6a04774-1b8f-4366-b09a-185e86d80595.json (o1, post_mitigation: 15 results)
            wrote \(out.path)/unknown/o1/78a67160-cc99-437f-92d0-dbd701ef3103.json (o1, pre_mitigation: 12 results)

            """)
    }

    @Test func sourceDateEpochFixesTheTimestampAndJSONSummarises() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["export", "--to", "eee", "--evidence", "examples/demo/evidence.jsonl", "--out", out.path,
                                  "--format", "json", "--organization", "Safety team", "--relationship", "first_party"],
                                 environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(result.status == 0, "\(result.stderr)")
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(envelope["command"] as? String == "export" && envelope["format_version"] is Int)
        let summary = try #require(envelope["result"] as? [String: Any])
        #expect(summary["skipped_samples"] as? Int == 0)
        let rows = try #require(summary["files"] as? [[String: Any]])
        #expect(rows.allSatisfy { $0.keys.contains("snapshot") }, "every key is present, null when absent")
        #expect(rows.map { $0["stage"] as? String } == ["pre_mitigation", "post_mitigation", "pre_mitigation"])
        #expect(rows.map { $0["results"] as? Int } == [19, 15, 12])
        let first = try #require(rows.first?["path"] as? String)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: first))) as? [String: Any])
        #expect(record["retrieved_timestamp"] as? String == "1700000000")
        let metadata = try #require(record["source_metadata"] as? [String: Any])
        #expect(metadata["source_organization_name"] as? String == "Safety team" && metadata["evaluator_relationship"] as? String == "first_party")
    }

    @Test func badUsageAndBadEvidence() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let noEvidence = try CLI.run(["export", "--to", "eee", "--out", out.path])
        #expect(noEvidence.status == 64 && noEvidence.stderr.contains("Give at least one --evidence file to export."))
        let badTarget = try CLI.run(["export", "--to", "csv", "--evidence", "examples/demo/evidence.jsonl", "--out", out.path])
        #expect(badTarget.status == 64)
        let bad = out.appendingPathComponent("bad.jsonl")
        try #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 46}"#.write(to: bad, atomically: true, encoding: .utf8)
        let invalid = try CLI.run(["export", "--to", "eee", "--evidence", bad.path, "--out", out.appendingPathComponent("x").path])
        #expect(invalid.status == 2)
        #expect(invalid.stderr == "\(bad.path):1: value 46 is outside [0, 1]; rates are fractions: did you mean 0.46?\n")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("x").path), "nothing is written when the input is invalid")
    }

    @Test func hostileModelNamesStayInsideTheOutputDirectoryAndOffTheTerminal() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let evidence = out.appendingPathComponent("e.jsonl")
        try #"{"model": "../../escape\u001b[2J", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5, "n": 10, "k": 5}"#
            .write(to: evidence, atomically: true, encoding: .utf8)
        let target = out.appendingPathComponent("export")
        let result = try CLI.run(["export", "--to", "eee", "--evidence", evidence.path, "--out", target.path, "--retrieved-at", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}") && result.stdout.contains("\\u{1b}[2J"))
        let written = try files(under: target)
        #expect(written.count == 1 && written[0].hasPrefix("_/___escape__2J/"), "\(written)")
    }

    @Test func helpMatchesGolden() throws {
        let result = try CLI.run(["export", "--help"])
        #expect(result.status == 0)
        try Golden.check(result.stdout, "help-export.txt")
    }

    @Test("export --to hf writes the committed Hub files, and names the stage when the evidence has several")
    func hubExport() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let golden = CLI.packageRoot.appendingPathComponent("Tests/ScorecardIngestTests/Fixtures/hf/exported-demo")
        let refused = try CLI.run(["export", "--to", "hf", "--evidence", "examples/demo/evidence.jsonl", "--out", out.path])
        #expect(refused.status == 2 && refused.stderr.contains("name the stage to export"), "\(refused.stderr)")
        #expect(try files(under: out).isEmpty, "nothing is written when the export is refused")
        let result = try CLI.run(["export", "--to", "hf", "--evidence", "examples/demo/evidence.jsonl", "--out", out.path,
                                  "--only-stage", "pre_mitigation"])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try files(under: out)
        #expect(written == (try files(under: golden)) && written.count == 23)
        for path in written {
            #expect(try Data(contentsOf: out.appendingPathComponent(path)) == (try Data(contentsOf: golden.appendingPathComponent(path))), "\(path)")
        }
        #expect(result.stdout.hasPrefix("wrote \(out.path)/unknown/GPT-4o/README.md (GPT-4o, pre_mitigation: 19 results)\n"))
    }
}
