/// An error raised while opening a ZIP archive or reading one of its entries.
///
/// Every malformed input is reported through this type; the reader never traps on
/// file content. ``description`` names the archive path and, where the problem is
/// tied to one entry, the entry name, for example
/// `logs/x.eval: entry 'samples/3_epoch_1.json': zstd: Data corruption detected`.
/// Compare ``kind`` in code; show ``description`` to people.
public struct ZipError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kind of problem, with the numbers needed to explain it.
    ///
    /// Offsets and sizes are in bytes. Ranges are half-open: `lower..upper` means the
    /// bytes from `lower` up to, but not including, `upper`.
    public enum Kind: Equatable, Sendable {
        /// The file could not be opened or read; the payload is the system's message.
        case io(String)
        /// No end-of-central-directory record was found: the file is not a ZIP archive, or its end is cut off.
        case notAZip
        /// A part of the archive lies beyond the end of the file.
        ///
        /// `part` says which structure was being read (for example `central directory`,
        /// `local header` or `data`).
        case truncated(part: String, lower: UInt64, upper: UInt64, fileSize: UInt64)
        /// A structure is present but inconsistent; the payload explains what was wrong.
        case corrupt(String)
        /// The entry uses a compression method other than 0 (stored), 8 (deflate) or 93 (zstd).
        case unsupportedMethod(UInt16)
        /// The entry is encrypted (general purpose flag bit 0), which this reader does not support.
        case encrypted
        /// The entry's declared uncompressed size is above the archive's configured limit.
        case tooLarge(declared: UInt64, limit: UInt64)
        /// Memory for the decompressed data (this many bytes) could not be allocated.
        case cannotAllocate(UInt64)
        /// The decompressor rejected the data; `codec` is `deflate` or `zstd`.
        case decompression(codec: String, message: String)
        /// The decompressed size differs from the central directory's; `actual` is nil when the output was larger.
        case sizeMismatch(declared: UInt64, actual: UInt64?)
        /// The CRC-32 of the decompressed bytes differs from the central directory's.
        case crcMismatch(declared: UInt32, actual: UInt32)
        /// The entry passed in was not taken from this archive.
        case foreignEntry
        /// Reading the entry (this many declared bytes) would take the archive past its inflation budget.
        ///
        /// The budget scales with the archive's size (see ``ZipLimits``): a small archive that
        /// would inflate to gigabytes is a zip bomb, and is refused before anything is inflated.
        case overBudget(declared: UInt64, budget: Budget)
        /// The entry's bytes, from its local header on, start inside another entry's.
        ///
        /// `start` is where this entry's local header is; the other entry's local header,
        /// name and data span `otherStart..otherEnd`. Members that share bytes let a small
        /// archive inflate the same data many times over, the trick of "overlapping" zip bombs;
        /// `more` counts the further entries of the archive that overlap another.
        case overlapping(other: String, start: UInt64, otherStart: UInt64, otherEnd: UInt64, more: Int)
    }

    /// An archive's inflation budget when a read was refused: ``ZipLimits/budget(archiveSize:)`` and what was used.
    public struct Budget: Equatable, Sendable {
        /// The bytes all members read from the archive may inflate to.
        public let total: UInt64
        /// The bytes already charged by earlier reads.
        public let used: UInt64
        /// The archive's size in bytes.
        public let archiveSize: UInt64
        /// The limits the budget came from.
        public let limits: ZipLimits

        /// A budget as reported in an error; the reader fills it in.
        public init(total: UInt64, used: UInt64, archiveSize: UInt64, limits: ZipLimits) {
            self.total = total
            self.used = used
            self.archiveSize = archiveSize
            self.limits = limits
        }

        /// How the total was arrived at, in words.
        var explanation: String {
            if total == limits.maxTotalSize, total != limits.floor {
                return "the ceiling for any archive"
            }
            if total == limits.floor {
                return "the floor for small archives"
            }
            return "\(limits.ratio) × its size"
        }
    }

    /// The path (or label, for in-memory archives) of the archive.
    ///
    /// Exactly as passed to ``ZipArchive``'s initialiser.
    public let path: String
    /// The name of the entry concerned, or nil when the problem concerns the whole archive.
    ///
    /// Errors from ``ZipArchive/contents(of:)`` always name the entry.
    public let entryName: String?
    /// What went wrong.
    ///
    /// Match on this in code; ``description`` is for people.
    public let kind: Kind

    /// Creates an error for an archive and, optionally, one of its entries.
    ///
    /// Mostly used by the reader itself; public so that callers can build expected values in tests.
    public init(path: String, entryName: String? = nil, kind: Kind) {
        self.path = path
        self.entryName = entryName
        self.kind = kind
    }

    /// A one-line message naming the archive, the entry (if any) and the problem.
    ///
    /// Truncation reads as `x.eval: truncated: entry 'header.json' needs bytes 1200..5300 but the file has 4096`.
    public var description: String {
        let entry = entryName.map { "entry '\($0)'" }
        switch kind {
        case let .truncated(part, lower, upper, fileSize):
            let subject: String
            if let entry {
                subject = part == "data" ? entry : "\(entry) (\(part))"
            } else {
                subject = part
            }
            return "\(path): truncated: \(subject) needs bytes \(lower)..\(upper) but the file has \(fileSize)"
        default:
            let prefix = entry.map { "\(path): \($0): " } ?? "\(path): "
            return prefix + Self.message(for: kind)
        }
    }

    private static func message(for kind: Kind) -> String {
        switch kind {
        case let .io(message):
            return message
        case .notAZip:
            return "not a zip archive (no end-of-central-directory record)"
        case let .truncated(part, lower, upper, fileSize):
            return "truncated: \(part) needs bytes \(lower)..\(upper) but the file has \(fileSize)"
        case let .corrupt(message):
            return "corrupt archive: \(message)"
        case let .unsupportedMethod(method):
            return "unsupported compression method \(method) (supported: 0 stored, 8 deflate, 93 zstd)"
        case .encrypted:
            return "encrypted entries are not supported"
        case let .tooLarge(declared, limit):
            return "declared uncompressed size \(declared) bytes exceeds the limit of \(limit) bytes"
        case let .cannotAllocate(count):
            return "cannot allocate \(count) bytes for the decompressed data"
        case let .decompression(codec, message):
            return "\(codec): \(message)"
        case let .sizeMismatch(declared, actual):
            if let actual {
                return "size mismatch: decompressed \(actual) bytes but the central directory says \(declared)"
            }
            return "size mismatch: decompressed data is larger than the \(declared) bytes the central directory says"
        case let .crcMismatch(declared, actual):
            return "CRC-32 mismatch: data has \(hex(actual)) but the central directory says \(hex(declared))"
        case .foreignEntry:
            return "the entry does not belong to this archive"
        case let .overBudget(declared, budget):
            let used = budget.used > 0 ? "; \(budget.used) used by the members read before" : ""
            return "refused as a likely zip bomb: the entry would inflate to \(declared) bytes, but this "
                + "\(budget.archiveSize)-byte archive may inflate to \(budget.total) bytes in all "
                + "(\(budget.explanation)\(used))"
        case let .overlapping(other, start, otherStart, otherEnd, more):
            let rest = more > 0 ? " (\(more) more entries overlap another)" : ""
            let position = start == otherStart
                ? "starts at byte \(start), as does entry '\(other)'"
                : "starts at byte \(start), inside entry '\(other)' (bytes \(otherStart)..\(otherEnd))"
            return "\(position): refused as a likely zip bomb, since entries that share bytes inflate "
                + "the same data again and again\(rest)"
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
