import Testing
import ScorecardJSON

/// The schema checker itself: each keyword refuses what it should, at the path where it is
/// broken, and the draft decides whether keywords beside `$ref` apply.
@Suite struct JSONSchemaTests {
    static func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    static func errors(_ schema: String, _ document: String) throws -> [String] {
        try JSONSchema(parse(schema)).errors(parse(document))
    }

    static let draft2020 = #""$schema": "https://json-schema.org/draft/2020-12/schema""#

    @Test(arguments: [
        (#"{"propertyNames": {"pattern": "^[a-z]+$"}}"#, #"{"ok": 1, "Bad": 2}"#, ["$: member name 'Bad' is not allowed"]),
        (#"{"dependentRequired": {"k": ["n"]}}"#, #"{"k": 1}"#, ["$: 'k' needs 'n'"]),
        (#"{"dependentRequired": {"k": ["n"]}}"#, #"{"n": 1}"#, []),
        (#"{"properties": {"a": {"type": "array", "items": {"type": "integer"}}}}"#, #"{"a": [1, 2.5]}"#, ["$.a[1]: expected integer, found a number"]),
        (#"{"properties": {"s": {"pattern": "\\S"}}}"#, #"{"s": "   "}"#, ["$.s: '   ' does not match \\S"]),
        (#"{"properties": {"s": {"pattern": "(unclosed"}}}"#, #"{"s": "x"}"#, ["$.s: 'x' does not match (unclosed"]),
        (#"{"properties": {"e": {"enum": ["a", null]}}}"#, #"{"e": null}"#, []),
        (#"{"required": ["a"], "additionalProperties": false}"#, #"{"b": 1}"#, ["$: missing required 'a'", "$: unexpected member 'b'"]),
    ])
    func keywordsRefuseWithAPath(_ schema: String, _ document: String, _ expected: [String]) throws {
        #expect(try Self.errors(schema, document) == expected)
    }

    @Test func keywordsBesideARefApplyUnderDraft2020ButNotDraft07() throws {
        let body = ##""$defs": {"count": {"type": "integer"}}, "properties": {"n": {"$ref": "#/$defs/count", "minimum": 1}}"##
        #expect(try Self.errors("{\(Self.draft2020), \(body)}", #"{"n": 0}"#) == ["$.n: below 1.0"])
        #expect(try Self.errors("{\(Self.draft2020), \(body)}", #"{"n": 0.5}"#) == ["$.n: expected integer, found a number", "$.n: below 1.0"])
        let draft07 = ##""$schema": "http://json-schema.org/draft-07/schema#""##
        #expect(try Self.errors("{\(draft07), \(body)}", #"{"n": 0}"#) == [], "draft-07 ignores keywords beside $ref")
    }

    /// A `$ref` into another schema, named relative to the referring one's `$id`; the other's own
    /// `#/…` references resolve in the other.
    @Test func aRefIntoAnotherSchemaResolvesThereByItsID() throws {
        let other = try Self.parse(##"""
            {"$id": "https://example.invalid/schemas/b.schema.json", "$defs": {"text": {"type": "string"},
             "named": {"type": "object", "properties": {"name": {"$ref": "#/$defs/text"}}, "additionalProperties": false}}}
            """##)
        let root = try Self.parse(##"""
            {\##(Self.draft2020), "$id": "https://example.invalid/schemas/a.schema.json",
             "$ref": "b.schema.json#/$defs/named", "required": ["name"]}
            """##)
        let checker = JSONSchema(root, referencing: [other])
        #expect(checker.errors(try Self.parse(#"{"name": "x"}"#)) == [])
        #expect(checker.errors(try Self.parse(#"{"name": 1}"#)) == ["$.name: expected string, found a number"])
        #expect(checker.errors(try Self.parse(#"{}"#)) == ["$: missing required 'name'"])
        #expect(JSONSchema(root).errors(try Self.parse(#"{"name": "x"}"#)) == ["$: unresolved $ref b.schema.json#/$defs/named"],
                "a schema not given is an error, never a pass")
    }

    @Test func aFailedAlternativeSaysWhyTheClosestOneFailed() throws {
        let schema = #"{"anyOf": [{"type": "string"}, {"type": "object", "properties": {"value": {"type": "number"}}, "additionalProperties": false}]}"#
        let errors = try Self.errors(schema, #"{"valeu": 0.5}"#)
        #expect(errors == ["$: matches none of the anyOf schemas; the closest fails with: $: unexpected member 'valeu'"])
        let oneOf = #"{"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}"#
        #expect(try Self.errors(oneOf, #"{"a": 1, "b": 2}"#) == ["$: matches 2 of the oneOf schemas, expected exactly 1"])
        #expect(try Self.errors(oneOf, #"{}"#).first?.hasPrefix("$: matches 0 of the oneOf schemas, expected exactly 1; the closest fails with: $: missing required") == true)
    }

    @Test func theClosedSchemaRefusesUndescribedMembersButLeavesConditionsOpen() throws {
        let schema = try JSONSchema(Self.parse(#"""
            {"type": "object", "properties": {"kind": {"type": "string"}, "n": {"type": "integer"}},
             "if": {"properties": {"kind": {"const": "count"}}}, "then": {"required": ["n"]}}
            """#))
        let extra = try Self.parse(#"{"kind": "count", "n": 1, "extra": true}"#)
        #expect(schema.errors(extra) == [], "open: readers ignore members they do not know")
        #expect(schema.closed.errors(extra) == ["$: unexpected member 'extra'"])
        #expect(schema.closed.errors(try Self.parse(#"{"kind": "count"}"#)) == ["$: missing required 'n'"], "the condition still applies")
    }
}
