import Foundation
import ScorecardCLI
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
        let path = directory.appendingPathComponent("report.md").path
        try AtomicFile.write(Data("first\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
        try AtomicFile.write(Data(), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
        let large = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0) })
        try AtomicFile.write(large, to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == large)
        #expect(try Self.entries(directory) == ["report.md"], "no temporary file is left")
    }

    @Test func failuresLeaveTheTargetAndNoTemporaryFile() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A missing directory: nothing can be created.
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(Data("x".utf8), to: directory.appendingPathComponent("missing/report.md").path)
        }
        // A non-empty directory in the way: the temporary file is written, the rename fails, and it is removed.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("taken/inner"), withIntermediateDirectories: true)
        do {
            try AtomicFile.write(Data("x".utf8), to: directory.appendingPathComponent("taken").path)
            Issue.record("wrote over a directory")
        } catch let error as AtomicFile.WriteError {
            #expect(error.path == directory.appendingPathComponent("taken").path)
            #expect(error.description.hasPrefix("cannot write \(error.path): "))
        }
        #expect(try Self.entries(directory) == ["taken"])
        #expect(try Self.entries(directory.appendingPathComponent("taken")) == ["inner"])
    }
}
