import CZlib

/// Writes ZIP archives for tests, hostile ones included, without holding what they inflate to.
///
/// A member's content is a prefix, a byte repeated any number of times, and a suffix: enough
/// for JSON whose bulk is white space or one long string. Deflate members are compressed by
/// zlib as a stream; zstd members are written as raw and RLE blocks by hand (4 bytes per 128 KiB
/// of the repeated byte), so a member declaring a gigabyte costs a few kilobytes and no time.
/// ``archive(_:aliases:)`` can list a member under more names than one, as overlapping zip bombs do.
public enum TestZip {
    /// What a member inflates to.
    public struct Content: Sendable {
        public var prefix: [UInt8]
        public var fill: UInt8
        public var count: Int
        public var suffix: [UInt8]

        /// `prefix`, then `fill` `count` times, then `suffix`.
        public init(prefix: [UInt8] = [], fill: UInt8 = 0x20, count: Int = 0, suffix: [UInt8] = []) {
            self.prefix = prefix
            self.fill = fill
            self.count = count
            self.suffix = suffix
        }

        /// Exactly `bytes`.
        public init(_ bytes: [UInt8]) {
            self.init(prefix: bytes)
        }

        /// The UTF-8 of `text`.
        public init(_ text: String) {
            self.init(prefix: Array(text.utf8))
        }

        /// The size in bytes.
        public var size: UInt64 { UInt64(prefix.count) + UInt64(count) + UInt64(suffix.count) }

        /// Calls `body` with the content in pieces of at most 1 MiB.
        func forEachPiece(_ body: ([UInt8]) -> Void) {
            if !prefix.isEmpty { body(prefix) }
            let block = [UInt8](repeating: fill, count: min(count, 1 << 20))
            var left = count
            while left > 0 {
                let piece = min(left, block.count)
                body(piece == block.count ? block : Array(block[..<piece]))
                left -= piece
            }
            if !suffix.isEmpty { body(suffix) }
        }

        var crc32: UInt32 {
            var crc: uLong = 0
            forEachPiece { piece in
                piece.withUnsafeBufferPointer { crc = CZlib.crc32_z(crc, $0.baseAddress, z_size_t($0.count)) }
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    /// A member: its name, method, compressed data, CRC-32 and uncompressed size.
    public struct Member: Sendable {
        public var name: String
        public var method: UInt16
        public var data: [UInt8]
        public var crc32: UInt32
        public var size: UInt64
    }

    /// A stored (uncompressed) member.
    public static func stored(_ name: String, _ content: Content) -> Member {
        var data: [UInt8] = []
        content.forEachPiece { data += $0 }
        return Member(name: name, method: 0, data: data, crc32: content.crc32, size: content.size)
    }

    /// A deflate member, compressed by zlib at level 9 (about 1,000:1 on a repeated byte).
    public static func deflated(_ name: String, _ content: Content) -> Member {
        var stream = z_stream()
        _ = deflateInit2_(&stream, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var data: [UInt8] = []
        var out = [UInt8](repeating: 0, count: 1 << 16)
        func pump(_ input: [UInt8], flush: Int32) {
            var input = input
            input.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                repeat {
                    out.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        _ = deflate(&stream, flush)
                        data += target[..<(target.count - Int(stream.avail_out))]
                    }
                } while stream.avail_out == 0 || (flush == Z_FINISH && stream.avail_in > 0)
            }
        }
        content.forEachPiece { pump($0, flush: Z_NO_FLUSH) }
        pump([], flush: Z_FINISH)
        return Member(name: name, method: 8, data: data, crc32: content.crc32, size: content.size)
    }

    /// A zstd member of one frame: raw blocks for prefix and suffix, RLE blocks for the repeated byte.
    public static func zstd(_ name: String, _ content: Content) -> Member {
        let blockMax = 128 << 10
        // Magic number; frame header: no content size, no checksum, a 128 KiB window.
        var data: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x38]
        var blocks: [(type: UInt32, size: Int, payload: [UInt8])] = []
        func raw(_ bytes: [UInt8]) {
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + blockMax)
                blocks.append((0, end - start, Array(bytes[start..<end])))
                start = end
            }
        }
        raw(content.prefix)
        var left = content.count
        while left > 0 {
            let size = min(left, blockMax)
            blocks.append((1, size, [content.fill]))
            left -= size
        }
        raw(content.suffix)
        if blocks.isEmpty { blocks.append((0, 0, [])) }
        for (index, block) in blocks.enumerated() {
            let last: UInt32 = index == blocks.count - 1 ? 1 : 0
            let header = last | block.type << 1 | UInt32(block.size) << 3
            data += [UInt8(header & 0xFF), UInt8(header >> 8 & 0xFF), UInt8(header >> 16 & 0xFF)]
            data += block.payload
        }
        return Member(name: name, method: 93, data: data, crc32: content.crc32, size: content.size)
    }

    /// A further central-directory entry called `name` for member `member`, whose local header
    /// offset is `shift` bytes past that member's.
    public struct Alias: Sendable {
        public var name: String
        public var member: Int
        public var shift: UInt32

        public init(_ name: String, of member: Int, shift: UInt32 = 0) {
            self.name = name
            self.member = member
            self.shift = shift
        }
    }

    /// The bytes of an archive holding `members` in order, its central directory listing each
    /// one and then every alias. Sizes must fit 32 bits (no zip64).
    public static func archive(_ members: [Member], aliases: [Alias] = []) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        var offsets: [UInt32] = []
        func centralRecord(_ member: Member, name: String, offset: UInt32) {
            let nameBytes = Array(name.utf8)
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(member.method) + le16(0) + le16(0)
            central += le32(member.crc32) + le32(UInt32(member.data.count)) + le32(UInt32(truncatingIfNeeded: member.size))
            central += le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset)
            central += nameBytes
        }
        for member in members {
            let offset = UInt32(out.count)
            offsets.append(offset)
            let nameBytes = Array(member.name.utf8)
            out += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(member.method) + le16(0) + le16(0)
            out += le32(member.crc32) + le32(UInt32(member.data.count)) + le32(UInt32(truncatingIfNeeded: member.size))
            out += le16(UInt16(nameBytes.count)) + le16(0) + nameBytes + member.data
            centralRecord(member, name: member.name, offset: offset)
        }
        for alias in aliases {
            centralRecord(members[alias.member], name: alias.name, offset: offsets[alias.member] + alias.shift)
        }
        let count = UInt16(members.count + aliases.count)
        let centralOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count)
        out += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return out
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
}
