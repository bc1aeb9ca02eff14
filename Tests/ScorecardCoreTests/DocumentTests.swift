import Foundation
import Testing
@testable import ScorecardCore

@Suite struct DocumentTests {
    func document() -> ScorecardDocument {
        let framework = Fixture.framework([Fixture.category("cyber", [Fixture.indicator("ctf")])])
        let assessment = RulesEngine(framework: framework).judge(
            subject: Fixture.subject, measurements: ["pre": ["ctf": Fixture.score(0.6, low: 0.55, high: 0.65)]],
            determinations: [])
        return ScorecardDocument(
            framework: framework, assessments: [assessment], inputs: ["e.jsonl": "abc"],
            registry: EvaluatorRegistry([]), tool: .init(name: "scorecard", version: "test"))
    }

    @Test func absentValuesAreWrittenAsNull() throws {
        let text = String(decoding: try document().encoded(), as: UTF8.self)
        #expect(text.contains("\"format_version\" : 1"))
        #expect(text.contains("\"level\" : null"), "post is not assessed and must say so explicitly")
        #expect(text.contains("\"indicated_level\" : \"medium\""))
        #expect(text.contains("\"snapshot\" : null"))
        #expect(text.contains("\"post\" : null"))
    }

    @Test func encodingIsStableAndRoundTrips() throws {
        let data = try document().encoded()
        #expect(try document().encoded() == data)
        let decoded = try ScorecardDocument.decode(data)
        #expect(decoded == document())
        #expect(try decoded.encoded() == data)
    }

    @Test func unknownFormatVersionIsRefused() throws {
        var doc = document()
        doc.formatVersion = 99
        let data = try doc.encoded()
        #expect(throws: DecodingError.self) { try ScorecardDocument.decode(data) }
    }
}
