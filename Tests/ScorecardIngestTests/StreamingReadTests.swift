import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardTesting
import Testing

/// Our JSON Lines are read as a stream: records reach the caller in bounded batches, never all at once.
@Suite struct StreamingReadTests {
    static func sampleLine(_ index: Int) -> String {
        "{\"model\": \"m\", \"stage\": \"pre_mitigation\", \"eval\": \"e\", \"sample_id\": \"s\(index)\", \"epoch\": 1, \"score\": \(index % 2)}"
    }

    @Test func jsonLinesAreDeliveredInBoundedBatchesInFileOrder() throws {
        let folder = try ScratchFolder()
        let size = ScorecardEvidenceReader.batchSize
        let count = 3 * size + 5
        var text = (0..<count).map(Self.sampleLine).joined(separator: "\n")
        text += "\n{\"model\": \"m\", \"stage\": \"pre_mitigation\", \"eval\": \"e\", \"metric\": \"accuracy\", \"value\": 0.5}\n"
        let path = folder.path("big.jsonl")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var batches: [Int] = []
        var ids: [String] = []
        var results = 0
        let file = try EvidenceFormats.stream(path: path, options: ImportOptions()) { batch in
            batches.append(batch.records.count + batch.samples.count)
            ids += batch.samples.map(\.sampleID)
            results += batch.records.count
        }
        #expect(batches.count == 4)
        #expect(batches.allSatisfy { $0 <= size }, "no batch holds more than \(size) records: \(batches)")
        #expect(ids == (0..<count).map { "s\($0)" }, "every sample, once, in file order")
        #expect(results == 1)
        #expect(file.records.isEmpty && file.samples.isEmpty, "a stream returns no records of its own")
        #expect(file.sha256 == SHA256.hex(of: Array(text.utf8)))
        // The whole-file read is the same stream, collected.
        let whole = try EvidenceFormats.read(path: path, options: ImportOptions())
        #expect(whole.samples.map(\.sampleID) == ids)
        #expect(whole.samples.last?.location.line == count)
    }

    @Test func aBadLineLateInTheFileStopsTheBatchesAndRefusesTheFile() throws {
        let folder = try ScratchFolder()
        let size = ScorecardEvidenceReader.batchSize
        var lines = (0..<(2 * size + 10)).map(Self.sampleLine)
        lines[size + 3] = "{\"model\": \"m\", \"stage\": \"pre_mitigation\", \"eval\": \"e\", \"sample_id\": \"x\", \"epoch\": 0, \"score\": 1}"
        let path = folder.path("bad.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        var delivered = 0
        let problems = InspectFixtures.problems {
            _ = try EvidenceFormats.stream(path: path, options: ImportOptions()) { delivered += $0.samples.count }
        }
        #expect(problems.contains { $0.contains("bad.jsonl:\(size + 4)") }, "\(problems)")
        #expect(delivered == size, "the batch before the problem was delivered, none after it")
    }
}
