import Foundation
import ScorecardArchive
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// `.eval` specifics: deflate members, duplicate member names, killed logs, thinned summaries.
@Suite struct InspectArchiveTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test("deflate members (older logs) read like zstd ones")
    func deflate() throws {
        let deflated = InspectFixtures.directory.deletingLastPathComponent().appendingPathComponent("inspect-deflate/ctf_small.eval").path
        let archive = try ZipArchive(path: deflated)
        #expect(archive.entries.allSatisfy { $0.method == 8 })
        let a = try InspectReader.read(path: deflated, options: InspectFixtures.options())
        let b = try InspectReader.read(path: InspectFixtures.path("ctf_small.eval"), options: InspectFixtures.options())
        #expect(ComparableEvidence(a) == ComparableEvidence(b))
        #expect(a.sha256 != b.sha256)
    }

    @Test("a re-logged sample member: the last one in the archive wins")
    func duplicateMembers() throws {
        let eval = SyntheticLog.eval([
            ("header.json", SyntheticLog.header()),
            ("samples/1_epoch_1.json", SyntheticLog.sample(value: "\"C\"")),
            ("samples/2_epoch_1.json", SyntheticLog.sample(id: "2", value: "\"C\"")),
            ("samples/1_epoch_1.json", SyntheticLog.sample(value: "\"I\"")),
        ])
        let evidence = try InspectReader.read(path: try folder.write("relogged.eval", eval), options: InspectFixtures.options())
        #expect(evidence.samples.map(\.score) == [0, 1])
    }

    @Test("a killed log, allowed: read from its samples/* members, flagged")
    func killedLog() throws {
        var options = InspectFixtures.options(allowIncomplete: true)
        options.includeSamples = true
        let (log, _, _) = try InspectReader.load(path: InspectFixtures.path("run_killed.eval"), options: options)
        #expect(log.header.status == nil && log.sampleSource == "samples/*")
        #expect(log.samples.count == (InspectFixtures.expected["run_killed.eval"]?["samples"] as? [Any])?.count)
    }

    @Test("metadata that summaries visibly shortened is read from the sample's member")
    func thinnedMetadata() throws {
        let long = String(repeating: "word ", count: 400)
        let member = SyntheticLog.sample(metadata: "{\"tier\": \"a\", \"notes\": \"\(long)\"}")
        let summary = SyntheticLog.sample(metadata: "{\"tier\": \"a\", \"notes\": \"word word...\"}")
        let eval = SyntheticLog.eval([
            ("header.json", SyntheticLog.header()),
            ("samples/1_epoch_1.json", member),
            ("summaries.json", "[\(summary)]"),
        ])
        let evidence = try InspectReader.read(path: try folder.write("thin.eval", eval), options: InspectFixtures.options())
        #expect(evidence.samples.first?.metadata["notes"] == long)
        #expect(evidence.samples.first?.metadata["tier"] == "a")
    }

    @Test("Inspect's answer normalisation: whitespace collapsed, ends trimmed, long answers not comparable")
    func answers() {
        #expect(SampleAnswer(inspectAnswer: "  the  flag\n is\tX ") == .text("the flag is X"))
        #expect(SampleAnswer(inspectAnswer: "plain answer") == .text("plain answer"))
        #expect(SampleAnswer(inspectAnswer: "a\u{A0}b\u{2003}c") == .text("a b c"))
        #expect(SampleAnswer(inspectAnswer: String(repeating: "x", count: 1_024)) == .text(String(repeating: "x", count: 1_024)))
        #expect(SampleAnswer(inspectAnswer: String(repeating: "x", count: 1_025)) == .incomparable)
    }

    @Test("value_to_float, case by case", arguments: [
        (InspectScoreValue.string("C"), 1.0), (.string("P"), 0.5), (.string("I"), 0), (.string("N"), 0),
        (.string("yes"), 1), (.string("FALSE"), 0), (.string(" 0.75 "), 0.75), (.string("1_000"), 1000),
        (.number(0.25), 0.25), (.bool(true), 1), (.bool(false), 0), (.string("c"), 0), (.string("inf"), 0),
    ])
    func valueToFloat(value: InspectScoreValue, expected: Double) {
        switch value.reading {
        case .scored(let number): #expect(number == expected)
        case .unusable: #expect(expected == 0 && value.isUnknownString, "unknown strings read as 0, as Inspect reads them")
        case .unscored: Issue.record("\(value) read as unscored")
        }
        #expect(InspectScoreValue.number(.nan).reading == .unscored)
        #expect(InspectScoreValue.list(count: 2).reading != .unscored && !InspectScoreValue.list(count: 2).isUnknownString)
    }
}
