import Foundation
import ScorecardArchive
import ScorecardTesting
import Testing

/// ``ZipArchive/read(_:chunkSize:_:)``: the same bytes and the same errors as ``ZipArchive/contents(of:)``,
/// in pieces no larger than asked for.
@Suite("ZipArchive streaming")
struct ZipStreamingTests {
    static func streamed(_ archive: ZipArchive, _ entry: ZipEntry, chunkSize: Int) throws -> (bytes: [UInt8], largest: Int) {
        var bytes: [UInt8] = []
        var largest = 0
        try archive.read(entry, chunkSize: chunkSize) { piece in
            largest = max(largest, piece.count)
            bytes += piece
        }
        return (bytes, largest)
    }

    @Test(arguments: [1, 7, 4096, ZipArchive.defaultChunkSize])
    func everyReadableFixtureStreamsToItsContents(chunkSize: Int) throws {
        for fixture in ZipFixtures.readable {
            let archive = try ZipFixtures.open(fixture)
            for entry in archive.entries {
                let (bytes, largest) = try Self.streamed(archive, entry, chunkSize: chunkSize)
                #expect(bytes == (try archive.contents(of: entry)), "\(fixture): \(entry.name)")
                #expect(largest <= chunkSize)
            }
        }
    }

    @Test(arguments: [
        ("crc-mismatch.zip", "a.txt"), ("size-mismatch.zip", "smaller.txt"), ("size-mismatch.zip", "larger.txt"),
        ("size-mismatch.zip", "stored.txt"), ("corrupt-deflate.zip", "a.txt"), ("corrupt-zstd.zip", "samples/3_epoch_1.json"),
        ("member-cut-short.zip", "header.json"), ("unsupported-method.zip", "a.txt"), ("encrypted.zip", "secret.txt"),
    ])
    func brokenMembersFailAsTheyDoWhenReadWhole(fixture: String, name: String) throws {
        let archive = try ZipFixtures.open(fixture)
        let entry = try #require(archive.entries.first { $0.name == name })
        let whole = try #require(zipError { try archive.contents(of: entry) })
        let streamed = try #require(zipError { try Self.streamed(archive, entry, chunkSize: 64) })
        switch (whole.kind, streamed.kind) {
        case (.decompression(let codec, _), .decompression(let streamedCodec, _)):
            #expect(codec == streamedCodec)  // zlib and zstd word one-shot and streaming errors differently
        case (.sizeMismatch(let declared, _), .sizeMismatch(let streamedDeclared, _)):
            #expect(declared == streamedDeclared)  // a stream stops as soon as it passes the declared size
        default:
            #expect(whole.kind == streamed.kind)
        }
        #expect(streamed.entryName == name)
    }

    @Test(arguments: [UInt16(0), 8, 93])
    func aLargeMemberArrivesInSmallPieces(method: UInt16) throws {
        let content = TestZip.Content(prefix: Array("[".utf8), fill: 0x20, count: 3 << 20, suffix: Array("]".utf8))
        let member = switch method {
        case 0: TestZip.stored("big.json", content)
        case 8: TestZip.deflated("big.json", content)
        default: TestZip.zstd("big.json", content)
        }
        let archive = try ZipArchive(bytes: TestZip.archive([member]))
        var pieces = 0
        var total = 0
        var first: UInt8?
        var last: UInt8?
        try archive.read(archive.entries[0], chunkSize: 64 << 10) { piece in
            #expect(piece.count <= 64 << 10)
            pieces += 1
            total += piece.count
            if first == nil { first = piece.first }
            last = piece.last
        }
        #expect(total == (3 << 20) + 2)
        #expect(pieces >= 48)
        #expect(first == UInt8(ascii: "["))
        #expect(last == UInt8(ascii: "]"))
        #expect(archive.inflatedBytes == UInt64(total))
    }

    @Test func errorsFromTheReaderPassThrough() throws {
        struct Stop: Error {}
        let archive = try ZipFixtures.open("zstd.zip")
        #expect(throws: Stop.self) { try archive.read(archive.entries[0]) { _ in throw Stop() } }
    }
}
