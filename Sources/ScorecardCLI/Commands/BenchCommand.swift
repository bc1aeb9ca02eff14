import ArgumentParser

/// `scorecard bench`: speed and memory measurements (benchmarks, not tests).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed and memory on real inputs (benchmarks, not tests).",
        subcommands: [BenchImport.self]
    )
}
