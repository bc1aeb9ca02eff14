import Foundation
import Testing

/// `scorecard render` through the real executable: the committed demo reports, file naming,
/// formats, templates and errors.
@Suite(.serialized) struct RenderCommandTests {
    static let demo = AssessCommandTests.demo
    static let generatedAt = ["--generated-at", "2025-01-01T00:00:00Z"]
    static let reports = CLI.packageRoot.appendingPathComponent("reports/demo")
    /// The demo card's system card, as its scorecard.yaml asks for it.
    static let card = [
        "--evidence", "examples/demo/system-card.jsonl", "--only-model", "GPT-4o", "--only-model", "o1",
        "--section", "preparedness", "--section", "disallowed_content", "--section", "jailbreaks", "--section", "hallucinations",
        "--section", "fairness", "--section", "instruction_hierarchy",
        "--compare-with", "GPT-4o", "--compare-with", "o1-preview", "--compare-with", "o1-mini", "--document",
        "--signoffs", "examples/demo/signoffs.jsonl", "--keyring", "examples/demo/keyring.yaml",
    ]
    static let parts = ["", "-disallowed-content", "-jailbreaks", "-hallucinations", "-fairness", "-instruction-hierarchy", "-card"]

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Relative paths of every file under `directory`, sorted.
    static func listing(_ directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    /// The committed reports are the golden files: a fresh render must be byte-identical.
    /// `SCORECARD_UPDATE_GOLDEN=1` (`make golden`) rewrites them instead.
    @Test func demoReportsAreByteIdenticalToTheCommittedOnes() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["render"] + Self.demo + Self.card + ["--format", "md", "--format", "html", "--out", directory.path] + Self.generatedAt)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
        let expected = ["gpt-4o", "o1"].flatMap { stem in Self.parts.flatMap { part in ["md", "html"].map { "\(stem)\(part).\($0)" } } }
        #expect(result.stdout == expected.map { directory.appendingPathComponent($0).path + "\n" }.joined())
        let rendered = Self.listing(directory)
        #expect(rendered.filter { !$0.contains(".charts/") }.count == 28, "\(rendered)")
        if ProcessInfo.processInfo.environment["SCORECARD_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.reports)
            try FileManager.default.createDirectory(at: Self.reports.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: directory, to: Self.reports)
            return
        }
        #expect(Self.listing(Self.reports) == rendered, "reports/demo has other files than a fresh render: run make golden")
        for path in rendered {
            let fresh = try Data(contentsOf: directory.appendingPathComponent(path))
            let committed = try? Data(contentsOf: Self.reports.appendingPathComponent(path))
            if fresh != committed {
                let diff = Golden.firstDifference(String(decoding: committed ?? Data(), as: UTF8.self), String(decoding: fresh, as: UTF8.self))
                Issue.record("reports/demo/\(path) differs at line \(diff.line):\n- \(diff.expected)\n+ \(diff.actual)\nRegenerate with: make golden")
            }
        }
    }

    @Test func oneModelOneFormatMayNameTheFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("cards/o1-card.md")
        try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try CLI.run(["render"] + Self.demo + ["--only-model", "o1", "--format", "md", "--out", out.path] + Self.generatedAt)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.listing(directory) == [
            "cards/o1-card.charts/cbrn.svg", "cards/o1-card.charts/cybersecurity.svg", "cards/o1-card.charts/model-autonomy.svg",
            "cards/o1-card.charts/persuasion.svg", "cards/o1-card.md",
        ])
        let markdown = try String(contentsOf: out, encoding: .utf8)
        #expect(markdown.contains("](o1-card.charts/cbrn.svg)"))
        // The committed demo report compares o1 with other models; alone, the report has no comparisons.
        #expect(markdown.hasPrefix("# Preparedness scorecard: o1\n"))
        #expect(!markdown.contains("side by side"))
    }

    @Test func jsonIsTheScorecardEnvelopeOfAssess() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("o1.json")
        let result = try CLI.run(["render"] + Self.demo + ["--only-model", "o1", "--format", "json", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let assess = try CLI.run(["assess", "--format", "json", "--only-model", "o1"] + Self.demo)
        #expect(try String(contentsOf: out, encoding: .utf8) == assess.stdout)
    }

    @Test func generationTimeComesFromTheOptionOrSourceDateEpoch() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("o1.md")
        let arguments = ["render"] + Self.demo + ["--only-model", "o1", "--format", "md", "--out", out.path]
        #expect(try CLI.run(arguments, environment: ["SOURCE_DATE_EPOCH": "1733356800"]).status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("| Generated at | 2024-12-05T00:00:00Z |"))
        #expect(try CLI.run(arguments + ["--generated-at", "2025-02-03T04:05:06Z"], environment: ["SOURCE_DATE_EPOCH": "0"]).status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("| Generated at | 2025-02-03T04:05:06Z |"))
        let bad = try CLI.run(arguments + ["--generated-at", "tomorrow"])
        #expect(bad.status == 64 && bad.stderr.contains("--generated-at 'tomorrow' is not a valid time"))
        let badEpoch = try CLI.run(arguments, environment: ["SOURCE_DATE_EPOCH": "soon"])
        #expect(badEpoch.status == 2 && badEpoch.stderr.contains("SOURCE_DATE_EPOCH 'soon' is not a valid time"))
        let impossible = try CLI.run(arguments + ["--generated-at", "2024-02-30T00:00:00Z"])
        #expect(impossible.status == 64 && impossible.stderr.contains("'2024-02-30T00:00:00Z' is not a valid time: 2024-02 has no day 30"),
                "\(impossible.stderr)")
        let year10000 = try CLI.run(arguments, environment: ["SOURCE_DATE_EPOCH": "253402300800"])
        #expect(year10000.status == 2 && year10000.stderr.contains("it is after the year 9999"), "\(year10000.stderr)")
    }

    @Test func brokenOrUnknownTemplatesExitTwoNamingFileLineAndColumn() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = directory.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let broken = templates.appendingPathComponent("category.html.mustache")
        try "<section>\n<h2>{{name}}</h2>\n{{#stages}}<p>{{stage}}</p>{{/stage}}\n</section>\n".write(to: broken, atomically: true, encoding: .utf8)
        let arguments = ["render"] + Self.demo + ["--format", "html", "--out", directory.appendingPathComponent("out").path, "--templates", templates.path]
        let result = try CLI.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(broken.path):3:"), "\(result.stderr)")
        #expect(result.stderr.contains("closing tag does not match"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path), "nothing is written")

        try FileManager.default.removeItem(at: broken)
        try "x".write(to: templates.appendingPathComponent("scorecard.md.mustache"), atomically: true, encoding: .utf8)
        let unknown = try CLI.run(arguments)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown template 'scorecard.md.mustache' (known: "))

        try FileManager.default.removeItem(at: templates.appendingPathComponent("scorecard.md.mustache"))
        try "x {{> intro}}\n".write(to: templates.appendingPathComponent("intro.mustache"), atomically: true, encoding: .utf8)
        let recursive = try CLI.run(arguments)
        #expect(recursive.status == 2, "a template that includes itself is refused, not a crash: \(recursive.stderr)")
        let intro = templates.appendingPathComponent("intro.mustache").path
        #expect(recursive.stderr == "error: \(intro):1:3: the md template 'intro' includes itself (intro → intro): a partial may not include itself, directly or through others\n    x {{> intro}}\n      ^\n",
                "the line and the caret under it are on lines of their own")
    }

    @Test func malformedHTMLFromAnOverrideIsReportedButWritten() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = directory.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "<!DOCTYPE html>\n<html lang=\"en\"><body>\n<p>{{title}}<br>\n</body></html>\n"
            .write(to: templates.appendingPathComponent("report.html.mustache"), atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("o1.html")
        let result = try CLI.run(["render"] + Self.demo + ["--only-model", "o1", "--format", "html", "--out", out.path, "--templates", templates.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: not well-formed XML: o1.html:4:"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.path))
    }

    @Test func badUsageExitsSixtyFour() throws {
        let none = try CLI.run(["render"] + Self.demo + ["--out", "/tmp/x"])
        #expect(none.status == 64 && none.stderr.contains("Give at least one --format"))
        let format = try CLI.run(["render"] + Self.demo + ["--format", "pdf", "--out", "/tmp/x"])
        #expect(format.status == 64)
        let file = try CLI.run(["render"] + Self.demo + ["--format", "md", "--out", "/tmp/scorecard-never-written.md"])
        #expect(file.status == 64 && file.stderr.contains("names a file, but 2 reports are written"))
    }

    @Test func unwritableOutputExitsOneAndLeavesNoTemporaryFiles() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The report's path is taken by a directory, so the final rename fails.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("o1.md/inner"), withIntermediateDirectories: true)
        let result = try CLI.run(["render"] + Self.demo + ["--only-model", "o1", "--format", "md", "--out", directory.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot replace \(directory.appendingPathComponent("o1.md").path)"), "\(result.stderr)")
        #expect(!Self.listing(directory).contains { $0.hasSuffix(".tmp") }, "\(Self.listing(directory))")
    }

    @Test func anOutputThatIsAnInputIsRefusedAndLeftUntouched() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let evidence = directory.appendingPathComponent("evidence.jsonl")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("examples/demo/evidence.jsonl"), to: evidence)
        let before = try Data(contentsOf: evidence)
        let result = try CLI.run([
            "render", "--framework", "frameworks/openai-preparedness-beta.yaml", "--evidence", evidence.path,
            "--only-model", "o1", "--format", "md", "--out", evidence.path,
        ])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("\(evidence.path): is an input of this command"), "\(result.stderr)")
        #expect(try Data(contentsOf: evidence) == before, "the evidence was not replaced by the report")
        #expect(Self.listing(directory) == ["evidence.jsonl"], "nothing else was written either")
    }

    @Test func anOutputThatIsAFIFOIsRefusedAndLeftAFIFO() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("o1.md").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try CLI.run(["render"] + Self.demo + ["--only-model", "o1", "--format", "md", "--out", fifo])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("\(fifo): is a FIFO, not a regular file"), "\(result.stderr)")
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
    }

    @Test func helpMatchesGolden() throws {
        let result = try CLI.run(["render", "--help"])
        #expect(result.status == 0)
        try Golden.check(result.stdout, "help-render.txt")
    }

    @Test func benchRenderRunsOnSyntheticInputs() throws {
        let result = try CLI.run(["bench", "render", "--models", "2", "--categories", "2", "--evals", "3", "--repeat", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("bench render: 2 models × 2 categories × 3 evaluations, 2 stages, repeat 1\n"))
        #expect(result.stdout.contains("markdown (+ chart files): median ") && result.stdout.contains("total: 4 reports"))
    }
}

