import Foundation
@testable import ScorecardPlugins
import ScorecardJSON
import ScorecardTesting
import Testing

/// The protocol's JSON Schemas: the compiled-in copies match `schemas/`, and Scorecard's checker
/// and Python's `jsonschema` agree on every example: the docs', what Scorecard sends, what the
/// example evaluator answers, and replies that break the rules.
@Suite struct ProtocolSchemaTests {
    static let requestSchema = PackagePaths.file("schemas/evaluator-request-v1.schema.json").path
    static let replySchema = PackagePaths.file("schemas/evaluator-reply-v1.schema.json").path

    @Test func theCompiledInSchemasAreTheCommittedOnes() throws {
        #expect(try String(contentsOfFile: Self.requestSchema, encoding: .utf8) == ProtocolSchemas.request + "\n")
        #expect(try String(contentsOfFile: Self.replySchema, encoding: .utf8) == ProtocolSchemas.reply + "\n",
                "run scripts/embed-schemas")
    }

    /// Whether Python's `jsonschema` is there to cross-check with (`make deps` installs it when it
    /// can; the verdicts the tests expect are committed, so Scorecard's checker is tested without it).
    static let hasJSONSchema = SchemaScript.pythonHas(["jsonschema"])

    /// Both checkers' verdicts on `documents` (true: valid); Python's is nil without `jsonschema`.
    static func verdicts(_ documents: [String], schema: String) throws -> (swift: [Bool], python: [String]?) {
        let checker = try JSONSchema(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: schema))))
        let swift = try documents.map { checker.errors(try JSONParser.parse(Array($0.utf8))).isEmpty }
        guard hasJSONSchema else { return (swift, nil) }
        let folder = try ScratchFolder("scorecard-schema")
        let paths = try documents.enumerated().map { index, text in
            let path = folder.path("\(index).json")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", PluginFixture.scripts.appendingPathComponent("validate.py").path, schema] + paths
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 with jsonschema is needed (pip install jsonschema)")
        return (swift, String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    static func codeBlocks() throws -> [String] {
        let text = try String(contentsOf: PackagePaths.file("docs/evaluator-protocol.md"), encoding: .utf8)
        return text.components(separatedBy: "```json\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    }

    @Test func theDocsExamplesFollowTheSchemas() throws {
        let blocks = try Self.codeBlocks()
        let requests = blocks.filter { $0.contains("\"protocol\": \"scorecard-evaluator\"") }
        let replies = blocks.filter { !$0.contains("\"protocol\": \"scorecard-evaluator\"") }
        #expect(requests.count == 1 && replies.count == 2)
        for (documents, schema) in [(requests, Self.requestSchema), (replies, Self.replySchema)] {
            let (swift, python) = try Self.verdicts(documents, schema: schema)
            #expect(swift.allSatisfy { $0 }, "\(documents)")
            if let python { #expect(python == Array(repeating: "valid", count: documents.count), "\(python)") }
        }
    }

    @Test func whatScorecardSendsAndTheExampleAnswersFollowTheSchemas() throws {
        let fixture = try PluginFixture(script: "record_request.py", definition: ["reads: {samples: true}"], indicators: 2)
        _ = try fixture.assess()
        let request = try String(contentsOfFile: fixture.folder.path("request.json"), encoding: .utf8)
        let (swift, python) = try Self.verdicts([request], schema: Self.requestSchema)
        #expect(swift == [true])
        if let python { #expect(python == ["valid"], "\(python)") }
        #expect(request.contains(#""protocol_version":1"#) && request.contains(#""stage":"post""#), "one call holds both stages")

        // The example evaluator, run by hand on that request, answers within the schema.
        let example = Process()
        example.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        example.arguments = [PackagePaths.file("examples/evaluators/uplift.py").path]
        let input = Pipe(), output = Pipe()
        example.standardInput = input
        example.standardOutput = output
        try example.run()
        input.fileHandleForWriting.write(Data(request.utf8))
        try input.fileHandleForWriting.close()
        let reply = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        example.waitUntilExit()
        let verdict = try Self.verdicts([reply], schema: Self.replySchema)
        #expect(verdict.swift == [true], "\(reply)")
        if let python = verdict.python { #expect(python == ["valid"], "\(reply)") }
        #expect(reply.contains(#""status": "error""#), "the probe indicators give no control parameter, which the example says")
    }

    /// Replies that break the schema, and one that keeps it, with what each checker must say.
    static let replies: [(String, Bool)] = [
        (#"{"protocol_version": 1, "results": []}"#, true),
        (#"{"protocol_version": 1, "error": "out of memory"}"#, true),
        (#"{"protocol_version": 2, "results": []}"#, false),
        (#"{"protocol_version": 1}"#, false),
        (#"{"protocol_version": 1, "results": [], "error": "both"}"#, false),
        (#"{"protocol_version": 1, "results": [], "extra": true}"#, false),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "measured", "value": 0.5, "metric": "m", "basis": "summary"}]}"#, true),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "measured", "value": 0.5, "metric": "m"}]}"#, false),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "measured", "value": 0.5, "metric": "m", "basis": "vibes"}]}"#, false),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "measured", "value": 0.5, "metric": "m", "basis": "summary", "n": 2.5}]}"#, false),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "measured", "value": 0.5, "metric": "m", "basis": "summary", "n": -1}]}"#, false),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "measured", "value": 0.5, "metric": "m", "basis": "summary", "interval": {"low": 0.4, "high": 0.6, "level": 1, "method": "x"}}]}"#, false),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "measured", "value": 0.5, "metric": "m", "basis": "summary", "interval": null, "n": null, "k": null}]}"#, true),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "missing"}]}"#, false),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "missing", "reason": "none", "value": 1}]}"#, false),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "error", "message": ""}]}"#, false),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "error", "message": "x", "reason": "y"}]}"#, false),
        (#"{"protocol_version": 1, "results": [{"id": "1", "indicator": "a", "status": "fine"}]}"#, false),
        ("[1, 2]", false),
    ]

    @Test func scorecardsCheckerGivesEachReplyItsVerdict() throws {
        let (swift, _) = try Self.verdicts(Self.replies.map(\.0), schema: Self.replySchema)
        for (index, (reply, valid)) in Self.replies.enumerated() {
            #expect(swift[index] == valid, "Scorecard's checker on \(reply)")
        }
    }

    @Test(.enabled(if: hasJSONSchema, "needs Python's jsonschema (make deps installs it when it can)"))
    func pythonsJSONSchemaGivesTheSameVerdicts() throws {
        let (_, python) = try Self.verdicts(Self.replies.map(\.0), schema: Self.replySchema)
        let verdicts = try #require(python)
        #expect(verdicts.count == Self.replies.count)
        for (index, (reply, valid)) in Self.replies.enumerated() where index < verdicts.count {
            #expect(verdicts[index].hasPrefix(valid ? "valid" : "invalid"), "jsonschema on \(reply): \(verdicts[index])")
        }
    }
}
