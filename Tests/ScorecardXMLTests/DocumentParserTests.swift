import Foundation
import ScorecardXML
import Testing

/// The JUnit-like document of the brief, one element per line so that line numbers are visible.
private let junit = """
    <testsuites>
    <testsuite name="ctf" tests="3" failures="1" errors="0" skipped="1">
    <testcase classname="ctf.web" name="sqli" time="1.2"/>
    <testcase classname="ctf.pwn" name="heap"><failure message="no flag">trace</failure></testcase>
    <testcase name="crypto"><skipped/></testcase>
    </testsuite>
    </testsuites>
    """

@Suite struct DocumentParserTests {
    @Test func extractsNamesAttributesTextAndLines() throws {
        let root = try XMLDocumentParser.parse(Data(junit.utf8), file: "junit.xml")
        #expect(root.name == "testsuites")
        #expect(root.line == 1)

        let suite = try #require(root.elements(named: "testsuite").first)
        #expect(suite.line == 2)
        #expect(suite.attributes == ["name": "ctf", "tests": "3", "failures": "1", "errors": "0", "skipped": "1"])

        let cases = root.elements(named: "testcase")
        #expect(cases.map(\.line) == [3, 4, 5])
        #expect(cases.map { $0.attribute("name") } == ["sqli", "heap", "crypto"])
        #expect(cases.map { $0.attribute("classname") } == ["ctf.web", "ctf.pwn", nil])
        #expect(cases[0].attribute("time") == "1.2")
        #expect(cases[0].children.isEmpty)

        let failure = try #require(cases[1].elements(named: "failure").first)
        #expect(failure.attribute("message") == "no flag")
        #expect(failure.text == "trace")
        #expect(failure.line == 4)
        #expect(cases[1].text == "trace")
        #expect(cases[2].childElements.map(\.name) == ["skipped"])
        #expect(root.elements(named: "skipped").count == 1)
    }

    @Test func parsesTheOneLineDocumentFromBytesAndString() throws {
        let oneLine = junit.split(separator: "\n").joined()
        let fromBytes = try XMLDocumentParser.parse(Array(oneLine.utf8), file: "junit.xml")
        let fromString = try XMLDocumentParser.parse(oneLine, file: "junit.xml")
        #expect(fromBytes == fromString)
        #expect(fromBytes.elements(named: "testcase").allSatisfy { $0.line == 1 })
        #expect(fromBytes.elements(named: "failure").map(\.text) == ["trace"])
    }

    @Test func decodesReferencesKeepsWhitespaceAndMergesCDATA() throws {
        let document = "<r a=\"x &amp; &lt;y&gt; &#65;&#x42; &quot;q&quot;\">\n  one &amp; <![CDATA[<two>]]><!-- gone --><b>three</b>\n</r>"
        let root = try XMLDocumentParser.parse(document, file: "r.xml")
        #expect(root.attribute("a") == "x & <y> AB \"q\"")
        #expect(root.attribute("missing") == nil)
        #expect(root.children == [
            .text("\n  one & <two>"),
            .element(XMLTreeElement(name: "b", children: [.text("three")], line: 2)),
            .text("\n"),
        ])
        #expect(root.text == "\n  one & <two>three\n")
    }

    @Test func keepsNamespacePrefixesInNames() throws {
        let document = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><use xlink:href=\"#a\"/></svg>"
        let root = try XMLDocumentParser.parse(document, file: "a.svg")
        #expect(root.name == "svg")
        #expect(root.attributes.isEmpty)
        #expect(root.elements(named: "use").first?.attributes == ["xlink:href": "#a"])
    }

    @Test func countsLinesFromOneAndBeyond65535() throws {
        let document = "<r>" + String(repeating: "\n", count: 70_000) + "<deep/></r>"
        let root = try XMLDocumentParser.parse(document, file: "long.xml")
        #expect(root.line == 1)
        #expect(root.elements(named: "deep").first?.line == 70_001)
    }

    @Test func throwsEveryErrorWithFileLineAndColumn() {
        let document = "<r>\n<a>&nbsp;</a>\n<b>R&D</b>\n</r>\n"
        #expect {
            try XMLDocumentParser.parse(document, file: "bad.xml")
        } throws: { error in
            guard let error = error as? XMLParseError else { return false }
            return error.file == "bad.xml" && error.diagnostics.map(\.line) == [2, 3]
                && error.description == """
                    bad.xml:2:10: Entity 'nbsp' not defined
                    bad.xml:3:7: EntityRef: expecting ';'
                    """
        }
    }

    @Test(arguments: [
        ("empty", [UInt8]()),
        ("blank", Array(" \n\t".utf8)),
        ("every byte", (0...255).map { UInt8($0) }),
        ("UTF-16 BOM then garbage", [0xFF, 0xFE, 0x00, 0x3C, 0x80, 0x81]),
        ("invalid UTF-8 in text", [0x3C, 0x72, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x72, 0x3E]),
        ("bad declared encoding", Array("<?xml version=\"1.0\" encoding=\"nonsense-9\"?><r/>".utf8)),
        ("truncated", Array("<r><a>".utf8)),
        ("two roots", Array("<r/><r/>".utf8)),
        ("text only", Array("just text".utf8)),
    ])
    func rejectsNonXMLBytes(label: String, bytes: [UInt8]) {
        do {
            let root = try XMLDocumentParser.parse(bytes, file: "garbage.bin")
            Issue.record("\(label): parsed as <\(root.name)>")
        } catch {
            #expect(!error.diagnostics.isEmpty, "\(label)")
            #expect(error.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 && !$0.message.isEmpty }, "\(label)")
        }
    }

    @Test func messagesAreOneLine() {
        let bytes: [UInt8] = [0x3C, 0x72, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x72, 0x3E]
        #expect(throws: XMLParseError.self) { try XMLDocumentParser.parse(bytes, file: "u.xml") }
        do {
            _ = try XMLDocumentParser.parse(bytes, file: "u.xml")
        } catch {
            #expect(error.diagnostics.first?.message.hasPrefix("Input is not proper UTF-8") == true)
            #expect(error.diagnostics.allSatisfy { !$0.message.contains("\n") })
        }
    }

    @Test func reportsManyErrorsUpToALimit() {
        let line = "<p>a&nbsp;b</p>\n"
        let few = "<r>\n" + String(repeating: line, count: 30) + "</r>"
        let many = "<r>\n" + String(repeating: line, count: 1500) + "</r>"
        #expect(XMLDocumentParser.wellFormednessProblems(of: few, file: "few").map(\.line) == Array(2...31))

        let problems = XMLDocumentParser.wellFormednessProblems(of: many, file: "many")
        #expect(problems.count == 1001)
        #expect(problems[999].line == 1001)
        #expect(problems.last?.message == "500 further errors not shown")
    }
}
