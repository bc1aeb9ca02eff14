import Foundation

/// A temporary folder for one test, removed when the value goes away.
public final class ScratchFolder: Sendable {
    public let url: URL

    /// A new empty folder named after `prefix`.
    public init(_ prefix: String = "scorecard-test") throws {
        url = try temporaryFolder(prefix)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Copies the file at `source` into the folder as `name`; returns its path.
    public func copy(_ source: String, to name: String) throws -> String {
        try FileManager.default.copyItem(atPath: source, toPath: path(name))
        return path(name)
    }

    /// The names in the folder, sorted.
    public func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// The non-empty lines of a text file.
public func lines(of file: String) throws -> [String] {
    try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
}

/// Runs one SQL statement on the database at `path` with the `sqlite3` command, as someone
/// editing the store by hand would; returns its exit status.
public func sqlite3(_ path: String, _ statement: String) throws -> Int32 {
    try runTool("/usr/bin/sqlite3", [path, statement])
}

/// Runs the program at `executable` with `arguments` and waits; returns its exit status.
public func runTool(_ executable: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
