import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file in pieces into a temporary file beside the target; `commit()` renames it over
/// the target, `discard()` (or dropping the writer) removes it. The target is untouched until then.
final class AtomicFileWriter {
    let path: String
    private let temporary: String
    private var handle: UnsafeMutablePointer<FILE>?
    private(set) var bytesWritten = 0
    private let limit = FaultInjection.writeLimit

    /// - Parameter mode: the new file's permissions (less the umask); `0o600` for a secret.
    init(path: String, mode: mode_t = 0o666) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileError("cannot create the folder \(folder): \(error.localizedDescription)")
        }
        temporary = AtomicFile.temporaryName(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw FileError("cannot write in \(folder): \(String(cString: strerror(errno)))") }
        guard let stream = fdopen(descriptor, "w") else {
            close(descriptor)
            unlink(temporary)
            throw FileError("cannot open a temporary file beside \(path)")
        }
        handle = stream
        setvbuf(stream, nil, _IOFBF, 1 << 20)
    }

    deinit { discard() }

    /// Appends bytes.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let handle else { throw FileError("write after the output was closed") }
        if let limit, bytesWritten + bytes.count > limit { throw FileError("cannot write \(path): \(String(cString: strerror(ENOSPC)))") }
        let written = bytes.isEmpty ? 0 : fwrite(bytes.baseAddress, 1, bytes.count, handle)
        guard written == bytes.count else { throw FileError("cannot write \(path): \(String(cString: strerror(errno)))") }
        bytesWritten += written
    }

    /// Appends bytes.
    func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try write($0) } }

    /// Appends bytes and a newline.
    func writeLine(_ bytes: [UInt8]) throws {
        try write(bytes)
        try write([0x0A])
    }

    /// Flushes and closes the temporary file, ready to be renamed over the target.
    func finish() throws -> AtomicFile.Pending {
        guard let handle else { throw FileError("the output was already closed") }
        self.handle = nil
        let flushed = fflush(handle) == 0 && fsync(fileno(handle)) == 0
        let reason = String(cString: strerror(errno))
        let closed = fclose(handle) == 0
        guard flushed, closed else {
            unlink(temporary)
            throw FileError("cannot write \(path): \(reason)")
        }
        return AtomicFile.Pending(temporary: temporary, target: path)
    }

    /// Flushes, syncs and renames the temporary file over the target.
    func commit() throws { try finish().commit() }

    /// Removes the temporary file without touching the target.
    func discard() {
        guard let handle else { return }
        self.handle = nil
        fclose(handle)
        unlink(temporary)
    }
}

/// Test hooks that make failures reproducible; inert unless their environment variable is set.
enum FaultInjection {
    /// `SCORECARD_FAULT_WRITE_LIMIT=N`: file writes fail with "No space left on device" after N bytes.
    static var writeLimit: Int? {
        ProcessInfo.processInfo.environment["SCORECARD_FAULT_WRITE_LIMIT"].flatMap(Int.init)
    }
}
