import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on a file (flock), released when the process exits or is killed.
///
/// Two `regenerate` runs on one store take turns: the second waits up to its timeout, then
/// gives up with a clear message instead of writing alongside the first. Two processes that
/// rewrite one file (`import --out`, a card's `signoffs:` file, a keyring) take turns the same way
/// (``guarding(_:timeout:)``).
final class FileLock {
    private let descriptor: Int32
    let path: String
    /// The lock file is removed when the lock is released (``guarding(_:timeout:)``).
    private let transient: Bool

    /// Takes the lock, waiting up to `timeout` seconds; nil when it could not be had in time.
    ///
    /// - Parameter transient: remove the lock file on release. A process that was waiting on the
    ///   removed file then finds that the path no longer names the file it locked, and starts
    ///   again on the new one, so two processes never hold the lock at once.
    init?(path: String, timeout: Double, transient: Bool = false, waiting: () -> Void = {}) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw FileError("cannot create the folder \(folder): \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var announced = false
        var locked: Int32?
        while locked == nil {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw FileError("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
            }
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK || errno == EINTR else {
                    close(fd)
                    throw FileError("cannot lock \(path): \(String(cString: strerror(errno)))")
                }
                if Date() >= deadline {
                    close(fd)
                    return nil
                }
                if !announced {
                    waiting()
                    announced = true
                }
                usleep(50_000)
            }
            if !transient || Self.names(path, fd) {
                locked = fd
            } else {
                close(fd)
            }
        }
        descriptor = locked ?? -1
        self.path = path
        self.transient = transient
    }

    deinit {
        if transient { unlink(path) }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Whether `path` still names the file open as `fd` (not removed or replaced since it was opened).
    private static func names(_ path: String, _ fd: Int32) -> Bool {
        var open = stat(), named = stat()
        guard fstat(fd, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// The lock file that guards read-modify-write of `path`: `.NAME.lock` beside it (hidden, so a
    /// folder of evidence never reads it as an input), there only while the lock is held.
    static func guardPath(for path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).lock"
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// Takes the lock guarding `path` (``guardPath(for:)``), waiting up to `timeout` seconds; a
    /// ``FileError`` when another process holds it for the whole wait.
    ///
    /// Two processes that read a file, change it and write it back (an `import --out`, a card's
    /// `signoffs:` file, a keyring) take turns under this lock, so neither loses the other's records.
    static func guarding(_ path: String, timeout: Double = 60) throws -> FileLock {
        let lockPath = guardPath(for: path)
        guard let lock = try FileLock(path: lockPath, timeout: timeout, transient: true) else {
            throw FileError("another scorecard process still holds \(lockPath) after \(Seconds.text(timeout)) (it is changing \(path)); try again later")
        }
        return lock
    }

    /// Runs `body` holding the lock guarding `path`.
    static func guarding<T>(_ path: String, timeout: Double = 60, _ body: () throws -> T) throws -> T {
        let lock = try guarding(path, timeout: timeout)
        return try withExtendedLifetime(lock) { try body() }
    }
}
