import Foundation
import Testing
import ScorecardCore
@testable import ScorecardIngest

/// Real pytest reports and other producers' shapes, counted as the research notes propose.
@Suite struct JUnitReaderTests {
    let options = ImportOptions.at(model: "o1")

    func read(_ xml: String, options: ImportOptions = .at(model: "m"), junit: JUnitOptions = JUnitOptions()) throws -> ImportedEvidence {
        let directory = try TemporaryDirectory()
        return try JUnitReader.read(path: try directory.write("report.xml", xml), options: options, junit: junit)
    }

    @Test func pytestReportMatchesTheExpectedCounts() throws {
        let imported = try JUnitReader.read(path: FormatFixtures.junitDefault, options: options)
        let expected = try FormatFixtures.expected("junit/expected/junit.evidence.json")[0]
        let record = try #require(imported.records.first)
        #expect(imported.records.count == 1)
        #expect(record.evaluation == "pytest" && record.metric == "pass_rate" && record.unit == .rate)
        #expect(record.n == expected["n"] as? Int && record.k == expected["k"] as? Int && record.value == expected["value"] as? Double)
        #expect(abs((record.interval?.low ?? 0) - (expected["ci_low"] as? Double ?? 1)) < 1e-12)
        #expect(abs((record.interval?.high ?? 0) - (expected["ci_high"] as? Double ?? 1)) < 1e-12)
        #expect(record.interval?.method == "wilson")
        #expect(record.subject == Subject(model: "o1") && record.stage == "pre_mitigation")
        #expect(record.sourceSHA256 == SHA256.hex(of: try FormatFixtures.bytes(FormatFixtures.junitDefault)))
        #expect(record.notes?.contains("11 unique test cases: 2 error, 3 failed, 1 xfail, 2 skipped, 3 passed") == true, "\(record.notes ?? "")")
        #expect(record.notes?.contains("the report declares tests=12; counted 11 unique test cases instead") == true)
        #expect(record.notes?.contains("run at 2026-11-29T09:28:06.976507+00:00") == true)
        #expect(imported.warnings.isEmpty)
    }

    @Test func pytestReportGivesOneSamplePerAttemptedCase() throws {
        let samples = try JUnitReader.read(path: FormatFixtures.junitDefault, options: options).samples
        #expect(samples.count == 9, "11 cases, 2 skipped")
        #expect(!samples.contains { $0.sampleID.contains("skip") })
        let scores = Dictionary(uniqueKeysWithValues: samples.map { ($0.sampleID, $0.score) })
        #expect(scores["test_ctf_demo.test_flag_captured"] == 1 && scores["test_ctf_demo.test_flag_wrong"] == 0)
        #expect(scores["test_ctf_demo.test_expected_failure"] == 0 && scores["test_ctf_demo.test_levels[1]"] == 1)
        #expect(scores["test_ctf_demo.test_uses_broken_sandbox"] == 0)
        let sandbox = try #require(samples.first { $0.sampleID == "test_ctf_demo.test_uses_broken_sandbox" })
        #expect(sandbox.metadata == ["outcome": "error", "suite": "pytest", "error": #"failed on setup with "RuntimeError: sandbox container failed to start""#])
        #expect(samples.allSatisfy { $0.epoch == 1 && $0.evaluation == "pytest" })
    }

    @Test func errorsCanBeLeftOutOfN() throws {
        let imported = try JUnitReader.read(path: FormatFixtures.junitDefault, options: options, junit: JUnitOptions(countErrorsAsFailures: false))
        let record = try #require(imported.records.first)
        #expect(record.n == 7 && record.k == 3)
        #expect(record.interval == Proportion.wilson(successes: 3, trials: 7))
        #expect(record.notes?.contains("errors left out of n") == true)
        let errored = imported.samples.filter(\.errored)
        #expect(errored.map(\.sampleID) == ["test_ctf_demo.test_uses_broken_sandbox", "test_ctf_demo.test_solved_but_teardown_errors"])
        #expect(errored.allSatisfy { $0.metadata["error"]?.hasPrefix("failed on") == true })
    }

