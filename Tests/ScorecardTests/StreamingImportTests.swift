import Foundation
@testable import Scorecard
import ScorecardTesting
import Testing

/// `import` holds neither the records nor the lines of a large input: lines wait in a spool that
/// moves to a temporary file past its memory limit, and come back byte for byte.
@Suite struct StreamingImportTests {
    @Test func aSpoolPastItsLimitMovesToAFileAndGivesEveryLineBackInOrder() throws {
        let folder = try ScratchFolder()
        let spool = LineSpool(folder: folder.url.path, memoryLimit: 1024)
        let lines = (0..<500).map { Array("line \($0) \(String(repeating: "x", count: $0 % 37))".utf8) }
        for (index, line) in lines.enumerated() { try spool.append(line, tag: UInt32(index % 7)) }
        #expect(spool.count == 500)
        #expect(spool.spilledLines > 450, "all but the last kilobyte went to the file: \(spool.spilledLines)")
        #expect(spool.byteCount == lines.reduce(0) { $0 + $1.count + 1 })
        #expect(try folder.entries().isEmpty, "the temporary file is unlinked at once")
        for _ in 0..<2 {
            var back: [([UInt8], UInt32)] = []
            try spool.forEach { line, tag in back.append((Array(line), tag)) }
            #expect(back.map(\.0) == lines)
            #expect(back.map(\.1) == (0..<500).map { UInt32($0 % 7) })
        }
    }

    @Test func anInputLargerThanTheSpoolsMemoryIsImportedByteForByte() throws {
        let folder = try ScratchFolder()
        let benchmark = MemoryBenchmark(records: 60_000, kind: .samples, executable: "", folder: folder.url.path)
        var text = ""
        try benchmark.writeEvidence { text += $0 + "\n" }
        #expect(text.utf8.count > LineSpool.memoryLimit, "the input outgrows the spool's memory")
        let input = folder.path("evidence.jsonl")
        try Data(text.utf8).write(to: URL(fileURLWithPath: input))
        let out = folder.path("out.jsonl")
        let summary = try Importer(inputs: [input], out: out, options: .init()).run()
        #expect(summary.sampleRecords == 60_000)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == text, "our own lines come back as they were")
        // Imported again into its own output: every line repeats one already there, and is written once.
        let again = try Importer(inputs: [input], out: out, options: .init()).run()
        #expect(again.duplicates == 60_000)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == text)
        #expect(try folder.entries().sorted() == ["evidence.jsonl", "out.jsonl"], "no spool or temporary file is left")
    }
}
