import ScorecardJSON
import Testing

/// ``JSONArraySplitter``: the elements of a list, whole, wherever the pieces are cut.
@Suite struct JSONArraySplitterTests {
    /// Feeds `document` in pieces of `size` bytes; returns each element's text and offset.
    static func split(_ document: String, pieces size: Int) throws -> [(String, Int)] {
        var splitter = JSONArraySplitter()
        var found: [(String, Int)] = []
        let bytes = Array(document.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            try bytes[start..<end].withUnsafeBytes { piece in
                try splitter.feed(piece) { element, offset in found.append((String(decoding: element, as: UTF8.self), offset)) }
            }
            start = end
        }
        try splitter.finish()
        return found
    }

    static let document = #" [ {"a": "x,]}\"[", "b": [1, {"c": []}]}, 2 ,"s\\" , [[]], null ]  "#

    @Test(arguments: [1, 2, 3, 5, 8, 1000])
    func elementsAreWholeWhereverThePiecesAreCut(size: Int) throws {
        let found = try Self.split(Self.document, pieces: size)
        #expect(found.map(\.0) == [#"{"a": "x,]}\"[", "b": [1, {"c": []}]}"#, "2 ", #""s\\" "#, "[[]]", "null "])
        let bytes = Array(Self.document.utf8)
        for (text, offset) in found {
            #expect(Array(bytes[offset..<(offset + text.utf8.count)]) == Array(text.utf8))
        }
    }

    @Test func backslashRunsCutByAPieceEndAreCountedAcrossIt() throws {
        // An escaped quote after an escaped backslash, a string ending in two backslashes,
        // brackets and commas inside strings.
        let document = #"["a\\\"],b", "c\\\\", "\\", "[{,"]"#
        let expected = [#""a\\\"],b""#, #""c\\\\""#, #""\\""#, #""[{,""#]
        for size in 1...9 {
            #expect(try Self.split(document, pieces: size).map(\.0) == expected, "pieces of \(size)")
        }
    }

    @Test func emptyListsHaveNoElements() throws {
        #expect(try Self.split("[]", pieces: 1).isEmpty)
        #expect(try Self.split("  [ \n ]\n", pieces: 2).isEmpty)
    }

    @Test(arguments: [
        ("", 0, "unexpected end of input, expected a list"), ("{}", 0, "expected a list ('[')"),
        ("[1, 2", 5, "unexpected end of input inside a list"), ("[1,]", 3, "expected a value after ',', found ']'"),
        ("[1] x", 4, "unexpected content after the list"), ("[{]", 2, "unexpected ']'"), ("[1}", 2, "unexpected '}'"),
    ])
    func malformedListsAreRefusedAtTheirByte(document: String, offset: Int, message: String) throws {
        for size in [1, 100] {
            #expect(throws: JSONError(offset: offset, message: message)) { _ = try Self.split(document, pieces: size) }
        }
    }

    @Test func nestingDeeperThanTheCursorsLimitIsRefused() throws {
        let deep = "[" + String(repeating: "[", count: 513) + String(repeating: "]", count: 514)
        #expect(throws: JSONError(offset: 513, message: "nesting deeper than 512 levels")) { _ = try Self.split(deep, pieces: 64) }
        let allowed = "[" + String(repeating: "[", count: 512) + String(repeating: "]", count: 513)
        #expect(try Self.split(allowed, pieces: 64).count == 1)
    }

    @Test func errorsFromTheElementReaderPassThrough() throws {
        struct Stop: Error {}
        var splitter = JSONArraySplitter()
        #expect(throws: Stop.self) {
            try Array("[1]".utf8).withUnsafeBytes { piece in try splitter.feed(piece) { _, _ in throw Stop() } }
        }
    }
}
