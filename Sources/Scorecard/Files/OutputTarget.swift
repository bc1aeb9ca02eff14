import Foundation
import ScorecardIngest
#if canImport(Glibc)
import Glibc
#endif

/// The checks before a command replaces a file it was told to write (`--out`): the path must be
/// a regular file or absent, and never one of the command's own inputs.
///
/// A write is a rename over the path, so a device, FIFO or socket there would be replaced by a
/// regular file, and an input named as the output would be lost with the records it held.
public enum OutputTarget {
    /// Throws an `InputError` naming the path (exit 2) when `path` exists and is a FIFO, a socket
    /// or a device, or when it is the same file as one of `inputs` (compared by device and
    /// inode, so another spelling of the path or a link is caught too); inputs that do not exist
    /// are ignored.
    public static func check(_ path: String, against inputs: [String] = []) throws(InputError) {
        var target = stat()
        guard stat(path, &target) == 0 else { return }
        let kind = target.st_mode & S_IFMT
        // A folder is never replaced: the rename over it fails, naming it.
        guard kind == S_IFREG || kind == S_IFDIR else {
            throw InputError(file: path, "is \(description(of: kind)), not a regular file; it was left untouched: give a file to write")
        }
        for input in inputs {
            var other = stat()
            guard stat(input, &other) == 0, other.st_dev == target.st_dev, other.st_ino == target.st_ino else { continue }
            throw InputError(file: path, "is an input of this command (\(input)); it was left untouched: write the output elsewhere")
        }
    }

    /// "a folder", "a FIFO", …: what kind of file the mode names.
    static func description(of kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }
}
