import Foundation
import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardJSON
import ScorecardTesting
import Testing

/// The schemas in `schemas/`: compiled in as committed, well formed, and every shipped file
/// (frameworks, examples, golden scorecards) valid against its schema.
@Suite struct PublishedSchemaTests {
    @Test func theCompiledInSchemasAreTheCommittedOnes() throws {
        let files = SchemaSupport.files("schemas/*.schema.json")
        #expect(files.count >= 11, "\(files)")
        #expect(PublishedSchemas.all.map { "schemas/" + $0.file } == files, "run scripts/embed-schemas")
        for schema in PublishedSchemas.all {
            let committed = try String(contentsOf: PackagePaths.file("schemas/" + schema.file), encoding: .utf8)
            #expect(committed == schema.text + "\n", "\(schema.file) differs from its compiled-in copy: run scripts/embed-schemas")
        }
    }

    @Test func namesFindTheNewestVersionAndExactOnes() throws {
        #expect(PublishedSchemas.named("framework")?.file == "framework-v3.schema.json")
        #expect(PublishedSchemas.named("framework-v3")?.file == "framework-v3.schema.json")
        #expect(PublishedSchemas.named("scorecard-v4.schema.json")?.name == "scorecard")
        #expect(PublishedSchemas.named("framework-v9") == nil && PublishedSchemas.named("frame") == nil)
        #expect(Set(PublishedSchemas.names) == [
            "card", "determinations", "evaluator-definition", "evaluator-reply", "evaluator-request", "evidence-record", "framework",
            "keyring", "output-envelope", "scorecard", "signoff",
        ])
    }

    /// Every schema says which draft it is, has an `$id` naming its file, a title and a
    /// description, and a description on every property it declares.
    @Test func everySchemaIsDocumented() throws {
        for schema in PublishedSchemas.all {
            let root = try JSONParser.parse(Array(schema.text.utf8))
            let object = try #require(root.objectValue)
            #expect(object["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema", "\(schema.file)")
            #expect(object["$id"]?.stringValue?.hasSuffix("/schemas/" + schema.file) == true, "\(schema.file)")
            #expect(object["title"]?.stringValue == schema.title && !schema.title.isEmpty)
            #expect((object["description"]?.stringValue?.count ?? 0) > 40, "\(schema.file)")
            if schema.name.hasPrefix("evaluator-") { continue }  // the protocol's schemas predate this rule; docs/evaluator-protocol.md describes their fields
            let undocumented = Self.undocumentedProperties(root, "$", root)
            #expect(undocumented.isEmpty, "\(schema.file): properties without a description: \(undocumented)")
        }
    }

    /// The paths of properties with no `description`, directly or through the `$ref` they name.
    static func undocumentedProperties(_ value: JSONValue, _ path: String, _ root: JSONValue) -> [String] {
        switch value {
        case .object(let object):
            var found: [String] = []
            for member in object.members {
                let here = path + "." + member.key
                if member.key == "properties", case .object(let properties) = member.value {
                    for property in properties.members where !Self.isDocumented(property.value, root) {
                        // `false` and conditions' constraints (inside if/then/else) restate a property described elsewhere.
                        if property.value != .bool(false), !path.contains(".if"), !path.contains(".then"), !path.contains(".else"),
                           !path.contains(".allOf") {
                            found.append(here + "." + property.key)
                        }
                    }
                }
                found += undocumentedProperties(member.value, here, root)
            }
            return found
        case .array(let items):
            return items.enumerated().flatMap { undocumentedProperties($1, "\(path)[\($0)]", root) }
        default:
            return []
        }
    }

    static func isDocumented(_ schema: JSONValue, _ root: JSONValue) -> Bool {
        guard let object = schema.objectValue else { return false }
        if object["description"] != nil { return true }
        guard let reference = object["$ref"]?.stringValue, reference.hasPrefix("#/$defs/") else { return false }
        return root.objectValue?["$defs"]?.objectValue?[String(reference.dropFirst(8))].map { isDocumented($0, root) } ?? false
    }

    // MARK: Shipped files

    /// Every shipped framework, and every evaluator definition file one names.
    @Test func everyShippedFrameworkAndDefinitionFileValidates() throws {
        let checker = try SchemaSupport.checker("framework")
        let definitionChecker = try SchemaSupport.checker("evaluator-definition")
        let files = SchemaSupport.files("frameworks/*.yaml") + SchemaSupport.files("examples/*/framework.yaml")
        #expect(files.count >= 3, "\(files)")
        var definitions = 0
        for file in files {
            let value = try SchemaSupport.value(ofFile: file)
            #expect(checker.errors(value) == [], "\(file)")
            // and the reader accepts it, so the schema is not describing a file nobody reads
            _ = try Frameworks.load(path: PackagePaths.file(file).path)
            for definition in value.objectValue?["evaluators"]?.objectValue?.members ?? [] {
                guard let path = definition.value.objectValue?["file"]?.stringValue else { continue }
                let relative = (file as NSString).deletingLastPathComponent + "/" + path
                #expect(definitionChecker.errors(try SchemaSupport.value(ofFile: relative)) == [], "\(relative)")
                definitions += 1
            }
        }
        #expect(definitions >= 1, "examples/evaluators/uplift.yaml")
    }

    /// A gate's `categories` is schema_version 3, as `frameworks lint` says.
    @Test func gateCategoriesNeedSchemaVersionThree() throws {
        let checker = try SchemaSupport.checker("framework")
        var value = try SchemaSupport.value(ofFile: "frameworks/anthropic-rsp-v2.yaml")
        #expect(checker.errors(value) == [])
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        let members = object.members.map { member in
            member.key == "schema_version"
                ? JSONObject.Member(key: member.key, value: .number(2, text: "2"), offset: member.offset) : member
        }
        value = .object(JSONObject(members: members, offset: 0))
        let errors = checker.errors(value)
        #expect(!errors.isEmpty && errors.allSatisfy { $0.contains("categories") }, "\(errors)")
    }

    @Test func everyExampleEvidenceRecordValidates() throws {
        let checker = try SchemaSupport.checker("evidence-record")
        // Every JSON Lines file of the examples but the sign-off records (signoff-v1).
        let files = SchemaSupport.files("examples/*/*.jsonl").filter { !$0.split(separator: "/").last!.hasPrefix("signoffs") }
        #expect(files.count >= 4, "\(files)")
        var count = 0
        for file in files {
            for (location, record) in try SchemaSupport.records(ofFile: file) {
                #expect(checker.errors(record) == [], "\(location)")
                count += 1
            }
        }
        #expect(count > 100)
    }

    @Test func everyExampleDeterminationsFileAndCardValidates() throws {
        let determinations = SchemaSupport.files("examples/*/*determinations*.yaml")
        let cards = SchemaSupport.files("examples/*/scorecard.yaml")
        #expect(!determinations.isEmpty && !cards.isEmpty)
        for (name, files) in [("determinations", determinations), ("card", cards)] {
            let checker = try SchemaSupport.checker(name)
            for file in files { #expect(checker.errors(try SchemaSupport.value(ofFile: file)) == [], "\(file)") }
        }
    }

    @Test func everyExampleKeyringAndSignoffValidates() throws {
        let keyrings = SchemaSupport.files("examples/*/keyring*.yaml")
        let signoffs = SchemaSupport.files("examples/*/signoffs*.jsonl")
        #expect(!keyrings.isEmpty && !signoffs.isEmpty)
        let keyringChecker = try SchemaSupport.checker("keyring")
        for file in keyrings { #expect(keyringChecker.errors(try SchemaSupport.value(ofFile: file)) == [], "\(file)") }
        let signoffChecker = try SchemaSupport.checker("signoff")
        for file in signoffs {
            for (location, record) in try SchemaSupport.records(ofFile: file) { #expect(signoffChecker.errors(record) == [], "\(location)") }
        }
    }

    /// The card `scorecard init` writes is a card too.
    @Test func theInitTemplateValidates() throws {
        let text = CardTemplate.text(framework: "../frameworks/openai-preparedness-beta.yaml")
        let errors = try SchemaSupport.checker("card").errors(try YAMLJSON.value(of: text, file: "scorecard.yaml"))
        #expect(errors == [])
    }

    /// The golden scorecards and any committed report JSON validate, with no member the schema
    /// does not describe.
    @Test func everyGoldenScorecardValidates() throws {
        let closed = try SchemaSupport.checker("scorecard").closed
        let files = SchemaSupport.files("Tests/ScorecardCLITests/Golden/*.json") + SchemaSupport.files("reports/*/*.json")
        #expect(!files.isEmpty)
        for file in files {
            #expect(closed.errors(try SchemaSupport.value(ofFile: file)) == [], "\(file)")
        }
    }

    /// A document made now, with rule-out checks, determinations, flags and unused evidence.
    @Test func aScorecardMadeNowValidates() throws {
        let inputs = try Inputs.load(Fixtures.demo)
        let document = try inputs.document(try inputs.assess(models: ["o1", "GPT-4o"])).encoded()
        let closed = try SchemaSupport.checker("scorecard").closed
        let value = try JSONParser.parse(Array(document))
        #expect(closed.errors(value) == [])
        // A broken copy is refused where it is broken.
        let broken = String(decoding: document, as: UTF8.self).replacingOccurrences(of: #""status" : "assessed""#, with: #""status" : "fine""#)
        #expect(broken != String(decoding: document, as: UTF8.self))
        let errors = closed.errors(try JSONParser.parse(Array(broken.utf8)))
        #expect(errors.contains { $0.hasPrefix("$.models[") && $0.contains(".stages.") && $0.contains(".status: 'fine' is not one of the allowed values") }, "\(errors)")
    }
}
