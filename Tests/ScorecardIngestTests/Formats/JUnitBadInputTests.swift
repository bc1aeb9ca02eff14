import Foundation
import Testing
import ScorecardCore
@testable import ScorecardIngest

/// Malformed, hostile and incomplete JUnit reports.
@Suite struct JUnitBadInputTests {
    func problems(_ xml: String, options: ImportOptions = .at(model: "m")) throws -> [String] {
        let directory = try TemporaryDirectory()
        let path = try directory.write("report.xml", xml)
        return Problems.of { try JUnitReader.read(path: path, options: options) }.map { $0.replacingOccurrences(of: path, with: "report.xml") }
    }

    @Test func truncatedXMLNamesFileLineAndColumn() throws {
        let text = try FormatFixtures.text(FormatFixtures.junitDuplicate)
        let found = try problems(String(text.prefix(400)))
        #expect(!found.isEmpty && found.allSatisfy { $0.hasPrefix("report.xml:") && $0.contains("malformed XML") }, "\(found)")
        let place = found.first.map { $0.split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) } } ?? []
        #expect(place.count == 2, "line and column: \(found)")
        let unclosed = try problems("<testsuites>\n  <testsuite name=\"s\">\n    <testcase name=\"a\">\n</testsuites>")
        #expect(unclosed.contains { $0.hasPrefix("report.xml:4:") }, "\(unclosed)")
    }

    @Test func emptyAndForeignDocumentsAreRefused() throws {
        #expect(try problems("").first?.hasPrefix("report.xml:1:1: malformed XML:") == true)
        #expect(try problems("<html><body/></html>") == ["report.xml:1: the root element is <html>, expected <testsuites> or <testsuite> (JUnit XML)"])
        #expect(try problems("<testsuites name=\"x\"><testsuite name=\"s\"/></testsuites>") == ["report.xml:1: no <testcase> elements in the report"])
    }

    @Test func modelAndStageMustBeGiven() throws {
        let xml = #"<testsuite name="s"><testcase name="a"/></testsuite>"#
        #expect(try problems(xml, options: .at()) == ["report.xml: JUnit XML does not name the model that was tested; give the model name at import"])
        #expect(try problems(xml, options: ImportOptions(model: "m")).first?.hasPrefix("report.xml: no stage: JUnit XML files do not say") == true)
        #expect(try problems(xml, options: .at("during", model: "m")) == ["report.xml: unknown stage 'during' (known: pre_mitigation, post_mitigation)"])
    }

    @Test func externalEntitiesAreNotSubstituted() throws {
        let directory = try TemporaryDirectory()
        let secret = try directory.write("secret.txt", "TOP-SECRET-VALUE")
        let doctype = #"<!DOCTYPE testsuite [<!ENTITY xxe SYSTEM "file://\#(secret)"><!ENTITY local "expanded">]>"#
        let inText = """
            <?xml version="1.0"?>
            \(doctype)
            <testsuite name="s"><testcase classname="c" name="a&local;"><error message="m">&xxe;</error></testcase></testsuite>
            """
        let path = try directory.write("report.xml", inText)
        #expect(JUnitReader.detect(path: path, prefix: Array(inText.utf8)), "a DOCTYPE with an internal subset does not hide the root")
        let imported = try JUnitReader.read(path: path, options: .at(model: "m"))
        let everything = imported.records.map { "\($0.evaluation) \($0.notes ?? "")" } + imported.samples.map { "\($0.sampleID) \($0.metadata)" }
        #expect(!everything.joined().contains("TOP-SECRET"), "\(everything)")
        #expect(imported.samples.map(\.sampleID) == ["c.a"], "entity references are dropped, not expanded")
        #expect(imported.records.first?.n == 1 && imported.records.first?.k == 0)

        let inAttribute = try directory.write("attribute.xml", "<?xml version=\"1.0\"?>\n\(doctype)\n<testsuite name=\"s&xxe;\"><testcase name=\"a\"/></testsuite>")
        let refused = Problems.of { try JUnitReader.read(path: inAttribute, options: .at(model: "m")) }
        #expect(refused.first?.hasPrefix("\(inAttribute):3:") == true && refused.first?.contains("external entity 'xxe'") == true, "\(refused)")
        #expect(!refused.joined().contains("TOP-SECRET"))
    }

    @Test func hostileNamesAreKeptVerbatimAsData() throws {
        let xml = #"<testsuite name="&lt;script&gt;alert(1)&lt;/script&gt;"><testcase classname="a&quot;;DROP" name="../../x&#10;y"/></testsuite>"#
        let directory = try TemporaryDirectory()
        let imported = try JUnitReader.read(path: try directory.write("r.xml", xml), options: .at(model: "m"))
        #expect(imported.records.first?.evaluation == "<script>alert(1)</script>")
        #expect(imported.samples.first?.sampleID == "a\";DROP.../../x\ny")
    }

    @Test func unnamedTestCasesAreSkippedWithAWarning() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("r.xml", "<testsuite name=\"s\">\n<testcase/>\n<testcase name=\"a\"/></testsuite>")
        let imported = try JUnitReader.read(path: path, options: .at(model: "m"))
        #expect(imported.records.first?.n == 1)
        #expect(imported.warnings.map(\.description) == ["\(path):2: a <testcase> without a name; skipped"])
    }

    @Test func hugeDeclaredCountsDoNotTrap() throws {
        let xml = #"<testsuites><testsuite name="s" tests="9223372036854775807"><testcase name="a"/></testsuite><testsuite name="s" tests="9223372036854775807"><testcase name="b"/></testsuite></testsuites>"#
        let directory = try TemporaryDirectory()
        let imported = try JUnitReader.read(path: try directory.write("r.xml", xml), options: .at(model: "m"))
        #expect(imported.records.first?.n == 2)
        #expect(imported.records.first?.notes?.contains("declares") == false)
    }
}
