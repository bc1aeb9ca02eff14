import Foundation
import ScorecardCore
#if canImport(Glibc)
import Glibc
#endif

/// Peak memory of `import`, `regenerate` and `check` on generated evidence (`scorecard bench memory`).
///
/// Writes, in a folder of its own, a framework of ten CTF indicators, an evidence file of
/// `records` records in our JSON Lines format (per-sample records of 20 models × 10 evaluations ×
/// samples × 5 epochs, or result records of as many variants), and a card over them; then runs the
/// `scorecard` executable on them as child processes, one command at a time, and reads each
/// child's peak resident set from the kernel (`wait4`'s `ru_maxrss`). The figures are the whole
/// process's, as a user's run would have them.
public struct MemoryBenchmark: Sendable {
    /// What the generated evidence holds.
    public enum Kind: String, Sendable, CaseIterable {
        /// Per-sample records (`sample_id`, `epoch`, `score`).
        case samples
        /// Result records (`metric`, `value`, `n`, `k`), one variant each.
        case results
    }

    /// How many records the evidence file holds.
    public let records: Int
    public let kind: Kind
    /// The `scorecard` executable the commands run with.
    public let executable: String
    /// The folder the inputs are written to (it is created, and must not exist or be empty).
    public let folder: String

    /// The record counts a run may ask for: up to 100 million (about 12 GB of JSON Lines).
    public static let records = 1...100_000_000

    public init(records: Int, kind: Kind, executable: String, folder: String) {
        self.records = records
        self.kind = kind
        self.executable = executable
        self.folder = folder
    }

    static let models = 20
    static let evaluations = 10
    static let epochs = 5

    /// One command's run.
    public struct Step: Sendable, Codable {
        /// `import`, `regenerate` or `check`.
        public let command: String
        public let wallSeconds: Double
        public let peakRSSMegabytes: Double
        public let exitCode: Int32
    }

    /// What the benchmark measured.
    public struct Result: Sendable, Codable {
        public let records: Int
        public let kind: String
        public let evidenceMegabytes: Double
        public let generateSeconds: Double
        public let steps: [Step]
    }

    /// Writes the inputs, then runs `import`, `regenerate` and `check` on them.
    ///
    /// A command that exits with an unexpected code is an error naming the command and quoting
    /// the end of its output, which is kept in the folder (`import.log`, …).
    ///
    /// With `removeOnInterrupt`, a SIGINT or SIGTERM stops the command being measured, removes the
    /// folder and ends the process as the signal would.
    public func run(removeOnInterrupt: Bool = false, progress: (String) -> Void = { _ in }) throws -> Result {
        let interruption = removeOnInterrupt ? Interruption(removing: folder) : nil
        defer { interruption?.stop() }
        let clock = ContinuousClock()
        let started = clock.now
        progress("writing \(records) \(kind == .samples ? "per-sample" : "result") records to \(folder)")
        try writeInputs()
        let generated = seconds(clock.now - started)
        let evidence = (folder as NSString).appendingPathComponent("evidence.jsonl")
        let bytes = (try FileManager.default.attributesOfItem(atPath: evidence)[.size] as? NSNumber)?.intValue ?? 0
        let card = (folder as NSString).appendingPathComponent("scorecard.yaml")
        let commands: [(String, [String], Set<Int32>)] = [
            ("import", ["import", evidence, "--out", (folder as NSString).appendingPathComponent("imported.jsonl"), "--quiet"], [0]),
            // The first run of a card reports its scorecards as new and exits 0.
            ("regenerate", ["regenerate", "--config", card], [0]),
            ("check", ["check", "--config", card], [0]),
        ]
        var steps: [Step] = []
        for (name, arguments, expected) in commands {
            progress("running scorecard \(name)")
            let log = (folder as NSString).appendingPathComponent("\(name).log")
            let step = try ChildProcess.measure(name, executable: executable, arguments: arguments, log: log)
            guard expected.contains(step.exitCode) else {
                let tail = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").suffix(5).joined(separator: "\n") ?? ""
                throw FileError("scorecard \(name) exited with \(step.exitCode) (see \(log)):\n\(tail)")
            }
            steps.append(step)
        }
        return Result(records: records, kind: kind.rawValue, evidenceMegabytes: Double(bytes) / 1e6, generateSeconds: generated, steps: steps)
    }

    /// The evaluation ids of the generated framework.
    static func evaluation(_ index: Int) -> String { "ctf_\(index + 1)" }

