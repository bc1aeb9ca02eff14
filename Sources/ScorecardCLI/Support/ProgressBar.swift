import Foundation
import Scorecard
#if canImport(Glibc)
import Glibc
#endif

/// Progress of a long job on standard error: a bar on a terminal, one plain line per file otherwise.
///
/// Plain lines suit logs and CI; the bar redraws one line in place and is cleared at the end.
final class ProgressBar {
    let enabled: Bool
    let isTerminal: Bool
    private var total = 0
    private var started = Date()
    private var bytes = 0
    private var drawn = false

    init(enabled: Bool = true, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
        self.isTerminal = isTerminal
    }

    /// Shows what the job reported.
    func show(_ event: ProgressEvent) {
        switch event {
        case .reading(let files):
            total = files
            started = Date()
            bytes = 0
        case .read(let file):
            let detail = file.failed ? "failed" : "\(file.summaryRecords) summary and \(file.sampleRecords) per-sample records"
            step(file.index, label: terminalSafe(file.path), detail: detail, bytes: file.byteCount)
        case .done:
            finish()
        }
    }

    /// Reports that step `done` (1-based) finished: `label` is the file, `detail` what it gave.
    private func step(_ done: Int, label: String, detail: String, bytes stepBytes: Int) {
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
