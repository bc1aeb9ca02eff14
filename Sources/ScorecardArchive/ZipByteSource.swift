#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an archive's bytes come from: an open file read with `pread`, or an array in memory.
///
/// Files are read with positional reads rather than mapped, so a file that shrinks
/// while it is being read (a live log being rewritten) yields a truncation error
/// instead of a bus error. Only the ranges asked for are read.
enum ZipByteSource: Sendable {
    case file(ZipFileHandle)
    case memory([UInt8])

    /// The total number of bytes available.
    var size: UInt64 {
        switch self {
        case let .file(handle): handle.size
        case let .memory(bytes): UInt64(bytes.count)
        }
    }

    /// Reads `count` bytes at `offset`; the caller has checked the range against ``size``.
    func read(offset: UInt64, count: Int) throws(ZipFileHandle.ReadFailure) -> [UInt8] {
        switch self {
        case let .file(handle):
            return try handle.read(offset: offset, count: count)
        case let .memory(bytes):
            guard let start = Int(exactly: offset), count >= 0, start <= bytes.count,
                  count <= bytes.count - start
            else { throw .shortRead(got: 0) }
            return Array(bytes[start..<(start + count)])
        }
    }

    /// Calls `body` with `count` bytes at `offset`, without copying for in-memory sources.
    func withBytes<R>(
        offset: UInt64, count: Int, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        switch self {
        case let .file(handle):
            let bytes = try handle.read(offset: offset, count: count)
            return try bytes.withUnsafeBytes(body)
        case let .memory(bytes):
            guard let start = Int(exactly: offset), count >= 0, start <= bytes.count,
                  count <= bytes.count - start
            else { throw ZipFileHandle.ReadFailure.shortRead(got: 0) }
            return try bytes.withUnsafeBytes { all in
                try body(UnsafeRawBufferPointer(rebasing: all[start..<(start + count)]))
            }
        }
    }
}

/// An open, read-only file descriptor that is closed when the last reference goes away.
///
/// Immutable after creation and read only with `pread`, which keeps no shared file
/// position, so one handle can be used from several threads at once.
final class ZipFileHandle: @unchecked Sendable {
    /// Why a read failed: a system error, or the file ended early.
    enum ReadFailure: Error {
        case system(String)
        case shortRead(got: Int)
    }

    let descriptor: Int32
    let size: UInt64

    /// Opens `path` for reading and records its size; the message on failure is the system's.
    init(path: String) throws(ReadFailure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(Self.errorMessage("cannot open")) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = ReadFailure.system(Self.errorMessage("cannot stat"))
            close(fd)
            throw failure
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .system("not a regular file")
        }
        descriptor = fd
        size = UInt64(max(0, info.st_size))
    }

    deinit { close(descriptor) }

    /// Reads exactly `count` bytes at `offset`, retrying after interrupts and short reads.
    func read(offset: UInt64, count: Int) throws(ReadFailure) -> [UInt8] {
        guard count > 0 else { return [] }
        guard let base = off_t(exactly: offset) else { throw .shortRead(got: 0) }
        var failure: ReadFailure?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress.map { $0 + done }, count - done, base + off_t(done))
                if got > 0 {
                    done += got
                } else if got == 0 {
                    failure = .shortRead(got: done)
                    break
                } else if errno != EINTR {
                    failure = .system(Self.errorMessage("read failed"))
                    break
                }
            }
            initialized = failure == nil ? count : 0
        }
        if let failure { throw failure }
        return bytes
    }

    private static func errorMessage(_ what: String) -> String {
        let code = errno
        return "\(what): \(String(cString: strerror(code)))"
    }
}
