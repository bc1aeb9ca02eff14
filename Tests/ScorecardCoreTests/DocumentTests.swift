import Foundation
import Testing
@testable import ScorecardCore

@Suite struct DocumentTests {
    func document() throws -> ScorecardDocument {
        let framework = Fixture.framework([Fixture.category("cyber", [Fixture.indicator("ctf")])])
        let assessment = RulesEngine(framework: framework).judge(
            subject: Fixture.subject, measurements: ["pre": ["ctf": Fixture.score(0.6, low: 0.55, high: 0.65)]],
            determinations: [])
        return ScorecardDocument(
            framework: framework, assessments: [assessment], inputs: ["e.jsonl": "abc"],
            registry: try EvaluatorRegistry([]), tool: .init(name: "scorecard", version: "test"))
    }

    @Test func absentValuesAreWrittenAsNull() throws {
        let text = String(decoding: try document().encoded(), as: UTF8.self)
        #expect(text.contains("\"format_version\" : 4"))
        #expect(text.contains("\"reached_level\" : \"medium\""))
        #expect(text.contains("\"level\" : null"), "post is not assessed and must say so explicitly")
        #expect(text.contains("\"indicated_level\" : \"medium\""))
        #expect(text.contains("\"snapshot\" : null"))
        #expect(text.contains("\"post\" : null"))
    }

    @Test func encodingIsStableAndRoundTrips() throws {
        let data = try document().encoded()
        #expect(try document().encoded() == data)
        let decoded = try ScorecardDocument.decode(data)
        #expect(try decoded == document())
        #expect(try decoded.encoded() == data)
    }

    @Test func unknownFormatVersionIsRefused() throws {
        var doc = try document()
        doc.formatVersion = 99
        let data = try doc.encoded()
        #expect(throws: DecodingError.self) { try ScorecardDocument.decode(data) }
    }

    @Test func aFormatOneDocumentStillReadsWithTheNewFieldsEmpty() throws {
        var text = String(decoding: try document().encoded(), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"format_version\" : 4", with: "\"format_version\" : 1")
        for key in ["not_ruled_out", "rule_out", "thresholds"] {
            // Drop the key with its (possibly multi-line) array value, as a version 1 writer would.
            while let range = text.range(of: "\"\(key)\" : [") {
                guard let end = text[range.upperBound...].firstIndex(of: "]") else { break }
                var after = text.index(after: end)
                if after < text.endIndex, text[after] == "," { after = text.index(after: after) }
                text.removeSubrange(range.lowerBound..<after)
            }
        }
        #expect(!text.contains("not_ruled_out"))
        let decoded = try ScorecardDocument.decode(Data(text.utf8))
        #expect(decoded.formatVersion == 1)
        let stage = try #require(decoded.models.first?.categories.first?.stages["pre"])
        #expect(stage.notRuledOut.isEmpty && stage.ruleOut.isEmpty)
        #expect(stage.level == "medium")
    }

    @Test func aFormatThreeDocumentReadsWithoutEvaluatorKindsAndFiles() throws {
        var text = String(decoding: try document().encoded(), as: UTF8.self)
            .replacingOccurrences(of: "\"format_version\" : 4", with: "\"format_version\" : 3")
        for key in ["evaluator_kind", "evaluator_file", "evaluator_file_sha256", "evaluator_program", "evaluator_program_sha256"] {
            text = text.replacingOccurrences(of: "\"\(key)\" : null,", with: "")
        }
        #expect(!text.contains("evaluator_kind"))
        let decoded = try ScorecardDocument.decode(Data(text.utf8))
        let entry = try #require(decoded.models.first?.categories.first?.stages["pre"]?.indicators.first)
        #expect(entry.evaluatorKind == nil && entry.evaluatorProgram == nil)
    }

    @Test func eachIndicatorRecordsItsEvaluatorsKindFileAndProgram() throws {
        let origin = EvaluatorOrigin(file: "evaluators/x.yaml", fileSHA256: "f00d", command: ["python3", "x.py"], program: "evaluators/x.py", programSHA256: "beef")
        let entry = EvaluatorRegistry.Entry(description: .init(name: "metric", version: 4, summary: "s", parameters: [], kind: .external, origin: origin)) { _ in
            Fixture.FixedMeasurer(measurement: .missing(reason: "unused"))
        }
        let registry = try EvaluatorRegistry([]).supporting(.external) { _, _ in entry }
            .defining([EvaluatorDefinition(name: "metric", version: 4, summary: "s", parameters: [], origin: origin, body: .external(
                ExternalProgram(executable: "/bin/true", arguments: [], directory: "/", timeoutSeconds: 1, maxReplyBytes: 1024, readsSamples: false, alsoReadsParameter: nil)))])
        let framework = Fixture.framework([Fixture.category("cyber", [Fixture.indicator("ctf")])])
        let assessment = RulesEngine(framework: framework).judge(
            subject: Fixture.subject, measurements: ["pre": ["ctf": Fixture.score(0.6, low: 0.55, high: 0.65)]], determinations: [])
        let document = ScorecardDocument(
            framework: framework, assessments: [assessment], inputs: [:], registry: registry, tool: .init(name: "scorecard", version: "test"))
        let text = String(decoding: try document.encoded(), as: UTF8.self)
        for line in ["\"evaluator_kind\" : \"external\"", "\"evaluator_version\" : 4", "\"evaluator_file\" : \"evaluators/x.yaml\"",
                     "\"evaluator_file_sha256\" : \"f00d\"", "\"evaluator_program\" : \"evaluators/x.py\"", "\"evaluator_program_sha256\" : \"beef\""] {
            #expect(text.contains(line), "\(line)")
        }
    }

    @Test func anUnknownFormatVersionIsRefusedNamingTheReadableOnes() throws {
        let text = String(decoding: try document().encoded(), as: UTF8.self)
            .replacingOccurrences(of: "\"format_version\" : 4", with: "\"format_version\" : 9")
        #expect(throws: DecodingError.self) { try ScorecardDocument.decode(Data(text.utf8)) }
    }
}
