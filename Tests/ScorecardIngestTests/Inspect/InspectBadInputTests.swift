import Foundation
import ScorecardArchive
import ScorecardCore
import ScorecardTesting
import Testing
@testable import ScorecardIngest

/// Damaged, incomplete and odd logs: each gives a clear error or warning naming the file (and entry).
@Suite struct InspectBadInputTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    func problems(_ path: String, _ options: ImportOptions = InspectFixtures.options()) -> [String] {
        InspectFixtures.problems { _ = try InspectReader.read(path: path, options: options) }
    }

    func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: InspectFixtures.path(name))))
    }

    @Test("a truncated .json names the file, line and column", arguments: [0.3, 0.6, 0.99])
    func truncatedJSON(fraction: Double) throws {
        let bytes = try fixture("ctf_small.json")
        let path = try folder.write("cut.json", Array(bytes.prefix(Int(Double(bytes.count) * fraction))))
        let found = problems(path)
        #expect(found.count == 1)
        #expect(found.first?.range(of: #"^.*/cut\.json:\d+:\d+: "#, options: .regularExpression) != nil, "\(found)")
        #expect(found.first?.contains("unexpected end of input") == true || found.first?.contains("unterminated") == true)
    }

    @Test("a truncated .eval names the file", arguments: [0.2, 0.5, 0.9])
    func truncatedEval(fraction: Double) throws {
        let bytes = try fixture("ctf_small.eval")
        let path = try folder.write("cut.eval", Array(bytes.prefix(Int(Double(bytes.count) * fraction))))
        // A cut zip is not recognised as a zip at all (its directory is at the end), so force the format.
        let found = problems(path)
        #expect(found.first?.hasPrefix("\(path): ") == true, "\(found)")
    }

    @Test("a corrupt member names the file and the entry")
    func corruptEntry() throws {
        let path = InspectFixtures.path("ctf_small.eval")
        let archive = try ZipArchive(path: path)
        let entry = try #require(archive.entry(named: "summaries.json"))
        var bytes = try fixture("ctf_small.eval")
        let nameLength = Int(bytes[Int(entry.localHeaderOffset) + 26]) | Int(bytes[Int(entry.localHeaderOffset) + 27]) << 8
        let data = Int(entry.localHeaderOffset) + 30 + nameLength
        bytes[data + Int(entry.compressedSize) / 2] ^= 0x5A
        let found = problems(try folder.write("corrupt.eval", bytes))
        #expect(found.first?.contains("entry 'summaries.json'") == true, "\(found)")
    }

    @Test("a missing header.json makes a killed log; with no start journal either, not a log at all")
    func missingEntries() throws {
        let bytes = try fixture("ctf_small.eval")
        let killed = try folder.write("killed.eval", bytes.replacing("header.json", with: "headex.json"))
        #expect(problems(killed).first?.contains("log status is 'started'") == true)
        #expect(problems(killed).first?.contains("no header.json") == true)
        let neither = try folder.write("neither.eval", bytes.replacing("header.json", with: "headex.json")
            .replacing("_journal/start.json", with: "_journal/start.jsox"))
        #expect(problems(neither).first?.contains("neither header.json nor _journal/start.json") == true)
    }

    @Test("without summaries.json the samples/* members give the same evidence")
    func missingSummaries() throws {
        let path = try folder.write("nosummaries.eval", try fixture("ctf_small.eval").replacing("summaries.json", with: "summaries.jsox"))
        let members = try InspectReader.read(path: path, options: InspectFixtures.options())
        let summaries = try InspectReader.read(path: InspectFixtures.path("ctf_small.eval"), options: InspectFixtures.options())
        #expect(ComparableEvidence(members) == ComparableEvidence(summaries))
    }

    @Test("an unsupported version is refused with the supported list", arguments: ["0", "4", "\"2\""])
    func unsupportedVersion(version: String) throws {
        let text = String(decoding: try fixture("ctf_small.json"), as: UTF8.self)
            .replacingOccurrences(of: "\"version\": 2,", with: "\"version\": \(version),")
        let found = problems(try folder.write("v.json", text))
        #expect(found.count == 1)
        if version == "\"2\"" {
            #expect(found.first?.contains("version must be a whole number") == true, "\(found)")
        } else {
            #expect(found.first?.contains("log version \(version) is not supported (supported: 1, 2, 3)") == true, "\(found)")
        }
    }

    @Test("a figure that overflows (the mean of scores near 1e308) refuses the file instead of writing Infinity")
    func overflowingMeanIsRefused() throws {
        let log = SyntheticLog.json(samples: [SyntheticLog.sample(value: "1e308"), SyntheticLog.sample(id: "2", value: "1.7e308")])
        let path = try folder.write("big.json", log)
        do {
            let file = try EvidenceFormats.read(path: path, options: InspectFixtures.options())
            Issue.record("expected a refusal, got \(file.records.map { "\($0.metric) \($0.value)" })")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("the value computed from the file is inf, not a finite number") }, "\(error)")
        }
    }

    @Test("duplicate sample records are an error naming both places")
    func duplicateSamples() throws {
        let log = SyntheticLog.json(samples: [SyntheticLog.sample(), SyntheticLog.sample(value: "\"I\"")])
        let found = problems(try folder.write("dup.json", log))
        #expect(found.count == 1)
        #expect(found.first?.contains("duplicate sample record: id 1 epoch 1 at line") == true, "\(found)")
        // 10 and "10" are the same sample to Inspect (it keys samples by str(id)).
        let mixed = SyntheticLog.json(samples: [SyntheticLog.sample(id: "10"), SyntheticLog.sample(id: "\"10\"")])
        #expect(problems(try folder.write("mixed.json", mixed)).first?.contains("duplicate sample record") == true)
        let eval = SyntheticLog.eval([
            ("header.json", SyntheticLog.header()),
            ("summaries.json", "[\(SyntheticLog.sample()), \(SyntheticLog.sample())]"),
            ("samples/1_epoch_1.json", SyntheticLog.sample()), ("samples/2_epoch_1.json", SyntheticLog.sample(id: "2")),
        ])
        #expect(problems(try folder.write("dup.eval", eval)).first?.contains("duplicate sample record: id 1 epoch 1") == true)
    }

    @Test("scores of unknown shapes are warnings naming file, sample and epoch")
    func unknownScoreShapes() throws {
        let log = SyntheticLog.json(epochs: 1, samples: [
            SyntheticLog.sample(id: "1", value: "[1, 0]"),
            SyntheticLog.sample(id: "2", value: "\"maybe\""),
            SyntheticLog.sample(id: "3", value: "null"),
            SyntheticLog.sample(id: "4", value: "{\"part\": {\"deep\": 1}}"),
            SyntheticLog.sample(id: "5", value: "\"C\""),
        ])
        let path = try folder.write("shapes.json", log)
        let evidence = try InspectReader.read(path: path, options: InspectFixtures.options())
        let messages = evidence.warnings.map(\.description)
        #expect(messages.contains { $0.contains("shapes.json:") && $0.contains("sample 1 epoch 1: score 'check' is a list of 2 values; treated as unscored") }, "\(messages)")
        #expect(messages.contains { $0.contains("sample 2 epoch 1: score 'check' is the string 'maybe', which Inspect reads as 0; counted as 0") })
        #expect(messages.contains { $0.contains("sample 3 epoch 1: score 'check' is null") })
        #expect(messages.contains { $0.contains("sample 4 epoch 1: score 'part' is a nested object") })
        let accuracy = try #require(evidence.record("accuracy", eval: "synthetic"))
        #expect(accuracy.value == 0.5 && accuracy.n == 2, "'maybe' counts 0, 'C' counts 1, the list and null are unscored")
    }

    @Test("empty files and empty logs are refused")
    func emptyLogs() throws {
        #expect(problems(try folder.write("empty.json", "")).first?.contains("the file is empty") == true)
        #expect(problems(try folder.write("object.json", "{}")).first?.contains("no 'version' and no 'eval'") == true)
        let noSamples = SyntheticLog.json(samples: [], results: nil)
        #expect(problems(try folder.write("nothing.json", noSamples)).first?.contains("the log is empty") == true)
        let onlyResults = try InspectReader.read(
            path: try folder.write("results.json", SyntheticLog.json(samples: [])), options: InspectFixtures.options())
        #expect(onlyResults.samples.isEmpty && onlyResults.record("inspect/accuracy")?.value == 1)
    }

    @Test("fields of the wrong kind are errors at their line")
    func wrongKinds() throws {
        let log = SyntheticLog.json(samples: [SyntheticLog.sample().replacingOccurrences(of: "\"epoch\": 1", with: "\"epoch\": \"one\"")])
        let found = problems(try folder.write("kind.json", log))
        #expect(found.first?.range(of: #"kind\.json:\d+:\d+: sample epoch must be a whole number, found text"#, options: .regularExpression) != nil, "\(found)")
    }

    @Test("a negative count or an epoch below 1 is an error at its place, never a count that passes the checks")
    func negativeCountsAreRefused() throws {
        let cases: [(String, String)] = [
            (SyntheticLog.json(epochs: -2, samples: [SyntheticLog.sample()]), "eval.config.epochs must be at least 1, found -2"),
            (SyntheticLog.json(epochs: 0, samples: [SyntheticLog.sample()]), "eval.config.epochs must be at least 1, found 0"),
            (SyntheticLog.json(samples: [SyntheticLog.sample()]).replacingOccurrences(of: "\"total_samples\": 1", with: "\"total_samples\": -1"),
             "results.total_samples must be at least 0, found -1"),
            (SyntheticLog.json(samples: [SyntheticLog.sample()]).replacingOccurrences(of: "\"completed_samples\": 1", with: "\"completed_samples\": -5"),
             "results.completed_samples must be at least 0, found -5"),
            (SyntheticLog.json(samples: [SyntheticLog.sample().replacingOccurrences(of: "\"epoch\": 1", with: "\"epoch\": 0")]),
             "sample epoch must be at least 1, found 0"),
        ]
        for (index, (log, message)) in cases.enumerated() {
            let found = problems(try folder.write("negative-\(index).json", log))
            #expect(found.count == 1 && found[0].range(of: #"negative-\#(index)\.json:\d+:\d+: "#, options: .regularExpression) != nil
                    && found[0].hasSuffix(message), "\(found)")
        }
    }

    @Test("a ZIP named .eval that is not an Inspect log is refused as such, not read as a CSV")
    func aZipThatIsNotALogSaysSo() throws {
        let other = try folder.write("other.eval", TestZip.archive([TestZip.stored("readme.txt", TestZip.Content("hi"))]))
        let empty = try folder.write("empty.eval", TestZip.archive([]))
        for path in [other, empty] {
            let found = Problems.of { try EvidenceFormats.inputs([path]) }
            #expect(found == ["\(path): a ZIP archive, but not an Inspect .eval log (it does not open with header.json, _journal/ or samples/): give --from inspect to read it as one"])
            let forced = problems(path)
            #expect(found.count == 1 && forced.first?.contains("not an Inspect .eval log: the archive has neither header.json nor _journal/start.json") == true, "\(forced)")
        }
    }

    @Test("a 2 GB log is refused after its first bytes, without reading or hashing the rest")
    func hugeRefusedLog() throws {
        let path = folder.path("huge.json")
        let head = Array(SyntheticLog.json(status: "error", samples: [SyntheticLog.sample()]).utf8)
        try Data(head).write(to: URL(fileURLWithPath: path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 2 << 30)  // sparse: no disk, no memory
        try handle.close()
        let clock = ContinuousClock()
        let start = clock.now
        let found = problems(path)
        #expect(found.first?.contains("log status is 'error'") == true, "\(found)")
        #expect(clock.now - start < .seconds(2))
    }

    @Test("a 2 GB file that is not a log is refused at its first byte")
    func hugeGarbage() throws {
        let path = folder.path("zeros.json")
        try Data().write(to: URL(fileURLWithPath: path))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 2 << 30)
        try handle.close()
        let found = problems(path)
        #expect(found.first?.contains("zeros.json:1:1: unexpected character 0x00") == true, "\(found)")
    }

    @Test("a large log streams: mapped lazily, pages released behind the reader, evidence unchanged")
    func largeLogStreams() throws {
        // A real log padded with 2 MiB of spaces, read with a 256 KiB large-file threshold: the
        // path a multi-gigabyte log takes (lazy paging, chunked hashing, pages released as it goes).
        var bytes = try fixture("ctf_small.json")
        let insert = bytes.firstIndex(of: UInt8(ascii: "{")).map { $0 + 1 } ?? 1
        bytes.insert(contentsOf: [UInt8](repeating: 0x20, count: 2 << 20), at: insert)
        let path = try folder.write("large.json", bytes)
        let threshold = 256 << 10
        let (log, sha256, _) = try InspectReader.load(path: path, options: InspectFixtures.options(), largeFileThreshold: threshold)
        let evidence = try InspectReader.convert(log, path: path, sha256: sha256, warnings: [], options: InspectFixtures.options())
        let small = try InspectReader.read(path: InspectFixtures.path("ctf_small.json"), options: InspectFixtures.options())
        #expect(ComparableEvidence(evidence) == ComparableEvidence(small))
        #expect(sha256 == SHA256.hex(of: bytes))
        let file = try FileBytes(path: path, largeFileThreshold: threshold)
        #expect(file.isLarge)
        file.releasePages(before: file.bytes.count / 2)
        #expect(file.releasedBytes > 0)
    }
}
