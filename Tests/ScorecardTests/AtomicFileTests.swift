import Foundation
@testable import Scorecard
import Testing

@Suite struct AtomicFileTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func entries(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    @Test func writesANewFileAndReplacesAnOldOne() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sub/report.md").path
        try AtomicFile.write(Data("first\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        try AtomicFile.write(Data(), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
        let large = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0) })
        try AtomicFile.write(large, to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == large)
        #expect(try Self.entries(directory.appendingPathComponent("sub")) == ["report.md"], "no temporary file is left")
    }

    @Test func aFailedRenameLeavesTheTargetAndNoTemporaryFile() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A non-empty directory in the way: the temporary file is written, the rename fails, and it is removed.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("taken/inner"), withIntermediateDirectories: true)
        do {
            try AtomicFile.write(Data("x".utf8), to: directory.appendingPathComponent("taken").path)
            Issue.record("wrote over a directory")
        } catch let error as FileError {
            #expect(error.message.hasPrefix("cannot replace \(directory.appendingPathComponent("taken").path): "))
        }
        #expect(try Self.entries(directory) == ["taken"])
        #expect(try Self.entries(directory.appendingPathComponent("taken")) == ["inner"])
    }

    @Test func aDiscardedWriteLeavesNothingAndStaleTemporariesOfDeadProcessesAreRemoved() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pending = try AtomicFile.prepare(Data("x".utf8), for: directory.appendingPathComponent("a.md").path)
        #expect(try Self.entries(directory).count == 1)
        pending.discard()
        #expect(try Self.entries(directory).isEmpty)

        let dead = ".a.md.\(Int32.max - 1).12345.tmp"   // no process has this id
        let live = ".a.md.\(getpid()).12345.tmp"
        let foreign = [".notes.tmp", ".a.md.12.tmp", "a.md.\(Int32.max - 1).12345.tmp", ".a.md.\(Int32.max - 1).x1.tmp"]
        let fresh = ".b.md.\(Int32.max - 1).777.tmp"   // written after the run started
        for name in [dead, live] + foreign {
            try Data().write(to: directory.appendingPathComponent(name))
        }
        let old = Date(timeIntervalSinceNow: -60)
        for name in [dead, live] + foreign {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: directory.appendingPathComponent(name).path)
        }
        let runStart = Date(timeIntervalSinceNow: -1)
        try Data().write(to: directory.appendingPathComponent(fresh))
        #expect(AtomicFile.removeStale(in: directory.path, before: runStart) == [dead])
        #expect(try Self.entries(directory) == ([live, fresh] + foreign).sorted())
    }
}
