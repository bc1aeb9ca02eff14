import Foundation

/// `scripts/check-schemas`: Python's `jsonschema` on the published schemas, for tests that
/// cross-check Scorecard's own validator with an independent one.
public enum SchemaScript {
    /// Whether Python 3 with `jsonschema` and PyYAML is there (the cross-checks are skipped without).
    public static let isAvailable = pythonHas(["jsonschema", "yaml"])

    /// Whether `python3` is on the `PATH` and imports every one of `modules`.
    public static func pythonHas(_ modules: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import " + modules.joined(separator: ", ")]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Runs the script with `arguments`: its exit status, and standard output and error together.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", PackagePaths.file("scripts/check-schemas").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The script's verdict on each file checked against schema `name`: its line, "valid …" or
    /// "refused …" (the first line for a JSON Lines file with several records).
    public static func verdicts(_ paths: [String], schema name: String) throws -> [String: String] {
        let (_, output) = try run(["--schema", name] + paths)
        // A line is `valid    LABEL (schema)` or `refused  LABEL (schema): why`; LABEL is the file,
        // relative to the package root when under it, with `:LINE` for a JSON Lines record.
        let labelled = output.split(separator: "\n").map { line in
            (label: line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? "", line: String(line))
        }
        let root = PackagePaths.root.standardizedFileURL.path + "/"
        return Dictionary(uniqueKeysWithValues: paths.map { path in
            let shown = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
            let line = labelled.first { $0.label == shown || $0.label.hasPrefix(shown + ":") }?.line
            return (path, line ?? "no verdict: \(output)")
        })
    }
}
