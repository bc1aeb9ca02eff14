import Foundation
import ScorecardArchive
import ScorecardCore
import ScorecardTesting
import Testing
@testable import ScorecardIngest

/// `.eval` logs that would cost minutes of CPU or gigabytes of memory: each is refused quickly,
/// with `--allow-incomplete` too, naming the file, the member and why.
@Suite struct InspectArchiveBombTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    static func header(_ status: String) -> TestZip.Member {
        TestZip.stored("header.json", TestZip.Content(SyntheticLog.header(status: status)))
    }

    /// Reads `bytes` as a `.eval` log, timing it.
    func importing(_ bytes: [UInt8], allowIncomplete: Bool) throws -> (problems: [String], seconds: Double) {
        let path = try folder.write("bomb.eval", bytes)
        let started = ContinuousClock.now
        let found = InspectFixtures.problems {
            _ = try InspectReader.read(path: path, options: InspectFixtures.options(allowIncomplete: allowIncomplete))
        }
        let elapsed = ContinuousClock.now - started
        return (found, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    static let statuses = [("success", false), ("started", true)]

    @Test("one sample member listed 2,000 times is refused when the directory is read", arguments: statuses)
    func overlappingMembers(status: String, allowIncomplete: Bool) throws {
        // A sample whose metadata holds 1 MiB of text: 2,000 copies would be 2 GiB to inflate and parse.
        let member = TestZip.deflated(
            "samples/1_epoch_1.json",
            TestZip.Content(
                prefix: Array("{\"id\": 1, \"epoch\": 1, \"scores\": {\"check\": {\"value\": \"C\"}}, \"metadata\": {\"x\": \"".utf8),
                fill: 0x61, count: 1 << 20, suffix: Array("\"}}".utf8)))
        let aliases = (2...2000).map { TestZip.Alias("samples/\($0)_epoch_1.json", of: 1) }
        let (found, seconds) = try importing(TestZip.archive([Self.header(status), member], aliases: aliases), allowIncomplete: allowIncomplete)
        #expect(seconds < 5)
        #expect(found.count == 1)
        let path = folder.path("bomb.eval")
        #expect(found.first?.hasPrefix("\(path): entry 'samples/2_epoch_1.json': starts at byte ") == true, "\(found)")
        #expect(found.first?.contains("as does entry 'samples/1_epoch_1.json': refused as a likely zip bomb") == true, "\(found)")
        #expect(found.first?.hasSuffix("(1998 more entries overlap another)") == true, "\(found)")
    }

    static let bombs: [(method: UInt16, size: Int)] = [(93, 1 << 30), (8, 128 << 20)]

    @Test("summaries.json that would inflate far past the archive's size are refused before they are inflated",
          arguments: bombs, statuses)
    func summariesBomb(bomb: (method: UInt16, size: Int), status: (String, Bool)) throws {
        let content = TestZip.Content(prefix: Array("[".utf8), fill: 0x20, count: bomb.size - 2, suffix: Array("]".utf8))
        let summaries = bomb.method == 93 ? TestZip.zstd("summaries.json", content) : TestZip.deflated("summaries.json", content)
        let bytes = TestZip.archive([Self.header(status.0), summaries])
        #expect(bytes.count < 200 << 10)
        let (found, seconds) = try importing(bytes, allowIncomplete: status.1)
        #expect(seconds < 5)
        #expect(found.count == 1)
        let expected = "\(folder.path("bomb.eval")): entry 'summaries.json': refused as a likely zip bomb: the entry would "
            + "inflate to \(bomb.size) bytes, but this \(bytes.count)-byte archive may inflate to 67108864 bytes in all "
            + "(the floor for small archives; "
        #expect(found.first?.hasPrefix(expected) == true, "\(found)")
    }

    @Test("a budget below what a log needs is refused naming the member; a budget that covers it reads it")
    func budgetFromLimits() throws {
        // header.json inflates to 1,985 bytes and summaries.json to 7,625.
        let path = InspectFixtures.path("ctf_small.eval")
        var warnings: [Diagnostic] = []
        let found = InspectFixtures.problems {
            _ = try InspectEvalArchive.read(path: path, exactMetadata: false, warnings: &warnings, limits: ZipLimits(ratio: 0, floor: 5_000))
        }
        #expect(found == ["\(path): entry 'summaries.json': refused as a likely zip bomb: the entry would inflate to 7625 bytes, but this 27691-byte archive may inflate to 5000 bytes in all (the floor for small archives; 1985 used by the members read before)"])
        let log = try InspectEvalArchive.read(path: path, exactMetadata: false, warnings: &warnings, limits: ZipLimits(ratio: 0, floor: 10_000))
        #expect(log.samples.count == 12)
    }

    @Test("summaries read as a stream give the rows read whole, whatever the pieces", arguments: [1, 7, 4096])
    func streamedSummaries(chunkSize: Int) throws {
        for name in ["ctf_small.eval", "dict_scores.eval", "epoch_reducers.eval", "mixed_scores.eval", "sample_errors.eval", "sample_ids.eval"] {
            let path = InspectFixtures.path(name)
            let archive = try ZipArchive(path: path)
            let entry = try #require(archive.entry(named: "summaries.json"))
            let whole = try InspectEvalArchive.readSummaries(archive, entry, path: path, readAnswers: true, streamAbove: .max)
            let streamed = try InspectEvalArchive.readSummaries(
                archive, entry, path: path, readAnswers: true, streamAbove: 0, chunkSize: chunkSize)
            #expect(!whole.isEmpty)
            #expect(streamed == whole, "\(name)")
        }
    }

    @Test("a bad row in streamed summaries is reported at the byte the whole read reports", arguments: [
        "[{\"id\": 1, \"epoch\": 1, \"scores\": {}}, {\"epoch\": 1, \"scores\": {}}]",
        "[{\"id\": 1, \"epoch\": 1, \"scores\": {}}, {\"id\": 2, \"epoch\": \"one\"}]",
        "[{\"id\": 1, \"epoch\": 1, \"scores\": {\"s\": {\"value\": [1}}}]",
    ])
    func streamedErrors(summaries: String) throws {
        let bytes = TestZip.archive([Self.header("success"), TestZip.deflated("summaries.json", TestZip.Content(summaries))])
        let path = try folder.write("bad.eval", bytes)
        let archive = try ZipArchive(path: path)
        let entry = try #require(archive.entry(named: "summaries.json"))
        let whole = InspectFixtures.problems {
            _ = try InspectEvalArchive.readSummaries(archive, entry, path: path, readAnswers: false, streamAbove: .max)
        }
        let streamed = InspectFixtures.problems {
            _ = try InspectEvalArchive.readSummaries(archive, entry, path: path, readAnswers: false, streamAbove: 0, chunkSize: 5)
        }
        #expect(whole.count == 1)
        #expect(whole.first?.contains("entry 'summaries.json', byte ") == true, "\(whole)")
        #expect(streamed == whole)
    }

    @Test("streamed summaries that are not one whole list are refused naming the entry and byte", arguments: [
        ("{\"id\": 1}", "byte 0: expected a list"), ("[{\"id\": 1, \"epoch\": 1}", "unexpected end of input inside a list"),
        ("[] []", "byte 3: unexpected content after the list"), ("[{\"id\": 1, \"epoch\": 1},]", "expected a value after ','"),
    ])
    func streamedShape(summaries: String, message: String) throws {
        let bytes = TestZip.archive([Self.header("success"), TestZip.stored("summaries.json", TestZip.Content(summaries))])
        let path = try folder.write("shape.eval", bytes)
        let archive = try ZipArchive(path: path)
        let entry = try #require(archive.entry(named: "summaries.json"))
        let found = InspectFixtures.problems {
            _ = try InspectEvalArchive.readSummaries(archive, entry, path: path, readAnswers: false, streamAbove: 0, chunkSize: 3)
        }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("\(path): entry 'summaries.json', byte ") == true, "\(found)")
        #expect(found.first?.contains(message) == true, "\(found)")
    }
}
