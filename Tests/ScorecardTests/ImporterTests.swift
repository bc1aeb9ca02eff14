import Foundation
import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardTesting
import Testing

/// Import through the API: what is written, how a re-import merges, what is refused.
@Suite struct ImporterTests {
    let scratch: ScratchFolder
    var folder: URL { scratch.url }

    init() throws {
        scratch = try ScratchFolder("scorecard-import")
    }

    func path(_ name: String) -> String { scratch.path(name) }

    func copy(_ fixture: String, to name: String) throws -> String { try scratch.copy(Fixtures.inspect(fixture), to: name) }

    func lines(_ file: String) throws -> [String] { try ScorecardTesting.lines(of: file) }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    static let preMitigation = ImportOptions(stage: "pre_mitigation")

    @Test func aLogBecomesSummaryAndSampleRecordsAndEachFileIsReported() throws {
        let out = path("evidence.jsonl")
        let events = Fixtures.Events()
        let summary = try Importer(inputs: [Fixtures.inspect("ctf_small.json")], out: out, options: Self.preMitigation)
            .run(progress: events.record)
        #expect(summary.summaryRecords == 5 && summary.sampleRecords == 12 && summary.files == 1)
        #expect(summary.newFiles == 1 && summary.replacedFiles == 0 && summary.unchangedFiles == 0)
        #expect(events.outline == ["reading 1", "read 1/1", "done"])
        #expect(events.paths == [Fixtures.inspect("ctf_small.json")])
        #expect(try lines(out).count == 17)
    }

    @Test func importingTheSameFileAgainChangesNothing() throws {
        let out = path("evidence.jsonl")
        let importer = try Importer(inputs: [Fixtures.inspect("ctf_small.eval")], out: out, options: Self.preMitigation)
        _ = try importer.run()
        let first = try Data(contentsOf: URL(fileURLWithPath: out))
        let again = try importer.run()
        #expect(again.unchangedFiles == 1 && again.newFiles == 0 && again.replacedFiles == 0)
        #expect(again.replacedRecords == 17, "the earlier records of the file are replaced by the same ones")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == first)
    }

    @Test func aChangedFileReplacesItsOwnRecordsAndKeepsOthers() throws {
        let out = path("evidence.jsonl")
        let log = try copy("ctf_small.json", to: "run.json")
        _ = try Importer(inputs: [Fixtures.inspect("sample_ids.json")], out: out, options: Self.preMitigation).run()
        _ = try Importer(inputs: [log], out: out, options: Self.preMitigation).run()
        let before = try lines(out)
        // The same path now holds another run (a different task): its old records must go.
        try FileManager.default.removeItem(atPath: log)
        try FileManager.default.copyItem(atPath: Fixtures.inspect("grouped_metrics.json"), toPath: log)
        let summary = try Importer(inputs: [log], out: out, options: Self.preMitigation).run()
        #expect(summary.replacedFiles == 1 && summary.keptSources == 1 && summary.keptRecords > 0)
        let after = try lines(out)
        #expect(!after.contains { $0.contains("\"eval\": \"ctf_small\"") })
        #expect(after.contains { $0.contains("\"eval\": \"ctf_grouped\"") })
        #expect(before.filter { $0.contains("\"eval\": \"sample_ids\"") } == after.filter { $0.contains("\"eval\": \"sample_ids\"") })
    }

