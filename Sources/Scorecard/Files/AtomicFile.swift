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

    /// Writes `data` to `path` atomically with permissions `mode`, refusing to replace a file
    /// that exists: the temporary file is hard-linked to the target, which fails if the target
    /// exists, so no check-then-write race can overwrite one.
    static func create(_ data: Data, at path: String, mode: mode_t) throws {
        let pending = try prepare(data, for: path, mode: mode)
        defer { pending.discard() }
        guard link(pending.temporary, path) == 0 else {
            throw FileError(errno == EEXIST ? "\(path) exists; it was left untouched" : "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        pending.syncFolder()
    }

    /// Writes `data` to a temporary file beside `path` and flushes it; the caller commits or discards.
    static func prepare(_ data: Data, for path: String, mode: mode_t = 0o666) throws -> Pending {
        let writer = try AtomicFileWriter(path: path, mode: mode)
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
            syncFolder()
        }

        /// Flushes the target's folder, so a rename or link into it lasts.
        func syncFolder() {
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
    /// Only names of the form `.NAME.PID.RANDOM.tmp` (``temporaryName(for:)``) are candidates, and
    /// one is removed only when its process is gone and it was last written before `cutoff` (the
    /// start of the run cleaning up), so a file another live process is writing is never touched.
    /// Returns the names removed.
    @discardableResult
    static func removeStale(in folder: String, before cutoff: Date) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names {
            guard let pid = temporaryOwner(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
            guard modified < cutoff.timeIntervalSince1970, unlink(path) == 0 else { continue }
            removed.append(name)
        }
        return removed.sorted()
    }

    /// The process id in a name of our temporary files, `.NAME.PID.RANDOM.tmp`; nil for any other name.
    static func temporaryOwner(_ name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[0].isEmpty,
              let pid = Int32(parts[parts.count - 2]), pid > 0, String(pid) == parts[parts.count - 2],
              let random = UInt32(parts[parts.count - 1]), String(random) == parts[parts.count - 1] else { return nil }
        return pid
    }
}