/// The system card's options: sections by name (a misspelt one is refused with the nearest),
/// comparisons, the whole document, and a card of sections alone without a framework.
@Suite struct CardCommandTests {
    static let capabilities = CLI.packageRoot.appendingPathComponent("reports/capabilities")
    static let capabilitiesArguments = [
        "render", "--evidence", "examples/capabilities/capabilities.jsonl", "--section", "capabilities",
        "--only-model", "BLOOMZ", "--only-model", "Flan-PaLM", "--compare-with", "BLOOM", "--compare-with", "OPT-175B",
        "--compare-with", "U-PaLM", "--compare-with", "PubMedGPT", "--format", "md", "--format", "html",
    ]

    /// `make demo` renders the capability-only example; the committed files must be what it writes.
    @Test func theCapabilityExampleRendersTheCommittedReports() throws {
        let directory = try RenderCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(Self.capabilitiesArguments + ["--out", directory.path] + RenderCommandTests.generatedAt)
        #expect(result.status == 0, "\(result.stderr)")
        let rendered = RenderCommandTests.listing(directory)
        #expect(rendered.contains("bloomz-capabilities.md") && rendered.contains("flan-palm-capabilities.html"))
        if ProcessInfo.processInfo.environment["SCORECARD_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.capabilities)
            try FileManager.default.copyItem(at: directory, to: Self.capabilities)
            return
        }
        #expect(RenderCommandTests.listing(Self.capabilities) == rendered, "run make golden")
        for path in rendered {
            #expect(try Data(contentsOf: directory.appendingPathComponent(path)) == (try? Data(contentsOf: Self.capabilities.appendingPathComponent(path))),
                    "reports/capabilities/\(path) differs: run make golden")
        }
        let markdown = try String(contentsOf: directory.appendingPathComponent("flan-palm-capabilities.md"), encoding: .utf8)
        #expect(markdown.contains("| MedQA (USMLE) |"), "the section names the evaluation id")
        #expect(markdown.contains("(computed)"), "Wilson intervals from the published n")
    }

    @Test func aMisspeltSectionIsRefusedWithTheNearestName() throws {
        let result = try CLI.run(["render"] + AssessCommandTests.demo + ["--section", "halucinations", "--format", "md", "--out", "/tmp/unused-\(UUID())"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown section 'halucinations'; did you mean 'hallucinations'?"))
    }

    @Test func aComparedModelWithoutEvidenceIsRefused() throws {
        let result = try CLI.run(["render"] + AssessCommandTests.demo + ["--compare-with", "GPT-5", "--format", "md", "--out", "/tmp/unused-\(UUID())"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no evidence for model 'GPT-5'"))
    }

    @Test func thePreparednessSectionNeedsAFramework() throws {
        let result = try CLI.run(["render", "--evidence", "examples/demo/system-card.jsonl", "--format", "md", "--out", "/tmp/unused-\(UUID())"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Give the --framework to render the Preparedness scorecard"))
    }
}
