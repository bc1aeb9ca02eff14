import Foundation
import Testing
@testable import ScorecardIngest

/// Each detector claims its own format's files, by content, and rejects every other format's.
@Suite struct FormatDetectionTests {
    enum Format: String, CaseIterable, Sendable {
        case lmEval, eee, junit, none
    }

    static let fixtures: [(String, Format)] = [
        (FormatFixtures.lmEval012, .lmEval),
        (FormatFixtures.lmEval011, .lmEval),
        (FormatFixtures.lmEvalThirdParty, .lmEval),
        (FormatFixtures.lmEvalSamplesMC, .lmEval),
        (FormatFixtures.lmEvalSamplesGen, .lmEval),
        (FormatFixtures.lmEvalSamplesThirdParty, .lmEval),
        (FormatFixtures.eeeToy, .eee),
        (FormatFixtures.eeeToySamples, .eee),
        (FormatFixtures.eeeLeaderboard, .eee),
        (FormatFixtures.eeeUpstream, .eee),
        (FormatFixtures.path("eee/upstream-demo/f3a1c0de-4b2e-4c1a-9f6d-1b7e5a2c8d40_samples.jsonl"), .eee),
        (FormatFixtures.junitDefault, .junit),
        (FormatFixtures.junitDuplicate, .junit),
        (FormatFixtures.junitLogging, .junit),
        (FormatFixtures.demoEvidence, .none),
        (FormatFixtures.eeeSchema, .none),
        (FormatFixtures.path("eee/expected/eee-5b0f6c3e.evidence.json"), .none),
        (FormatFixtures.path("inspect/ctf_small.eval"), .none),
        (FormatFixtures.path("frameworks/valid.yaml"), .none),
        (FormatFixtures.path("lm-eval/task-defs/mc.jsonl"), .none),
    ]

    /// Inline inputs of other formats: our evidence as JSON and CSV, an Inspect log, HTML, XHTML.
    static let inline: [(String, String, Format)] = [
        ("evidence.json", #"[{"model": "o1", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5}]"#, .none),
        ("evidence.csv", "model,stage,eval,metric,value\no1,pre_mitigation,e,acc,0.5\n", .none),
        ("sample.jsonl", #"{"model": "o1", "stage": "pre_mitigation", "eval": "e", "sample_id": "1", "epoch": 1, "score": 1}"#, .none),
        ("inspect.json", #"{"version": 2, "status": "success", "eval": {"task": "t", "model": "m"}, "results": {"total_samples": 3, "completed_samples": 3, "scores": [{"name": "accuracy"}]}}"#, .none),
        ("page.xml", #"<?xml version="1.0"?><html><body><testsuite/></body></html>"#, .none),
        ("suite.xml", "\u{FEFF}<!-- c --><?pi x?>\n<testsuite name=\"s\"><testcase name=\"a\"/></testsuite>", .junit),
        ("suites.xml", "<testsuites/>", .junit),
        ("suite-ish.xml", "<testsuitesmore/>", .none),
        ("sorted-eee.json", #"{"eval_library": {"name": "x", "version": "1"}, "evaluation_id": "a/b/1", "evaluation_results": []}"#, .eee),
        ("empty.json", "", .none),
        ("object.json", "{}", .none),
        ("binary.bin", "\u{0}\u{1}\u{2}", .none),
    ]

    /// The formats whose detector claims the prefix.
    static func claims(_ path: String, _ prefix: [UInt8]) -> [Format] {
        [
            (LMEvalReader.detect(path: path, prefix: prefix), Format.lmEval),
            (EveryEvalEverReader.detect(path: path, prefix: prefix), .eee),
            (JUnitReader.detect(path: path, prefix: prefix), .junit),
        ].filter(\.0).map(\.1)
    }

    @Test(arguments: fixtures)
    func fixtureIsClaimedByExactlyItsOwnReader(path: String, format: Format) throws {
        let prefix = Array(try FormatFixtures.bytes(path).prefix(65_536))
        #expect(Self.claims(path, prefix) == (format == .none ? [] : [format]), "\(path)")
    }

    @Test(arguments: inline)
    func inlineInputIsClaimedByExactlyItsOwnReader(name: String, text: String, format: Format) {
        #expect(Self.claims(name, Array(text.utf8)) == (format == .none ? [] : [format]), "\(name)")
    }

    @Test func detectionIgnoresTheFileName() throws {
        let prefix = Array(try FormatFixtures.bytes(FormatFixtures.junitDefault))
        #expect(Self.claims("results.json", prefix) == [.junit])
        let lm = Array(try FormatFixtures.bytes(FormatFixtures.lmEval012))
        #expect(Self.claims("report.xml", lm) == [.lmEval])
    }

    @Test func largeResultsFileIsRecognisedFromAPrefixCutInsideItsResults() {
        let tasks = (0..<3000).map { #""task_\#($0)": {"alias": "task_\#($0)", "acc,none": 0.5, "acc_stderr,none": 0.1}"# }
        let text = #"{"results": {"# + tasks.joined(separator: ", ") + "}}"
        let prefix = Array(text.utf8.prefix(65_536))
        #expect(prefix.count == 65_536)
        #expect(Self.claims("r.json", prefix) == [.lmEval])
        let inspectLike = #"{"results": {"total_samples": 3, "scores": []}, "version": 2}"#
        #expect(Self.claims("r.json", Array(inspectLike.utf8)).isEmpty, "Inspect's results object is not lm-eval's")
    }

    @Test func anEvalSetFolderReadsItsLogsAndSkipsItsListing() throws {
        let folder = FormatFixtures.path("inspect-evalset")
        let (inputs, skipped) = try EvidenceFormats.inputs([folder])
        #expect(inputs.count == 3 && inputs.allSatisfy { $0.path.hasSuffix(".eval") && $0.reader == InspectReader.self })
        #expect(skipped.map { ($0 as NSString).lastPathComponent } == ["README.md", "eval-set.json", "logs.json"])
        let listing = Array(try FormatFixtures.bytes(folder + "/logs.json").prefix(65_536))
        #expect(FormatSniffing.isInspectLogListing(listing))
        #expect(!ScorecardEvidenceReader.detect(path: "logs.json", prefix: listing), "it names models and evals, but is not our evidence")
        #expect(ScorecardEvidenceReader.detect(path: "e.json", prefix: Array(try FormatFixtures.bytes(FormatFixtures.demoEvidence).prefix(4096))))
        // Named directly, it is refused with what it is.
        #expect(throws: InputError.self) { try EvidenceFormats.inputs([folder + "/logs.json"]) }
        do {
            _ = try EvidenceFormats.inputs([folder + "/logs.json"])
        } catch {
            #expect(error.diagnostics.first?.message.hasPrefix("this is the listing inspect eval-set writes beside its logs") == true)
        }
        // So is the manifest, with one message rather than a malformed-JSON error per line.
        do {
            _ = try EvidenceFormats.inputs([folder + "/eval-set.json"])
            Issue.record("eval-set.json named directly was accepted")
        } catch {
            #expect(error.diagnostics.map(\.message) == [
                "this is the manifest inspect eval-set writes beside its logs (eval-set.json), not a log: import the logs, or their folder",
            ])
        }
    }
}
