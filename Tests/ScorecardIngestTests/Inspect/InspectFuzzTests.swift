import Foundation
import ScorecardArchive
import ScorecardCore
import ScorecardJSON
import Testing
@testable import ScorecardIngest

/// Seeded random mutations of genuine logs: every reader must succeed or throw, never trap.
///
/// A trap (index out of range, overflow, failed unwrap) would crash the test process, so a
/// run that finishes is the assertion; the counts check that both outcomes were exercised.
/// `SCORECARD_FUZZ_SCALE=50 swift test --filter InspectFuzzTests` runs fifty times as many rounds.
@Suite struct InspectFuzzTests {
    static let scale = Int(ProcessInfo.processInfo.environment["SCORECARD_FUZZ_SCALE"] ?? "") ?? 1

    /// Mutations that keep most of the structure: bit flips, structural bytes, cuts, repeats, edits of numbers.
    static func mutate(_ original: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        guard !bytes.isEmpty else { return [0x7B] }
        func position() -> Int { random.index(below: bytes.count) }
        let structural = Array("{}[]\":,\\-0123456789.eENaInfity ".utf8)
        for _ in 0...random.index(below: 3) {
            guard !bytes.isEmpty else { break }
            switch random.index(below: 8) {
            case 0: bytes[position()] ^= UInt8(1) << UInt8(random.index(below: 8))
            case 1: bytes[position()] = structural[random.index(below: structural.count)]
            case 2: bytes.removeSubrange(position()...)
            case 3: bytes.insert(structural[random.index(below: structural.count)], at: position())
            case 4: bytes.remove(at: position())
            case 5:
                let start = position()
                let end = min(bytes.count, start + random.index(below: 64) + 1)
                bytes.insert(contentsOf: bytes[start..<end], at: position())
            case 6:
                let start = position()
                bytes.removeSubrange(start..<min(bytes.count, start + random.index(below: 256) + 1))
            default:
                // Replace a digit run with an extreme number.
                let extremes = ["1e999", "-0", "NaN", "99999999999999999999999", "1.5", "-Infinity", "\"x\""]
                bytes.insert(contentsOf: Array(extremes[random.index(below: extremes.count)].utf8), at: position())
            }
        }
        return bytes
    }

    struct Outcome {
        var read = 0
        var refused = 0
    }

    @Test("mutated documents parse, skip and reparse without trapping", arguments: ["dict_scores.json", "nan_metrics.json", "sample_ids.json"])
    func cursor(file: String) throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: InspectFixtures.path(file))))
        var random = SeededGenerator(seed: 20_260_105)
        var outcome = Outcome()
        for _ in 0..<(150 * Self.scale) {
            let bytes = Self.mutate(original, using: &random)
            let parsed = (try? JSONParser.parse(bytes)) != nil
            let skipped = bytes.withUnsafeBufferPointer { buffer -> Bool in
                var cursor = JSONCursor(buffer)
                do throws(JSONError) {
                    try cursor.skipValue()
                    return true
                } catch {
                    return error.offset >= 0 && error.offset <= buffer.count
                }
            }
            #expect(skipped)
            if parsed { outcome.read += 1 } else { outcome.refused += 1 }
        }
        #expect(outcome.refused > 0)
    }

    @Test("mutated .json logs import or fail with a diagnostic naming the file", arguments: ["ctf_small.json", "mixed_scores.json", "sample_errors.json"])
    func jsonLogs(file: String) throws {
        let folder = try TemporaryFolder()
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: InspectFixtures.path(file))))
        var random = SeededGenerator(seed: 7)
        var outcome = Outcome()
        for round in 0..<(120 * Self.scale) {
            let path = try folder.write("m\(round).json", Self.mutate(original, using: &random))
            do {
                _ = try InspectReader.read(path: path, options: InspectFixtures.options())
                outcome.read += 1
            } catch {
                #expect(error.diagnostics.allSatisfy { $0.file == path })
                outcome.refused += 1
            }
        }
        #expect(outcome.read > 0 && outcome.refused > 0, "\(outcome)")
    }

    @Test("mutated .eval archives and mutated members import or fail naming the file")
    func evalLogs() throws {
        let folder = try TemporaryFolder()
        let path = InspectFixtures.path("ctf_small.eval")
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let archive = try ZipArchive(path: path)
        let members = try archive.uniqueEntries.map { ($0.name, try archive.contents(of: $0)) }
        var random = SeededGenerator(seed: 93)
        var outcome = Outcome()
        for round in 0..<(160 * Self.scale) {
            let bytes: [UInt8]
            if round % 2 == 0 {
                bytes = Self.mutate(original, using: &random)
            } else {
                // Keep the zip sound, damage the JSON inside one of the members the reader uses.
                var changed = members
                let targets = changed.indices.filter { ["header.json", "summaries.json"].contains(changed[$0].0) || changed[$0].0.hasPrefix("samples/") }
                let target = targets[random.index(below: targets.count)]
                changed[target].1 = Self.mutate(changed[target].1, using: &random)
                bytes = StoredZip.make(changed.map { (name: $0.0, bytes: $0.1) })
            }
            let file = try folder.write("m\(round).eval", bytes)
            var options = InspectFixtures.options()
            options.exactMetadata = round % 4 == 1
            do {
                _ = try InspectReader.read(path: file, options: options)
                outcome.read += 1
            } catch {
                #expect(error.diagnostics.allSatisfy { $0.file == file })
                outcome.refused += 1
            }
        }
        #expect(outcome.read > 0 && outcome.refused > 0, "\(outcome)")
    }
}
