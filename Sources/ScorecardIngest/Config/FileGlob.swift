import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands shell-style patterns (`logs/*.eval`) to the files they match, sorted.
public enum FileGlob {
    /// Regular files matching `pattern`; a pattern without wildcards matches itself if it exists.
    /// A directory expands to the files under it, in its subfolders too (EEE's datastore keeps
    /// records in `<developer>/<model>/`, lm-eval a folder per model), sorted by path; hidden
    /// files and folders are left out, and a symbolic link to a folder is not followed (no loops).
    public static func expand(_ pattern: String) -> [String] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: pattern, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { return [pattern] }
            return filesUnder(pattern)
        }
        guard pattern.contains(where: { "*?[".contains($0) }) else { return [] }
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[i] { paths.append(String(cString: cString)) }
        }
        return paths.filter { isRegularFile($0) }.sorted()
    }

    /// The regular, non-hidden files under `folder`, by path.
    static func filesUnder(_ folder: String) -> [String] { walk(folder).files }

    /// The regular, non-hidden files under `folder`, by path, and the folders under it that could
    /// not be listed (which a caller reports: their files would otherwise be missing unseen).
    public static func walk(_ folder: String) -> (files: [String], unlisted: [String]) {
        var files: [String] = []
        var unlisted: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: current) else {
                unlisted.append(current)
                continue
            }
            for name in entries where !name.hasPrefix(".") {
                let path = (current as NSString).appendingPathComponent(name)
                guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType else { continue }
                if type == .typeDirectory {
                    pending.append(path)
                } else if isRegularFile(path) {
                    files.append(path)
                }
            }
        }
        return (files.sorted(), unlisted.sorted())
    }

    static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