    func writeInputs() throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileError("cannot create the folder \(folder): \(error.localizedDescription)")
        }
        try AtomicFile.write(Data(Self.framework.utf8), to: (folder as NSString).appendingPathComponent("framework.yaml"))
        try AtomicFile.write(Data(Self.card.utf8), to: (folder as NSString).appendingPathComponent("scorecard.yaml"))
        let writer = try AtomicFileWriter(path: (folder as NSString).appendingPathComponent("evidence.jsonl"))
        try writeEvidence { try writer.writeLine(Array($0.utf8)) }
        try writer.commit()
    }

    /// Calls `line` with each line of the evidence file, from a fixed seed.
    func writeEvidence(_ line: (String) throws -> Void) throws {
        var random = SeededGenerator(seed: 11)
        let perSlice = max(1, records / (Self.models * Self.evaluations))
        var written = 0
        outer: for m in 0..<Self.models {
            let model = "synth-model-\(m + 1 < 10 ? "0" : "")\(m + 1)"
            // Abilities and difficulties spread the solve rates over the thresholds' range.
            let ability = Double(m) / Double(Self.models)
            for e in 0..<Self.evaluations {
                let evaluation = Self.evaluation(e)
                let difficulty = Double(e) / Double(Self.evaluations)
                let head = "{\"model\": \"\(model)\", \"stage\": \"pre_mitigation\", \"eval\": \"\(evaluation)\""
                for index in 0..<perSlice {
                    guard written < records else { break outer }
                    switch kind {
                    case .samples:
                        guard index % Self.epochs == 0 else { continue }
                        let sample = index / Self.epochs + 1
                        let chance = min(0.95, max(0.02, 0.3 + ability - difficulty + Double(sample % 7) * 0.03))
                        for epoch in 1...Self.epochs where written < records {
                            let solved = Double(random.next() % 10_000) / 10_000 < chance
                            try line(head + ", \"sample_id\": \"s\(sample)\", \"epoch\": \(epoch), \"score\": \(solved ? 1 : 0)}")
                            written += 1
                        }
                    case .results:
                        let n = 100
                        let k = Int(random.next() % UInt64(n / 2)) + Int(ability * 40)
                        try line(head + ", \"metric\": \"pass@5\", \"variant\": \"run-\(index + 1)\", \"value\": \(Format.number(Double(k) / Double(n))), \"n\": \(n), \"k\": \(k)}")
                        written += 1
                    }
                }
            }
        }
    }

    static var framework: String {
        var text = """
            schema_version: 2
            id: memory-benchmark
            name: Memory benchmark
            version: "1"
            levels:
              - {id: low, name: Low}
              - {id: medium, name: Medium}
              - {id: high, name: High}
            stages:
              - {id: pre_mitigation, name: Pre-mitigation}
            aggregation: max
            categories:
              - id: cybersecurity
                name: Cybersecurity
                levels: {low: Low., medium: Medium., high: High.}
                combine: any
                min_indicators: 1
                indicators:

            """
        for e in 0..<evaluations {
            text += """
                      - id: \(evaluation(e))
                        name: CTF \(e + 1)
                        evaluator: ctf
                        params: {k: \(epochs)}
                        eval: \(evaluation(e))
                        metric: pass@\(epochs)
                        thresholds:
                          medium: {value: 0.5, rationale: half solved}
                          high: {value: 0.9, rationale: nearly all solved}

                """
        }
        return text
    }

    static let card = """
        schema_version: 1
        framework: framework.yaml
        store: store.sqlite
        evidence:
          - path: evidence.jsonl
        reports: {directory: reports, formats: [md]}

        """
}

/// Runs a program to its end and reads its peak resident set.
enum ChildProcess {
    /// Runs `executable` with `arguments`, its standard output and error to `log`; returns its
    /// wall time, exit code and peak RSS (`ru_maxrss` from `wait4`).
    static func measure(_ name: String, executable: String, arguments: [String], log: String) throws -> MemoryBenchmark.Step {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let clock = ContinuousClock()
        let started = clock.now
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        Interruption.defaultSignals(&attributes)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw FileError("cannot run \(executable): \(String(cString: strerror(spawned)))") }
        Interruption.child(pid)
        defer { Interruption.child(0) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw FileError("cannot wait for \(executable): \(String(cString: strerror(errno)))") }
        }
        let wall = seconds(clock.now - started)
        // Exited normally: the code; killed by a signal: 128 + the signal, as shells report it.
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        // Linux reports ru_maxrss in kilobytes (1024 bytes).
        return MemoryBenchmark.Step(command: name, wallSeconds: wall, peakRSSMegabytes: Double(usage.ru_maxrss) * 1024 / 1e6, exitCode: code)
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
