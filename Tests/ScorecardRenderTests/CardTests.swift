import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest
@testable import ScorecardRender
import ScorecardXML
import Testing

/// The whole system card: every section in Markdown and HTML alike, models side by side,
/// well-formed HTML and SVG, and untrusted names inert in every format.
@Suite struct CardTests {
    static let order = ["disallowed_content", "jailbreaks", "hallucinations", "fairness", "instruction_hierarchy", "capabilities"]

    static func sections() throws -> [CardPart] {
        let builtIn = try SectionLoader.builtIn()
        return [.preparedness] + order.compactMap { id in builtIn.first { $0.id == id }.map { CardPart.section($0) } }
    }

    static func demoCard() throws -> [ReportFile] {
        var preparedness = try Inputs.demo()
        let system = try EvidenceLoader.load(paths: [Inputs.path("examples/demo/system-card.jsonl")], stages: nil)
        let evidence = EvidenceSet(records: preparedness.evidence.records + system.records)
        preparedness.evidence = evidence
        let o1 = Subject(model: "o1")
        preparedness.comparisons = preparedness.assessments.filter { $0.subject.model == "GPT-4o" }
        let input = CardInput(
            preparedness: preparedness, subjects: [o1],
            compareWith: ["GPT-4o", "o1-preview", "o1-mini"].map { Subject(model: $0) }, evidence: evidence,
            parts: try sections(), inputs: preparedness.inputs, tool: preparedness.tool)
        return try CardRenderer.files(
            for: input, options: RenderOptions(formats: [.markdown, .html], templates: TemplateLibrary.builtIn(), generatedAt: "2025-01-01T00:00:00Z"),
            document: true)
    }

    @Test func theDocumentHasContentsAndEverySectionInOrder() throws {
        let files = try Self.demoCard()
        let card = try #require(files.first { $0.path == "o1-card.md" })
        let headings = MarkdownProbe(card.contents).headings.filter { $0.0 == 2 }.map(\.1)
        #expect(headings.prefix(8) == [
            "Preparedness scorecard", "Disallowed content and over-refusal", "Jailbreaks and the robustness trade-off",
            "Hallucinations", "Fairness and bias", "Instruction hierarchy", "Capability evaluations", "Provenance",
        ])
        #expect(card.contents.contains("- [Hallucinations](#hallucinations)"))
        let html = try #require(files.first { $0.path == "o1-card.html" })
        #expect(html.contents.contains("<li><a href=\"#sec-hallucinations\">Hallucinations</a></li>"))
        #expect(html.contents.contains("id=\"sec-hallucinations\""))
        // Per-section pages stay available.
        #expect(files.contains { $0.path == "o1-hallucinations.md" } && files.contains { $0.path == "o1-jailbreaks.html" })
    }

    @Test func markdownAndHTMLCarryTheSameHeadingsAndTables() throws {
        let files = try Self.demoCard()
        let pages = files.filter { $0.role == .report(.markdown) }.map { ($0.path, String($0.path.dropLast(3))) }
        #expect(pages.count >= 8)
        for (path, stem) in pages {
            let markdown = try #require(files.first { $0.path == path }).contents
            let html = try #require(files.first { $0.path == stem + ".html" }).contents
            let probe = try HTMLProbe(html)
            #expect(MarkdownProbe(markdown).headings.map(\.1) == probe.headings.map(\.1), "\(path): headings differ")
            let tables = MarkdownProbe(markdown).tables.map { $0.map { $0.map(MarkdownProbe.plain) } }
            #expect(tables == probe.tables, "\(path): tables differ")
        }
    }

    @Test func everyHTMLAndSVGFileIsWellFormed() throws {
        for file in try Self.demoCard() where file.role != .report(.markdown) {
            #expect(XMLDocumentParser.wellFormednessProblems(of: file.contents, file: file.path) == [], "\(file.path)")
        }
    }

    @Test func comparedModelsAreSideBySideAndAMissingResultIsNotZero() throws {
        let files = try Self.demoCard()
        let page = try #require(files.first { $0.path == "o1-disallowed-content.md" }).contents
        #expect(page.contains("| Evaluation | Variant | o1 | GPT-4o | o1-preview | o1-mini |"))
        // The multimodal refusal evaluation was not run on o1-preview and o1-mini.
        let row = try #require(page.split(separator: "\n").first { $0.hasPrefix("| Multimodal refusal evaluation: not unsafe |") })
        #expect(row.hasSuffix("| — | — |"))
        #expect(!row.contains("0%"))
        // The Preparedness charts carry the compared model too.
        let svg = try #require(files.first { $0.path == "o1.charts/cbrn.svg" }).contents
        #expect(svg.contains("GPT-4o · Pre-mitigation"))
    }

    @Test func hostileNamesAndVariantsAreInertInEverySectionFormat() throws {
        let model = Hostile.model
        let subject = Subject(model: model)
        let records = [
            EvidenceRecord(subject: subject, stage: "post", evaluation: "xstest", metric: "not_overrefuse", variant: Hostile.text("variant"),
                           value: 0.9, location: SourceLocation(file: "e.jsonl", line: 1)),
            EvidenceRecord(subject: subject, stage: "post", evaluation: "strongreject", metric: "goodness@0.1", variant: Hostile.text("variant"),
                           value: 0.8, location: SourceLocation(file: "e.jsonl", line: 2)),
        ]
        let parts = try SectionLoader.builtIn().filter { $0.id == "jailbreaks" || $0.id == "disallowed_content" }.map { CardPart.section($0) }
        let input = CardInput(preparedness: nil, subjects: [subject], compareWith: [], evidence: EvidenceSet(records: records),
                              parts: parts, inputs: ["e.jsonl": "x"], tool: .init(name: "scorecard", version: "test"))
        let files = try CardRenderer.files(
            for: input, options: RenderOptions(formats: [.markdown, .html], templates: TemplateLibrary.builtIn(), generatedAt: "t"),
            document: true)
        #expect(!files.isEmpty)
        for file in files where file.role != .report(.markdown) {
            #expect(XMLDocumentParser.wellFormednessProblems(of: file.contents, file: file.path) == [], "\(file.path)")
            let probe = try HTMLProbe(file.contents, file: file.path)
            for element in probe.allElements {
                #expect(!["script", "img", "a", "iframe"].contains(element.name) || element.name == "a" && file.role == .report(.html),
                        "<\(element.name)> in \(file.path)")
                #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "an event handler in \(file.path)")
                if let href = element.attribute("href") { #expect(href.hasPrefix("#"), "only the contents' own links: \(href)") }
            }
        }
        let markdown = try #require(files.first { $0.role == .report(.markdown) }).contents
        #expect(!markdown.contains("\n# not a heading"))
        #expect(!markdown.contains("[link](javascript:x)"))
        #expect(markdown.contains("\\<script>"), "escaped, so GitHub shows it as text")
    }
}
