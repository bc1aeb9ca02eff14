import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file atomically: into a temporary file in the same folder, renamed over the target on commit.
///
/// Until ``commit()`` the target is untouched; ``discard()`` (or dropping the writer without
/// committing) removes the temporary file, so an error or a crash never leaves half a file.
final class AtomicFileWriter {
    let path: String
    private let temporary: String
    private var handle: UnsafeMutablePointer<FILE>?
    private(set) var bytesWritten = 0

    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder as NSString).appendingPathComponent(".\(url.lastPathComponent).tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else {
            throw CommandError("cannot create a temporary file beside \(path): \(String(cString: strerror(errno)))")
        }
        temporary = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { String(cString: $0) } ?? "" }
        guard let stream = fdopen(descriptor, "w") else {
            close(descriptor)
            unlink(temporary)
            throw CommandError("cannot open a temporary file beside \(path)")
        }
        handle = stream
        setvbuf(stream, nil, _IOFBF, 1 << 20)
    }

    deinit { discard() }

    /// Appends bytes.
    func write(_ bytes: [UInt8]) throws {
        guard let handle else { throw CommandError("write after the output was closed") }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == bytes.count else { throw CommandError("cannot write \(path): \(String(cString: strerror(errno)))") }
        bytesWritten += written
    }

    /// Appends bytes and a newline.
    func writeLine(_ bytes: [UInt8]) throws {
        try write(bytes)
        guard let handle, fputc(0x0A, handle) != EOF else { throw CommandError("cannot write \(path): \(String(cString: strerror(errno)))") }
        bytesWritten += 1
    }

    /// Flushes, syncs and renames the temporary file over the target.
    func commit() throws {
        guard let handle else { throw CommandError("the output was already closed") }
        self.handle = nil
        let flushed = fflush(handle) == 0 && fsync(fileno(handle)) == 0
        let closed = fclose(handle) == 0
        guard flushed, closed else {
            unlink(temporary)
            throw CommandError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        // mkstemp makes the file 0600; give it the usual permissions.
        var mask = umask(0)
        umask(mask)
        mask = 0o666 & ~mask
        chmod(temporary, mask)
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw CommandError("cannot replace \(path): \(message)")
        }
    }

    /// Removes the temporary file without touching the target.
    func discard() {
        guard let handle else { return }
        self.handle = nil
        fclose(handle)
        unlink(temporary)
    }
}
