import Foundation
import ScorecardArchive
import Testing

/// Mutates valid archives at seeded pseudo-random positions and reads them back.
///
/// Each mutated archive must either read or throw ``ZipError``; a trap (out-of-bounds
/// index, arithmetic overflow, failed unwrap) would crash the test process.
@Suite("ZipArchive robustness")
struct ZipArchiveRobustnessTests {
    struct Outcome {
        var openFailures = 0
        var readFailures = 0
        var reads = 0
    }

    static let sources = [
        "zstd.zip", "deflate.zip", "zip64.zip", "data-descriptor.zip", "zstd-multiframe.zip",
        "duplicates.zip", "stored.zip", "live-run.zip",
    ]

    /// Applies one mutation: bit flips, byte or word overwrites (biased towards the end
    /// records, where sizes and offsets live), truncation, insertion or deletion.
    static func mutate(_ original: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = original
        let count = bytes.count
        let tailStart = max(0, count - 120)
        func position() -> Int {
            Bool.random(using: &rng) ? Int.random(in: 0..<count, using: &rng) : Int.random(in: tailStart..<count, using: &rng)
        }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                bytes[position()] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
            }
        case 1:
            bytes[position()] = UInt8.random(in: 0...255, using: &rng)
        case 2:
            let at = position()
            let words: [UInt32] = [0, 0xFFFF_FFFF, 0x7FFF_FFFF, UInt32(count), UInt32.random(in: 0...UInt32.max, using: &rng)]
            let word = words[Int.random(in: 0..<words.count, using: &rng)]
            for k in 0..<4 where at + k < count {
                bytes[at + k] = UInt8(truncatingIfNeeded: word >> (8 * UInt32(k)))
            }
        case 3:
            bytes.removeSubrange(Int.random(in: 0..<count, using: &rng)...)
        case 4:
            bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position())
        default:
            bytes.remove(at: position())
        }
        return bytes
    }

    static func exercise(_ open: () throws(ZipError) -> ZipArchive, into outcome: inout Outcome) {
        let archive: ZipArchive
        do {
            archive = try open()
        } catch {
            outcome.openFailures += 1
            return
        }
        _ = archive.uniqueEntries.map { archive.entry(named: $0.name) }
        for entry in archive.entries {
            do {
                _ = try archive.contents(of: entry)
                outcome.reads += 1
            } catch {
                outcome.readFailures += 1
            }
            // The streaming decoders see the same damage, in small pieces.
            try? archive.read(entry, chunkSize: 97) { _ in }
        }
    }

    @Test func seededMutationsNeverTrap() throws {
        let originals = try Self.sources.map { try ZipFixtures.bytes($0) }
        var rng = SplitMix64(state: 0x5C0_2ECA_2D)
        var outcome = Outcome()
        for round in 0..<(2000 * originals.count) {  // 2000 per source archive
            let mutated = Self.mutate(originals[round % originals.count], using: &rng)
            Self.exercise({ () throws(ZipError) in try ZipArchive(bytes: mutated, label: "m\(round)", maxEntrySize: 1 << 20) }, into: &outcome)
        }
        // The mutations must reach both the central-directory parser and the decoders.
        #expect(outcome.openFailures > 1000)
        #expect(outcome.readFailures > 1000)
        #expect(outcome.reads > 10000)
    }

    @Test func mutatedFilesOnDiskNeverTrap() throws {
        let original = try ZipFixtures.bytes("zstd.zip")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zip-mutation-\(getpid()).zip")
        defer { try? FileManager.default.removeItem(at: url) }
        var rng = SplitMix64(state: 42)
        var outcome = Outcome()
        for _ in 0..<100 {
            try Data(Self.mutate(original, using: &rng)).write(to: url)
            Self.exercise({ () throws(ZipError) in try ZipArchive(path: url.path, maxEntrySize: 1 << 20) }, into: &outcome)
        }
        #expect(outcome.openFailures + outcome.readFailures > 0)
        #expect(outcome.reads > 0)
    }

    @Test(arguments: [UInt64.max, UInt64(Int.max), UInt64(Int.max) - 1])
    func declaredSizesNearIntMaxAreRefused(declared: UInt64) throws {
        // With no effective limit, absurd sizes still fail cleanly instead of trapping in the allocator.
        var bytes = try ZipFixtures.bytes("too-large.zip")
        let eightGiB: [UInt8] = [0, 0, 0, 0, 2, 0, 0, 0]
        let patched = (0..<(bytes.count - 8)).filter { bytes[$0..<($0 + 8)].elementsEqual(eightGiB) }
        #expect(patched.count == 2)  // local and central zip64 extra fields
        for at in patched {
            for k in 0..<8 { bytes[at + k] = UInt8(truncatingIfNeeded: declared >> (8 * UInt64(k))) }
        }
        let archive = try ZipArchive(bytes: bytes, maxEntrySize: UInt64.max)
        let entry = try #require(archive.entry(named: "huge.json"))
        #expect(entry.uncompressedSize == declared)
        let error = try #require(zipError { try archive.contents(of: entry) })
        if declared >= UInt64(Int.max) {
            #expect(error.kind == .tooLarge(declared: declared, limit: UInt64.max))
        } else {
            // Allowed by the limit, but the tiny zstd payload cannot expand that far: no giant allocation.
            #expect(error.kind == .sizeMismatch(declared: declared, actual: 960))
        }
    }
}
