import Foundation
import ScorecardTesting
import Testing

/// A whole number too large for what it counts is a range error that quotes the value as
/// written, never "must be a whole number" for a number that is one, nor a rounded value.
@Suite struct RangeMessageTests {
    @Test func aCountBeyondTheRangeIsARangeErrorQuotingTheValue() throws {
        let folder = try ScratchFolder()
        let evidence = folder.path("e.jsonl")
        try #"{"model":"m","stage":"pre_mitigation","eval":"e","metric":"x","value":0.5,"n":9223372036854775807}"#
            .write(toFile: evidence, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", evidence, "--out", folder.path("out.jsonl")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(evidence):1: n is out of range: at most 999999999999999, found 9223372036854775807"), "\(result.stderr)")
        #expect(!result.stderr.contains("9223372036854776000"), "the value as written, not as a double rounds it")
    }

    @Test func anInspectEpochBeyondTheRangeIsARangeError() throws {
        let folder = try ScratchFolder()
        let source = try String(contentsOfFile: PackagePaths.file("Tests/ScorecardIngestTests/Fixtures/inspect/ctf_small.json").path, encoding: .utf8)
        let log = folder.path("big.json")
        let edited = source.replacingOccurrences(of: "\"epoch\": 1,", with: "\"epoch\": 9223372036854775807,")
        #expect(edited != source)
        try edited.write(toFile: log, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", log, "--stage", "pre_mitigation", "--out", folder.path("out.jsonl")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("sample epoch is out of range: at most 9007199254740992 (2^53), found 9223372036854775807"), "\(result.stderr)")
        #expect(!result.stderr.contains("must be a whole number"))
    }

    @Test func aYAMLWholeNumberBeyondTheRangeIsARangeError() throws {
        let folder = try ScratchFolder()
        let framework = folder.path("f.yaml")
        try "schema_version: 99999999999999999999\n".write(toFile: framework, atomically: true, encoding: .utf8)
        let result = try CLI.run(["frameworks", "lint", framework])
        #expect(result.status == 2)
        #expect(result.stderr.contains("schema_version is out of range: at most 9223372036854775807, found '99999999999999999999'"), "\(result.stderr)")
    }
}
