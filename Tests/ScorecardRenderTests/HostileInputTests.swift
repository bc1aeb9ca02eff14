import Foundation
import ScorecardRender
import ScorecardXML
import Testing

/// Untrusted text from evidence, determinations, mitigations, model names and the framework
/// appears inert in Markdown, HTML and SVG, and every HTML and SVG file stays well-formed.
@Suite struct HostileInputTests {
    static let files: [ReportFile] = (try? Inputs.render(Hostile.input())) ?? []

    static func file(_ role: ReportFile.Role) throws -> ReportFile {
        try #require(files.first { $0.role == role }, "no \(role) file rendered")
    }

    @Test func everyHTMLAndSVGFileIsWellFormed() throws {
        let checked = Self.files.filter { $0.role != .report(.markdown) }
        #expect(checked.count >= 2, "the HTML report and at least one chart")
        for file in checked {
            #expect(XMLDocumentParser.wellFormednessProblems(of: file.contents, file: file.path) == [], "\(file.path)")
        }
    }

    @Test func htmlHasNoInjectedElementsAttributesOrLinks() throws {
        for file in Self.files where file.role != .report(.markdown) {
            let probe = try HTMLProbe(file.contents, file: file.path)
            let allowed: Set<String> = [
                "html", "head", "meta", "title", "style", "body", "main", "header", "section", "h1", "h2", "h3", "p", "ul",
                "li", "strong", "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "div", "code",
                "figure", "svg", "desc", "rect", "line", "text", "g", "path", "ol",
            ]
            for element in probe.allElements {
                #expect(allowed.contains(element.name), "unexpected <\(element.name)> in \(file.path)")
                for name in element.attributes.keys {
                    #expect(!name.lowercased().hasPrefix("on"), "event handler attribute \(name) in \(file.path)")
                }
                if let href = element.attribute("href") {
                    #expect(href.hasPrefix("https://") || href.hasPrefix("http://"), "unsafe link \(href)")
                    #expect(!href.contains("\"") && !href.contains(" "))
                }
            }
        }
    }

    @Test func hostileTextSurvivesAsTextInHTMLAndSVG() throws {
        let html = try HTMLProbe(try Self.file(.report(.html)).contents)
        let text = HTMLProbe.normalized(html.root.text)
        for label in ["Indicator-0", "Category-name", "Determination-rationale", "Author", "Mitigation", "notes-0", "variant-0"] {
            // Every piece appears literally (control and bidi characters made visible).
            let expected = HTMLProbe.normalized(Escaping.visible(Hostile.text(label)))
            #expect(text.contains(expected), "\(label) is not shown as text")
        }
        #expect(text.contains(HTMLProbe.normalized(Escaping.visible(Hostile.model))))
        let chart = try HTMLProbe(try Self.file(.chart).contents)
        #expect(HTMLProbe.normalized(chart.root.text).contains("<script>alert(1)</script>"))
    }

    @Test func noRawBidiOrControlCharactersInAnyFile() {
        let invisible: Set<Unicode.Scalar> = ["\u{202E}", "\u{202C}", "\r", "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{200D}"]
        for file in Self.files {
            #expect(!file.contents.unicodeScalars.contains { invisible.contains($0) }, "\(file.path)")
            for code in ["202E", "200B", "FEFF"] {
                #expect(file.contents.contains("&lt;U+\(code)&gt;") || file.contents.contains(#"\<U+"# + code + ">"), "\(file.path)")
            }
        }
    }

