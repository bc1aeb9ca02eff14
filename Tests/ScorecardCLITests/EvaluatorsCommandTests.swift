import Foundation
import Testing

/// `scorecard evaluators` prints every built-in evaluator's declarations; the docs show the same text.
@Suite struct EvaluatorsCommandTests {
    @Test func listingMatchesGoldenAndTheDocs() throws {
        let result = try CLI.run(["evaluators"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, "evaluators.txt")
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/framework-format.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        #expect(text.contains("```\n\(result.stdout)```\n"), "docs/framework-format.md must show the output of `scorecard evaluators`")
    }

    @Test func withAFrameworkTheListingShowsItsDeclarativeAndExternalEvaluators() throws {
        let result = try CLI.run(["evaluators", "--framework", "examples/evaluators/framework.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, "evaluators-framework.txt")
        #expect(result.stdout.contains("uplift (external, version 1): uplift of an uplift trial"))
        #expect(result.stdout.contains("  runs: python3 uplift.py (no shell)\n"))
        #expect(result.stdout.contains("worst_scaffold (declarative, version 1)"))
    }

    @Test func aDefinitionsTextCannotRewriteTheTerminal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-evaluators-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let framework = try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/evaluators/framework.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "summary: the worst case over the listed scaffolds", with: "summary: \"worst \\e[2J\\e]0;owned\\a case\"")
        try framework.write(to: folder.appendingPathComponent("framework.yaml"), atomically: true, encoding: .utf8)
        for name in ["uplift.yaml", "uplift.py"] {
            try FileManager.default.copyItem(
                at: CLI.packageRoot.appendingPathComponent("examples/evaluators/\(name)"), to: folder.appendingPathComponent(name))
        }
        let result = try CLI.run(["evaluators", "--framework", folder.appendingPathComponent("framework.yaml").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}"))
        #expect(result.stdout.contains("worst \\u{1b}[2J\\u{1b}]0;owned\\u{7} case"))
    }
}
