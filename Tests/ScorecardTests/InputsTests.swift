import Foundation
import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardTesting
import Testing

@Suite struct InputsTests {
    @Test func theDemoLoadsOnceAndAssessesToThePublishedLevels() throws {
        let inputs = try Inputs.load(Fixtures.demo)
        #expect(inputs.models == ["GPT-4o", "o1"])
        #expect(Set(inputs.hashes.keys) == [Fixtures.demo.framework, Fixtures.demo.evidence[0], Fixtures.demo.determinations!])
        #expect(inputs.hashes[Fixtures.demo.framework] == inputs.frameworkSHA256)
        let assessments = try inputs.assess()
        let o1 = try #require(assessments.first { $0.subject.model == "o1" })
        #expect(o1.overall["pre_mitigation"]?.level?.id == "medium" && o1.overall["post_mitigation"]?.level?.id == "medium")
        let gpt = try #require(assessments.first { $0.subject.model == "GPT-4o" })
        #expect(gpt.overall["post_mitigation"]?.level == nil, "GPT-4o's card gives no post-mitigation levels: not assessed, never Low")
        #expect(try inputs.assess(models: ["o1"]).map(\.subject.model) == ["o1"])
    }

    @Test func documentsAndReportInputsCarryTheToolAndTheHashesAsked() throws {
        let inputs = try Inputs.load(Fixtures.demo)
        let assessments = try inputs.assess(models: ["o1"])
        let document = inputs.document(assessments)
        #expect(document.tool == ToolIdentity.document && document.tool.name == "scorecard")
        #expect(document.inputs == inputs.hashes)
        #expect(inputs.document(assessments, hashes: ["a.jsonl": "00"]).inputs == ["a.jsonl": "00"])
        let report = inputs.reportInput(assessments)
        #expect(report.inputs == inputs.hashes && report.frameworkSHA256 == inputs.frameworkSHA256)
        #expect(report.mitigations.count == inputs.mitigations.count && !report.mitigations.isEmpty)
    }

    @Test func namesTheInputsDoNotHaveAreTypedErrors() throws {
        let inputs = try Inputs.load(Fixtures.demo)
        #expect(throws: Never.self) { try inputs.requireModels(["o1", "GPT-4o"]) }
        do {
            try inputs.requireModels(["o1", "o3"])
            Issue.record("o3 is not in the demo")
        } catch {
            #expect(error.description == "no evidence for model 'o3'; did you mean 'o1'? (known: GPT-4o, o1)")
        }
        #expect(throws: InputsError.self) { try inputs.category("bio") }
        #expect(try inputs.category("cbrn").name == "CBRN")
        #expect(try inputs.stages(only: nil).count == 2)
        #expect(try inputs.stages(only: "post_mitigation").map(\.id) == ["post_mitigation"])
        #expect(throws: InputsError.self) { try inputs.stages(only: "deployment") }
    }

    @Test func problemsOfEveryFileAreReportedTogether() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let evidence = folder.appendingPathComponent("bad.jsonl"), determinations = folder.appendingPathComponent("bad.yaml")
        try #"{"model": "m", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 41}"#.write(to: evidence, atomically: true, encoding: .utf8)
        try "schema_version: 7\n".write(to: determinations, atomically: true, encoding: .utf8)
        var files = Fixtures.demo
        files.evidence = [evidence.path]
        files.determinations = determinations.path
        do {
            _ = try Inputs.load(files)
            Issue.record("invalid inputs loaded")
        } catch {
            #expect(Set(error.diagnostics.map(\.file)) == [evidence.path, determinations.path], "\(error)")
        }
    }

    @Test func aDeterminationDatedInTheFutureIsWarnedAboutByTheClockPassedIn() throws {
        let folder = try ScratchFolder()
        let determinations = folder.path("d.yaml")
        try """
            schema_version: 1
            determinations:
              - {model: o1, category: cybersecurity, stage: post_mitigation, level: low, rationale: r, author: a, date: 2024-12-06}
              - {model: o1, category: cbrn, stage: post_mitigation, level: medium, rationale: r, author: a, date: 2999-12-31}

            """.write(toFile: determinations, atomically: true, encoding: .utf8)
        var files = Fixtures.demo
        files.determinations = determinations
        files.now = Date(timeIntervalSince1970: 1_733_400_000)  // 2024-12-05T12:00:00Z: tomorrow, 2024-12-06, is fine
        let warnings = try Inputs.load(files).warnings.filter { $0.file == determinations }
        #expect(warnings.map(\.description) == [
            "\(determinations):4: the determination for o1 cbrn post_mitigation is dated 2999-12-31, in the future (after 2024-12-06); check its date",
        ])
        files.now = Date(timeIntervalSince1970: 1_733_300_000)  // 2024-12-04: the 6th is now two days ahead
        #expect(try Inputs.load(files).warnings.filter { $0.file == determinations }.count == 2)
    }
}
