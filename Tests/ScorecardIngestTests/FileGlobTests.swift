import Foundation
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
}
