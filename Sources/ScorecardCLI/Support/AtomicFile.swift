import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing files so a crash never leaves half of one: write a temporary file beside the target,
/// flush it to disk, then rename it over the target.
enum AtomicFile {
    /// Writes `data` to `path` atomically, creating its folder if needed.
    static func write(_ data: Data, to path: String) throws {
        try prepare(data, for: path).commit()
    }

    /// Writes `data` to a temporary file beside `path` and flushes it; the caller commits or discards.
    static func prepare(_ data: Data, for path: String) throws -> Pending {
        let writer = try AtomicFileWriter(path: path)
        try data.withUnsafeBytes { try writer.write($0) }
        return try writer.finish()
    }

    /// A fully written temporary file waiting to replace its target.
    struct Pending {
        let temporary: String
        let target: String

        /// Renames the temporary file over the target, then flushes the folder so the rename lasts.
        func commit() throws {
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw CommandError("cannot replace \(target): \(reason)")
            }
            let folder = (target as NSString).deletingLastPathComponent
            let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
            if fd >= 0 {
                _ = fsync(fd)
                close(fd)
            }
        }

        /// Removes the temporary file.
        func discard() { unlink(temporary) }
    }

    /// The temporary name for `target`: `.NAME.PID.RANDOM.tmp` in the same folder.
    static func temporaryName(for target: String) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = ".\((target as NSString).lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// Removes temporary files this tool left in `folder` when a process writing them was killed.
    ///
    /// Only names of the form `.NAME.PID.RANDOM.tmp` whose process is gone are removed.
    static func removeStale(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), UInt32(parts[parts.count - 1]) != nil else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink((folder as NSString).appendingPathComponent(name))
            }
        }
    }
}

/// Writes a file in pieces into a temporary file beside the target; `commit()` renames it over
/// the target, `discard()` (or dropping the writer) removes it. The target is untouched until then.
final class AtomicFileWriter {
    let path: String
    private let temporary: String
    private var handle: UnsafeMutablePointer<FILE>?
    private(set) var bytesWritten = 0
    private let limit = FaultInjection.writeLimit

    init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandError("cannot create the folder \(folder): \(error.localizedDescription)")
        }
        temporary = AtomicFile.temporaryName(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw CommandError("cannot write in \(folder): \(String(cString: strerror(errno)))") }
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
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let handle else { throw CommandError("write after the output was closed") }
        if let limit, bytesWritten + bytes.count > limit { throw CommandError("cannot write \(path): \(String(cString: strerror(ENOSPC)))") }
        let written = bytes.isEmpty ? 0 : fwrite(bytes.baseAddress, 1, bytes.count, handle)
        guard written == bytes.count else { throw CommandError("cannot write \(path): \(String(cString: strerror(errno)))") }
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
        guard let handle else { throw CommandError("the output was already closed") }
        self.handle = nil
        let flushed = fflush(handle) == 0 && fsync(fileno(handle)) == 0
        let reason = String(cString: strerror(errno))
        let closed = fclose(handle) == 0
        guard flushed, closed else {
            unlink(temporary)
            throw CommandError("cannot write \(path): \(reason)")
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
