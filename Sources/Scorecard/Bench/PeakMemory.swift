import Foundation

/// The kernel's record of this process's peak resident set (Linux `/proc/self/status` VmHWM).
enum PeakMemory {
    /// Resets the peak to the current resident set (writing 5 to `/proc/self/clear_refs`); a no-op elsewhere.
    static func reset() {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return }
        try? handle.write(contentsOf: Data("5".utf8))
        try? handle.close()
    }

    /// VmHWM in megabytes (10^6 bytes), or 0 when unknown.
    static func peakMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024 / 1e6
    }
}
