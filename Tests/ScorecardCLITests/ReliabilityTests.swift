import Foundation
import ScorecardTesting
import Testing
import ScorecardStore

/// Crashes and concurrent runs: reports are always a whole old or new version, the database stays
/// consistent, and the next run completes.
@Suite(.serialized) struct ReliabilityTests {
    /// Reports after a completed run on evidence `version`, computed in a separate card.
    static func expectedReports(models: Int, version: Int) throws -> [String: Data] {
        let card = try CardFixture(models: models, version: version)
        defer { card.remove() }
        let result = try card.regenerate()
        guard result.status == 0 else { throw CLIFailure(result: result) }
        return try card.reportContents()
    }

    struct CLIFailure: Error { let result: CLI.Result }

    @Test func killNineAtRandomMomentsNeverLeavesHalfAReport() throws {
        let models = 60
        let versions = [try Self.expectedReports(models: models, version: 0), try Self.expectedReports(models: models, version: 1)]
        let card = try CardFixture(models: models, version: 0)
        defer { card.remove() }
        #expect(try card.regenerate().status == 0)
        var generator = SystemRandomNumberGenerator()
        var killedMidRun = 0
        for iteration in 1...8 {
            let version = iteration % 2
            try card.writeEvidence(models: models, version: version)
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["regenerate", "--config", card.config.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...250_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidRun += 1 }

            for (name, bytes) in try card.reportContents() {
                #expect(bytes == versions[0][name] || bytes == versions[1][name], "\(name) is neither a whole old nor a whole new report")
            }
            #expect(try card.store().integrityProblems().isEmpty)

            let next = try card.regenerate()
            #expect([0, 4, 5].contains(next.status), "\(next.stderr)")
            #expect(try card.reportContents() == versions[version], "after iteration \(iteration) the next run must complete")
            #expect(card.temporaryFiles().isEmpty, "a completed run removes what killed runs left behind")
        }
        #expect(killedMidRun >= 2, "kills should land while the run is working")
        // Every model's evidence file changes each iteration, so each completed run may add one row per model.
        #expect(try card.store().scorecardCount() <= models * 9)
    }

    @Test func twoRunsAtOnceTakeTurnsWithoutDuplicates() throws {
        let card = try CardFixture(models: 120)
        defer { card.remove() }
        var processes: [(Process, Pipe)] = []
        for _ in 0..<2 {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["regenerate", "--config", card.config.path, "--format", "json"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append((process, out))
        }
        var outputs: [String] = []
        for (process, pipe) in processes {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            outputs.append(String(decoding: data, as: UTF8.self))
        }
        #expect(outputs.filter { $0.contains("\"nothing_changed\" : true") }.count == 1, "the second run waits, then finds nothing to do")
        #expect(try card.store().scorecardCount() == 120)
        #expect(try card.store().runCount(status: "completed") == 1)
    }

    @Test func aRunThatCannotGetTheLockGivesUpClearly() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        #expect(try card.regenerate().status == 0)
        let lockPath = card.storePath + ".lock"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [lockPath, "sleep", "5"]
        try holder.run()
        defer { holder.terminate() }
        usleep(300_000)
        let result = try card.regenerate(["--wait", "0.5"])
        #expect(result.status == 6)
        #expect(result.stderr.contains("another scorecard run still holds \(lockPath) after 0.5 s; try again later"), "\(result.stderr)")
    }
}
