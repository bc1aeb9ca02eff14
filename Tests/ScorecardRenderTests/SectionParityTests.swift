import Foundation
import ScorecardRender
import Testing

/// Markdown and HTML carry the same sections: the same headings in the same order, and the same
/// tables with the same rows and cells (as a reader sees them).
@Suite struct SectionParityTests {
    static func pairs() throws -> [(name: String, markdown: String, html: String)] {
        var pairs: [(String, String, String)] = []
        for (label, input) in [("demo", try Inputs.demo()), ("hostile", try Hostile.input())] {
            let files = try Inputs.render(input)
            let markdown = files.filter { $0.role == .report(.markdown) }
            let html = files.filter { $0.role == .report(.html) }
            #expect(markdown.count == input.assessments.count && html.count == input.assessments.count)
            for (md, page) in zip(markdown, html) { pairs.append(("\(label) \(md.path)", md.contents, page.contents)) }
        }
        return pairs
    }

    @Test func sameHeadingsInTheSameOrder() throws {
        let pairs = try Self.pairs()
        #expect(pairs.count == 3)
        for pair in pairs {
            let markdown = MarkdownProbe(pair.markdown).headings
            let html = try HTMLProbe(pair.html).headings
            #expect(markdown.count >= 10, "\(pair.name)")
            #expect(markdown.map(\.0) == html.map(\.0), "\(pair.name): heading levels differ")
            #expect(markdown.map(\.1) == html.map(\.1), "\(pair.name): heading texts differ")
        }
    }

    @Test func sameTablesRowsAndCells() throws {
        for pair in try Self.pairs() {
            let markdown = MarkdownProbe(pair.markdown).tables.map { $0.map { $0.map(MarkdownProbe.plain) } }
            let html = try HTMLProbe(pair.html).tables
            #expect(markdown.count == html.count, "\(pair.name): \(markdown.count) Markdown tables, \(html.count) HTML tables")
            for (index, (left, right)) in zip(markdown, html).enumerated() {
                #expect(left == right, "\(pair.name): table \(index + 1) differs")
            }
        }
    }

    @Test func theProbesSeeADifference() throws {
        // The comparison above must be able to fail: drop one row and one heading from the HTML.
        let pair = try #require(try Self.pairs().first)
        let html = pair.html.replacingOccurrences(of: "<h3>Mitigations</h3>", with: "", options: [], range: nil)
            .replacingOccurrences(of: "<tr><th scope=\"row\">Tool</th>", with: "<tr><th scope=\"row\">Tool!</th>")
        #expect(MarkdownProbe(pair.markdown).headings.map(\.1) != (try HTMLProbe(html).headings.map(\.1)))
        let markdownTables = MarkdownProbe(pair.markdown).tables.map { $0.map { $0.map(MarkdownProbe.plain) } }
        #expect(markdownTables != (try HTMLProbe(html).tables))
    }
}
