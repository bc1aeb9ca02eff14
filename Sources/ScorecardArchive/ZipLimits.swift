import Foundation

/// How much one archive may cost to read: a guard against zip bombs.
///
/// Two limits apply. Each member's declared uncompressed size must be at most ``maxEntrySize``,
/// a hard ceiling. And all the members read from one archive together may inflate to at most
/// ``budget(archiveSize:)`` bytes: ``ratio`` times the archive's size on disk, but never less
/// than ``floor`` (so small archives of ordinary JSON always read) nor more than
/// ``maxTotalSize``. Genuine Inspect logs inflate 1.4 to 12 times their size; a bomb inflates
/// hundreds or thousands of times, so it is refused before it is inflated.
public struct ZipLimits: Sendable, Equatable {
    /// The default ceiling on one member's declared uncompressed size: 4 GiB.
    public static let defaultMaxEntrySize: UInt64 = 4 << 30

    /// The largest declared uncompressed size of any one member.
    ///
    /// A member above it is refused with ``ZipError/Kind/tooLarge(declared:limit:)``.
    public var maxEntrySize: UInt64
    /// How many times its own size an archive may inflate to, all members read counted together.
    public var ratio: UInt64
    /// The budget of an archive too small for ``ratio`` to give it this much.
    public var floor: UInt64
    /// The largest budget of any archive, however large.
    public var maxTotalSize: UInt64

    /// Limits with the given values; the defaults are 4 GiB per member, 200 times the archive's
    /// size in all, at least 64 MiB and at most 64 GiB.
    public init(
        maxEntrySize: UInt64 = ZipLimits.defaultMaxEntrySize, ratio: UInt64 = 200, floor: UInt64 = 64 << 20,
        maxTotalSize: UInt64 = 64 << 30
    ) {
        self.maxEntrySize = maxEntrySize
        self.ratio = ratio
        self.floor = floor
        self.maxTotalSize = maxTotalSize
    }

    /// The default limits.
    public static let `default` = ZipLimits()

    /// No limit beyond what memory allows, for tests of the decoders themselves.
    public static let unlimited = ZipLimits(maxEntrySize: .max, ratio: .max, floor: .max, maxTotalSize: .max)

    /// How many bytes all the members read from an archive of `archiveSize` bytes may inflate to.
    public func budget(archiveSize: UInt64) -> UInt64 {
        let (scaled, overflow) = archiveSize.multipliedReportingOverflow(by: ratio)
        return min(maxTotalSize, max(floor, overflow ? .max : scaled))
    }
}

/// What one archive has inflated so far, shared by the archive value and its copies.
///
/// A member's declared size is charged before it is inflated, so a member that would overrun the
/// budget is refused without any work; its actual output is counted as it is produced.
final class ZipInflationMeter: @unchecked Sendable {
    let budget: UInt64
    private let lock = NSLock()
    private var charged: UInt64 = 0
    private var produced: UInt64 = 0

    init(budget: UInt64) {
        self.budget = budget
    }

    /// Bytes charged against the budget so far (declared sizes of the members read).
    var used: UInt64 { lock.withLock { charged } }
    /// Bytes actually produced by decompression so far.
    var inflated: UInt64 { lock.withLock { produced } }

    /// Charges `count` bytes, or returns the bytes already used when that would overrun the budget.
    func charge(_ count: UInt64) -> UInt64? {
        lock.withLock {
            let (total, overflow) = charged.addingReportingOverflow(count)
            guard !overflow, total <= budget else { return charged }
            charged = total
            return nil
        }
    }

    /// Records `count` bytes of output.
    func record(_ count: Int) {
        lock.withLock { produced &+= UInt64(count) }
    }
}
