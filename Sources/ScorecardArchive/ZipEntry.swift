/// One member of a ZIP archive, as described by its central-directory record.
///
/// Sizes, CRC and method come from the central directory, never from the local
/// header, so entries written with a data descriptor (flag bit 3) and zip64 entries
/// read correctly. Values are plain data: an entry can be passed back only to the
/// ``ZipArchive`` that produced it.
public struct ZipEntry: Sendable, Hashable {
    /// The member name, decoded as UTF-8 when flag bit 11 is set and as code page 437 otherwise.
    ///
    /// This matches Python's `zipfile`, which wrote the Inspect logs; no path normalisation is applied.
    public let name: String
    /// The compression method number: 0 stored, 8 deflate and 93 zstd can be read.
    ///
    /// Other methods are listed but reading them throws ``ZipError/Kind/unsupportedMethod(_:)``.
    public let method: UInt16
    /// The general purpose bit flags (bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name).
    ///
    /// Taken from the central directory; the local header's copy is not consulted.
    public let flags: UInt16
    /// The size of the stored (compressed) data in bytes.
    ///
    /// From the central directory, or its zip64 extra field when the 32-bit field is saturated.
    public let compressedSize: UInt64
    /// The size of the data after decompression, in bytes.
    ///
    /// The output buffer is sized from this value, so it is checked against
    /// ``ZipArchive/maxEntrySize`` before anything is allocated.
    public let uncompressedSize: UInt64
    /// The CRC-32 of the uncompressed data.
    ///
    /// Checked after every decompression; a difference throws ``ZipError/Kind/crcMismatch(declared:actual:)``.
    public let crc32: UInt32
    /// The byte offset of the entry's local header in the archive file.
    ///
    /// The data starts after that header's name and extra field.
    public let localHeaderOffset: UInt64
    /// The position of this entry in the central directory, counting from 0.
    ///
    /// Tells duplicates apart: with equal names, the higher index is the one that wins.
    public let index: Int

    /// Creates an entry description; the reader builds these from the central directory.
    ///
    /// Public so that tests and callers can construct values to compare against.
    public init(
        name: String, method: UInt16, flags: UInt16, compressedSize: UInt64,
        uncompressedSize: UInt64, crc32: UInt32, localHeaderOffset: UInt64, index: Int
    ) {
        self.name = name
        self.method = method
        self.flags = flags
        self.compressedSize = compressedSize
        self.uncompressedSize = uncompressedSize
        self.crc32 = crc32
        self.localHeaderOffset = localHeaderOffset
        self.index = index
    }

    /// Whether the name ends with `/`, the ZIP convention for a directory entry.
    ///
    /// Directory entries normally have no data; reading one returns an empty array.
    public var isDirectory: Bool { name.hasSuffix("/") }

    /// Whether the entry is encrypted (flag bit 0); such entries cannot be read.
    ///
    /// ``ZipArchive/contents(of:)`` throws ``ZipError/Kind/encrypted`` for them.
    public var isEncrypted: Bool { flags & 0x0001 != 0 }
}
