import Foundation
import Scorecard
import ScorecardJSON
import ScorecardTesting
import Testing

/// `scorecard schema`, and the JSON every command prints checked against the schema it is
/// published with.
@Suite struct SchemaCommandTests {
    @Test func printsTheCommittedSchema() throws {
        for name in ["framework", "evidence-record", "evaluator-reply", "output-envelope-v3", "card-v1.schema.json"] {
            let result = try CLI.run(["schema", name])
            #expect(result.status == 0, "\(result.stderr)")
            let schema = try #require(PublishedSchemas.named(name))
            let committed = try String(contentsOf: PackagePaths.file("schemas/" + schema.file), encoding: .utf8)
            #expect(result.stdout == committed, "scorecard schema \(name) prints schemas/\(schema.file)")
        }
    }

    @Test func listsEverySchemaWithItsTitle() throws {
        for arguments in [["schema"], ["schema", "--list"]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 0, "\(result.stderr)")
            try Golden.check(result.stdout, "schema-list.txt")
            for schema in PublishedSchemas.all { #expect(result.stdout.contains(schema.file) && result.stdout.contains(schema.title)) }
        }
    }

    @Test func anUnknownNameIsAUsageErrorWithTheNearestName() throws {
        let result = try CLI.run(["schema", "framwork"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown schema 'framwork'; did you mean 'framework'? (known: card, determinations,"), "\(result.stderr)")
        let both = try CLI.run(["schema", "card", "--list"])
        #expect(both.status == 64 && both.stderr.contains("not both"))
        let hostile = try CLI.run(["schema", "x\u{1B}[2Jy"])
        #expect(hostile.status == 64 && !hostile.stderr.contains("\u{1B}[2J"), "the name is escaped on the terminal")
    }

    /// The envelope's schema with every described object closed to other members.
    static func envelopeChecker() throws -> JSONSchema {
        let schema = try #require(PublishedSchemas.named("output-envelope"))
        return try JSONSchema(bytes: Array(schema.text.utf8)).closed
    }

    @Test func everyCommandsJSONFollowsTheEnvelopeSchema() throws {
        let checker = try Self.envelopeChecker()
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        _ = try card.regenerate()
        try card.writeEvidence(models: 1, version: 1)
        _ = try card.regenerate()
        let out = try ScratchFolder("scorecard-schema-export")
        let runs: [[String]] = [
            ["frameworks", "list", "--format", "json"],
            ["export", "--to", "eee", "--evidence", "examples/demo/evidence.jsonl", "--out", out.path("eee"), "--format", "json"],
            ["history", "--config", card.config.path, "--model", "model-0", "--format", "json"],
            ["diff", "--config", card.config.path, "1", "model-0", "--format", "json"],
            ["check", "--config", card.config.path, "--format", "json"],
        ]
        var printed: [String] = []
        for arguments in runs {
            let result = try CLI.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            printed.append(out.path("envelope-\(printed.count).json"))
            try result.stdout.write(toFile: printed[printed.count - 1], atomically: true, encoding: .utf8)
            let value = try JSONParser.parse(Array(result.stdout.utf8))
            #expect(checker.errors(value) == [], "\(arguments.prefix(2))")
            // The command's result is checked, not just the outer keys: a wrong command name fails.
            guard case .object(let object) = value else { continue }
            let relabelled = JSONObject(members: object.members.map {
                $0.key == "command" ? JSONObject.Member(key: "command", value: .string(arguments[0] == "history" ? "check" : "history"), offset: 0) : $0
            }, offset: 0)
            #expect(!checker.errors(.object(relabelled)).isEmpty, "\(arguments.prefix(2)) read as another command's result")
        }
        if SchemaScript.isAvailable {
            for (path, verdict) in try SchemaScript.verdicts(printed, schema: "output-envelope") {
                #expect(verdict.hasPrefix("valid"), "Python's jsonschema on \(path): \(verdict)")
            }
        }
    }

    @Test func assessJSONFollowsTheScorecardSchema() throws {
        // Declarative and external evaluators: kinds, definition files and programs with their hashes.
        let result = try CLI.run(["assess", "--framework", "examples/evaluators/framework.yaml", "--evidence", "examples/evaluators/evidence.jsonl",
                                  "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""evaluator_kind" : "external""#) && result.stdout.contains(#""evaluator_program" : "uplift.py""#))
        let schema = try #require(PublishedSchemas.named("scorecard"))
        let checker = try JSONSchema(bytes: Array(schema.text.utf8)).closed
        #expect(checker.errors(try JSONParser.parse(Array(result.stdout.utf8))) == [])
        if SchemaScript.isAvailable {
            let folder = try ScratchFolder("scorecard-schema-assess")
            try result.stdout.write(toFile: folder.path("assess.json"), atomically: true, encoding: .utf8)
            let verdict = try SchemaScript.verdicts([folder.path("assess.json")], schema: "scorecard")
            #expect(verdict.values.allSatisfy { $0.hasPrefix("valid") }, "Python's jsonschema: \(verdict)")
        }
    }
}
