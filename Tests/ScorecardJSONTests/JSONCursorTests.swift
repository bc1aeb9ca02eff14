import Foundation
import Testing
@testable import ScorecardJSON

/// The pull reader: values, skipping, numbers, Python's non-finite tokens, and errors with offsets.
@Suite struct JSONCursorTests {
    func parse(_ text: String) throws(JSONError) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    func error(_ text: String) -> JSONError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    /// Runs `body` on a cursor over `text`.
    func withCursor<T>(_ text: String, _ body: (inout JSONCursor) throws(JSONError) -> T) throws -> T {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer)
            return try body(&cursor)
        }
    }

    @Test("numbers are the nearest double, whatever the path", arguments: [
        "0", "-0", "1", "-17", "0.5833333333333334", "0.1536590742882148", "1e-05", "1E+300", "2.2250738585072014e-308",
        "123456789012345678901234567890", "0.30000000000000004", "9007199254740993", "4.9e-324", "1.7976931348623157e308",
        "0.000000000000000000000000000001", "123.456e-7", "5e22", "5e23",
    ])
    func numbersRoundTrip(text: String) throws {
        let value = try withCursor(text) { (cursor: inout JSONCursor) throws(JSONError) in try cursor.readDouble() }
        let expected = try #require(Double(text))
        #expect(value == expected && value.sign == expected.sign, "\(text)")
    }

    @Test("NaN, Infinity and -Infinity as Python writes them")
    func nonFinite() throws {
        guard case .array(let items) = try parse("[NaN, Infinity, -Infinity, 1]") else { Issue.record("not an array"); return }
        let values = items.compactMap { item -> Double? in
            if case .number(let value, _) = item { return value }
            return nil
        }
        #expect(values[0].isNaN && values[1] == .infinity && values[2] == -.infinity && values[3] == 1)
        #expect(error("[Nan]") != nil && error("[Inf]") != nil && error("[-Inf]") != nil)
    }

    @Test("whole numbers: 3, 3.0 and 3e0 are 3; fractions and huge values are refused")
    func integers() throws {
        for text in ["3", "3.0", "3e0"] {
            #expect(try withCursor(text) { (cursor: inout JSONCursor) throws(JSONError) in try cursor.readInteger() } == 3)
        }
        for text in ["3.5", "1e300", "NaN", "-Infinity"] {
            #expect(throws: JSONError.self) {
                try withCursor(text) { (cursor: inout JSONCursor) throws(JSONError) in try cursor.readInteger() }
            }
        }
    }

    @Test("strings: escapes, surrogate pairs, raw UTF-8; bad escapes and raw control characters are refused")
    func strings() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u00e9\ud83d\ude00┌─""#) == .string("é😀┌─"))
        #expect(error(#""\ud83d""#)?.message.contains("surrogate") == true)
        #expect(error(#""\x""#)?.message.contains("unknown escape") == true)
        #expect(error("\"a\u{1}b\"")?.message.contains("raw control character") == true)
        #expect(error("\"abc")?.message.contains("unterminated string") == true)
        #expect(error("[\"\u{FF}\"]") == nil, "U+00FF is valid UTF-8 when written from a String")
        let invalid: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONError.self) { try JSONParser.parse(invalid) }
    }

    @Test("skipping passes over any value and stops right after it")
    func skipping() throws {
        let text = #"{"skip": {"a": [1, {"b": "x\"}]y"}, "\\"], "c": null}, "keep": 7}"#
        let kept = try withCursor(text) { (cursor: inout JSONCursor) throws(JSONError) -> Double? in
            var object = try cursor.beginObject()
            var kept: Double?
            while let key = try cursor.nextKey(&object) {
                if cursor.key(key, is: "keep") { kept = try cursor.readDouble() } else { try cursor.skipValue() }
            }
            return kept
        }
        #expect(kept == 7)
        for text in ["\"a\\\\\"", "[[[]]]", "{}", "-1.5e3", "true", "null", "NaN", "\"\(String(repeating: "long ", count: 100))\""] {
            let end = try withCursor(text + " ,") { (cursor: inout JSONCursor) throws(JSONError) -> Int in
                try cursor.skipValue()
                return cursor.offset
            }
            #expect(end == text.utf8.count, "\(text)")
        }
    }

    @Test("skipping reports mismatched and unterminated containers, and deep nesting")
    func skippingErrors() throws {
        for (text, message) in [("[1, 2}", "mismatched"), ("{\"a\": [1, 2]]", "mismatched"), ("[[1, 2]", "unexpected end"),
                                ("{\"a\": \"b", "unterminated string")] {
            let problem = try withCursor(text) { (cursor: inout JSONCursor) -> JSONError? in
                do throws(JSONError) {
                    try cursor.skipValue()
                    return nil
                } catch {
                    return error
                }
            }
            #expect(problem?.message.contains(message) == true, "\(text): \(String(describing: problem))")
        }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(error(deep)?.message.contains("nesting deeper") == true)
    }

    @Test("errors carry the byte offset of the problem")
    func offsets() throws {
        #expect(error("{\"a\": 1,}")?.offset == 8)
        #expect(error("[1 2]")?.offset == 3)
        #expect(error("{\"a\" 1}")?.offset == 5)
        #expect(error("[1] x")?.message == "unexpected content after the value")
    }

    @Test("the line counter agrees with the line index everywhere")
    func lineCounter() throws {
        var text = ""
        for i in 0..<500 { text += String(repeating: "x", count: i % 37) + (i % 3 == 0 ? "\n" : "\r\n") }
        let bytes = Array(text.utf8)
        let index = LineIndex(bytes)
        bytes.withUnsafeBufferPointer { buffer in
            var counter = LineCounter(buffer)
            for offset in stride(from: 0, through: bytes.count, by: 7) {
                #expect(counter.line(at: offset) == index.line(of: offset), "offset \(offset)")
            }
        }
    }
}
