import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands shell-style patterns (`logs/*.eval`) to the files they match, sorted.
public enum FileGlob {
    /// Regular files matching `pattern`, and those under the folders it matches; a pattern without
    /// wildcards matches itself if it exists.
    /// A directory expands to the files under it, in its subfolders too (EEE's datastore keeps
    /// records in `<developer>/<model>/`, lm-eval a folder per model), sorted by path; hidden
    /// files and folders are left out, and a symbolic link to a folder is not followed (no loops).
    public static func expand(_ pattern: String) -> [String] {
        find(pattern).files
    }

    /// What `pattern` names, as ``walk(_:)`` tells it: the files (sorted), the folders that could
    /// not be listed, and the entries that are neither a file nor a folder to descend into. A
    /// path that exists is itself (a folder, or a link to one, is walked); a wildcard pattern's
    /// matches are taken alike, except that a matched link to a folder is not followed.
    public static func find(_ pattern: String) -> (files: [String], unlisted: [String], ignored: [String]) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: pattern, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? walk(pattern) : ([pattern], [], [])
        }
        var found: (files: [String], unlisted: [String], ignored: [String]) = ([], [], [])
        for match in matches(pattern) {
            if isFolder(match) {
                let inside = walk(match)
                found.files += inside.files
                found.unlisted += inside.unlisted
                found.ignored += inside.ignored
            } else if isRegularFile(match) {
                found.files.append(match)
            } else {
                found.ignored.append(match)
            }
        }
        found.files.sort()
        return found
    }

    /// Everything a wildcard pattern matches (files, folders and anything else), sorted; nothing
    /// for a pattern without wildcards.
    static func matches(_ pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [] }
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[i] { paths.append(String(cString: cString)) }
        }
        return paths.sorted()
    }

    /// Whether `path` is a folder (not a link to one).
    static func isFolder(_ path: String) -> Bool {
        kind(path, following: false) == .typeDirectory
    }

    /// What is under `folder`, hidden entries left out: its regular files (a link to one counts),
    /// by path; the folders that could not be listed; and the entries that are neither a file nor
    /// a folder to descend into (a link to a folder, which is not followed so that no loop can
    /// form; a broken link; a FIFO or socket, whose reading would block). A caller names the last
    /// two: their contents would otherwise be missing unseen.
    public static func walk(_ folder: String) -> (files: [String], unlisted: [String], ignored: [String]) {
        var files: [String] = []
        var unlisted: [String] = []
        var ignored: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: current) else {
                unlisted.append(current)
                continue
            }
            for name in entries where !name.hasPrefix(".") {
                let path = (current as NSString).appendingPathComponent(name)
                switch kind(path, following: false) {
                case .typeDirectory?: pending.append(path)
                case .typeRegular?: files.append(path)
                case .typeSymbolicLink? where kind(path, following: true) == .typeRegular: files.append(path)
                default: ignored.append(path)
                }
            }
        }
        return (files.sorted(), unlisted.sorted(), ignored.sorted())
    }

    /// The type of the entry at `path`, or of what a link there points to when `following`.
    private static func kind(_ path: String, following: Bool) -> FileAttributeType? {
        let target = following ? (path as NSString).resolvingSymlinksInPath : path
        return (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType
    }

    /// Whether `path` is a regular file, or a link to one: not a folder, FIFO, socket or device.
    public static func isRegularFile(_ path: String) -> Bool {
        kind(path, following: true) == .typeRegular
    }
}
