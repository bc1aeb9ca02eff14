/// A byte source paired with the archive's path, offering range-checked reads that throw ``ZipError``.
///
/// Every range is checked against the source size with overflow-safe arithmetic before
/// anything is read, so offsets and sizes taken from the file cannot cause a trap.
struct ZipFileView: Sendable {
    let path: String
    let source: ZipByteSource

    var size: UInt64 { source.size }

    /// Makes an error about this archive and, optionally, one entry.
    func error(_ kind: ZipError.Kind, entry: String? = nil) -> ZipError {
        ZipError(path: path, entryName: entry, kind: kind)
    }

    /// Checks that `count` bytes at `offset` lie inside the file and returns the count as an `Int`.
    func checkRange(offset: UInt64, count: UInt64, part: String, entry: String? = nil) throws(ZipError) -> Int {
        let (end, overflow) = offset.addingReportingOverflow(count)
        guard !overflow, end <= size, let length = Int(exactly: count) else {
            throw error(
                .truncated(part: part, lower: offset, upper: overflow ? UInt64.max : end, fileSize: size),
                entry: entry)
        }
        return length
    }

    /// Reads `count` bytes at `offset`, throwing a truncation error naming `part` if they are not all there.
    func read(offset: UInt64, count: UInt64, part: String, entry: String? = nil) throws(ZipError) -> [UInt8] {
        let length = try checkRange(offset: offset, count: count, part: part, entry: entry)
        do {
            return try source.read(offset: offset, count: length)
        } catch {
            throw readFailure(error, offset: offset, count: count, part: part, entry: entry)
        }
    }

    /// Calls `body` with `count` bytes at `offset`; in-memory sources are not copied.
    func withBytes<R>(
        offset: UInt64, count: UInt64, part: String, entry: String? = nil,
        _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        let length = try checkRange(offset: offset, count: count, part: part, entry: entry)
        do {
            return try source.withBytes(offset: offset, count: length, body)
        } catch let failure as ZipFileHandle.ReadFailure {
            throw readFailure(failure, offset: offset, count: count, part: part, entry: entry)
        }
    }

    /// Calls `body` with the `count` bytes at `offset`, `chunkSize` bytes at a time, in order.
    ///
    /// Files are read into one reused buffer; in-memory sources are sliced without copying.
    func forEachChunk(
        offset: UInt64, count: UInt64, chunkSize: Int, part: String, entry: String? = nil,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let length = try checkRange(offset: offset, count: count, part: part, entry: entry)
        let step = max(1, chunkSize)
        var done = 0
        while done < length {
            let piece = min(step, length - done)
            let at = offset + UInt64(done)
            do {
                try source.withBytes(offset: at, count: piece, body)
            } catch let failure as ZipFileHandle.ReadFailure {
                throw readFailure(failure, offset: at, count: UInt64(piece), part: part, entry: entry)
            }
            done += piece
        }
    }

    private func readFailure(
        _ failure: ZipFileHandle.ReadFailure, offset: UInt64, count: UInt64, part: String, entry: String?
    ) -> ZipError {
        switch failure {
        case let .system(message):
            return error(.io(message), entry: entry)
        case let .shortRead(got):
            // The file shrank after it was opened (for example a log being rewritten).
            let fileSize = offset &+ UInt64(got)
            return error(.truncated(part: part, lower: offset, upper: offset &+ count, fileSize: fileSize), entry: entry)
        }
    }
}
