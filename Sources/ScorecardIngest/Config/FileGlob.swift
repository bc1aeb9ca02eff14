import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands shell-style patterns (`logs/*.eval`) to the files they match, sorted.
public enum FileGlob {
    /// Regular files matching `pattern`; a pattern without wildcards matches itself if it exists.
    /// A directory expands to the files directly inside it.
    public static func expand(_ pattern: String) -> [String] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: pattern, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { return [pattern] }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: pattern)) ?? []
            return entries.filter { !$0.hasPrefix(".") }.sorted()
                .map { (pattern as NSString).appendingPathComponent($0) }
                .filter { isRegularFile($0) }
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

    static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
