import Foundation
import ScorecardArchive

/// Locates the ZIP fixtures and their manifest, written by scripts/fixtures/make_zip_fixtures.py.
enum ZipFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ScorecardArchiveTests
        .appendingPathComponent("Fixtures/zip")

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func open(_ name: String, maxEntrySize: UInt64 = ZipArchive.defaultMaxEntrySize) throws -> ZipArchive {
        try ZipArchive(path: path(name), maxEntrySize: maxEntrySize)
    }

    /// What Python's zipfile (or the generator's ground truth) says one entry holds.
    struct Row: Decodable, Sendable {
        let name: String
        let method: UInt16
        let size: Int
        let crc32: UInt32
        let adler32: UInt32
        let text: String?
    }

    static let manifest: [String: [Row]] = {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("manifest.json")),
              let rows = try? JSONDecoder().decode([String: [Row]].self, from: data)
        else { return [:] }
        return rows
    }()

    /// The fixtures that must read without error, each listed in the manifest.
    static let readable = [
        "stored.zip", "deflate.zip", "zstd.zip", "duplicates.zip", "zip64-python.zip",
        "zstd-multiframe.zip", "zip64.zip", "data-descriptor.zip", "live-run.zip",
        "empty-members.zip", "empty-archive.zip", "names.zip", "genuine-small.eval",
    ]
}

/// Adler-32, written here so that content checks do not rely on the CRC the reader verifies.
func adler32(_ bytes: [UInt8]) -> UInt32 {
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in bytes {
        a = (a + UInt32(byte)) % 65521
        b = (b + a) % 65521
    }
    return b << 16 | a
}

/// A small seeded generator (SplitMix64) so that mutation tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Returns the error thrown by `body` if it is a ``ZipError``, or nil when it did not throw one.
func zipError<T>(_ body: () throws -> T) -> ZipError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? ZipError
    }
}
