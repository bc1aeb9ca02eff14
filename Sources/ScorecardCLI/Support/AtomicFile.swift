import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing files so a crash never leaves half of one: write a temporary file beside the target,
/// flush it to disk, then rename it over the target.
enum AtomicFile {
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

    /// Writes `data` to `path` atomically.
    static func write(_ data: Data, to path: String) throws {
        try prepare(data, for: path).commit()
    }

    /// Writes `data` to a temporary file beside `path` and flushes it; the caller commits or discards.
    static func prepare(_ data: Data, for path: String) throws -> Pending {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandError("cannot create the folder \(folder): \(error.localizedDescription)")
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CommandError("cannot write in \(folder): \(String(cString: strerror(errno)))") }
        let limit = FaultInjection.writeLimit
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                if let limit, offset >= limit {
                    failure = String(cString: strerror(ENOSPC))
                    return
                }
                let chunk = min(raw.count - offset, limit.map { max(1, $0 - offset) } ?? Int.max, 1 << 20)
                guard let base = raw.baseAddress else { return }
                let written = Glibc.write(fd, base + offset, chunk)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if let failure {
            unlink(temporary)
            throw CommandError("cannot write \(path): \(failure)")
        }
        return Pending(temporary: temporary, target: path)
    }
}

/// Test hooks that make failures reproducible; inert unless their environment variable is set.
enum FaultInjection {
    /// `SCORECARD_FAULT_WRITE_LIMIT=N`: file writes fail with "No space left on device" after N bytes.
    static var writeLimit: Int? {
        ProcessInfo.processInfo.environment["SCORECARD_FAULT_WRITE_LIMIT"].flatMap(Int.init)
    }
}
