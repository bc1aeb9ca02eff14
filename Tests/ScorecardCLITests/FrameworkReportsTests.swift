import Foundation
import Testing

/// Reports under the other labs' frameworks and `render` with several frameworks side by side:
/// the committed examples (reports/frameworks/, as `make demo` writes them), a hostile fixture's
/// golden files, and the usage errors of the side-by-side options.
@Suite(.serialized) struct FrameworkReportsTests {
    static let reports = CLI.packageRoot.appendingPathComponent("reports/frameworks")

    /// The Makefile's arguments, per output folder under reports/frameworks.
    static let runs: [(folder: String, arguments: [String])] = [
        ("", [
            "--framework", "frameworks/openai-preparedness-beta.yaml", "--framework", "frameworks/openai-preparedness-v2.yaml",
            "--evidence", "examples/demo/evidence.jsonl", "--only-model", "o1",
            "--determinations", "openai-preparedness-beta:examples/demo/determinations.yaml",
            "--map-stage", "openai-preparedness-v2:pre_mitigation=capability", "--map-stage", "openai-preparedness-v2:post_mitigation=",
            "--format", "md", "--format", "html",
        ]),
        ("rsp", [
            "--framework", "frameworks/anthropic-rsp-v2.yaml", "--evidence", "examples/frameworks/anthropic-evidence.jsonl",
            "--determinations", "examples/frameworks/anthropic-determinations.yaml", "--only-model", "Claude Opus 4",
            "--format", "md", "--format", "html",
        ]),
        ("fsf", [
            "--framework", "frameworks/google-deepmind-fsf-v3.yaml", "--evidence", "examples/frameworks/gemini-evidence.jsonl",
            "--determinations", "examples/frameworks/gemini-determinations.yaml", "--format", "md", "--format", "html",
        ]),
    ]