    @Test func repeatedTestCasesAreMergedKeepingTheWorstOutcome() throws {
        let imported = try JUnitReader.read(path: FormatFixtures.junitDuplicate, options: options)
        let expected = try FormatFixtures.expected("junit/expected/junit.evidence.json")[1]
        let record = try #require(imported.records.first)
        #expect(record.n == expected["n"] as? Int && record.k == expected["k"] as? Int)
        #expect(abs((record.interval?.high ?? 0) - (expected["ci_high"] as? Double ?? 1)) < 1e-12)
        #expect(record.notes?.contains("1 repeated <testcase> elements merged, worst outcome kept") == true)
        #expect(imported.samples.map(\.metadata["outcome"]) == ["error", "failed"])
    }

    @Test func suiteNameFromTheReportAndTheEvaluationMap() throws {
        let named = try JUnitReader.read(path: FormatFixtures.junitLogging, options: options)
        #expect(named.records.map(\.evaluation) == ["ctf_demo"] && named.records.first?.n == 9)
        let mapped = try JUnitReader.read(path: FormatFixtures.junitLogging, options: .at(model: "o1", map: ["ctf_demo": "ctf_professional"]))
        #expect(mapped.records.map(\.evaluation) == ["ctf_professional"])
        #expect(mapped.samples.allSatisfy { $0.evaluation == "ctf_professional" })
    }

    @Test func otherProducersShapesAreRead() throws {
        let bare = try read(#"<testsuite name="s" tests="2"><testcase name="a"/><testcase classname="C" name="b"><failure/></testcase></testsuite>"#)
        #expect(bare.records.first?.n == 2 && bare.records.first?.k == 1)
        #expect(bare.samples.map(\.sampleID) == ["a", "C.b"])
        let nested = try read("""
            <testsuites name="all">
              <testsuite name="outer"><testcase name="x"/>
                <testsuite name="inner"><testcase name="y"><skipped/></testcase><testcase name="z"><error message="boom"/></testcase></testsuite>
              </testsuite>
              <testsuite><testcase name="w"/></testsuite>
              <testcase name="direct"><flakyFailure message="first try"/></testcase>
            </testsuites>
            """)
        #expect(nested.records.map(\.evaluation) == ["outer", "inner", "all"])
        #expect(nested.records.map(\.n) == [1, 1, 2] && nested.records.map(\.k) == [1, 0, 2])
        #expect(nested.warnings.map(\.description).contains { $0.hasSuffix(":5: a <testsuite> without a name: its cases take the enclosing suite's name, or the file's ('report')") })
    }

    @Test func aTestThatNeverRanIsSkippedNotPassed() throws {
        // googletest: DISABLED_Later is status="notrun" with no child: 1 of 2 attempted passed, not 2 of 3.
        let gtest = try JUnitReader.read(path: FormatFixtures.path("junit/googletest-disabled.xml"), options: options)
        let refusal = try #require(gtest.records.first { $0.evaluation == "Refusal" })
        #expect(refusal.n == 2 && refusal.k == 1)
        #expect(!gtest.samples.contains { $0.sampleID == "Refusal.DISABLED_Later" })
        // CTest: Refusal.Later is status="disabled": 4 of 8 attempted, not 5 of 9.
        let ctest = try JUnitReader.read(path: FormatFixtures.path("junit/ctest-disabled.xml"), options: options)
        #expect(ctest.records.map(\.n) == [8] && ctest.records.map(\.k) == [4])
        // A status that says the case failed, with no child, is a failure; one that says it ran is read from its children.
        let stated = try read(#"<testsuite name="s"><testcase name="a" status="failed"/><testcase name="b" status="run"/><testcase name="c" status="NotRun"/></testsuite>"#)
        #expect(stated.records.first?.n == 2 && stated.records.first?.k == 1)
    }

    @Test func allSkippedGivesNoPassRateButAWarning() throws {
        let imported = try read(#"<testsuite name="s"><testcase name="a"><skipped message="no network"/></testcase></testsuite>"#)
        #expect(imported.records.isEmpty && imported.samples.isEmpty)
        #expect(imported.warnings.map(\.message) == ["no attempted test cases for 's' (all skipped or errored): no pass rate"])
    }
}
