import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Progress of a long job on standard error: a bar on a terminal, one plain line per step otherwise.
///
/// Plain lines suit logs and CI; the bar redraws one line in place and is cleared at the end.
final class Progress {
    let total: Int
    let enabled: Bool
    let isTerminal: Bool
    private let started = Date()
    private var bytes = 0
    private var drawn = false

    init(total: Int, enabled: Bool = true, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.enabled = enabled
        self.isTerminal = isTerminal
    }

    /// Reports that step `done` (1-based) finished: `label` is the file, `detail` what it gave.
    func step(_ done: Int, label: String, detail: String, bytes stepBytes: Int) {
        guard enabled else { return }
        bytes += stepBytes
        let elapsed = Date().timeIntervalSince(started)
        if isTerminal {
            let width = 24
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let line = "[\(bar)] \(done)/\(total)  \(Self.megabytes(bytes))  \(String(format: "%.1f", elapsed)) s  \(label)"
            let clipped = line.count > 110 ? String(line.prefix(109)) + "…" : line
            Console.raw("\r\u{1B}[K" + clipped)
            drawn = true
        } else {
            Console.error("[\(done)/\(total)] \(label): \(detail)")
        }
    }

    /// Clears the bar (on a terminal) before the final messages.
    func finish() {
        guard enabled, isTerminal, drawn else { return }
        Console.raw("\r\u{1B}[K")
        drawn = false
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}

extension Console {
    /// Writes text to standard error as is (no newline added).
    static func raw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