    /// What GitHub (cmark-gfm) and markdown-it's linkify would turn into links, unescaped.
    static func autolinks() -> [(String, Regex<Substring>)] {
        [
            ("scheme", /(?:^|[^\\]):\/\//), ("//", /(?:^|[^\\\/])\/\//), ("www", /(?i)www\./),
            ("e-mail", /[A-Za-z0-9._+\-]@[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*\.[A-Za-z]/),
            ("domain", /[A-Za-z0-9]\.(?:com|md|io)\b/),
        ]
    }

    @Test func markdownStartsNoAutolinks() throws {
        let text = try Self.file(.report(.markdown)).contents
        #expect(text.contains(#"www\.evil.example https\:\//evil.example/x"#), "the hostile pieces are in the report")
        for (line, content) in text.split(separator: "\n").enumerated() {
            for (name, pattern) in Self.autolinks() {
                #expect(content.firstMatch(of: pattern) == nil, "an unescaped \(name) autolink on line \(line + 1): \(content.prefix(200))")
            }
        }
    }

    @Test func markdownTablesKeepTheirShape() throws {
        let markdown = MarkdownProbe(try Self.file(.report(.markdown)).contents)
        let tables = markdown.tables
        #expect(tables.count >= 7)
        for table in tables {
            let width = table.first?.count ?? 0
            #expect(table.allSatisfy { $0.count == width }, "a row with a different number of cells: \(table)")
        }
    }

    @Test func markdownOpensNoHTMLCodeSpansOrLinks() throws {
        let text = try Self.file(.report(.markdown)).contents
        let markdown = MarkdownProbe(text)
        #expect(markdown.unescaped("<").isEmpty, "\(markdown.unescaped("<").prefix(3))")
        // Backticks only around the hex SHA-256 values of the provenance table.
        for (line, content) in markdown.unescaped("`") {
            #expect(content.hasPrefix("| ") && content.contains(/`[0-9a-f]{64}`/), "unescaped backtick on line \(line): \(content)")
        }
        // Links only to http(s) and to our chart files.
        for match in text.matches(of: /(.)\]\(([^)]*)\)/) where match.output.1 != "\\" {
            // Destinations are escaped like any text (`https\://`), and read back unescaped.
            let target = String(match.output.2).replacing(/\\([!-\/:-@\[-`{-~])/) { String($0.output.1) }
            #expect(target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasSuffix(".svg"), "link to \(target)")
        }
        // Headings are only ours: the title, fixed section names, and category names.
        for (_, heading) in markdown.headings {
            #expect(!heading.hasPrefix("not a heading"))
        }
        #expect(!text.contains("\n# not a heading"))
        #expect(!text.contains("\n- item"))
        #expect(!text.contains("\n> quote"))
    }

    @Test func markdownUnescapesToTheOriginalText() throws {
        let markdown = MarkdownProbe(try Self.file(.report(.markdown)).contents)
        let cells = markdown.tables.flatMap { $0 }.flatMap { $0 }.map(MarkdownProbe.plain)
        let expected = MarkdownProbe.plain(Escaping.markdown(Hostile.text("Mitigation")))
        #expect(MarkdownProbe.plain(Escaping.markdown(Hostile.text("notes-0"))) == HTMLProbe.normalized(Escaping.visible(Hostile.text("notes-0"))))
        // A note this long is moved from its cell to the numbered notes under the table.
        #expect(!cells.contains(HTMLProbe.normalized(Escaping.visible(Hostile.text("notes-0")))))
        #expect(markdown.lines.contains { MarkdownProbe.plain($0) == "1. " + HTMLProbe.normalized(Escaping.visible(Hostile.text("notes-0"))) })
        #expect(markdown.lines.contains { MarkdownProbe.plain($0).contains(expected) })
    }

    @Test func chartFilesAndAnchorsUseSafeNames() {
        for file in Self.files {
            #expect(!file.path.contains(".."), "\(file.path)")
            #expect(!file.path.hasPrefix("."), "\(file.path)")
            #expect(file.path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }, "\(file.path)")
            #expect(file.path.split(separator: "/").count <= 2)
        }
    }

    @Test func unsafeSourcesAreTextNotLinks() throws {
        let html = try Self.file(.report(.html)).contents
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("javascript:alert(1)"), "shown as text")
        #expect(html.contains(#"href="https://example.com/a_b?x=1&amp;y=2#frag""#))
        let markdown = try Self.file(.report(.markdown)).contents
        #expect(markdown.contains(#"](https\:\//example\.com/a_b?x=1\&y=2#frag)"#))
    }
}
