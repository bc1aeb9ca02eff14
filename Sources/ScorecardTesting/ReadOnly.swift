import Foundation

/// Makes a folder unwritable, also for root (who ignores permission bits): `chattr +i` then.
public enum ReadOnly {
    /// A folder that could not be made read-only here.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Makes the folder at `path` read-only; throws when that is not possible here.
    public static func make(_ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path)
        if FileManager.default.isWritableFile(atPath: path) || getuid() == 0 {
            let status = try chattr("+i", path)
            if status != 0 { throw Failure(description: "cannot make \(path) read-only here (chattr exited \(status))") }
        }
    }

    /// Makes the folder writable again.
    public static func release(_ path: String) throws {
        if getuid() == 0 { _ = try chattr("-i", path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    private static func chattr(_ flag: String, _ path: String) throws -> Int32 {
        try runTool("/usr/bin/chattr", [flag, path])
    }
}
