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
            // CBRN: a screen below its bar before mitigations (Low reached, Medium–Critical not
            // ruled out), expert comparison at Medium after them: Medium reached before, too.
            #"{"model": "\#(model)", "stage": "pre_mitigation", "eval": "biolp_bench", "metric": "pass@1", "value": 0.2}"#,
            #"{"model": "\#(model)", "stage": "post_mitigation", "eval": "biothreat_expert_comparison", "metric": "win_rate_accuracy", "value": 0.8}"#,
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
        #expect(markdown.contains("The evidence at this stage alone shows Low reached, but Post-mitigation shows Medium with mitigations in place."))
        #expect(markdown.contains("Not assessed here, while Post-mitigation shows Medium with mitigations in place"))
        #expect(markdown.contains("| CBRN | *Not ruled out: High–Critical* (Medium reached; raised from Low: Post-mitigation shows Medium) |"),
                "a stage that only does not rule a level out is not 'Low reached' beside a Medium after mitigations")
        #expect(markdown.contains("The evidence at this stage alone shows Low reached, and does not rule out High–Critical;"))
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
            "    - raised to medium: post_mitigation shows medium reached with mitigations in place, and mitigations do not add capability (the evidence at pre_mitigation alone shows low reached)\n"))
    }
}
