import Foundation
import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardTesting
import Testing

/// `--skip-invalid` and a card's `skip_invalid`: the rest is imported and each refused file is listed.
@Suite struct SkipInvalidTests {
    let scratch: ScratchFolder

    init() throws {
        scratch = try ScratchFolder("scorecard-skip")
    }

    /// A folder with one good log and one log of a run that failed.
    func folderWithARefusedLog() throws -> String {
        try FileManager.default.createDirectory(atPath: scratch.path("logs"), withIntermediateDirectories: true)
        _ = try scratch.copy(Fixtures.inspect("ctf_small.json"), to: "logs/good.json")
        _ = try scratch.copy(Fixtures.inspect("run_failed.json"), to: "logs/failed.json")
        return scratch.path("logs")
    }

    @Test("by default one refused file in a folder means nothing is written")
    func refusedByDefault() throws {
        let logs = try folderWithARefusedLog()
        let out = scratch.path("evidence.jsonl")
        #expect(throws: ImportError.self) {
            _ = try Importer(inputs: [logs], out: out, options: .init(stage: "pre_mitigation")).run()
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("with skipInvalid the rest is imported and the refused file is listed with its reason")
    func skipInvalidImportsTheRest() throws {
        let logs = try folderWithARefusedLog()
        let out = scratch.path("evidence.jsonl")
        let summary = try Importer(inputs: [logs], out: out, options: .init(stage: "pre_mitigation"), skipInvalid: true).run()
        #expect(summary.files == 1 && summary.summaryRecords == 5)
        #expect(summary.refused.map(\.path) == ["\(logs)/failed.json"])
        #expect(summary.refused.first?.problems.first?.message.contains("log status is 'error'") == true)
        #expect(try ScorecardTesting.lines(of: out).count == 17)
    }

    @Test("with skipInvalid a folder whose every file is refused is still an error")
    func everyFileRefused() throws {
        try FileManager.default.createDirectory(atPath: scratch.path("only"), withIntermediateDirectories: true)
        _ = try scratch.copy(Fixtures.inspect("run_failed.json"), to: "only/failed.json")
        let out = scratch.path("evidence.jsonl")
        #expect(throws: ImportError.self) {
            _ = try Importer(inputs: [scratch.path("only")], out: out, options: .init(stage: "pre_mitigation"), skipInvalid: true).run()
        }
    }

    @Test("assessment inputs with skipInvalid leave the refused file out and warn about it")
    func inputsSkipInvalid() throws {
        let logs = try folderWithARefusedLog()
        let files = InputFiles(
            framework: Fixtures.demo.framework, evidence: [logs], importOptions: .init(stage: "pre_mitigation"), skipInvalid: true)
        let inputs = try Inputs.load(files)
        #expect(inputs.evidence.records.count == 5)
        #expect(inputs.warnings.contains { $0.file == "\(logs)/failed.json" && $0.message.hasPrefix("refused and skipped: log status is 'error'") })
        var strict = files
        strict.skipInvalid = false
        #expect(throws: InputError.self) { _ = try Inputs.load(strict) }
    }

    @Test("a card entry with skip_invalid: true regenerates from the rest and reports the refused file")
    func cardSkipInvalid() throws {
        let card = try CardFixture()
        defer { card.remove() }
        try "this is not evidence\n".write(to: card.directory.appendingPathComponent("evidence/broken.jsonl"), atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { _ = try card.regenerator().run() }
        let text = try String(contentsOf: card.config, encoding: .utf8)
            .replacingOccurrences(of: "  - path: evidence/*.jsonl", with: "  - path: evidence/*.jsonl\n    skip_invalid: true")
        try text.write(to: card.config, atomically: true, encoding: .utf8)
        let events = Fixtures.Events()
        let run = try card.regenerator().run(progress: events.record)
        #expect(run.status == .success && run.models.count == 3)
        #expect(events.outline.contains("read 1/2 failed"), "\(events.outline)")
        let warnings = events.all.compactMap { event -> [Diagnostic]? in if case .read(let file) = event { file.warnings } else { nil } }.flatMap { $0 }
        #expect(warnings.contains { $0.file == "evidence/broken.jsonl" && $0.message.hasPrefix("refused and skipped:") }, "\(warnings)")
        let again = try card.regenerator().run()
        #expect(again.nothingChanged, "the refused file is the same, so nothing changed")
    }

    /// Records are kept as a file is read; a file refused after thousands of good lines (more
    /// than a reader's batch) must take them back out, so nothing of the file is assessed.
    @Test("a file refused after many good lines leaves none of them in the assessment")
    func refusedLateLeavesNothing() throws {
        let card = try CardFixture()
        defer { card.remove() }
        var lines = (1...10_000).map { #"{"model": "ghost", "stage": "pre_mitigation", "eval": "ctf_professional", "metric": "pass@10", "variant": "run-\#($0)", "value": 0.9}"# }
        lines.append("this is not evidence")
        try (lines.joined(separator: "\n") + "\n").write(
            to: card.directory.appendingPathComponent("evidence/late.jsonl"), atomically: true, encoding: .utf8)
        let text = try String(contentsOf: card.config, encoding: .utf8)
            .replacingOccurrences(of: "  - path: evidence/*.jsonl", with: "  - path: evidence/*.jsonl\n    skip_invalid: true")
        try text.write(to: card.config, atomically: true, encoding: .utf8)
        let run = try card.regenerator().run()
        #expect(run.status == .success)
        #expect(run.models.map(\.model).sorted() == ["model-0", "model-1", "model-2"], "\(run.models.map(\.model))")
    }
}
