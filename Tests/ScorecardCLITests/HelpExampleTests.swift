import Foundation
import ScorecardTesting
import Testing

/// Every example in every command's `--help` runs when pasted into a shell, as printed on an
/// 80-column terminal (where ArgumentParser wraps long lines).
@Suite struct HelpExampleTests {
    /// One example command: its arguments after `scorecard`, and the command whose help shows it.
    struct Example {
        let command: String
        let arguments: [String]
    }

    /// The examples of a help text, or the lines that would not paste (a value wrapped onto a
    /// line of its own, without a backslash before it).
    static func examples(in help: String, command: String) -> (examples: [Example], broken: [String]) {
        var examples: [Example] = [], broken: [String] = []
        var inBlock = false
        var current: String?
        for line in help.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "Example:" || trimmed == "Examples:" {
                inBlock = true
                continue
            }
            guard inBlock else { continue }
            if trimmed.isEmpty {
                if let current { broken.append(current) }
                inBlock = false
                current = nil
                continue
            }
            if let open = current {
                let joined = String(open.dropLast()) + " " + trimmed
                current = nil
                if joined.hasSuffix("\\") { current = joined } else { examples.append(example(joined, command)) }
            } else if trimmed.hasPrefix("scorecard ") {
                if trimmed.hasSuffix("\\") { current = trimmed } else { examples.append(example(trimmed, command)) }
            } else {
                broken.append(trimmed)
            }
        }
        return (examples, broken)
    }

    static func example(_ text: String, _ command: String) -> Example {
        let words = text.split(whereSeparator: { $0 == " " }).map(String.init)
        return Example(command: command, arguments: Array(words.dropFirst()))
    }

    @Test func theExtractorCatchesAValueWrappedWithoutABackslash() {
        let help = """
            Example:
              scorecard assess --framework frameworks/openai-preparedness-beta.yaml \\
                --evidence examples/demo/evidence.jsonl --determinations
            examples/demo/determinations.yaml

            """
        let found = Self.examples(in: help, command: "assess")
        #expect(found.broken == ["examples/demo/determinations.yaml"])
        #expect(found.examples.count == 1 && found.examples[0].arguments.last == "--determinations")
    }

    @Test func everyHelpExampleRunsWhenPasted() throws {
        var all: [Example] = []
        for path in [[]] + HelpTests.commandPaths() {
            let help = try CLI.run(path + ["--help"], environment: ["COLUMNS": "80"])
            #expect(help.status == 0)
            let found = Self.examples(in: help.stdout, command: path.joined(separator: " "))
            #expect(found.broken.isEmpty, "scorecard \(path.joined(separator: " ")) --help: these example lines do not paste: \(found.broken)")
            all += found.examples
        }
        #expect(all.count >= 12, "\(all.map(\.command))")
        #expect(!all.contains { $0.arguments.contains { $0.contains("\"") || $0.contains("'") } }, "examples are run without a shell")

        // In a copy of the repository's data, so examples that write files write there; the card's
        // run comes first, as the commands reading its store need it.
        let scratch = try ScratchFolder("scorecard-examples")
        for folder in ["frameworks", "examples", "Tests/ScorecardIngestTests/Fixtures/inspect"] {
            let target = scratch.url.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: PackagePaths.file(folder), to: target)
        }
        let ordered = all.filter { $0.command == "regenerate" } + all.filter { $0.command != "regenerate" }
        for example in ordered {
            let result = try CLI.run(example.arguments, in: scratch.url)
            #expect(result.status == 0, "scorecard \(example.arguments.joined(separator: " ")) exited \(result.status):\n\(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: scratch.path("reports/demo/o1.html")), "render's example wrote into the copy")
        #expect(FileManager.default.fileExists(atPath: scratch.path("my-card/scorecard.yaml")), "init's example wrote into the copy")
    }
}
