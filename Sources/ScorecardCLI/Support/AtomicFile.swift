import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader sees the old contents or the new ones, never half of either.
///
/// The data goes to a temporary file in the target's directory, is flushed to disk with `fsync`,
/// and is then renamed over the target (a rename within one file system is atomic). On any
/// failure the temporary file is removed and the target is left as it was.
public enum AtomicFile {
    /// A write that failed, naming the path and the system's reason.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String

        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Replaces the file at `path` with `data`, atomically.
    ///
    /// The directory must exist. A new file gets mode 0666 less the process's umask.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw WriteError(path: path, reason: systemReason()) }
        var closed = false
        do {
            try writeAll(data, to: fd, path: path)
            guard fsync(fd) == 0 else { throw WriteError(path: path, reason: systemReason()) }
            closed = true
            guard close(fd) == 0 else { throw WriteError(path: path, reason: systemReason()) }
            guard rename(temporary, path) == 0 else { throw WriteError(path: path, reason: systemReason()) }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
        syncDirectory(directory)
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Foundation.write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: systemReason())
                }
                remaining -= written
                pointer += written
            }
        }
    }

    /// Makes the rename itself durable; failure here does not undo the (already visible) write.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }
}
