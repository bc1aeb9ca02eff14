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
}
