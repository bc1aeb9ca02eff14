import Foundation
import ScorecardArchive
import ScorecardTesting
import Testing

/// Zip bombs, generated in memory: each is refused before it is inflated, with a message that
/// names the archive, the members and the reason.
@Suite("Zip bombs")
struct ZipBombTests {
    /// One sample member that inflates to about `size` bytes.
    static func sampleMember(inflating size: Int = 1 << 20) -> TestZip.Member {
        TestZip.deflated(
            "samples/1_epoch_1.json",
            TestZip.Content(prefix: Array("{\"id\": 1, \"x\": \"".utf8), fill: 0x61, count: size, suffix: Array("\"}".utf8)))
    }

    /// `member` listed under `count` names, as in a 245 KB archive that took 484 s of CPU.
    static func overlapping(_ member: TestZip.Member, count: Int) -> [UInt8] {
        TestZip.archive([member], aliases: (2...count).map { TestZip.Alias("samples/\($0)_epoch_1.json", of: 0) })
    }

    @Test func membersListedAgainAreRefusedWhenTheDirectoryIsRead() throws {
        let member = Self.sampleMember()
        let started = ContinuousClock.now
        let error = try #require(zipError { try ZipArchive(bytes: Self.overlapping(member, count: 2000), label: "bomb.eval") })
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(error.entryName == "samples/2_epoch_1.json")
        // The member's header (30 bytes), name (22) and data.
        let end = UInt64(52 + member.data.count)
        #expect(error.kind == .overlapping(other: "samples/1_epoch_1.json", start: 0, otherStart: 0, otherEnd: end, more: 1998))
        #expect(error.description.hasPrefix(
            "bomb.eval: entry 'samples/2_epoch_1.json': starts at byte 0, as does entry 'samples/1_epoch_1.json': refused as a likely zip bomb"))
        #expect(error.description.hasSuffix("(1998 more entries overlap another)"))
    }

    @Test func aMemberStartingInsideAnothersDataIsRefused() throws {
        let first = TestZip.stored("a.json", TestZip.Content(fill: 0x20, count: 1000))
        let second = TestZip.stored("b.json", TestZip.Content("{}"))
        let bytes = TestZip.archive([first, second], aliases: [TestZip.Alias("c.json", of: 0, shift: 100)])
        let error = try #require(zipError { try ZipArchive(bytes: bytes, label: "x.zip") })
        #expect(error.entryName == "c.json")
        // a.json's header (30 bytes), name (6) and data (1000) span bytes 0..1036; b.json, at
        // 1036, lies inside c.json's 100..1136 in turn.
        #expect(error.kind == .overlapping(other: "a.json", start: 100, otherStart: 0, otherEnd: 1036, more: 1))
        #expect(error.description.contains("entry 'c.json': starts at byte 100, inside entry 'a.json' (bytes 0..1036)"))
    }

    @Test func membersThatTouchButDoNotShareBytesRead() throws {
        let members = (1...3).map { TestZip.stored("m\($0).txt", TestZip.Content("member \($0)")) }
        let archive = try ZipArchive(bytes: TestZip.archive(members))
        #expect(try archive.entries.map { String(decoding: try archive.contents(of: $0), as: UTF8.self) } == ["member 1", "member 2", "member 3"])
    }

    /// `summaries.json` of `size` bytes of white space in a list, as zstd or deflate.
    static func whiteSpace(_ method: UInt16, size: Int) -> [UInt8] {
        let content = TestZip.Content(prefix: Array("[".utf8), fill: 0x20, count: size - 2, suffix: Array("]".utf8))
        let header = TestZip.stored("header.json", TestZip.Content("{\"version\": 2}"))
        let member = method == 93 ? TestZip.zstd("summaries.json", content) : TestZip.deflated("summaries.json", content)
        return TestZip.archive([header, member])
    }

    @Test(arguments: [(UInt16(93), 1 << 30), (UInt16(8), 128 << 20)])
    func aMemberPastTheBudgetIsRefusedBeforeItIsInflated(method: UInt16, size: Int) throws {
        let bytes = Self.whiteSpace(method, size: size)
        #expect(bytes.count < 200 << 10)  // a 1 GiB zstd member in 32 KB, 128 MiB of deflate in 130 KB
        let archive = try ZipArchive(bytes: bytes, label: "bomb.eval")
        let entry = try #require(archive.entry(named: "summaries.json"))
        #expect(entry.uncompressedSize == UInt64(size))
        #expect(try archive.contents(of: archive.entries[0]).count == 14)
        let started = ContinuousClock.now
        let error = try #require(zipError { try archive.contents(of: entry) })
        let streamed = try #require(zipError { try archive.read(entry) { _ in } })
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(archive.inflatedBytes == 14)  // the header alone
        let budget = ZipError.Budget(total: 64 << 20, used: 14, archiveSize: UInt64(bytes.count), limits: .default)
        #expect(error.kind == .overBudget(declared: UInt64(size), budget: budget))
        #expect(streamed.kind == error.kind)
        #expect(error.description == "bomb.eval: entry 'summaries.json': refused as a likely zip bomb: the entry would inflate to \(size) bytes, but this \(bytes.count)-byte archive may inflate to 67108864 bytes in all (the floor for small archives; 14 used by the members read before)")
    }

    @Test func theBudgetScalesWithTheArchivesSizeAndCountsEveryRead() throws {
        let members = (1...4).map { TestZip.deflated("m\($0).json", TestZip.Content(fill: 0x20, count: 10_000)) }
        let bytes = TestZip.archive(members)
        let ratio = UInt64(25_000 / bytes.count)  // a budget for two members and a half
        let archive = try ZipArchive(bytes: bytes, limits: ZipLimits(ratio: ratio, floor: 0))
        #expect(archive.budget == ratio * UInt64(bytes.count))
        #expect(archive.budget >= 20_000 && archive.budget < 30_000)
        #expect(try archive.contents(of: archive.entries[0]).count == 10_000)
        try archive.read(archive.entries[1]) { _ in }
        #expect(archive.inflatedBytes == 20_000)
        let error = try #require(zipError { try archive.contents(of: archive.entries[2]) })
        guard case let .overBudget(declared, budget) = error.kind else {
            Issue.record("expected overBudget, got \(error.kind)")
            return
        }
        #expect(declared == 10_000)
        #expect(budget.used == 20_000)
        #expect(error.description.contains("(\(ratio) × its size; 20000 used by the members read before)"))
        // Copies share the budget: they are one archive.
        let copy = archive
        #expect(zipError { try copy.contents(of: copy.entries[3]) } != nil)
    }

    @Test func theBudgetHasAFloorAndACeiling() {
        let limits = ZipLimits(ratio: 200, floor: 64 << 20, maxTotalSize: 1 << 30)
        #expect(limits.budget(archiveSize: 1000) == 64 << 20)
        #expect(limits.budget(archiveSize: 1 << 20) == 200 << 20)
        #expect(limits.budget(archiveSize: 1 << 30) == 1 << 30)
        #expect(ZipLimits.unlimited.budget(archiveSize: .max) == .max)
    }
}
