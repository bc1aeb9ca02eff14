/// A read-only ZIP archive, such as an Inspect AI `.eval` log.
///
/// Opening reads only the end records and the central directory; member data is
/// read and decompressed one entry at a time, on request, with positional reads
/// (no whole-file load). Stored (0), deflate (8) and zstd (93) members are
/// supported, zip64 included. Every malformed input is reported as a ``ZipError``.
///
/// Zip bombs are refused: an archive whose members share bytes when it is opened, and a
/// member that would take the archive past its inflation budget (``ZipLimits``) before it is
/// inflated. The budget is shared by the archive value and its copies.
///
/// Duplicate names are legal: ``entries`` lists them all, while ``entry(named:)``
/// and ``uniqueEntries`` keep only the last record for each name, which is how a
/// re-logged Inspect sample replaces the earlier one. Values are immutable and can
/// be shared between threads.
public struct ZipArchive: Sendable {
    /// The default limit on a member's declared uncompressed size: 4 GiB.
    ///
    /// A member above the limit is refused with ``ZipError/Kind/tooLarge(declared:limit:)``
    /// before any memory is allocated for it.
    public static let defaultMaxEntrySize: UInt64 = ZipLimits.defaultMaxEntrySize

    /// The path given when opening, or the label of an in-memory archive.
    ///
    /// Every ``ZipError`` from this archive starts with it.
    public var path: String { file.path }
    /// The limits the archive was opened with.
    public let limits: ZipLimits
    /// The largest declared uncompressed size that ``contents(of:)`` will decompress.
    ///
    /// ``ZipLimits/maxEntrySize`` of ``limits``.
    public var maxEntrySize: UInt64 { limits.maxEntrySize }
    /// The archive's size in bytes.
    public var size: UInt64 { file.size }
    /// How many bytes all the members read from this archive may inflate to.
    public var budget: UInt64 { meter.budget }
    /// How many bytes of the budget reads have used so far: the declared sizes of the members read.
    public var budgetUsed: UInt64 { meter.used }
    /// How many bytes decompression has produced so far, over every read of this archive.
    public var inflatedBytes: UInt64 { meter.inflated }
    /// All central-directory entries, in central-directory order, duplicates included.
    ///
    /// `entries[i].index == i` for every entry.
    public let entries: [ZipEntry]
    /// One entry per name (the last one in the central directory), in central-directory order of the winners.
    ///
    /// This is the view to import from: a re-logged sample appears once, with its newest data.
    public let uniqueEntries: [ZipEntry]

    let file: ZipFileView
    let meter: ZipInflationMeter
    private let lastIndexByName: [String: Int]

    /// Opens the archive at `path` and reads its central directory.
    ///
    /// Throws ``ZipError`` if the file cannot be read, is not a well-formed ZIP archive, or
    /// lists members that share bytes. `limits` bound what later reads may inflate.
    public init(path: String, limits: ZipLimits = .default) throws(ZipError) {
        let handle: ZipFileHandle
        do {
            handle = try ZipFileHandle(path: path)
        } catch {
            switch error {
            case let .system(message):
                throw ZipError(path: path, kind: .io(message))
            case .shortRead:
                throw ZipError(path: path, kind: .io("cannot read"))
            }
        }
        try self.init(file: ZipFileView(path: path, source: .file(handle)), limits: limits)
    }

    /// Opens the archive at `path` with the default limits except `maxEntrySize` for each member.
    public init(path: String, maxEntrySize: UInt64) throws(ZipError) {
        try self.init(path: path, limits: ZipLimits(maxEntrySize: maxEntrySize))
    }

    /// Reads an archive held in memory; `label` stands in for the path in error messages.
    ///
    /// Useful for archives received over the network and for tests. Member data is decoded
    /// straight from the array, without an intermediate copy.
    public init(bytes: [UInt8], label: String = "<memory>", limits: ZipLimits = .default) throws(ZipError) {
        try self.init(file: ZipFileView(path: label, source: .memory(bytes)), limits: limits)
    }

    /// Reads an archive held in memory with the default limits except `maxEntrySize` for each member.
    public init(bytes: [UInt8], label: String = "<memory>", maxEntrySize: UInt64) throws(ZipError) {
        try self.init(bytes: bytes, label: label, limits: ZipLimits(maxEntrySize: maxEntrySize))
    }

