import Foundation
@testable import Scorecard
import ScorecardIngest
import ScorecardRender
import ScorecardTesting
import Testing

/// What the application writes besides regenerate and import: reports, exports, a new card.
@Suite struct FilesWrittenTests {
    @Test func oneReportMayBeNamedAsAFileSeveralNeedAFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Renderer.layout(out: "cards/o1-card.md", reports: 1)
        #expect(file.directory == "cards" && file.naming == .single(fileName: "o1-card.md"))
        #expect(try Renderer.layout(out: "o1.md", reports: 1).directory == ".")
        #expect(try Renderer.layout(out: "reports", reports: 4).naming == .slugs)
        #expect(try Renderer.layout(out: ".reports", reports: 4).naming == .slugs, "a hidden name is a folder")
        let dotted = folder.appendingPathComponent("v1.0")
        try FileManager.default.createDirectory(at: dotted, withIntermediateDirectories: true)
        #expect(try Renderer.layout(out: dotted.path, reports: 4).naming == .slugs, "an existing folder stays a folder")
        #expect(throws: RenderError.self) { try Renderer.layout(out: "o1.md", reports: 2) }
    }

    @Test func renderedReportsAreWrittenWithTheirChartsAndProblemsAreListed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try Inputs.load(Fixtures.demo)
        let renderer = try Renderer(generatedAt: "2025-01-01T00:00:00Z", environment: [:])
        #expect(renderer.generatedAt == "2025-01-01T00:00:00Z")
        let rendered = try renderer.render(
            inputs, assessments: try inputs.assess(models: ["o1"]), formats: [.markdown, .html, .markdown], out: folder.path)
        #expect(rendered.problems.isEmpty)
        let written = try rendered.write()
        #expect(written == ["o1.md", "o1.html"].map { folder.appendingPathComponent($0).path })
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("o1.charts/cbrn.svg").path))
        let html = try String(contentsOfFile: written[1], encoding: .utf8)
        #expect(html.contains("2025-01-01T00:00:00Z") && html.contains("o1"))
        #expect(throws: RenderError.self) { try renderer.render(inputs, assessments: [], formats: [.html], out: folder.path) }
        #expect(throws: GenerationTime.InvalidTime.self) { try Renderer(environment: ["SOURCE_DATE_EPOCH": "soon"]) }
    }

    @Test func theDemoExportsToTheGoldenEveryEvalEverFiles() throws {
        let out = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let golden = PackagePaths.file("Tests/ScorecardIngestTests/Fixtures/eee/exported-demo")
        let result = try Exporter.exportEEE(
            evidence: Fixtures.demo.evidence, out: out.path, options: .init(retrievedAt: 1_780_272_000), environment: [:])
        #expect(result.skippedSamples == 0)
        #expect(result.files.map(\.resultCount) == [19, 15, 12])
        #expect(result.files.map(\.stage) == ["pre_mitigation", "post_mitigation", "pre_mitigation"])
        for file in result.files {
            let relative = String(file.path.dropFirst(out.path.count + 1))
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(contentsOf: golden.appendingPathComponent(relative)), "\(relative)")
        }
        let dated = try Exporter.exportEEE(evidence: Fixtures.demo.evidence, out: out.path, options: .init(),
                                           environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dated.files[0].path))) as? [String: Any])
        #expect(record["retrieved_timestamp"] as? String == "1700000000")
    }

    @Test func aNewCardConfigurationLoadsOnceItsEvidenceExistsAndIsNeverOverwrittenUnasked() throws {
        let card = try CardFixture()
        defer { card.remove() }
        let path = card.directory.appendingPathComponent("new.yaml").path
        try CardTemplate.write(to: path, framework: "framework.yaml")
        #expect(throws: CardTemplateError.self) { try CardTemplate.write(to: path, framework: "framework.yaml") }
        let edited = CardTemplate.text(framework: "framework.yaml").replacingOccurrences(of: "evidence/*.jsonl", with: "evidence/results.jsonl")
        try CardTemplate.write(to: path, framework: "framework.yaml", force: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == CardTemplate.text(framework: "framework.yaml"))
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let config = try Card.load(path: path)
        #expect(config.models.map(\.name) == ["my-model"] && config.reportFormats == ["md", "html"])
    }
}
