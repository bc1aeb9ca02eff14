import Foundation
import ScorecardCore
@testable import ScorecardRender
import Testing

/// The terminal form shares the report's view model: the same words for levels, gates and flags,
/// and nothing from evidence reaches the terminal raw.
@Suite struct TextReportTests {
    static func view(_ input: ReportInput, _ index: Int = 0) -> ReportView {
        ReportRenderer.view(of: input.assessments[index], input: input, generatedAt: "", chartDirectory: "")
    }

    @Test func gatesAndFlagsReadAsInTheReport() throws {
        let input = try Inputs.demo()
        let index = try #require(input.assessments.firstIndex { $0.subject.model == "o1" })
        let view = Self.view(input, index)
        let text = TextReport.render(view)
        for gate in view.gates { #expect(text.contains(gate.reason)) }
        for flag in view.categories.flatMap(\.flags) { #expect(text.contains(flag.text)) }
        for warning in view.categories.flatMap(\.warnings) { #expect(text.contains(warning)) }
        #expect(text.contains("Medium (determined; evidence: Low reached, Medium–Critical not ruled out)"))
    }

    @Test func aGateThatDoesNotPassIsWrittenInCapitals() throws {
        let input = try Inputs.demo()
        let index = try #require(input.assessments.firstIndex { $0.subject.model == "GPT-4o" })
        let text = TextReport.render(Self.view(input, index))
        #expect(text.contains("NOT ALLOWED"))
        #expect(text.contains("Not required"))
        #expect(text.contains("Not assessed\n  - Cybersecurity, Post-mitigation: Not assessed from evidence"))
    }

    @Test func aFrameworkWithoutGatesSaysSoInsteadOfAnEmptyHeading() throws {
        let input = try Inputs.demo()
        var view = Self.view(input)
        view.gates = []
        let text = TextReport.render(view)
        #expect(text.contains("\nGates: the framework defines none\n"))
        #expect(!text.contains("\nGates\n"))
    }

    @Test func hostileTextIsEscapedForTheTerminal() throws {
        let text = TextReport.render(Self.view(try Hostile.input()))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0 == "\r" })
        #expect(text.contains("\\u{a}line two"))
    }

    @Test func terminalEscapingMakesControlCharactersVisible() {
        #expect(Escaping.terminal("a\u{1B}[2Jb\nc\u{7F}") == "a\\u{1b}[2Jb\\u{a}c\\u{7f}")
        #expect(Escaping.terminal("plain É") == "plain É")
    }
}

/// The report words the engine's review flags; it never derives flags of its own.
@Suite struct EngineFlagTests {
    static func stripped(_ input: ReportInput, keeping keep: (ReviewFlag) -> Bool) -> ReportInput {
        var input = input
        input.assessments = input.assessments.map {
            SubjectAssessment(subject: $0.subject, categories: $0.categories, overall: $0.overall, gates: $0.gates,
                              flags: $0.flags.filter(keep))
        }
        return input
    }

    @Test func withoutTheEnginesFlagsTheReportShowsNone() throws {
        let input = Self.stripped(try Inputs.demo()) { _ in false }
        for index in input.assessments.indices {
            let view = ReportRenderer.view(of: input.assessments[index], input: input, generatedAt: "", chartDirectory: "")
            #expect(view.categories.allSatisfy { $0.flags.isEmpty })
        }
    }

    @Test func eachFlagKindIsWordedFromItsData() throws {
        let input = try Inputs.demo()
        let index = try #require(input.assessments.firstIndex { $0.subject.model == "o1" })
        let onlyStraddles = Self.stripped(input) { $0.kind == .straddlesThreshold }
        let view = ReportRenderer.view(of: onlyStraddles.assessments[index], input: onlyStraddles, generatedAt: "", chartDirectory: "")
        let flags = view.categories.flatMap(\.flags)
        #expect(flags.map(\.kind) == ["Interval straddles a threshold"])
        #expect(flags.first?.text.contains("contains the threshold Medium ≥ 50%") == true)
    }
}