    private init(file: ZipFileView, limits: ZipLimits) throws(ZipError) {
        self.file = file
        self.limits = limits
        self.meter = ZipInflationMeter(budget: limits.budget(archiveSize: file.size))
        let entries = try ZipCentralDirectory.read(file)
        var lastIndex: [String: Int] = [:]
        lastIndex.reserveCapacity(entries.count)
        for entry in entries {
            lastIndex[entry.name] = entry.index
        }
        self.entries = entries
        self.lastIndexByName = lastIndex
        self.uniqueEntries = entries.filter { lastIndex[$0.name] == $0.index }
    }

    /// The last central-directory entry called `name`, or nil if there is none.
    ///
    /// Names are compared exactly (case-sensitive, no path normalisation).
    public func entry(named name: String) -> ZipEntry? {
        lastIndexByName[name].map { entries[$0] }
    }

    /// Decompresses `entry` and returns its bytes, checked against the central directory's size and CRC-32.
    ///
    /// Throws ``ZipError`` for unsupported methods, encryption, sizes above ``maxEntrySize``,
    /// a member that would overrun the archive's budget, truncated or corrupt data, and size or
    /// CRC mismatches. The whole member is held in memory: read large members with
    /// ``read(_:chunkSize:_:)`` instead.
    public func contents(of entry: ZipEntry) throws(ZipError) -> [UInt8] {
        let (dataOffset, capacity) = try prepare(entry)
        do {
            let bytes = try file.withBytes(offset: dataOffset, count: entry.compressedSize, part: "data", entry: entry.name) {
                try ZipDecompression.decode($0, entry: entry, capacity: capacity)
            }
            meter.record(bytes.count)
            return bytes
        } catch let error as ZipError {
            throw error
        } catch let failure as ZipDecompression.Failure {
            throw file.error(failure.kind, entry: entry.name)
        } catch {
            throw file.error(.corrupt("\(error)"), entry: entry.name)
        }
    }

    /// Decompresses `entry` and lends its bytes to `body`, with the same checks as ``contents(of:)``.
    ///
    /// The buffer is valid only during the call. Errors thrown by `body` are passed through unchanged.
    public func withContents<R>(of entry: ZipEntry, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        let bytes = try contents(of: entry)
        return try bytes.withUnsafeBytes(body)
    }

    /// Checks that `entry` can be read, charges its declared size to the budget, and returns
    /// where its data starts and the output size.
    func prepare(_ entry: ZipEntry) throws(ZipError) -> (dataOffset: UInt64, capacity: Int) {
        guard entries.indices.contains(entry.index), entries[entry.index] == entry else {
            throw file.error(.foreignEntry, entry: entry.name)
        }
        guard !entry.isEncrypted else { throw file.error(.encrypted, entry: entry.name) }
        guard [0, 8, 93].contains(entry.method) else {
            throw file.error(.unsupportedMethod(entry.method), entry: entry.name)
        }
        guard entry.uncompressedSize <= maxEntrySize, let declared = Int(exactly: entry.uncompressedSize),
              declared < Int.max
        else {
            throw file.error(.tooLarge(declared: entry.uncompressedSize, limit: maxEntrySize), entry: entry.name)
        }
        // Never allocate more than the compressed data could possibly expand to: a corrupt
        // size field then costs a size-mismatch error, not a giant allocation.
        let bound = ZipDecompression.maxOutput(method: entry.method, compressedSize: entry.compressedSize)
        let capacity = min(declared, Int(clamping: bound))
        // What the read can cost is charged before any of it is done.
        if let used = meter.charge(UInt64(capacity)) {
            let budget = ZipError.Budget(total: meter.budget, used: used, archiveSize: file.size, limits: limits)
            throw file.error(.overBudget(declared: UInt64(capacity), budget: budget), entry: entry.name)
        }
        if capacity >= ZipDecompression.allocationProbeThreshold, !ZipDecompression.canAllocate(capacity + 1) {
            throw file.error(.cannotAllocate(UInt64(capacity)), entry: entry.name)
        }
        let header = try file.read(
            offset: entry.localHeaderOffset, count: 30, part: "local header", entry: entry.name)
        guard ZipByteReader.u32(header, at: 0) == ZipSignature.localHeader else {
            throw file.error(.corrupt("no local header at offset \(entry.localHeaderOffset)"), entry: entry.name)
        }
        // Only the name and extra lengths are taken from the local header; sizes, CRC and
        // versions there may legitimately differ from the central directory.
        let nameLength = UInt64(header[26]) | UInt64(header[27]) << 8
        let extraLength = UInt64(header[28]) | UInt64(header[29]) << 8
        let dataOffset = entry.localHeaderOffset &+ 30 &+ nameLength &+ extraLength
        guard dataOffset >= entry.localHeaderOffset else {
            throw file.error(.corrupt("local header offset out of range"), entry: entry.name)
        }
        return (dataOffset, capacity)
    }
}
