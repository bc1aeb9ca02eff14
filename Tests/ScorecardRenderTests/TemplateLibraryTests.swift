import Foundation
import ScorecardRender
import Testing

@Suite struct TemplateLibraryTests {
    static let templatesDirectory = Inputs.packageRoot.appendingPathComponent("templates")

    @Test func embeddedTemplatesMatchTheTemplatesDirectory() throws {
        let embedded = try TemplateLibrary.builtIn().sources
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.templatesDirectory.path)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(embedded.map(\.name) == names, "the embedded templates are out of date: run scripts/embed-templates")
        for source in embedded {
            let file = try String(contentsOf: Self.templatesDirectory.appendingPathComponent(source.name), encoding: .utf8)
            #expect(file == source.text, "\(source.name) differs from its embedded copy: run scripts/embed-templates")
        }
    }

    @Test func defaultTemplatesNeverBypassEscaping() throws {
        for source in try TemplateLibrary.builtIn().sources {
            #expect(!source.text.contains("{{{"), "\(source.name) uses {{{ }}}, which is not escaped")
            #expect(!source.text.contains("{{&"), "\(source.name) uses {{& }}, which is not escaped")
            #expect(!source.text.contains("CONTENT_TYPE"), "\(source.name) sets its own content type")
        }
    }

    @Test(arguments: [
        ("report.md.mustache", "# {{title}}\n\n{{#categories}}\n{{name}}\n{{/category}}\n", 5, 4, "closing tag does not match"),
        ("report.html.mustache", "<html>\n<p>{{title</p>\n</html>\n", 2, 11, "unfinished tag"),
        ("category.md.mustache", "## {{name}}\n{{#stages}}\n{{stage}}\n", 4, 1, "a section is never closed"),
        ("intro.mustache", "About {{subject}} {{% NOPE: x }}", 1, 33, "unknown pragma"),
    ])
    func brokenOverrideNamesFileLineAndColumn(name: String, text: String, line: Int, column: Int, message: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        do {
            _ = try TemplateLibrary.loading(overrides: directory.path)
            Issue.record("a broken \(name) was accepted")
        } catch {
            #expect(error.file == directory.appendingPathComponent(name).path)
            #expect(error.message.contains(message), "\(error)")
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.description.hasPrefix("\(directory.appendingPathComponent(name).path):\(line):\(column): "), "\(error)")
        }
    }

    @Test func unknownFilesAndPartialsAreErrors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "x".write(to: directory.appendingPathComponent("reprot.md.mustache"), atomically: true, encoding: .utf8)
        #expect {
            try TemplateLibrary.loading(overrides: directory.path)
        } throws: { error in
            (error as? TemplateError)?.message.hasPrefix("unknown template 'reprot.md.mustache' (known: card.html.mustache") == true
        }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("reprot.md.mustache"))
        try "# {{title}}\n\n  {{> scorcard}}\n".write(to: directory.appendingPathComponent("report.md.mustache"), atomically: true, encoding: .utf8)
        #expect {
            try TemplateLibrary.loading(overrides: directory.path)
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.line == 3 && error.column == 3 && error.message.hasPrefix("unknown partial 'scorcard'")
        }
        #expect(throws: TemplateError.self) { try TemplateLibrary.loading(overrides: directory.appendingPathComponent("missing").path) }
    }

    @Test(arguments: [
        (["intro.mustache": "x {{> intro}}\n"], "intro.mustache", 1, 3, "'intro' includes itself (intro → intro)"),
        (["intro.mustache": "a\n  {{>determination}}\n", "determination.mustache": "b {{> intro }}\n"], "determination.mustache", 1, 3,
         "'determination' includes itself (determination → intro → determination)"),
    ])
    func aPartialThatIncludesItselfIsAnErrorNotACrash(files: [String: String], file: String, line: Int, column: Int, message: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        #expect {
            try TemplateLibrary.loading(overrides: directory.path)
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.file == directory.appendingPathComponent(file).path && error.line == line && error.column == column
                && error.message.contains(message)
        }
    }

    @Test func anOverrideReplacesOnlyItsTemplate() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Custom intro for {{subject}}.\n".write(to: directory.appendingPathComponent("intro.mustache"), atomically: true, encoding: .utf8)
        try "notes\n".write(to: directory.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
        let library = try TemplateLibrary.loading(overrides: directory.path)
        let files = try ReportRenderer.files(
            for: Inputs.demo(), options: RenderOptions(formats: [.markdown, .html], templates: library, generatedAt: "2025-01-01T00:00:00Z"))
        let markdown = try #require(files.first { $0.path == "o1.md" })
        let html = try #require(files.first { $0.path == "o1.html" })
        #expect(markdown.contents.contains("\nCustom intro for o1.\n"))
        #expect(html.contents.contains("<p>Custom intro for o1.</p>"))
        #expect(markdown.contents.contains("## Gate decisions"), "the other templates are the built-in ones")
    }

    @Test func valuesAreEscapedForTheIncludingFormatInSharedPartials() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{{subject}}\n".write(to: directory.appendingPathComponent("intro.mustache"), atomically: true, encoding: .utf8)
        let library = try TemplateLibrary.loading(overrides: directory.path)
        let files = try ReportRenderer.files(
            for: Hostile.input(), options: RenderOptions(formats: [.markdown, .html], templates: library, generatedAt: "t"))
        let markdown = try #require(files.first { $0.role == .report(.markdown) })
        let html = try #require(files.first { $0.role == .report(.html) })
        #expect(markdown.contents.contains(#"\<script>alert(1)\</script>"#))
        #expect(html.contents.contains("<p>evil/../.model &lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
