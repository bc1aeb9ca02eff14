import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard output could not be written: a full disk, a closed pipe, a device that refuses data.
struct OutputError: Error, CustomStringConvertible {
    /// The system's reason, such as "No space left on device" or "Broken pipe".
    let reason: String

    var description: String { "cannot write to standard output: \(reason)" }
}

/// Writing to the terminal, through `write(2)` so every failure is seen.
///
/// Standard output is the result a user or a scheduler reads: a write that fails is an error like
/// any other I/O error (``OutputError``, exit 1), never a trap. The tool ignores SIGPIPE (see
/// `main.swift`), so a reader that goes away (`scorecard assess … | head -1`) is the error "Broken
/// pipe" too. Standard error carries the messages about such failures; when it cannot be written
/// either, there is no one left to tell, and its failures are ignored.
enum Console {
    /// Writes text to standard output as is.
    static func write(_ text: String) throws(OutputError) {
        try write(Data(text.utf8))
    }

    /// Writes bytes to standard output.
    static func write(_ data: Data) throws(OutputError) {
        if let reason = writeAll(data, to: STDOUT_FILENO) { throw OutputError(reason: reason) }
    }

    /// Writes a line to standard error.
    static func error(_ text: String) {
        _ = writeAll(Data((text.hasSuffix("\n") ? text : text + "\n").utf8), to: STDERR_FILENO)
    }

    /// Writes text to standard error as is (no newline added).
    static func raw(_ text: String) {
        _ = writeAll(Data(text.utf8), to: STDERR_FILENO)
    }

    /// Writes every byte to `descriptor`, retrying interrupted and partial writes; the system's
    /// reason when it fails.
    private static func writeAll(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> String? in
            guard var next = buffer.baseAddress else { return nil }
            var left = buffer.count
            while left > 0 {
                let written = Glibc.write(descriptor, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN {
                        // A non-blocking descriptor that is full: wait until it can take more.
                        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, -1)
                        continue
                    }
                    return String(cString: strerror(errno))
                }
                next += written
                left -= written
            }
            return nil
        }
    }
}
