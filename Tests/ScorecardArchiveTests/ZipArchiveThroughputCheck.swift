import Foundation
import ScorecardArchive
import Testing

/// A manual check, skipped unless `ZIP_CHECK_FILE` names an archive: decompresses every
/// member, compares it with `ZIP_CHECK_ROWS` (rows printed by
/// `make_zip_fixtures.py --describe`) when given, and prints the decompression rate.
///
///     ZIP_CHECK_FILE=big.eval ZIP_CHECK_ROWS=rows.json swift test -c release --filter ZipArchiveThroughputCheck
@Suite("ZipArchive throughput check")
struct ZipArchiveThroughputCheck {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["ZIP_CHECK_FILE"] != nil))
    func decompressEveryMember() throws {
        let path = try #require(Self.environment["ZIP_CHECK_FILE"])
        let archive = try ZipArchive(path: path)
        if let rowsPath = Self.environment["ZIP_CHECK_ROWS"] {
            let rows = try JSONDecoder().decode([ZipFixtures.Row].self, from: Data(contentsOf: URL(fileURLWithPath: rowsPath)))
            #expect(archive.entries.map(\.name) == rows.map(\.name))
            for (entry, row) in zip(archive.entries, rows) {
                let bytes = try archive.contents(of: entry)
                #expect(bytes.count == row.size && adler32(bytes) == row.adler32, "\(row.name)")
            }
        }
        let clock = ContinuousClock()
        var total = 0
        var rounds = 0
        let start = clock.now
        repeat {
            for entry in archive.entries {
                total += try archive.contents(of: entry).count
            }
            rounds += 1
        } while clock.now - start < .seconds(2)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let compressed = archive.entries.reduce(0) { $0 + $1.compressedSize }
        print(String(
            format: "zip throughput: %d members, %.1f MB compressed -> %.1f MB per pass, %d passes, %.0f MB/s decompressed",
            archive.entries.count, Double(compressed) / 1e6, Double(total / rounds) / 1e6, rounds,
            Double(total) / 1e6 / seconds))
    }
}
