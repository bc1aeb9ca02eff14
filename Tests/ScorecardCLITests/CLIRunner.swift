import Foundation
@testable import Scorecard
import ScorecardTesting
import Testing

/// Runs the built `scorecard` executable from the package root, as a user would.
enum CLI {
    static let packageRoot = PackagePaths.root

    /// The executable, built beside the test bundle.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("scorecard")
            if FileManager.default.isExecutableFile(atPath: candidate.path), !candidate.hasDirectoryPath {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/scorecard")
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:]) throws -> Result {
        let out = Pipe()
        let result = try run(arguments, in: directory, environment: environment, stdout: out) {
            out.fileHandleForReading.readDataToEndOfFile()
        }
        return result
    }

    /// Runs the executable with standard output sent to `stdout` (a pipe, or a file such as
    /// `/dev/full`); `readOutput` reads what a pipe received, before the child is waited for.
    static func run(
        _ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:], stdout: Any,
        readOutput: () -> Data = { Data() }
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "100"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let err = Pipe()
        process.standardOutput = stdout
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outData = readOutput()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Compares text with a golden file; `SCORECARD_UPDATE_GOLDEN=1` rewrites the file instead.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SCORECARD_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
            let diff = firstDifference(expected, actual)
            Issue.record("\(name) differs from its golden file at line \(diff.line):\n- \(diff.expected)\n+ \(diff.actual)\nRegenerate with: SCORECARD_UPDATE_GOLDEN=1 swift test --filter ScorecardCLITests",
                         sourceLocation: sourceLocation)
        }
    }

    static func firstDifference(_ a: String, _ b: String) -> (line: Int, expected: String, actual: String) {
        let found = TextDifference.firstLine(a, b)
        return (found.number, found.old, found.new)
    }
}
