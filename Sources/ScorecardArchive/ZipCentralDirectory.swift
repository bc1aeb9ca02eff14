/// Finds the end-of-central-directory record (plain or zip64) and parses the central directory.
///
/// Only the central directory is trusted for sizes, CRCs and methods. "Version made
/// by" and "version needed" are not checked: live Inspect archives say 45 there
/// without carrying zip64 extra fields.
enum ZipCentralDirectory {
    /// Where the central directory is, as stated by the end records.
    struct Location {
        var offset: UInt64
        var size: UInt64
        var declaredCount: UInt64
        /// The offset of the first end record; the central directory must end at or before it.
        var limit: UInt64
    }

    static let endRecordSize = 22
    static let maxCommentSize = 0xFFFF
    static let centralHeaderSize = 46

    /// Reads and parses every central-directory entry, in order, duplicates included.
    static func read(_ file: ZipFileView) throws(ZipError) -> [ZipEntry] {
        let location = try locate(file)
        let cdEnd = location.offset.addingReportingOverflow(location.size)
        if !cdEnd.overflow, cdEnd.partialValue <= file.size, cdEnd.partialValue > location.limit {
            throw file.error(.corrupt(
                "central directory (bytes \(location.offset)..\(cdEnd.partialValue)) overlaps "
                    + "the end-of-central-directory record at \(location.limit)"))
        }
        let bytes = try file.read(offset: location.offset, count: location.size, part: "central directory")
        var nameLengths: [Int] = []
        let entries = try parse(bytes, at: location, file: file, nameLengths: &nameLengths)
        try ZipMemberSpans.check(entries, nameLengths: nameLengths, file: file)
        return entries
    }

    /// Locates the end-of-central-directory record and, when present, the zip64 one.
    static func locate(_ file: ZipFileView) throws(ZipError) -> Location {
        guard file.size >= UInt64(endRecordSize) else { throw file.error(.notAZip) }
        let tailCount = min(file.size, UInt64(endRecordSize + maxCommentSize))
        let tailStart = file.size - tailCount
        let tail = try file.read(offset: tailStart, count: tailCount, part: "end-of-central-directory record")
        guard let position = findEndRecord(in: tail) else { throw file.error(.notAZip) }

        var reader = ZipByteReader(tail, position: position + 4)
        let record: (count: UInt16, size: UInt32, offset: UInt32)
        do {
            try reader.skip(6)  // disk numbers, entries on this disk
            record = (try reader.u16(), try reader.u32(), try reader.u32())
        } catch {
            throw file.error(.notAZip)
        }
        let endOffset = tailStart + UInt64(position)
        var location = Location(
            offset: UInt64(record.offset), size: UInt64(record.size),
            declaredCount: UInt64(record.count), limit: endOffset)
        if let zip64 = try locateZip64(file, endOffset: endOffset) {
            location = zip64
        }
        return location
    }

    /// Returns the position in `tail` of the last end record whose comment fits the file.
    static func findEndRecord(in tail: [UInt8]) -> Int? {
        guard tail.count >= endRecordSize else { return nil }
        var fallback: Int?
        var index = tail.count - endRecordSize
        while index >= 0 {
            if tail[index] == 0x50, tail[index + 1] == 0x4b, tail[index + 2] == 0x05, tail[index + 3] == 0x06 {
                let commentSize = Int(tail[index + 20]) | Int(tail[index + 21]) << 8
                let end = index + endRecordSize + commentSize
                if end == tail.count { return index }
                if fallback == nil, end <= tail.count { fallback = index }
            }
            index -= 1
        }
        return fallback
    }

