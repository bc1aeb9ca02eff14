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
                throw FileError("cannot replace \(target): \(reason)")
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
