import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ScorecardIngest

/// A folder given as evidence contributes the files under it, subfolders too, never hidden ones,
/// and a link back to a folder above is not followed round and round.
@Suite struct FileGlobTests {
    @Test func aFolderExpandsToItsFilesInSubfoldersByPath() throws {
        let directory = try TemporaryDirectory()
        try directory.write("b.jsonl", "")
        try directory.write("a/z/2.json", "")
        try directory.write("a/1.json", "")
        try directory.write(".hidden/x.json", "")
        try directory.write("a/.x.json", "")
        try FileManager.default.createSymbolicLink(
            atPath: directory.url.appendingPathComponent("a/loop").path, withDestinationPath: directory.url.path)
        let root = directory.url.path
        #expect(FileGlob.expand(root) == ["\(root)/a/1.json", "\(root)/a/z/2.json", "\(root)/b.jsonl"])
        #expect(FileGlob.expand("\(root)/*.jsonl") == ["\(root)/b.jsonl"], "a pattern still matches only what it names")
        #expect(FileGlob.expand("\(root)/a/1.json") == ["\(root)/a/1.json"])
        #expect(FileGlob.expand("\(root)/missing").isEmpty)
    }

    @Test("a FIFO, a broken link and a link to a folder are named as left out, never read (a FIFO would block)")
    func entriesThatAreNotFilesAreNamed() throws {
        let directory = try TemporaryDirectory()
        let root = directory.url.path
        try directory.write("a/real.json", "{}")
        #expect(mkfifo("\(root)/a/fifo.json", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: "\(root)/a/broken.json", withDestinationPath: "\(root)/nowhere")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/a/file-link.json", withDestinationPath: "\(root)/a/real.json")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/a/folder-link", withDestinationPath: "\(root)/a")
        let found = FileGlob.walk(root)
        #expect(found.files == ["\(root)/a/file-link.json", "\(root)/a/real.json"])
        #expect(found.ignored == ["\(root)/a/broken.json", "\(root)/a/fifo.json", "\(root)/a/folder-link"])
        #expect(found.unlisted.isEmpty)
        let inputs = try EvidenceFormats.inputs([root])
        #expect(inputs.skipped.contains("\(root)/a/fifo.json"), "listed among the skipped, not read")
        let named = Problems.of { try EvidenceFormats.inputs(["\(root)/a/fifo.json"]) }
        #expect(named == ["\(root)/a/fifo.json: not a regular file (a FIFO, socket or device): give a file or a folder"])
    }

    @Test("a pattern's matches: a folder is walked, a FIFO or a link to a folder is named; a link to a folder named as such is walked")
    func findTakesAPatternsMatchesAsNamedPathsAre() throws {
        let directory = try TemporaryDirectory()
        let root = directory.url.path
        try directory.write("data/sub/a.jsonl", "{}")
        try directory.write("data/b.jsonl", "{}")
        #expect(mkfifo("\(root)/data/pipe.jsonl", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: "\(root)/data/link", withDestinationPath: "\(root)/data/sub")
        let found = FileGlob.find("\(root)/data/*")
        #expect(found.files == ["\(root)/data/b.jsonl", "\(root)/data/sub/a.jsonl"])
        #expect(found.ignored == ["\(root)/data/link", "\(root)/data/pipe.jsonl"])
        #expect(FileGlob.expand("\(root)/data/*") == found.files)
        #expect(FileGlob.find("\(root)/data/link").files == ["\(root)/data/link/a.jsonl"], "a link to a folder, named, is read as the folder")
    }
}