    /// Follows the zip64 locator just before the end record, if there is one.
    static func locateZip64(_ file: ZipFileView, endOffset: UInt64) throws(ZipError) -> Location? {
        guard endOffset >= 20 else { return nil }
        let locator = try file.read(offset: endOffset - 20, count: 20, part: "zip64 end-of-central-directory locator")
        guard ZipByteReader.u32(locator, at: 0) == ZipSignature.zip64Locator else { return nil }
        var reader = ZipByteReader(locator, position: 8)
        let recordOffset: UInt64
        do { recordOffset = try reader.u64() } catch { return nil }
        let part = "zip64 end-of-central-directory record"
        let record = try file.read(offset: recordOffset, count: 56, part: part)
        guard ZipByteReader.u32(record, at: 0) == ZipSignature.zip64EndOfCentralDirectory else {
            throw file.error(.corrupt("no \(part) at offset \(recordOffset)"))
        }
        guard recordOffset &+ 56 <= endOffset - 20 else {
            throw file.error(.corrupt("\(part) at offset \(recordOffset) overlaps its locator"))
        }
        var fields = ZipByteReader(record, position: 32)
        do {
            let count = try fields.u64()
            let size = try fields.u64()
            let offset = try fields.u64()
            return Location(offset: offset, size: size, declaredCount: count, limit: recordOffset)
        } catch {
            throw file.error(.corrupt("\(part) is cut short"))
        }
    }

    /// Parses the central directory bytes into entries.
    ///
    /// `nameLengths` receives each entry's name length in bytes, as stored.
    static func parse(
        _ bytes: [UInt8], at location: Location, file: ZipFileView, nameLengths: inout [Int]
    ) throws(ZipError) -> [ZipEntry] {
        var reader = ZipByteReader(bytes)
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(min(location.declaredCount, UInt64(bytes.count / centralHeaderSize))))
        while reader.remaining > 0 {
            let index = entries.count
            let start = reader.position
            guard reader.remaining >= 4 else {
                throw file.error(.corrupt("central directory entry \(index) is cut short"))
            }
            let signature = ZipByteReader.u32(bytes, at: start)
            if signature == ZipSignature.digitalSignature { break }
            guard signature == ZipSignature.centralHeader else {
                let at = location.offset &+ UInt64(start)
                throw file.error(.corrupt("bad signature for central directory entry \(index) at offset \(at)"))
            }
            do {
                let (entry, nameLength) = try parseEntry(&reader, index: index, file: file)
                entries.append(entry)
                nameLengths.append(nameLength)
            } catch let failure as ZipError {
                throw failure
            } catch {
                throw file.error(.corrupt("central directory entry \(index) is cut short"))
            }
        }
        return entries
    }

    /// Parses one central-directory header at the reader's position, which holds its signature.
    private static func parseEntry(
        _ reader: inout ZipByteReader, index: Int, file: ZipFileView
    ) throws -> (ZipEntry, nameLength: Int) {
        try reader.skip(8)  // signature, version made by, version needed
        let flags = try reader.u16()
        let method = try reader.u16()
        try reader.skip(4)  // modification time and date
        let crc = try reader.u32()
        var compressedSize = UInt64(try reader.u32())
        var uncompressedSize = UInt64(try reader.u32())
        let nameLength = Int(try reader.u16())
        let extraLength = Int(try reader.u16())
        let commentLength = Int(try reader.u16())
        try reader.skip(8)  // disk number start, internal and external attributes
        var offset = UInt64(try reader.u32())
        let nameBytes = try reader.take(nameLength)
        let extra = try reader.take(extraLength)
        try reader.skip(commentLength)

        let name = ZipNameDecoding.decode(nameBytes, utf8: flags & 0x0800 != 0)
        let saturated: UInt64 = 0xFFFF_FFFF
        if uncompressedSize == saturated || compressedSize == saturated || offset == saturated,
           let zip64 = findExtra(id: 0x0001, in: extra) {
            var fields = ZipByteReader(Array(zip64))
            do {
                if uncompressedSize == saturated { uncompressedSize = try fields.u64() }
                if compressedSize == saturated { compressedSize = try fields.u64() }
                if offset == saturated { offset = try fields.u64() }
            } catch {
                throw file.error(.corrupt("zip64 extra field is too short"), entry: name)
            }
        }
        let entry = ZipEntry(
            name: name, method: method, flags: flags, compressedSize: compressedSize,
            uncompressedSize: uncompressedSize, crc32: crc, localHeaderOffset: offset, index: index)
        return (entry, nameLength)
    }

    /// Returns the data of the first extra field with `id`, ignoring a malformed tail.
    static func findExtra(id: UInt16, in extra: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var reader = ZipByteReader(Array(extra))
        while reader.remaining >= 4 {
            do {
                let fieldID = try reader.u16()
                let length = Int(try reader.u16())
                let data = try reader.take(length)
                if fieldID == id { return data }
            } catch {
                return nil
            }
        }
        return nil
    }
}
