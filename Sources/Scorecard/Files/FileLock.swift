import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on a file (flock), released when the process exits or is killed.
///
/// Two `regenerate` runs on one store take turns: the second waits up to its timeout, then
/// gives up with a clear message instead of writing alongside the first.
final class FileLock {
    private let descriptor: Int32
    let path: String

    /// Takes the lock, waiting up to `timeout` seconds; nil when it could not be had in time.
    init?(path: String, timeout: Double, waiting: () -> Void = {}) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw FileError("cannot create the folder \(folder): \(error.localizedDescription)")
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FileError("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var announced = false
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
        descriptor = fd
        self.path = path
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
