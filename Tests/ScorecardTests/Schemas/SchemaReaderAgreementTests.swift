import Foundation
import Scorecard
import ScorecardCore
@testable import ScorecardIngest
import ScorecardJSON
import ScorecardTesting
import Testing

/// The schemas say what the readers accept: the keys they know (so `additionalProperties: false`
/// refuses exactly what the readers refuse), the values of every enumeration, and, document by
/// document, the same verdict on broken and on unusual-but-valid files.
@Suite struct SchemaReaderAgreementTests {
    /// The `properties` of the object schema at `pointer` (`#/$defs/category`, or `#` for the root).
    static func keys(_ name: String, _ pointer: String) throws -> [String] {
        let root = try JSONParser.parse(Array(try #require(PublishedSchemas.named(name)).text.utf8))
        let node = Self.resolve(pointer, in: root)
        return try #require(node?.objectValue?["properties"]?.objectValue).members.map(\.key)
    }

    static func enumeration(_ name: String, _ pointer: String) throws -> [String] {
        let root = try JSONParser.parse(Array(try #require(PublishedSchemas.named(name)).text.utf8))
        let node = Self.resolve(pointer, in: root)
        guard case .array(let values)? = node?.objectValue?["enum"] else { Issue.record("no enum at \(pointer)"); return [] }
        return values.compactMap(\.stringValue)
    }

    /// The value at a JSON pointer such as `#/$defs/x/anyOf/1`.
    static func resolve(_ pointer: String, in root: JSONValue) -> JSONValue? {
        var node: JSONValue? = root
        for part in pointer.dropFirst(2).split(separator: "/") {
            if case .array(let items)? = node, let index = Int(part) {
                node = items.indices.contains(index) ? items[index] : nil
            } else {
                node = node?.objectValue?[String(part)]
            }
        }
        return node
    }

    @Test func theSchemasKnowTheKeysTheReadersKnow() throws {
        let pairs: [(String, String, [String])] = [
            ("framework", "#", FrameworkReader.topKeys),
            ("framework", "#/$defs/category", FrameworkReader.categoryKeys),
            ("framework", "#/$defs/indicator", FrameworkReader.indicatorKeys),
            ("framework", "#/$defs/gate", FrameworkReader.gateKeys),
            ("framework", "#/$defs/evaluatorKeys", EvaluatorDefinitionReader.fileKeys),
            ("framework", "#/$defs/parameterDeclaration", ParameterDeclarationReader.keys),
            ("framework", "#/$defs/operand", DeclarativeRuleReader.operandKeys),
            ("determinations", "#/$defs/determination", DeterminationLoader.determinationKeys),
            ("card", "#", CardConfigLoader.topKeys),
            ("evidence-record", "#/$defs/result", EvidenceRowParser.resultFields),
            ("evidence-record", "#/$defs/sample", EvidenceRowParser.sampleFields),
        ]
        for (schema, pointer, known) in pairs {
            #expect(Set(try Self.keys(schema, pointer)) == Set(known), "\(schema) \(pointer)")
        }
        // A sign-off record's members are those Scorecard writes.
        let record = Signoff(
            version: 1, model: "m", snapshot: nil, documentSha256: "", frameworkSha256: "", determinationsSha256: nil,
            decision: .approve, reviewer: "r", note: nil, signedAt: "", publicKey: "", signature: "")
        let written = try #require(try JSONParser.parse(Array(SignoffFile.line(record).utf8)).objectValue)
        #expect(Set(written.members.map(\.key)) == Set(try Self.keys("signoff", "#")))
    }

    @Test func theSchemasEnumerateWhatTheCodeDefines() throws {
        let pairs: [(String, String, [String])] = [
            ("framework", "#/properties/aggregation", Aggregation.allCases.map(\.rawValue)),
            ("framework", "#/properties/uncertainty", UncertaintyPolicy.allCases.map(\.rawValue)),
            ("framework", "#/$defs/indicator/properties/unit", ValueUnit.allCases.map(\.rawValue)),
            ("framework", "#/$defs/indicator/properties/direction", Direction.allCases.map(\.rawValue)),
            ("framework", "#/$defs/parameterDeclaration/properties/kind", ParameterDeclarationReader.kinds),
            ("framework", "#/$defs/evaluatorKeys/properties/kind", EvaluatorKind.allCases.map(\.rawValue).filter { $0 != "builtin" }),
            ("evidence-record", "#/$defs/result/properties/unit", ValueUnit.allCases.map(\.rawValue)),
            ("evidence-record", "#/$defs/consistency", EvidenceConsistency.allCases.map(\.rawValue) + [""]),
            ("card", "#/properties/evidence/items/anyOf/1/properties/format", ["auto"] + EvidenceFormats.names),
            ("scorecard", "#/$defs/stage/properties/status", AssessmentStatus.allCases.map(\.rawValue)),
            ("scorecard", "#/$defs/flag/properties/kind", ReviewFlag.Kind.allCases.map(\.rawValue)),
            ("scorecard", "#/$defs/indicator/properties/evaluator_kind", EvaluatorKind.allCases.map(\.rawValue)),
            ("signoff", "#/properties/decision", SignoffDecision.allCases.map(\.rawValue)),
            ("output-envelope", "#/$defs/gateKind", Gate.Kind.allCases.map(\.rawValue)),
            ("scorecard", "#/$defs/gate/properties/kind", Gate.Kind.allCases.map(\.rawValue)),
        ]
        for (schema, pointer, values) in pairs {
            #expect(Set(try Self.enumeration(schema, pointer)) == Set(values), "\(schema) \(pointer)")
        }
        let framework = try #require(PublishedSchemas.named("framework"))
        let root = try JSONParser.parse(Array(framework.text.utf8))
        let versions = Self.resolve("#/properties/schema_version", in: root)?.objectValue?["enum"]
        #expect(versions == .array(FrameworkLoader.supportedSchemaVersions.map { .number(Double($0), text: String($0)) }),
                "the framework schema takes the schema_version values the loader reads")
        #expect(Set(DeclarativeRuleReader.shapes).isSubset(of: try Self.keys("framework", "#/$defs/evaluatorKeys")))
        // Inline definitions take every key of a definition file but its schema_version.
        #expect(try Self.keys("framework", "#/$defs/evaluatorBody") == ["schema_version"])
    }
}
