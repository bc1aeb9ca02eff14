import ArgumentParser
import Foundation
import Scorecard
import ScorecardRender

/// `scorecard bench memory`: peak RSS of `import`, `regenerate` and `check` on generated evidence;
/// see ``MemoryBenchmark``.
struct BenchMemoryCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Peak memory of import, regenerate and check on generated evidence (whole processes).",
        discussion: """
            Writes a framework of ten CTF indicators, an evidence file of N records in JSON Lines \
            and a card over them in a new temporary folder (or --folder), then runs `scorecard \
            import`, `regenerate` and `check` on them, one process each, and prints each one's \
            wall time and peak resident set (the kernel's ru_maxrss). Per-sample records come from \
            20 models × 10 evaluations × 5 epochs; --results writes result records instead, one \
            variant each. The target is a peak of at most --limit MB for every command. Build with \
            `swift build -c release` first. The figures in docs/performance.md are those of the \
            default, 5 million records (589 MB); a quick run:
              scorecard bench memory --records 2000
            """
    )

    @Option(help: ArgumentHelp("Records in the evidence file (1–100000000).", valueName: "N"))
    var records = 5_000_000

    @Flag(help: "Result records instead of per-sample records.")
    var results = false

    @Option(help: ArgumentHelp("Folder to write the inputs to (kept); default: a temporary folder, removed afterwards.", valueName: "DIR"))
    var folder: String?

    @Option(help: ArgumentHelp("The peak RSS each command should stay within.", valueName: "MB"))
    var limit = 600.0

    @Option(help: ArgumentHelp("The scorecard executable to measure (another build, to compare); default: this one.", valueName: "PATH"))
    var executable: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard MemoryBenchmark.records.contains(records) else {
            throw ValidationError("--records must be between 1 and \(MemoryBenchmark.records.upperBound), found \(records).")
        }
        guard limit > 0 else { throw ValidationError("--limit must be positive.") }
        if let folder, let contents = try? FileManager.default.contentsOfDirectory(atPath: folder), !contents.isEmpty {
            throw ValidationError("--folder \(folder) is not empty; give a new or empty folder.")
        }
    }

    mutating func execute() throws -> ExitStatus {
        let temporary = folder == nil
        let target = folder ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("scorecard-bench-memory-\(getpid())")
        defer { if temporary { try? FileManager.default.removeItem(atPath: target) } }
        let benchmark = MemoryBenchmark(
            records: records, kind: results ? .results : .samples, executable: executable ?? Self.executable, folder: target)
        let result = try benchmark.run(removeOnInterrupt: temporary) { Console.error("bench memory: \($0)") }
        #if DEBUG
        Console.error("warning: this is a debug build; measure with `swift build -c release` and .build/release/scorecard")
        #endif
        let within = result.steps.allSatisfy { $0.peakRSSMegabytes <= limit }
        switch format {
        case .json:
            let document: [String: Any] = [
                "records": result.records, "kind": result.kind, "evidence_megabytes": result.evidenceMegabytes,
                "generate_seconds": result.generateSeconds, "limit_megabytes": limit, "within_limit": within,
                "steps": result.steps.map {
                    ["command": $0.command, "wall_seconds": $0.wallSeconds, "peak_rss_megabytes": $0.peakRSSMegabytes,
                     "exit_code": Int($0.exitCode)] as [String: Any]
                },
            ]
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
            try Console.write(String(decoding: data, as: UTF8.self) + "\n")
        case .text:
            var out = "bench memory: \(result.records) \(results ? "result" : "per-sample") records, "
                + "\(String(format: "%.1f", result.evidenceMegabytes)) MB of JSON Lines (written in \(String(format: "%.1f", result.generateSeconds)) s)\n"
            var table = TextTable()
            table.add(["command", "wall s", "peak RSS MB"])
            for step in result.steps {
                table.add([step.command, String(format: "%.2f", step.wallSeconds), String(format: "%.1f", step.peakRSSMegabytes)])
            }
            out += table.render()
            out += within
                ? "every command within \(String(format: "%.0f", limit)) MB\n"
                : "over \(String(format: "%.0f", limit)) MB: \(result.steps.filter { $0.peakRSSMegabytes > limit }.map(\.command).joined(separator: ", "))\n"
            try Console.write(out)
        }
        return .success
    }

    /// This executable, which the commands measured run as.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