    @Test func twoSourcesOfTheSameResultsAreRefusedAndNothingIsWritten() throws {
        let out = path("evidence.jsonl")
        let importer = try Importer(
            inputs: [Fixtures.inspect("ctf_small.json"), Fixtures.inspect("ctf_small.eval")], out: out, options: Self.preMitigation)
        do {
            _ = try importer.run()
            Issue.record("the same results from two files were imported")
        } catch let ImportError.refused(problems, refusedOut) {
            #expect(refusedOut == out)
            #expect(problems.count == 1 && problems[0].file == Fixtures.inspect("ctf_small.eval"))
            #expect(problems[0].message.contains("also come from \(Fixtures.inspect("ctf_small.json"))"), "\(problems)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no temporary file is left")
    }

    /// Only digests of the keys are kept while importing; a refusal still names each record.
    @Test func clashesAndRepeatsNameTheirRecords() throws {
        let a = try write("a.jsonl", """
            {"model": "m", "stage": "pre_mitigation", "eval": "e1", "metric": "acc", "variant": "v1", "value": 0.5}
            {"model": "m", "stage": "pre_mitigation", "eval": "e2", "metric": "acc", "value": 0.5}

            """)
        let b = try write("b.jsonl", """
            {"model": "m", "stage": "pre_mitigation", "eval": "e1", "metric": "acc", "variant": "v1", "value": 0.7}
            {"model": "m", "stage": "pre_mitigation", "eval": "e1", "metric": "acc", "value": 0.7}
            {"model": "m", "stage": "pre_mitigation", "eval": "e3", "metric": "acc", "value": 0.1}
            {"model": "m", "stage": "pre_mitigation", "eval": "e3", "metric": "acc", "value": 0.2}

            """)
        let out = path("evidence.jsonl")
        do {
            _ = try Importer(inputs: [a, b], out: out, options: .init()).run()
            Issue.record("a clash and a repeat were imported")
        } catch let ImportError.refused(problems, _) {
            let messages = problems.map(\.message)
            #expect(messages.count == 2, "\(messages)")
            // Same metric without a variant is another record: no clash for e1 acc.
            #expect(messages.contains { $0.hasPrefix("m pre_mitigation e1 acc [v1] also comes from \(a)") }, "\(messages)")
            #expect(messages.contains("m pre_mitigation e3 acc appear twice in this file"), "\(messages)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func ourOwnEvidenceRepeatedIsWrittenOnce() throws {
        let out = path("evidence.jsonl")
        let demo = PackagePaths.file("examples/demo/evidence.jsonl").path
        let importer = try Importer(inputs: [demo], out: out, options: .init())
        let records = try String(contentsOfFile: demo, encoding: .utf8).split(separator: "\n").count
        #expect(records > 30)
        let first = try importer.run()
        #expect(first.duplicates == 0 && first.summaryRecords == records)
        let firstLines = try lines(out)
        let again = try importer.run()
        #expect(again.duplicates == records)
        #expect(try lines(out) == firstLines)
    }

    @Test func foldersAreReadInNameOrderAndUnknownFilesAreSkipped() throws {
        _ = try copy("ctf_small.json", to: "b.json")
        _ = try copy("sample_ids.eval", to: "a.eval")
        _ = try copy("README.md", to: "notes.md")
        let out = path("out/evidence.jsonl")
        let importer = try Importer(inputs: [folder.path], out: out, options: Self.preMitigation, jobs: 2)
        #expect(importer.files.map(\.path) == [path("a.eval"), path("b.json")])
        #expect(importer.skipped == [path("notes.md")])
        let events = Fixtures.Events()
        _ = try importer.run(progress: events.record)
        #expect(events.outline == ["reading 2", "read 1/2", "read 2/2", "done"])
        #expect(events.paths == [path("a.eval"), path("b.json")])

        let nothing = try temporaryFolder("scorecard-import-empty")
        defer { try? FileManager.default.removeItem(at: nothing) }
        try FileManager.default.copyItem(atPath: path("notes.md"), toPath: nothing.appendingPathComponent("notes.md").path)
        #expect(throws: ImportError.self) { try Importer(inputs: [nothing.path], out: self.path("x.jsonl"), options: Self.preMitigation).run() }
    }

    @Test func anOutputThatIsNotEvidenceIsNotOverwritten() throws {
        let out = try copy("README.md", to: "notes.jsonl")
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(throws: InputError.self) {
            try Importer(inputs: [Fixtures.inspect("ctf_small.json")], out: out, options: Self.preMitigation).run()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
    }

    @Test func importsIntoOneFileAtOnceKeepEveryRecord() throws {
        let out = path("evidence.jsonl")
        let inputs = try (0..<8).map { index in
            try write("e\(index).jsonl", """
                {"model":"M\(index)","stage":"pre","eval":"ctf","metric":"acc","value":0.3,"n":100,"k":30}
                {"model":"M\(index)","stage":"post","eval":"ctf","metric":"acc","value":0.2,"n":100,"k":20}

                """)
        }
        let errors = inParallel(inputs.count) { index in
            _ = try Importer(inputs: [inputs[index]], out: out, options: ImportOptions()).run()
        }
        #expect(errors.isEmpty, "\(errors)")
        let written = try lines(out)
        #expect(written.count == 16, "each import read the output only after the one before it replaced it: \(written.count) of 16 lines")
        #expect(Set(written).count == 16)
    }
}
