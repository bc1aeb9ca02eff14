import Foundation
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// The one read dispatch: which reader reads a file, what it names the file, and the parsing hook.
@Suite struct EvidenceReadingTests {
    let stages = ["pre_mitigation", "post_mitigation"]

    @Test func aFileNoReaderRecognisesIsReadAsOurOwnFormatAndItsProblemsReported() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("results.txt").path
        try Data("# not evidence\n".utf8).write(to: URL(fileURLWithPath: path))
        let problems = Problems.of {
            try EvidenceFormats.read(path: path, name: "cards/results.txt", options: ImportOptions(allowedStages: stages))
        }
        #expect(problems == ["cards/results.txt: no records in the file"])
    }

    @Test func theReaderGivenIsUsedWhateverTheContent() throws {
        let path = InspectFixtures.path("ctf_small.json")
        let detected = try EvidenceFormats.read(path: path, options: InspectFixtures.options())
        #expect(detected.format == "inspect" && !detected.records.isEmpty)
        #expect(throws: InputError.self) {
            try EvidenceFormats.read(path: path, reader: ScorecardEvidenceReader.self, options: InspectFixtures.options())
        }
    }

    @Test func theParsingHookIsCalledOnceForInspectLogsAndNeverForSingleStepFormats() throws {
        var calls = 0
        let log = try EvidenceFormats.read(path: InspectFixtures.path("ctf_small.eval"), options: InspectFixtures.options()) { calls += 1 }
        #expect(calls == 1 && log.format == "inspect" && log.sha256 != nil)
        let own = try EvidenceFormats.read(path: FormatFixtures.demoEvidence, options: ImportOptions(allowedStages: stages)) { calls += 1 }
        let lmEval = try EvidenceFormats.read(path: FormatFixtures.lmEval012, options: .at()) { calls += 1 }
        #expect(calls == 1)
        let demoBytes = try FormatFixtures.bytes(FormatFixtures.demoEvidence)
        #expect(own.format == "evidence" && !own.records.isEmpty && own.sha256 == SHA256.hex(of: demoBytes))
        #expect(lmEval.format == "lm-eval" && lmEval.sha256 == nil)
    }

    @Test func recordsAndWarningsNameTheFileAsTheCallerDoes() throws {
        let path = InspectFixtures.path("ctf_small.json")
        let read = try EvidenceFormats.read(path: path, name: "logs/ctf.json", options: InspectFixtures.options())
        #expect(read.records.allSatisfy { $0.location.file == "logs/ctf.json" && $0.source == "logs/ctf.json" })
        #expect(read.samples.allSatisfy { $0.location.file == "logs/ctf.json" })
        let lmEval = try EvidenceFormats.read(path: FormatFixtures.lmEval012, name: "r.json", options: .at())
        #expect(!lmEval.records.isEmpty && lmEval.records.allSatisfy { $0.location.file == "r.json" })
    }

    @Test func bytesTheCallerHoldsAreReadInsteadOfTheFile() throws {
        let line = #"{"model": "o1", "stage": "pre_mitigation", "eval": "e", "metric": "acc", "value": 0.5}"#
        let read = try EvidenceFormats.read(
            path: "/no/such/file.jsonl", name: "e.jsonl", options: ImportOptions(allowedStages: stages), bytes: Array(line.utf8))
        #expect(read.format == "evidence" && read.records.map(\.location) == [SourceLocation(file: "e.jsonl", line: 1)])
    }
}
