import Foundation
import ScorecardTesting
import Testing

/// Standard output that cannot be written (a full device, a reader that went away) is an I/O
/// error like any other: exit 1 and a message on standard error, never a trap or a signal.
@Suite struct OutputFailureTests {
    static let framework = "frameworks/openai-preparedness-beta.yaml"
    static let evidence = "examples/demo/evidence.jsonl"

    /// Commands that print a result, each with enough arguments to succeed on a writable output.
    static let commands: [[String]] = [
        ["frameworks", "lint", framework],
        ["frameworks", "show", framework],
        ["frameworks", "show", framework, "--format", "json"],
        ["assess", "--framework", framework, "--evidence", evidence],
        ["assess", "--framework", framework, "--evidence", evidence, "--format", "json"],
        ["explain", "--framework", framework, "--evidence", evidence, "--model", "o1", "--category", "cbrn"],
        ["evaluators"],
        ["diff", "Tests/ScorecardCLITests/Golden/assess-demo.json#o1", "Tests/ScorecardCLITests/Golden/assess-demo.json#GPT-4o"],
    ]

    @Test(arguments: commands)
    func aFullDeviceOnStandardOutputIsAnErrorNotATrap(_ arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let result = try CLI.run(arguments, stdout: full)
        #expect(result.status == 1, "\(arguments.joined(separator: " ")): \(result.stderr)")
        #expect(result.stderr.contains("error: cannot write to standard output: No space left on device"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test(arguments: commands)
    func aReaderThatWentAwayIsABrokenPipeNotASignal(_ arguments: [String]) throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try CLI.run(arguments, stdout: pipe)
        #expect(result.status == 1, "\(arguments.joined(separator: " ")): \(result.stderr)")
        #expect(result.stderr.contains("error: cannot write to standard output: Broken pipe"))
    }

    @Test func storeCommandsReportAFullDeviceToo() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let regenerate = try CLI.run(["regenerate", "--config", card.config.path], stdout: full)
        #expect(regenerate.status == 1, "\(regenerate.stderr)")
        #expect(regenerate.stderr.contains("error: cannot write to standard output: No space left on device"))
        for arguments in [["check", "--config", card.config.path], ["history", "--config", card.config.path, "--model", "model-0"],
                          ["regenerate", "--config", card.config.path, "--format", "json"]] {
            let result = try CLI.run(arguments, stdout: full)
            #expect(result.status == 1, "\(arguments.joined(separator: " ")): \(result.stderr)")
            #expect(result.stderr.contains("error: cannot write to standard output: No space left on device"))
        }
    }
}
