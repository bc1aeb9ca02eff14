import ArgumentParser
import Foundation
import ScorecardCore
import ScorecardIngest

/// `scorecard bench import`: times `import` (read, statistics, JSON Lines) on folders of logs.
///
/// Each repeat runs the same pipeline as `import`, with the same workers, but discards the
/// output; the kernel's peak-RSS counter is reset before each repeat, so each row shows that
/// repeat's peak. Phase times are summed over workers (thread-seconds); wall is the repeat's
/// elapsed time. A last line times the bootstrap alone: B resamples over 10,000 problems.
struct BenchImport: ParsableCommand {
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

    struct Row: Codable {
        var wall = 0.0, read = 0.0, compute = 0.0, encode = 0.0
        var megabytes = 0.0, sampleRecords = 0, summaryRecords = 0, outputMegabytes = 0.0, peakRSSMegabytes = 0.0
        var megabytesPerSecond: Double { wall > 0 ? megabytes / wall : 0 }
        var recordsPerSecond: Double { wall > 0 ? Double(sampleRecords) / wall : 0 }
    }

    func run() throws {
        let files: [EvidenceFormats.Input]
        do {
            files = try EvidenceFormats.inputs(inputs).inputs
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        let options = ImportOptions(
            stage: stage, includeSamples: !noSamples, bootstrap: .init(resamples: bootstrapResamples, seed: 0),
            exactMetadata: exactMetadata)
        var rows: [Row] = []
        for _ in 0..<`repeat` {
            rows.append(try once(files, options: options))
        }
        let bootstrapSeconds = Self.timeBootstrap(resamples: bootstrapResamples)
        let median = Self.median(rows)
        switch format {
        case .json:
            let document: [String: Any] = [
                "files": files.count, "jobs": jobs, "bootstrap_resamples": bootstrapResamples, "repeats": rows.count,
                "median": Self.dictionary(median), "rows": rows.map(Self.dictionary),
                "bootstrap_10000_problems_seconds": bootstrapSeconds,
            ]
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
            Console.write(String(decoding: data, as: UTF8.self) + "\n")
        case .text:
            Console.write(text(files: files.count, rows: rows, median: median, bootstrapSeconds: bootstrapSeconds))
        }
    }

    func once(_ files: [EvidenceFormats.Input], options: ImportOptions) throws -> Row {
        PeakMemory.reset()
        var row = Row()
        var failures: [Diagnostic] = []
        let clock = ContinuousClock()
        let start = clock.now
        OrderedWorkers.run(count: files.count, jobs: jobs, work: { ImportPipeline.process(files[$0], options: options) }) { _, processed in
            if let error = processed.error { failures += error.diagnostics }
            row.read += processed.readSeconds
            row.compute += processed.computeSeconds
            row.encode += processed.encodeSeconds
            row.megabytes += Double(processed.fileBytes) / 1e6
            row.sampleRecords += processed.sampleLines.count
            row.summaryRecords += processed.summaryLines.count
            row.outputMegabytes += Double((processed.summaryLines + processed.sampleLines).reduce(0) { $0 + $1.count + 1 }) / 1e6
        }
        let elapsed = clock.now - start
        row.wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        row.peakRSSMegabytes = PeakMemory.peakMegabytes()
        if !failures.isEmpty {
            Console.error(InputError(failures).description)
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        return row
    }

    /// Seconds for one bootstrap of B resamples over 10,000 problems of three 0/1 attempts (mean, pass@3, two-level).
    static func timeBootstrap(resamples: Int) -> Double {
        var generator = SeededGenerator(seed: 42)
        let problems: [[SampleStatistics.Attempt]] = (0..<10_000).map { _ in
            (0..<3).map { _ in .scored(generator.next() % 3 == 0 ? 1 : 0, answer: .missing) }
        }
        let clock = ContinuousClock()
        let start = clock.now
        _ = SampleStatistics.summarize(problems, k: 3, errored: .failure, bootstrap: .init(resamples: resamples, seed: 0))
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    static func median(_ rows: [Row]) -> Row {
        func mid(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        var row = rows.first ?? Row()
        row.wall = mid(rows.map(\.wall))
        row.read = mid(rows.map(\.read))
        row.compute = mid(rows.map(\.compute))
        row.encode = mid(rows.map(\.encode))
        row.peakRSSMegabytes = mid(rows.map(\.peakRSSMegabytes))
        return row
    }

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
