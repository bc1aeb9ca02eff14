/// A bounds-checked little-endian cursor over a byte array.
///
/// Every read checks the remaining length first and throws ``Overrun`` instead of
/// trapping, so structures parsed from untrusted files can never index out of range.
struct ZipByteReader {
    /// Thrown when a read would go past the end of the bytes.
    struct Overrun: Error {}

    let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// How many bytes are left after the cursor.
    var remaining: Int { bytes.count - position }

    mutating func u16() throws(Overrun) -> UInt16 {
        guard remaining >= 2 else { throw Overrun() }
        defer { position += 2 }
        return UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8
    }

    mutating func u32() throws(Overrun) -> UInt32 {
        guard remaining >= 4 else { throw Overrun() }
        defer { position += 4 }
        return Self.u32(bytes, at: position)
    }

    mutating func u64() throws(Overrun) -> UInt64 {
        let low = try u32()
        let high = try u32()
        return UInt64(high) << 32 | UInt64(low)
    }

    mutating func take(_ count: Int) throws(Overrun) -> ArraySlice<UInt8> {
        guard count >= 0, remaining >= count else { throw Overrun() }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    mutating func skip(_ count: Int) throws(Overrun) {
        guard count >= 0, remaining >= count else { throw Overrun() }
        position += count
    }

    /// Reads a little-endian UInt32 at `offset`; the caller guarantees 4 bytes are there.
    static func u32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
            | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}

/// Record signatures of the ZIP format (APPNOTE 4.3).
enum ZipSignature {
    static let localHeader: UInt32 = 0x0403_4b50
    static let centralHeader: UInt32 = 0x0201_4b50
    static let digitalSignature: UInt32 = 0x0505_4b50
    static let endOfCentralDirectory: UInt32 = 0x0605_4b50
    static let zip64EndOfCentralDirectory: UInt32 = 0x0606_4b50
    static let zip64Locator: UInt32 = 0x0706_4b50
}
