import Foundation
import ScorecardXML
import Testing

@Suite struct SecurityTests {
    /// Parses `document`; returns the root's text, or `nil` with the diagnostics when it fails.
    private func textOrProblems(_ document: String) -> (text: String?, problems: [XMLDiagnostic]) {
        do {
            return (try XMLDocumentParser.parse(Data(document.utf8), file: "hostile.xml").text, [])
        } catch {
            return (nil, error.diagnostics)
        }
    }

    @Test func doesNotSubstituteExternalEntitiesFromEtcPasswd() throws {
        let passwd = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
        try #require(passwd.contains("root:"), "the test needs a readable /etc/passwd")
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE testsuites [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <testsuites><testsuite name="&#120;">[&xxe;]</testsuite></testsuites>
            """
        let (text, problems) = textOrProblems(document)
        #expect(text == "[]", "\(problems)")
        #expect(text?.contains("root:") != true)
        #expect(problems.allSatisfy { !$0.message.contains("root:") })
    }

    @Test func doesNotLoadExternalEntitiesOrDTDsFromAnyFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        try "TOP-SECRET-MARKER".write(to: secret, atomically: true, encoding: .utf8)
        let dtd = directory.appendingPathComponent("evil.dtd")
        try "<!ENTITY leak \"TOP-SECRET-MARKER\">".write(to: dtd, atomically: true, encoding: .utf8)

        let general = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"\(secret.absoluteString)\">]><r>&xxe;</r>"
        #expect(textOrProblems(general).text == "")

        // Through an external parameter entity: not loaded, so `leak` stays undeclared.
        let parameter = "<!DOCTYPE r [<!ENTITY % ext SYSTEM \"\(dtd.absoluteString)\"> %ext;]><r>&leak;</r>"
        let (text, problems) = textOrProblems(parameter)
        #expect(text == nil)
        #expect(problems.map(\.message).contains("Entity 'leak' not defined"), "\(problems)")

        // Through an external DTD subset.
        let subset = "<!DOCTYPE r SYSTEM \"\(dtd.absoluteString)\"><r>&leak;</r>"
        #expect(textOrProblems(subset).text?.contains("TOP-SECRET") != true)
        #expect(XMLDocumentParser.wellFormednessProblems(of: general, file: "x.html") == [])
    }

    @Test(.timeLimit(.minutes(1))) func stopsBillionLaughs() {
        var declarations = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "\n<!ENTITY lol\(level) \"\(previous)\">"
        }
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\(declarations)\n]>\n<lolz>&lol9;</lolz>"
        let (text, problems) = textOrProblems(document)
        #expect(text == nil, "expected an error, got \(text?.count ?? 0) characters")
        #expect(!problems.isEmpty)
        #expect(!XMLDocumentParser.wellFormednessProblems(of: document, file: "lol.html").isEmpty)
    }

    @Test func rejectsDeepNestingWithoutCrashing() {
        let depth = 100_000
        let document = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let (text, problems) = textOrProblems(document)
        #expect(text == nil)
        #expect(problems.contains { $0.message.contains("Excessive depth") }, "\(problems.prefix(3))")
    }
}
