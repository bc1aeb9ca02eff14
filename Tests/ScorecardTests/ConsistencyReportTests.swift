import Foundation
import Scorecard
import ScorecardCore
import ScorecardTesting
import Testing

/// A level decided by a record marked as disagreeing with its file says so: in the report beside
/// the figure, and in the engine's trace of the scorecard.
@Suite struct ConsistencyReportTests {
    @Test("a marked record that decides a level is flagged in the Markdown report and in the document's trace")
    func markedRecordIsShown() throws {
        let scratch = try ScratchFolder("scorecard-consistency")
        let demo = try String(contentsOf: PackagePaths.file("examples/demo/evidence.jsonl"), encoding: .utf8)
        var marked = 0
        let lines = demo.split(separator: "\n").map { line -> String in
            guard line.contains(#""model": "o1", "stage": "pre_mitigation", "eval": "changemyview""#) else { return String(line) }
            marked += 1
            return String(line.dropLast()) + #", "consistency": "partial"}"#
        }
        #expect(marked == 1)
        let evidence = scratch.path("evidence.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: evidence, atomically: true, encoding: .utf8)
        let inputs = try Inputs.load(InputFiles(
            framework: Fixtures.demo.framework, evidence: [evidence], determinations: Fixtures.demo.determinations))
        let assessments = try inputs.assess(models: ["o1"])
        let document = String(decoding: try inputs.document(assessments).encoded(), as: UTF8.self)
        #expect(document.contains("[partial: from a partial file"))
        let reports = try Renderer(generatedAt: "2025-01-01T00:00:00Z")
            .render(inputs, assessments: assessments, formats: [.markdown], out: scratch.path("reports"))
        let written = try reports.write()
        let markdown = try String(contentsOfFile: try #require(written.first), encoding: .utf8)
        #expect(markdown.contains("CAUTION, marked partial: from a partial file"), "the report shows the mark beside the figure")
    }
}
