import Foundation
import ScorecardTesting
import Testing

/// `scorecard bench`: sizes it cannot run are usage errors, and an interrupted run leaves no
/// temporary folder behind.
@Suite(.serialized) struct BenchCommandTests {
    @Test(arguments: [
        (["render", "--models", "1", "--categories", "9223372036854775807"], "--categories must be between 1 and 100, found 9223372036854775807."),
        (["render", "--models", "0"], "--models must be between 1 and 10000, found 0."),
        (["render", "--models", "10000", "--categories", "100", "--evals", "10"], "--models × --categories × --evals is 10000000 indicators; at most 1000000 fit in one run."),
        (["memory", "--records", "9223372036854775807"], "--records must be between 1 and 100000000, found 9223372036854775807."),
    ])
    func aSizeBeyondTheLimitsIsAUsageErrorNotATrap(arguments: [String], message: String) throws {
        let result = try CLI.run(["bench"] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("Error: \(message)"), "\(result.stderr)")
    }

    @Test func anInterruptedMemoryBenchmarkRemovesItsTemporaryFolder() throws {
        let scratch = try ScratchFolder("scorecard-bench")
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["bench", "memory", "--records", "5000000"]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = scratch.url.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the inputs are being written (the framework first), then interrupt.
        let deadline = Date().addingTimeInterval(60)
        var started = false
        while !started, Date() < deadline, process.isRunning {
            started = try scratch.entries().contains { FileManager.default.fileExists(atPath: scratch.path("\($0)/framework.yaml")) }
            usleep(20_000)
        }
        #expect(started, "the benchmark started writing in \(scratch.url.path)")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT, "it ends as the signal would")
        let left = try scratch.entries()
        #expect(left.isEmpty, "the temporary folder is gone: \(left)")
    }
}
