import Foundation
import ScorecardCore
import ScorecardIngest

/// Times `import` (read, statistics, JSON Lines) on folders of logs (`scorecard bench import`).
///
/// Each repeat runs the same pipeline as ``Importer``, with the same workers, but discards the
/// output; the kernel's peak-RSS counter is reset before each repeat, so each row shows that
/// repeat's peak. Phase times are summed over workers (thread-seconds); wall is the repeat's
/// elapsed time. A last figure times the bootstrap alone: B resamples over 10,000 problems.
public struct ImportBenchmark: Sendable {
    /// The files to read.
    public let files: [EvidenceFormats.Input]
    /// How the files are imported.
    public let options: ImportOptions
    /// Files read at a time.
    public let jobs: Int
    /// Repeats; medians are reported.
    public let repeats: Int

    /// Finds the files in `inputs` (folders or files).
    public init(inputs: [String], options: ImportOptions, jobs: Int = 2, repeats: Int = 3) throws(InputError) {
        files = try EvidenceFormats.inputs(inputs).inputs
        self.options = options
        self.jobs = jobs
        self.repeats = repeats
    }

    /// One repeat's figures (seconds, megabytes of 10^6 bytes).
    public struct Row: Codable, Sendable {
        public var wall = 0.0, read = 0.0, compute = 0.0, encode = 0.0
        public var megabytes = 0.0, sampleRecords = 0, summaryRecords = 0, outputMegabytes = 0.0, peakRSSMegabytes = 0.0
        public var megabytesPerSecond: Double { wall > 0 ? megabytes / wall : 0 }
        public var recordsPerSecond: Double { wall > 0 ? Double(sampleRecords) / wall : 0 }
    }

    /// What the benchmark measured.
    public struct Result: Sendable {
        /// One row per repeat.
        public var rows: [Row]
        /// Medians of the timed figures over the rows (counts are the first row's).
        public var median: Row
        /// Seconds for one bootstrap of `options.bootstrap.resamples` over 10,000 problems.
        public var bootstrapSeconds: Double
    }

    /// Runs every repeat, then the bootstrap alone; throws the inputs' problems when a file does not read.
    public func run() throws(InputError) -> Result {
        var rows: [Row] = []
        for _ in 0..<repeats { rows.append(try once()) }
        return Result(rows: rows, median: Self.median(rows), bootstrapSeconds: Self.timeBootstrap(resamples: options.bootstrap.resamples))
    }

    func once() throws(InputError) -> Row {
        PeakMemory.reset()
        var row = Row()
        var failures: [Diagnostic] = []
        let clock = ContinuousClock()
        let start = clock.now
        let files = self.files, options = self.options
        let spoolFolder = NSTemporaryDirectory()
        OrderedWorkers.run(
            count: files.count, jobs: jobs, work: { ImportPipeline.process(files[$0], options: options, spoolFolder: spoolFolder) }
        ) { _, processed in
            if let error = processed.error { failures += error.diagnostics }
            row.read += processed.readSeconds
            row.compute += processed.computeSeconds
            row.encode += processed.encodeSeconds
            row.megabytes += Double(processed.fileBytes) / 1e6
            row.sampleRecords += processed.sampleLines.count
            row.summaryRecords += processed.summaryLines.count
            row.outputMegabytes += Double(processed.summaryLines.byteCount + processed.sampleLines.byteCount) / 1e6
        }
        let elapsed = clock.now - start
        row.wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        row.peakRSSMegabytes = PeakMemory.peakMegabytes()
        if !failures.isEmpty { throw InputError(failures) }
        return row
    }

    /// Seconds for one bootstrap of B resamples over 10,000 problems of three 0/1 attempts (mean, pass@3, two-level).
    public static func timeBootstrap(resamples: Int) -> Double {
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
            guard !sorted.isEmpty else { return 0 }
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
}