    @Test func theFrameworkExamplesRenderTheCommittedReports() throws {
        let directory = try RenderCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for run in Self.runs {
            let out = run.folder.isEmpty ? directory : directory.appendingPathComponent(run.folder)
            let result = try CLI.run(["render"] + run.arguments + ["--out", out.path] + RenderCommandTests.generatedAt)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("warning"), "every record is read by one of the frameworks: \(result.stderr)")
        }
        let rendered = RenderCommandTests.listing(directory)
        #expect(rendered.contains("o1-frameworks.md") && rendered.contains("o1-frameworks.html"))
        #expect(rendered.contains("rsp/claude-opus-4.html") && rendered.contains("fsf/gemini-2.5-pro.md"))
        if ProcessInfo.processInfo.environment["SCORECARD_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.reports)
            try FileManager.default.copyItem(at: directory, to: Self.reports)
            return
        }
        #expect(RenderCommandTests.listing(Self.reports) == rendered, "run make golden")
        for path in rendered {
            let fresh = try Data(contentsOf: directory.appendingPathComponent(path))
            let committed = try? Data(contentsOf: Self.reports.appendingPathComponent(path))
            if fresh != committed {
                let diff = Golden.firstDifference(String(decoding: committed ?? Data(), as: UTF8.self), String(decoding: fresh, as: UTF8.self))
                Issue.record("reports/frameworks/\(path) differs at line \(diff.line):\n- \(diff.expected)\n+ \(diff.actual)\nRegenerate with: make golden")
            }
        }
        let side = try String(contentsOf: directory.appendingPathComponent("o1-frameworks.md"), encoding: .utf8)
        #expect(side.contains("## OpenAI Preparedness Framework, Beta (18 December 2023)"))
        #expect(side.contains("## OpenAI Preparedness Framework, Version 2 (15 April 2025)"))
        #expect(side.contains("so it is not put in one row"), "categories sharing an id are not merged")
        #expect(side.contains("| CBRN | Medium |"), "the Beta's own levels")
        #expect(side.contains("| Biological and Chemical | *Not ruled out: High* (Below High reached) |"), "version 2's own levels")
    }

    /// Untrusted names (a model, categories of a user's framework) in a side-by-side page.
    static let hostileFramework = """
        schema_version: 3
        id: hostile
        name: "<script>alert(1)</script> Framework"
        version: "1 | *bold* [x](javascript:alert(2))"
        levels: [{id: low, name: "Low <b>"}, {id: high, name: "High & mighty"}]
        stages: [{id: capability, name: "Capability <i>"}]
        aggregation: max
        categories:
          - id: cyber
            name: "Cyber</td><td>injected"
            indicators:
              - id: ctf
                name: CTF
                evaluator: metric
                eval: ctf_professional
                metric: pass@10
                thresholds: {high: {value: 0.5, rationale: "half"}}
            rule_out: {high: {indicators: [ctf], rationale: "below half"}}
        gates:
          - {id: g, name: "Gate <img src=x onerror=alert(3)>", stage: capability, required_if_at_least: high, categories: [cyber]}
        """

    @Test func aHostileSideBySideIsEscapedInMarkdownAndHTML() throws {
        let scratch = try RenderCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let framework = scratch.appendingPathComponent("hostile.yaml")
        try Self.hostileFramework.write(to: framework, atomically: true, encoding: .utf8)
        let evidence = scratch.appendingPathComponent("evidence.jsonl")
        let model = #"<svg onload=alert(4)> | **M**"#
        let lines = [
            #"{"model": "\#(model)", "stage": "capability", "eval": "ctf_professional", "metric": "pass@10", "value": 0.2}"#,
            #"{"model": "\#(model)", "stage": "capability", "eval": "bioweapons_acquisition_uplift_trial", "metric": "uplift_ratio", "unit": "ratio", "value": 2.1}"#,
            #"{"model": "\#(model)", "stage": "capability", "eval": "bioweapons_knowledge_questions", "metric": "share_better_than_experts", "value": 0.3, "n": 33, "k": 10}"#,
            #"{"model": "\#(model)", "stage": "capability", "eval": "re_bench", "metric": "normalised_score", "unit": "score", "value": 0.4}"#,
        ]
        try lines.joined(separator: "\n").write(to: evidence, atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("out")
        let result = try CLI.run([
            "render", "--framework", framework.path, "--framework", "frameworks/anthropic-rsp-v2.yaml",
            "--framework", "frameworks/google-deepmind-fsf-v3.yaml", "--evidence", evidence.path,
            "--format", "md", "--format", "html", "--out", out.path,
        ] + RenderCommandTests.generatedAt)
        #expect(result.status == 0, "\(result.stderr)")
        let files = RenderCommandTests.listing(out)
        #expect(files.count == 2, "\(files)")
        let stem = try #require(files.first { $0.hasSuffix(".md") }).dropLast(3)
        // The paths of the scratch folder differ per run: the golden files hold them as SCRATCH.
        func read(_ ext: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent("\(stem).\(ext)"), encoding: .utf8)
                .replacingOccurrences(of: scratch.path, with: "SCRATCH")
        }
        let markdown = try read("md"), html = try read("html")
        try Golden.check(markdown, "sidebyside-hostile.md")
        try Golden.check(html, "sidebyside-hostile.html")
        // Markdown escapes every `<` with a backslash, HTML as an entity.
        let unescaped = markdown.replacingOccurrences(of: "\\<", with: "")
        for raw in ["<script>", "<svg onload", "<img src=x", "</td><td>injected", "<b>", "<i>"] {
            #expect(!unescaped.contains(raw) && !html.contains(raw), "\(raw) is escaped")
        }
        #expect(!markdown.contains("[x](javascript:"), "a link in a name is not a link")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Framework"))
        #expect(html.contains("Not assessed"), "the RSP and FSF read nothing of cyber for this model, and say so")
    }

    @Test(arguments: [
        (["--determinations", "examples/demo/determinations.yaml"], "--determinations 'examples/demo/determinations.yaml': unknown framework ''"),
        (["--map-stage", "openai-v2:pre_mitigation=capability"], "unknown framework 'openai-v2'"),
        (["--format", "json"], "--format json with several --framework"),
        (["--section", "hallucinations"], "--section, --compare-with, --document and --signoffs render one framework's card"),
    ])
    func sideBySideOptionsThatCannotWorkAreUsageErrors(extra: [String], message: String) throws {
        let result = try CLI.run([
            "render", "--framework", "frameworks/openai-preparedness-beta.yaml", "--framework", "frameworks/openai-preparedness-v2.yaml",
            "--evidence", "examples/demo/evidence.jsonl", "--out", "/tmp/unused-\(UUID())",
        ] + (extra.contains("--format") ? extra : extra + ["--format", "md"]))
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aModelWithNoEvidenceUnderOneFrameworkSaysSoInItsColumn() throws {
        let out = try RenderCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run([
            "render", "--framework", "frameworks/openai-preparedness-beta.yaml", "--framework", "frameworks/openai-preparedness-v2.yaml",
            "--evidence", "examples/demo/evidence.jsonl", "--only-model", "o1",
            "--map-stage", "openai-preparedness-v2:pre_mitigation=", "--map-stage", "openai-preparedness-v2:post_mitigation=",
            "--format", "md", "--format", "html", "--out", out.path,
        ] + RenderCommandTests.generatedAt)
        #expect(result.status == 0, "\(result.stderr)")
        let missing = "No evidence of o1 at this framework's stages (Capability assessment), so nothing is assessed under it."
        let markdown = try String(contentsOf: out.appendingPathComponent("o1-frameworks.md"), encoding: .utf8)
        let html = try String(contentsOf: out.appendingPathComponent("o1-frameworks.html"), encoding: .utf8)
        #expect(markdown.contains(missing) && markdown.contains("| not assessed (no evidence) | — |"))
        #expect(html.contains(missing.replacingOccurrences(of: "'", with: "&#39;")))
        #expect(markdown.contains("| CBRN | Medium |"), "the other framework is still assessed")
        // A model no framework has evidence for is still an error.
        let unknown = try CLI.run([
            "render", "--framework", "frameworks/openai-preparedness-beta.yaml", "--framework", "frameworks/openai-preparedness-v2.yaml",
            "--evidence", "examples/demo/evidence.jsonl", "--only-model", "o3",
            "--map-stage", "openai-preparedness-v2:pre_mitigation=capability", "--map-stage", "openai-preparedness-v2:post_mitigation=",
            "--format", "md", "--out", out.path,
        ])
        #expect(unknown.status == 2 && unknown.stderr.contains("no evidence for model 'o3'"), "\(unknown.stderr)")
    }

    @Test func assessTakesOneFramework() throws {
        let result = try CLI.run([
            "assess", "--framework", "frameworks/anthropic-rsp-v2.yaml", "--framework", "frameworks/google-deepmind-fsf-v3.yaml",
            "--evidence", "examples/frameworks/gemini-evidence.jsonl",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--framework is given 2 times; give one (render shows several side by side)"))
    }
}
