import ArgumentParser
import Foundation
import Scorecard
import ScorecardRender
import ScorecardIngest

/// `scorecard bench import`: times `import` (read, statistics, JSON Lines) on folders of logs;
/// see ``ImportBenchmark``.
struct BenchImport: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Time importing logs: read, statistics, encode; MB/s, records/s, peak RSS; medians over repeats."
    )

    @Argument(help: ArgumentHelp("Folders (or files) of logs.", valueName: "folder"))
    var inputs: [String] = []

    @Option(name: .long, help: "Repeats; medians are reported.")
    var `repeat` = 3

    @Option(name: .long, help: "Files read at a time.")
    var jobs = 2

    @Option(name: .long, help: ArgumentHelp("Bootstrap resamples.", valueName: "B"))
    var bootstrapResamples = 10_000

    @Option(name: .long, help: "Stage given to the records.")
    var stage = "pre_mitigation"

    @Flag(name: .long, help: "Summary records only.")
    var noSamples = false

    @Flag(name: .long, help: "For .eval logs, read every samples/* member instead of summaries.json.")
    var exactMetadata = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one folder of logs.") }
        if !(1...100).contains(`repeat`) { throw ValidationError("--repeat must be between 1 and 100.") }
        if !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64.") }
    }

    mutating func execute() throws -> ExitStatus {
        let options = ImportOptions(
            stage: stage, includeSamples: !noSamples, bootstrap: .init(resamples: bootstrapResamples, seed: 0),
            exactMetadata: exactMetadata)
        let benchmark = try ImportBenchmark(inputs: inputs, options: options, jobs: jobs, repeats: `repeat`)
        let result = try benchmark.run()
        let rows = result.rows, median = result.median, files = benchmark.files.count
        switch format {
        case .json:
            let document: [String: Any] = [
                "files": files, "jobs": jobs, "bootstrap_resamples": bootstrapResamples, "repeats": rows.count,
                "median": Self.dictionary(median), "rows": rows.map(Self.dictionary),
                "bootstrap_10000_problems_seconds": result.bootstrapSeconds,
            ]
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
            try Console.write(String(decoding: data, as: UTF8.self) + "\n")
        case .text:
            try Console.write(text(files: files, rows: rows, median: median, bootstrapSeconds: result.bootstrapSeconds))
        }
        return .success
    }

    typealias Row = ImportBenchmark.Row

    static func dictionary(_ row: Row) -> [String: Any] {
        [
            "wall_seconds": row.wall, "read_seconds": row.read, "compute_seconds": row.compute, "encode_seconds": row.encode,
            "megabytes": row.megabytes, "megabytes_per_second": row.megabytesPerSecond, "sample_records": row.sampleRecords,
            "summary_records": row.summaryRecords, "records_per_second": row.recordsPerSecond,
            "output_megabytes": row.outputMegabytes, "peak_rss_megabytes": row.peakRSSMegabytes,
        ]
    }

    func text(files: Int, rows: [Row], median: Row, bootstrapSeconds: Double) -> String {
        let header = "files \(files)  \(String(format: "%.1f", median.megabytes)) MB  sample records \(median.sampleRecords)  "
            + "summary records \(median.summaryRecords)  jobs \(jobs)  B=\(bootstrapResamples)  output \(String(format: "%.1f", median.outputMegabytes)) MB\n"
        var table = TextTable()
        table.add(["run", "wall s", "read s", "compute s", "encode s", "MB/s", "records/s", "peak RSS MB"])
        func add(_ label: String, _ row: Row) {
            table.add([label, f(row.wall, 3), f(row.read, 3), f(row.compute, 3), f(row.encode, 3),
                       f(row.megabytesPerSecond, 0), f(row.recordsPerSecond, 0), f(row.peakRSSMegabytes, 1)])
        }
        for (index, row) in rows.enumerated() { add("\(index + 1)", row) }
        add("median", median)
        return header + table.render()
            + "read/compute/encode are thread-seconds summed over \(jobs) workers; wall is elapsed time\n"
            + "bootstrap alone: B=\(bootstrapResamples) over 10000 problems x 3 attempts (mean, pass@3, two-level): \(f(bootstrapSeconds, 3)) s\n"
    }

    func f(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }
}
