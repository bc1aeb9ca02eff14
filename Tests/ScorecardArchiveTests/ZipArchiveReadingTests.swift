import Foundation
import ScorecardArchive
import Testing

@Suite("ZipArchive reading")
struct ZipArchiveReadingTests {
    @Test func manifestListsExactlyTheReadableFixtures() {
        #expect(Set(ZipFixtures.manifest.keys) == Set(ZipFixtures.readable))
    }

    @Test("every entry matches what Python's zipfile returns", arguments: ZipFixtures.readable)
    func entriesMatchManifest(fixture: String) throws {
        let expected = try #require(ZipFixtures.manifest[fixture])
        let archive = try ZipFixtures.open(fixture)
        #expect(archive.entries.map(\.name) == expected.map(\.name))
        #expect(archive.entries.map(\.method) == expected.map(\.method))
        #expect(archive.entries.map(\.index) == Array(expected.indices))
        for (entry, row) in zip(archive.entries, expected) {
            let bytes = try archive.contents(of: entry)
            #expect(bytes.count == row.size, "\(fixture) \(row.name)")
            #expect(entry.uncompressedSize == UInt64(row.size))
            #expect(entry.crc32 == row.crc32)
            #expect(adler32(bytes) == row.adler32, "\(fixture) \(row.name)")
            if let text = row.text {
                #expect(String(decoding: bytes, as: UTF8.self) == text)
            }
        }
    }

    @Test func lastDuplicateWins() throws {
        let archive = try ZipFixtures.open("duplicates.zip")
        let rows = try #require(ZipFixtures.manifest["duplicates.zip"])
        #expect(archive.entries.count == 3)
        #expect(archive.uniqueEntries.map(\.name) == ["header.json", "samples/1_epoch_1.json"])
        #expect(archive.uniqueEntries.map(\.index) == [1, 2])
        let winner = try #require(archive.entry(named: "samples/1_epoch_1.json"))
        #expect(winner.index == 2)
        let newest = try archive.contents(of: winner)
        #expect(adler32(newest) == rows[2].adler32)
        #expect(adler32(newest) != rows[0].adler32)
        // The superseded record stays readable through `entries`.
        #expect(adler32(try archive.contents(of: archive.entries[0])) == rows[0].adler32)
    }

    @Test func uniqueEntriesEqualEntriesWithoutDuplicates() throws {
        let archive = try ZipFixtures.open("genuine-small.eval")
        #expect(archive.entries.count > 40)
        #expect(archive.uniqueEntries == archive.entries)
        for entry in archive.entries {
            #expect(archive.entry(named: entry.name) == entry)
        }
        #expect(archive.entry(named: "no/such/member.json") == nil)
    }

    @Test func genuineEvalHasInspectLayout() throws {
        let archive = try ZipFixtures.open("genuine-small.eval")
        let names = Set(archive.entries.map(\.name))
        #expect(names.contains("header.json"))
        #expect(names.contains("samples/1_epoch_2.json"))
        #expect(archive.entries.allSatisfy { $0.method == 93 })
        let header = try #require(archive.entry(named: "header.json"))
        let json = try JSONSerialization.jsonObject(with: Data(try archive.contents(of: header)))
        #expect(json is [String: Any])
    }

    @Test func nameWithEpochTwiceIsKeptWhole() throws {
        let archive = try ZipFixtures.open("zstd.zip")
        let entry = try #require(archive.entry(named: "samples/a_epoch_b_epoch_2.json"))
        #expect(try archive.contents(of: entry).count == 184)
    }

    @Test func multiFrameZstdMemberDecodesEveryFrame() throws {
        let archive = try ZipFixtures.open("zstd-multiframe.zip")
        let entry = try #require(archive.entry(named: "samples/7_epoch_1.json"))
        let text = String(decoding: try archive.contents(of: entry), as: UTF8.self)
        #expect(text.hasPrefix("{"))
        #expect(text.contains("\"id\": 8"))  // second frame
        #expect(text.hasSuffix("tail\n"))  // third frame
    }

    @Test func zip64SizesAndOffsetsComeFromExtraFields() throws {
        let raw = try ZipFixtures.bytes("zip64.zip")
        let signature: [UInt8] = [0x50, 0x4B, 0x06, 0x06]
        #expect(raw.indices.contains { raw[$0...].starts(with: signature) })
        let archive = try ZipFixtures.open("zip64.zip")
        let entry = try #require(archive.entry(named: "samples/2_epoch_1.json"))
        #expect(entry.uncompressedSize == 184)
        #expect(entry.localHeaderOffset > 0 && entry.localHeaderOffset < 0xFFFF_FFFF)
    }

    @Test func dataDescriptorEntriesUseCentralDirectorySizes() throws {
        let archive = try ZipFixtures.open("data-descriptor.zip")
        #expect(archive.entries.allSatisfy { $0.flags & 0x08 != 0 })
        #expect(archive.entries.map(\.compressedSize).allSatisfy { $0 > 0 })
        #expect(try archive.contents(of: archive.entries[2]) == Array("stored\n".utf8))
    }

    @Test func namesDecodeAsUTF8OrCodePage437() throws {
        let archive = try ZipFixtures.open("names.zip")
        #expect(archive.entries.map(\.name) == ["résumé.txt", "café.txt"])
    }

    @Test func directoryEntryIsEmpty() throws {
        let archive = try ZipFixtures.open("stored.zip")
        let directory = try #require(archive.entry(named: "dir/"))
        #expect(directory.isDirectory)
        #expect(try archive.contents(of: directory).isEmpty)
    }

    @Test func inMemoryArchiveReadsLikeFile() throws {
        for fixture in ["zstd.zip", "zip64.zip", "deflate.zip"] {
            let fromFile = try ZipFixtures.open(fixture)
            let fromMemory = try ZipArchive(bytes: try ZipFixtures.bytes(fixture), label: fixture)
            #expect(fromMemory.entries == fromFile.entries)
            for entry in fromFile.entries {
                #expect(try fromMemory.contents(of: entry) == fromFile.contents(of: entry))
            }
        }
    }

    @Test func withContentsLendsTheSameBytes() throws {
        struct Marker: Error {}
        let archive = try ZipFixtures.open("zstd.zip")
        let entry = try #require(archive.entry(named: "header.json"))
        let lent = try archive.withContents(of: entry) { Array($0) }
        #expect(lent == Array(#"{"status": "success"}"#.utf8))
        #expect(throws: Marker.self) { try archive.withContents(of: entry) { _ in throw Marker() } }
    }

    @Test func concurrentReadsAgree() async throws {
        let archive = try ZipFixtures.open("genuine-small.eval")
        let expected = try archive.entries.map { adler32(try archive.contents(of: $0)) }
        let results = try await withThrowingTaskGroup(of: [UInt32].self) { group in
            for _ in 0..<4 {
                group.addTask { try archive.entries.map { adler32(try archive.contents(of: $0)) } }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0 == expected })
    }
}
