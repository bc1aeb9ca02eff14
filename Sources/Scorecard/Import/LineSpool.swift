import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lines one input gave, waiting for their turn to be written: kept in memory up to
/// ``memoryLimit`` bytes, the rest in an unlinked temporary file beside the output.
///
/// An input of millions of records (one large JSON Lines file) therefore costs a few megabytes
/// of memory however many lines it has; an ordinary log's lines never leave memory. Each line
/// carries a tag (an index the producer chooses; 0 when unused). A spool is filled by one
/// thread and then handed to another that reads it (`forEach`, any number of times), never used
/// by two at once.
final class LineSpool: @unchecked Sendable {
    /// Bytes of lines (and their 8-byte headers) kept in memory before they go to the file.
    static let memoryLimit = 4 << 20

    /// Lines appended.
    private(set) var count = 0
    /// Bytes of the lines, a newline counted after each.
    private(set) var byteCount = 0
    /// Lines written to the temporary file so far.
    private(set) var spilledLines = 0
    private var buffer: [UInt8] = []
    private var file: UnsafeMutablePointer<FILE>?
    private let folder: String
    private let limit: Int

    /// A spool whose temporary file, if it needs one, is made in `folder`.
    init(folder: String, memoryLimit: Int = LineSpool.memoryLimit) {
        self.folder = folder.isEmpty ? "." : folder
        self.limit = memoryLimit
    }

    deinit { if let file { fclose(file) } }

    /// Appends one line (without its newline) with `tag`.
    func append(_ line: [UInt8], tag: UInt32 = 0) throws {
        withUnsafeBytes(of: UInt32(line.count).littleEndian) { buffer += $0 }
        withUnsafeBytes(of: tag.littleEndian) { buffer += $0 }
        buffer += line
        count += 1
        byteCount += line.count + 1
        if buffer.count >= limit { try spill() }
    }

    /// Calls `body` with every line and its tag, in order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UInt32) throws -> Void) throws {
        if let file {
            rewind(file)
            var line: [UInt8] = []
            var header = [UInt8](repeating: 0, count: 8)
            for _ in 0..<spilledLines {
                guard fread(&header, 1, 8, file) == 8 else { throw Self.readError() }
                let (length, tag) = Self.header(header.withUnsafeBufferPointer { $0 })
                if line.count < length { line = [UInt8](repeating: 0, count: length) }
                if length > 0 { guard fread(&line, 1, length, file) == length else { throw Self.readError() } }
                try line.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<length]), tag) }
            }
        }
        try buffer.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < bytes.count {
                let (length, tag) = Self.header(UnsafeBufferPointer(rebasing: bytes[offset..<offset + 8]))
                try body(UnsafeBufferPointer(rebasing: bytes[offset + 8..<offset + 8 + length]), tag)
                offset += 8 + length
            }
        }
    }

    private static func header(_ bytes: UnsafeBufferPointer<UInt8>) -> (length: Int, tag: UInt32) {
        let raw = UnsafeRawBufferPointer(bytes)
        return (Int(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))),
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
    }

    private func spill() throws {
        if file == nil {
            var template = Array(((folder as NSString).appendingPathComponent(".scorecard-spool-XXXXXX")).utf8CString)
            let descriptor = mkstemp(&template)
            guard descriptor >= 0 else { throw FileError("cannot write a temporary file in \(folder): \(String(cString: strerror(errno)))") }
            unlink(template)
            guard let stream = fdopen(descriptor, "w+") else {
                close(descriptor)
                throw FileError("cannot write a temporary file in \(folder)")
            }
            file = stream
        }
        guard let file, fwrite(buffer, 1, buffer.count, file) == buffer.count else {
            throw FileError("cannot write a temporary file in \(folder): \(String(cString: strerror(errno)))")
        }
        spilledLines = count
        buffer.removeAll(keepingCapacity: true)
    }

    private static func readError() -> FileError {
        FileError("cannot read back a temporary file: \(String(cString: strerror(errno)))")
    }
}
