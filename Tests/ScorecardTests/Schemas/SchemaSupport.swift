import Foundation
import Scorecard
import ScorecardIngest
import ScorecardJSON
import ScorecardTesting
import Testing

/// The published schemas as the tests use them: compiled-in texts, shipped files, and Python's
/// `jsonschema` to cross-check with when it is on the machine.
enum SchemaSupport {
    /// The checker of the compiled-in schema `name`.
    static func checker(_ name: String) throws -> JSONSchema {
        try PublishedSchemas.checker(try #require(PublishedSchemas.named(name), "no schema \(name)"))
    }

    /// The files in the repository matching `pattern` (`*` within one path component), sorted.
    static func files(_ pattern: String) -> [String] {
        let parts = pattern.split(separator: "/").map(String.init)
        var found = [""]
        for part in parts {
            found = found.flatMap { prefix -> [String] in
                let folder = PackagePaths.file(prefix.isEmpty ? "." : prefix).path
                guard part.contains("*") else {
                    let path = prefix.isEmpty ? part : prefix + "/" + part
                    return FileManager.default.fileExists(atPath: PackagePaths.file(path).path) ? [path] : []
                }
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                return names.filter { matches($0, part) }.map { prefix.isEmpty ? $0 : prefix + "/" + $0 }
            }
        }
        return found.sorted()
    }

    private static func matches(_ name: String, _ pattern: String) -> Bool {
        let pieces = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard name.hasPrefix(pieces[0]), name.hasSuffix(pieces[pieces.count - 1]),
              name.count >= pieces[0].count + pieces[pieces.count - 1].count else { return false }
        var rest = Substring(name.dropFirst(pieces[0].count))
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// The JSON value of a YAML or JSON file in the repository.
    static func value(ofFile relative: String) throws -> JSONValue {
        let text = try String(contentsOf: PackagePaths.file(relative), encoding: .utf8)
        if relative.hasSuffix(".json") { return try JSONParser.parse(Array(text.utf8)) }
        return try YAMLJSON.value(of: text, file: relative)
    }

    /// Each non-blank line of a JSON Lines file, as `(file:line, value)`.
    static func records(ofFile relative: String) throws -> [(String, JSONValue)] {
        let text = try String(contentsOf: PackagePaths.file(relative), encoding: .utf8)
        return try text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            line.allSatisfy(\.isWhitespace) ? nil : ("\(relative):\(index + 1)", try JSONParser.parse(Array(line.utf8)))
        }
    }
}
