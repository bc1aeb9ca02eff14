import Foundation

/// Paths shown in scorecards are relative to the configuration's folder, so the same card gives
/// the same bytes wherever the repository is checked out.
public enum RelativePath {
    /// `path` relative to `base` (both absolute), using `..` where needed.
    public static func from(_ base: String, to path: String) -> String {
        let from = URL(fileURLWithPath: base).standardized.pathComponents
        let to = URL(fileURLWithPath: path).standardized.pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let rest = Array(to[common...])
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
