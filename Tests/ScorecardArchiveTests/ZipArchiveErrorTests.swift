import Foundation
import ScorecardArchive
import Testing

@Suite("ZipArchive errors")
struct ZipArchiveErrorTests {
    /// Opens `fixture` and returns the error from reading entry `name`.
    func readError(_ fixture: String, _ name: String, maxEntrySize: UInt64 = ZipArchive.defaultMaxEntrySize) throws -> ZipError {
        let archive = try ZipFixtures.open(fixture, maxEntrySize: maxEntrySize)
        let entry = try #require(archive.entry(named: name))
        return try #require(zipError { try archive.contents(of: entry) })
    }

    func openError(_ fixture: String) throws -> ZipError {
        let path = ZipFixtures.path(fixture)
        return try #require(zipError { try ZipArchive(path: path) })
    }

    @Test func notAZip() throws {
        let error = try openError("not-a-zip.zip")
        #expect(error.kind == .notAZip)
        #expect(error.entryName == nil)
        #expect(error.description == "\(ZipFixtures.path("not-a-zip.zip")): not a zip archive (no end-of-central-directory record)")
        #expect(zipError { try ZipArchive(bytes: []) }?.kind == .notAZip)
        #expect(zipError { try ZipArchive(bytes: Array(repeating: 0, count: 21)) }?.kind == .notAZip)
    }

    @Test func fileCutAnywhereIsNotAZip() throws {
        #expect(try openError("truncated-in-member.zip").kind == .notAZip)
        #expect(try openError("truncated-in-cd.zip").kind == .notAZip)
        let whole = try ZipFixtures.bytes("zstd.zip")
        for length in 0..<whole.count {
            let error = zipError { try ZipArchive(bytes: Array(whole[..<length])) }
            #expect(error?.kind == .notAZip, "cut at \(length)")
        }
    }

    @Test func missingFileAndDirectory() throws {
        let missing = try #require(zipError { try ZipArchive(path: "/nonexistent/x.eval") })
        #expect(missing.kind == .io("cannot open: No such file or directory"))
        #expect(missing.description == "/nonexistent/x.eval: cannot open: No such file or directory")
        let directory = try #require(zipError { try ZipArchive(path: ZipFixtures.directory.path) })
        #expect(directory.kind == .io("not a regular file"))
    }

    @Test func memberCutShort() throws {
        let archive = try ZipFixtures.open("member-cut-short.zip")
        let entry = try #require(archive.entry(named: "header.json"))
        let error = try #require(zipError { try archive.contents(of: entry) })
        let fileSize = UInt64(try ZipFixtures.bytes("member-cut-short.zip").count)
        let start = entry.localHeaderOffset + 30 + 11
        #expect(error.kind == .truncated(part: "data", lower: start, upper: start + entry.compressedSize, fileSize: fileSize))
        #expect(error.entryName == "header.json")
        #expect(error.description.hasSuffix(
            ": truncated: entry 'header.json' needs bytes \(start)..\(start + entry.compressedSize) but the file has \(fileSize)"))
        // The intact member before it still reads.
        #expect(try archive.contents(of: archive.entries[0]) == Array("ok\n".utf8))
    }

    @Test func centralDirectoryPastEndOfFile() throws {
        let error = try openError("cd-past-eof.zip")
        guard case let .truncated(part, lower, _, fileSize) = error.kind else {
            Issue.record("expected truncation, got \(error)")
            return
        }
        #expect(part == "central directory")
        #expect(lower > fileSize)
        #expect(error.description.contains(": truncated: central directory needs bytes "))
    }

    @Test func localHeaderOffsetPastEndOfFile() throws {
        let fileSize = UInt64(try ZipFixtures.bytes("offset-past-eof.zip").count)
        let error = try readError("offset-past-eof.zip", "far.txt")
        #expect(error.kind == .truncated(part: "local header", lower: 50000, upper: 50030, fileSize: fileSize))
        #expect(error.description.hasSuffix(
            "truncated: entry 'far.txt' (local header) needs bytes 50000..50030 but the file has \(fileSize)"))
    }

    @Test func corruptZstdPayload() throws {
        let error = try readError("corrupt-zstd.zip", "samples/3_epoch_1.json")
        #expect(error.kind == .decompression(codec: "zstd", message: "Unknown frame descriptor"))
        #expect(error.description == "\(ZipFixtures.path("corrupt-zstd.zip")): entry 'samples/3_epoch_1.json': zstd: Unknown frame descriptor")
    }

    @Test func corruptDeflatePayload() throws {
        let error = try readError("corrupt-deflate.zip", "a.txt")
        guard case let .decompression(codec, message) = error.kind else {
            Issue.record("expected a decompression error, got \(error)")
            return
        }
        #expect(codec == "deflate")
        #expect(!message.isEmpty)
    }

    @Test func crcMismatch() throws {
        let archive = try ZipFixtures.open("crc-mismatch.zip")
        let entry = archive.entries[0]
        let error = try #require(zipError { try archive.contents(of: entry) })
        #expect(error.kind == .crcMismatch(declared: entry.crc32, actual: entry.crc32 ^ 1))
        #expect(error.description.contains("entry 'a.txt': CRC-32 mismatch"))
    }

    @Test func sizeMismatches() throws {
        let smaller = try readError("size-mismatch.zip", "smaller.txt")
        #expect(smaller.kind == .sizeMismatch(declared: 959, actual: nil))
        let larger = try readError("size-mismatch.zip", "larger.txt")
        #expect(larger.kind == .sizeMismatch(declared: 961, actual: 960))
        #expect(larger.description.contains("decompressed 960 bytes but the central directory says 961"))
        let stored = try readError("size-mismatch.zip", "stored.txt")
        #expect(stored.kind == .sizeMismatch(declared: 950, actual: nil))
    }

    @Test func unsupportedMethod() throws {
        let error = try readError("unsupported-method.zip", "a.txt")
        #expect(error.kind == .unsupportedMethod(12))
        #expect(error.description.hasSuffix("entry 'a.txt': unsupported compression method 12 (supported: 0 stored, 8 deflate, 93 zstd)"))
    }

    @Test func declaredSizeAboveLimitIsRefused() throws {
        let error = try readError("too-large.zip", "huge.json")
        #expect(error.kind == .tooLarge(declared: 8 << 30, limit: ZipArchive.defaultMaxEntrySize))
        let limited = try readError("zstd.zip", "samples/1_epoch_1.json", maxEntrySize: 100)
        #expect(limited.kind == .tooLarge(declared: 184, limit: 100))
        let archive = try ZipFixtures.open("zstd.zip", maxEntrySize: 100)
        let header = try #require(archive.entry(named: "header.json"))
        #expect(try archive.contents(of: header).count == 21)
    }

    @Test func encryptedEntry() throws {
        #expect(try readError("encrypted.zip", "secret.txt").kind == .encrypted)
    }

    @Test func badCentralDirectorySignature() throws {
        let error = try openError("bad-cd-signature.zip")
        #expect(error.kind == .corrupt("bad signature for central directory entry 1 at offset 125"))
    }

    @Test func zip64LocatorPointingAtGarbage() throws {
        let error = try openError("zip64-bad-record.zip")
        #expect(error.kind == .corrupt("no zip64 end-of-central-directory record at offset 3"))
    }

    @Test func entryFromAnotherArchiveIsRejected() throws {
        let zstd = try ZipFixtures.open("zstd.zip")
        let deflate = try ZipFixtures.open("deflate.zip")
        let error = try #require(zipError { try zstd.contents(of: deflate.entries[0]) })
        #expect(error.kind == .foreignEntry)
    }
}
