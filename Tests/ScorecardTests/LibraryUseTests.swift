import Foundation
import Scorecard
import Testing

/// The README's example, with `import Scorecard` alone: a Swift user needs no other module.
@Suite struct LibraryUseTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theReadmeExampleAssessesAndRendersWithOneImport() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-library-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        func file(_ path: String) -> String { Self.root.appendingPathComponent(path).path }

        let inputs = try Inputs.load(InputFiles(
            framework: file("frameworks/openai-preparedness-beta.yaml"),
            evidence: [file("examples/demo/evidence.jsonl")], determinations: file("examples/demo/determinations.yaml")))
        let assessments = try inputs.assess(models: ["o1"])
        let json = try inputs.document(assessments).encoded()
        let reports = try Renderer(generatedAt: "2025-01-01T00:00:00Z")
            .render(inputs, assessments: assessments, formats: [.markdown, .html], out: out.path)
        let written = try reports.write()

        #expect(String(decoding: json, as: UTF8.self).contains("\"model\" : \"o1\""))
        #expect(written.map { ($0 as NSString).lastPathComponent } == ["o1.md", "o1.html"])
    }
}
