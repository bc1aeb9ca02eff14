import CZlib

extension ZipArchive {
    /// The default size of the pieces ``read(_:chunkSize:_:)`` hands out: 1 MiB.
    public static let defaultChunkSize = 1 << 20

    /// Decompresses `entry` as a stream, passing its bytes to `body` in order, at most
    /// `chunkSize` bytes at a time.
    ///
    /// Memory stays at about two chunks however large the member is, so this is the way to
    /// read members too large to hold. The checks are those of ``contents(of:)``, with one
    /// difference of timing: the size is checked as the bytes arrive, so output past the declared
    /// size stops the read at once, but the CRC-32 can only be checked after the last byte, when
    /// `body` has seen everything. A caller that acts on the bytes should treat a throw as
    /// "discard everything". Each buffer is valid only during its call. Errors thrown by `body`
    /// are passed through unchanged.
    public func read(
        _ entry: ZipEntry, chunkSize: Int = ZipArchive.defaultChunkSize, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let (dataOffset, _) = try prepare(entry)
        let declared = entry.uncompressedSize
        var produced: UInt64 = 0
        var crc: uLong = 0
        func take(_ output: UnsafeRawBufferPointer) throws {
            produced += UInt64(output.count)
            guard produced <= declared else {
                throw ZipDecompression.Failure(kind: .sizeMismatch(declared: declared, actual: nil))
            }
            meter.record(output.count)
            if let base = output.baseAddress {
                crc = crc32_z(crc, base.assumingMemoryBound(to: Bytef.self), z_size_t(output.count))
            }
            try body(output)
        }
        do {
            let decoder = try ZipStreamDecoder(method: entry.method, chunkSize: chunkSize)
            try file.forEachChunk(
                offset: dataOffset, count: entry.compressedSize, chunkSize: Self.defaultChunkSize, part: "data",
                entry: entry.name
            ) { input in
                try decoder.push(input, emit: take)
            }
            try decoder.finish(emit: take)
            guard produced == declared else {
                throw ZipDecompression.Failure(kind: .sizeMismatch(declared: declared, actual: produced))
            }
            let actual = UInt32(truncatingIfNeeded: crc)
            guard actual == entry.crc32 else {
                throw ZipDecompression.Failure(kind: .crcMismatch(declared: entry.crc32, actual: actual))
            }
        } catch let failure as ZipDecompression.Failure {
            throw file.error(failure.kind, entry: entry.name)
        }
    }
}
