import ScorecardXML
import Testing

/// A report shaped like ours; `body` goes on line 9.
private func report(body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8"/>
    <title>Scorecard &amp; friends</title>
    <style>td > b { color: #333; }</style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
}

@Suite struct WellFormednessTests {
    @Test func acceptsOurXHTMLCompatibleHTML() {
        let body = """
            <h1 class="title">Risk: &lt;high&gt; &quot;A&quot; &apos;B&apos; &#8212; &#x2014;</h1>
            <p>Line one<br/>line two</p>
            <svg xmlns="http://www.w3.org/2000/svg" width="100" height="20" viewBox="0 0 100 20" role="img">
            <title>Score 0.82</title>
            <rect x="0" y="0" width="82" height="20" fill="#2a6"/>
            </svg>
            <!-- a comment -->
            <input type="checkbox" checked="checked" disabled=""/>
            """
        #expect(XMLDocumentParser.wellFormednessProblems(of: report(body: body), file: "report.html") == [])
    }

    @Test func acceptsADoctypeWithoutADTD() {
        #expect(XMLDocumentParser.wellFormednessProblems(of: "<!DOCTYPE html><html></html>", file: "a.html") == [])
        #expect(XMLDocumentParser.wellFormednessProblems(of: "<!doctype html><html></html>", file: "a.html") != [],
                "XML's DOCTYPE keyword is upper case")
    }

    @Test(arguments: [
        ("stray &nbsp;", "<p>a&nbsp;b</p>", 9, "Entity 'nbsp' not defined"),
        ("<br> without /", "<p>a<br>b</p>", 9, "Opening and ending tag mismatch: br line 9 and p"),
        ("unescaped <", "<p>1 < 2</p>", 9, "StartTag: invalid element name"),
        ("unescaped &", "<p>R&D</p>", 9, "EntityRef: expecting ';'"),
        ("unquoted attribute", "<p class=x>a</p>", 9, "AttValue: \" or ' expected"),
        ("undeclared prefix", "<svg><use xlink:href=\"#a\"/></svg>", 9, "Namespace prefix xlink for href on use is not defined"),
        // Found where the parser meets </body>; the message names the line of the open <p>.
        ("unclosed <p>", "<p>open", 10, "Opening and ending tag mismatch: p line 9 and body"),
    ])
    func reportsTheProblemAndItsLine(label: String, body: String, line: Int, message: String) {
        let problems = XMLDocumentParser.wellFormednessProblems(of: report(body: body), file: "report.html")
        #expect(problems.first?.line == line, "\(label): \(problems)")
        #expect(problems.first?.message == message, "\(label): \(problems)")
        #expect(problems.allSatisfy { $0.line >= 9 && $0.column >= 1 }, "\(label): \(problems)")
    }

    @Test func reportsColumns() {
        let problems = XMLDocumentParser.wellFormednessProblems(of: "<r>\n  <p>R&D</p>\n</r>", file: "c.html")
        #expect(problems == [XMLDiagnostic(line: 2, column: 9, message: "EntityRef: expecting ';'")])
        #expect(problems.first?.description == "2:9: EntityRef: expecting ';'")
    }

    @Test func reportsEveryProblemNotOnlyTheFirst() {
        let body = "<p>a&nbsp;b</p>\n<p>c</p>\n<p>R&D</p>"
        let lines = XMLDocumentParser.wellFormednessProblems(of: report(body: body), file: "r.html").map(\.line)
        #expect(lines == [9, 11])
    }

    @Test func treatsTheStringAsUTF8WhateverItDeclares() {
        let latin1Claim = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><p>Zoë → ✓</p>"
        #expect(XMLDocumentParser.wellFormednessProblems(of: latin1Claim, file: "u.html") == [])
        let root = try? XMLDocumentParser.parse(latin1Claim, file: "u.html")
        #expect(root?.text == "Zoë → ✓")
    }
}
