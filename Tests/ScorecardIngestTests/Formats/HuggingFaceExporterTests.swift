import Foundation
import ScorecardCore
import ScorecardJSON
import Testing
@testable import ScorecardIngest

/// Hugging Face Hub export: the committed expected files, huggingface_hub's own loaders (when
/// installed), sources, stages, and determinism.
@Suite struct HuggingFaceExporterTests {
    static let golden = FormatFixtures.directory.appendingPathComponent("hf/exported-demo")
    static let options = HuggingFaceExporter.Options(stage: "pre_mitigation", toolVersion: "0.1.0")

    func demoRecords() throws -> [EvidenceRecord] {
        try EvidenceLoader.load(paths: [FormatFixtures.demoEvidence], stages: nil).records
    }

    @Test("the demo's pre-mitigation export matches the committed files")
    func demoExportMatchesTheCommittedFiles() throws {
        let files = try HuggingFaceExporter.export(try demoRecords(), options: Self.options)
        #expect(files.filter { $0.relativePath.hasSuffix("README.md") }.map(\.relativePath) == ["unknown/GPT-4o/README.md", "unknown/o1/README.md"])
        #expect(files.count == 2 + 13 + 8, "a model card and a results file per evaluation, for each model")
        let update = ProcessInfo.processInfo.environment["SCORECARD_UPDATE_GOLDEN"] == "1"
        for file in files {
            let url = Self.golden.appendingPathComponent(file.relativePath)
            if update {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents).write(to: url)
            }
            #expect(try FormatFixtures.bytes(url.path) == file.contents, "\(file.relativePath) differs; regenerate with SCORECARD_UPDATE_GOLDEN=1")
        }
        let committed = try FileManager.default.subpathsOfDirectory(atPath: Self.golden.path).filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") }
        #expect(Set(committed) == Set(files.map(\.relativePath)), "no stale expected file")
        #expect(try HuggingFaceExporter.export(try demoRecords(), options: Self.options) == files, "the same records give the same bytes")
    }

    /// The Python that has huggingface_hub: `SCORECARD_HF_PYTHON`, else `python3` on the PATH.
    static var python: String { ProcessInfo.processInfo.environment["SCORECARD_HF_PYTHON"] ?? "/usr/bin/env" }

    @Test("huggingface_hub's ModelCard.load and parse_eval_result_entries read the export as it was meant (skipped without huggingface_hub)")
    func huggingFaceHubReadsTheExport() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        let script = FormatFixtures.directory.appendingPathComponent("hf/check_with_huggingface_hub.py").path
        process.arguments = (Self.python == "/usr/bin/env" ? ["python3"] : []) + [script, Self.golden.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            // 3: huggingface_hub is not installed (pip install huggingface_hub, or set SCORECARD_HF_PYTHON); the committed files were checked above.
            #expect(process.terminationStatus == 3, "the loader check failed: \(process.terminationStatus)")
            return
        }
        guard case .object(let seen) = try JSONParser.parse([UInt8](data)), case .object(let o1)? = seen["unknown/o1"] else {
            Issue.record("unexpected output: \(String(decoding: data, as: UTF8.self))")
            return
        }
        let records = try demoRecords().filter { $0.subject.model == "o1" && $0.stage == "pre_mitigation" }
        guard case .array(let index)? = o1["model_index"], case .object(let results)? = o1["eval_results"] else {
            Issue.record("no model_index or eval_results for o1")
            return
        }
        #expect(index.count == records.count, "one model-index metric per record")
        let loaded = Set(index.compactMap { item -> String? in
            guard case .object(let entry) = item, let dataset = entry["dataset"]?.stringValue, let metric = entry["metric"]?.stringValue,
                  let value = entry["value"]?.numberValue, entry["model"]?.stringValue == "o1",
                  entry["source_url"]?.stringValue?.hasPrefix("https://") == true else { return nil }
            return "\(dataset) \(metric) \(value)"
        })
        #expect(loaded == Set(records.map { "\($0.evaluation) \($0.metric) \($0.value)" }))
        let entries = results.members.flatMap { member -> [JSONValue] in if case .array(let items) = member.value { items } else { [] } }
        #expect(entries.count == records.count, "one .eval_results entry per record")
    }

    @Test("a figure whose source is a file path needs --source-base, and is then linked under it")
    func fileSourcesNeedABase() throws {
        let record = EvidenceRecord(subject: Subject(model: "org/m"), stage: "pre", evaluation: "gpqa", metric: "accuracy", value: 0.4,
                                    source: "logs/run 1.eval", location: SourceLocation(file: "e.jsonl", line: 3))
        let refused = InspectFixtures.problems { _ = try HuggingFaceExporter.export([record], options: .init(toolVersion: "0")) }
        #expect(refused == ["e.jsonl:3: org/m pre gpqa accuracy comes from the file 'logs/run 1.eval', which is not a URL: give --source-base URL (where the file is published) so the Hub can link to it"])
        let options = HuggingFaceExporter.Options(
            datasets: ["gpqa": .init(id: "Idavidrein/gpqa", taskID: "gpqa_diamond")],
            sourceBase: "https://example.org/evals/", toolVersion: "0")
        let files = try HuggingFaceExporter.export([record], options: options)
        #expect(files.map(\.relativePath) == ["org/m/README.md", "org/m/.eval_results/gpqa.yaml"])
        let results = String(decoding: files[1].contents, as: UTF8.self)
        #expect(results == """
            - dataset:
                id: "Idavidrein/gpqa"
                task_id: "gpqa_diamond"
              value: 0.4
              source:
                url: "https://example.org/evals/logs/run%201.eval"
                name: "run 1.eval"
              notes: "metric accuracy; stage pre"

            """)
        let absolute = EvidenceRecord(subject: Subject(model: "m"), stage: "pre", evaluation: "e", metric: "a", value: 1,
                                      source: "/tmp/x.json", location: SourceLocation(file: "e.jsonl", line: 1))
        #expect(InspectFixtures.problems { _ = try HuggingFaceExporter.export([absolute], options: options) }.first?.contains("must be relative paths") == true)
    }

    @Test("evidence of several stages needs the stage named; a model card holds one set of results")
    func oneStage() throws {
        let problems = InspectFixtures.problems { _ = try HuggingFaceExporter.export(try demoRecords(), options: .init(toolVersion: "0")) }
        #expect(problems == ["--only-stage: the evidence has records of 2 stages (post_mitigation, pre_mitigation) and a model card holds one set of results: name the stage to export"])
    }

    @Test("numbers are plain decimals that YAML 1.1 readers take for numbers; text is always quoted")
    func yamlScalars() {
        #expect(HuggingFaceExporter.emit(HuggingFaceExporter.number(1e-20)) == "0.00000000000000000001\n")
        #expect(HuggingFaceExporter.emit(HuggingFaceExporter.number(3)) == "3\n")
        #expect(HuggingFaceExporter.emit(HuggingFaceExporter.text("1.0")) == "\"1.0\"\n")
        #expect(HuggingFaceExporter.emit(HuggingFaceExporter.text("null\nnext: \"x\"")) == "\"null\\nnext: \\\"x\\\"\"\n")
    }
}
