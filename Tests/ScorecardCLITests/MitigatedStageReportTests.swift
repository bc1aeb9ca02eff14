import Foundation
import Testing

/// A report where the stage after mitigations shows more than the stage before them: the level
/// before is raised where the evidence gave it, flagged where nothing did, in the report's words.
@Suite struct MitigatedStageReportTests {
    @Test func aStageBelowItsMitigatedStageIsRaisedOrFlaggedInTheReport() throws {
        let scratch = try RenderCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let evidence = scratch.appendingPathComponent("evidence.jsonl")
        let model = #"<img src=x onerror=alert(1)> | *M*"#
        let lines = [
            // Cybersecurity: Low before mitigations on its own (Medium and High ruled out),
            // Medium reached after them.
            #"{"model": "\#(model)", "stage": "pre_mitigation", "eval": "ctf_professional", "metric": "pass@10", "value": 0.3, "n": 100}"#,
            #"{"model": "\#(model)", "stage": "post_mitigation", "eval": "ctf_professional", "metric": "pass@10", "value": 0.9, "n": 100}"#,
            // Model autonomy: nothing before mitigations, Medium reached after them.
            #"{"model": "\#(model)", "stage": "post_mitigation", "eval": "swe_bench_verified", "metric": "pass@1", "value": 0.6, "n": 477}"#,
        ]
        try lines.joined(separator: "\n").write(to: evidence, atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("out")
        let result = try CLI.run([
            "render", "--framework", "frameworks/openai-preparedness-beta.yaml", "--evidence", evidence.path,
            "--format", "md", "--format", "html", "--out", out.path,
        ] + RenderCommandTests.generatedAt)
        #expect(result.status == 0, "\(result.stderr)")
        let files = RenderCommandTests.listing(out)
        let stem = try #require(files.first { $0.hasSuffix(".md") }).dropLast(3)
        func read(_ ext: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent("\(stem).\(ext)"), encoding: .utf8)
                .replacingOccurrences(of: scratch.path, with: "SCRATCH")
        }
        let markdown = try read("md"), html = try read("html")
        try Golden.check(markdown, "mitigated-stage.md")
        try Golden.check(html, "mitigated-stage.html")
        #expect(markdown.contains("| Cybersecurity | Medium (raised from Low: Post-mitigation shows Medium) |"), "the scorecard cell says where the level came from")
        #expect(markdown.contains("Raised to the mitigated stage's level"))
        #expect(markdown.contains("The evidence at this stage alone indicates Low, but Post-mitigation shows Medium with mitigations in place."))
        #expect(markdown.contains("Not assessed here, while Post-mitigation shows Medium with mitigations in place"))
        #expect(!html.contains("<img src=x") && !markdown.replacingOccurrences(of: "\\<", with: "").contains("<img src=x"))
    }

    @Test func explainSaysALevelWasRaisedAndFromWhat() throws {
        let scratch = try RenderCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let evidence = scratch.appendingPathComponent("evidence.jsonl")
        try [
            #"{"model": "M", "stage": "pre_mitigation", "eval": "ctf_professional", "metric": "pass@10", "value": 0.3, "n": 100}"#,
            #"{"model": "M", "stage": "post_mitigation", "eval": "ctf_professional", "metric": "pass@10", "value": 0.9, "n": 100}"#,
        ].joined(separator: "\n").write(to: evidence, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "explain", "--framework", "frameworks/openai-preparedness-beta.yaml", "--evidence", evidence.path,
            "--category", "cybersecurity", "--only-model", "M",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  Pre-mitigation: Medium (assessed; raised from Low: Post-mitigation shows Medium)\n"), "\(result.stdout)")
        #expect(result.stdout.contains(
            "    - raised to medium: post_mitigation shows medium reached with mitigations in place, and mitigations do not add capability (the evidence at pre_mitigation alone indicates low)\n"))
    }
}
