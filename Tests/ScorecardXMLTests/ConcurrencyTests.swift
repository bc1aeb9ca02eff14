import ScorecardXML
import Testing

@Suite struct ConcurrencyTests {
    /// Document `index`: even ones are well-formed; odd ones have exactly one error, naming an
    /// entity unique to the document, on a line that depends on the index.
    private static func document(_ index: Int) -> (text: String, errorLine: Int?) {
        let padding = String(repeating: "<x>filler</x>\n", count: index % 7)
        if index.isMultiple(of: 2) {
            return ("<r n=\"\(index)\">\n\(padding)<x>ok</x>\n</r>", nil)
        }
        return ("<r n=\"\(index)\">\n\(padding)<x>&e\(index);</x>\n</r>", 2 + index % 7)
    }

    @Test func parallelParsesKeepTheirOwnDiagnostics() async {
        let count = 50
        let results = await withTaskGroup(of: (Int, Result<XMLTreeElement, XMLParseError>).self) { group in
            for index in 0..<count {
                group.addTask {
                    let text = Self.document(index).text
                    var result = Result<XMLTreeElement, XMLParseError> { () throws(XMLParseError) in
                        try XMLDocumentParser.parse(Array(text.utf8), file: "doc\(index).xml")
                    }
                    for _ in 0..<20 {  // repeat to make overlapping parses on both cores likely
                        let again = Result<XMLTreeElement, XMLParseError> { () throws(XMLParseError) in
                            try XMLDocumentParser.parse(Array(text.utf8), file: "doc\(index).xml")
                        }
                        if again != result { result = again; break }
                    }
                    return (index, result)
                }
            }
            var collected: [Int: Result<XMLTreeElement, XMLParseError>] = [:]
            for await (index, result) in group { collected[index] = result }
            return collected
        }

        #expect(results.count == count)
        for index in 0..<count {
            let expected = Self.document(index)
            switch results[index] {
            case .success(let root)?:
                #expect(expected.errorLine == nil, "document \(index) parsed but should not")
                #expect(root.attribute("n") == String(index))
            case .failure(let error)?:
                #expect(error.file == "doc\(index).xml")
                #expect(error.diagnostics == [
                    XMLDiagnostic(line: expected.errorLine ?? -1, column: 7 + String(index).count, message: "Entity 'e\(index)' not defined"),
                ], "document \(index)")
            case nil:
                Issue.record("no result for document \(index)")
            }
        }
    }
}
