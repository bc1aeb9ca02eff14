import Foundation
import Testing
import ScorecardCore
import ScorecardEvaluators

/// The README's "Writing an evaluator" example is this target's `ReadmeExample/UpliftRatioEvaluator.swift`,
/// so it compiles as written; these tests keep the two identical and run it.
@Suite struct ReadmeExampleTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = here.deletingLastPathComponent().deletingLastPathComponent()

    @Test func readmeShowsTheCompiledExampleExactly() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let code = try String(contentsOf: Self.here.appendingPathComponent("ReadmeExample/UpliftRatioEvaluator.swift"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Writing an evaluator"))
        let open = try #require(readme.range(of: "```swift\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```\n", range: open.upperBound..<readme.endIndex))
        #expect(String(readme[open.upperBound..<close.lowerBound]) == code)
    }

    @Test func exampleIsNamedByDefaultAndChecksItsParameter() throws {
        #expect(UpliftRatioEvaluator.name == "uplift_ratio")
        #expect(UpliftRatioEvaluator.version == 1)
        let registry = try EvaluatorRegistry(BuiltinEvaluators.all + [UpliftRatioEvaluator.self])
        #expect(throws: RegistryError.invalidParameter(
            evaluator: "uplift_ratio", ParameterError(key: "control", message: "required but not given (expected text)"))) {
            try registry.make("uplift_ratio", parameters: EvaluatorParameters())
        }
        let evaluator = try registry.make("uplift_ratio", parameters: EvaluatorParameters(["control": .string("placebo")]))
        let records = [Evidence.record("uplift", "treated", 0.6), Evidence.record("uplift", "placebo", 0.4, line: 2)]
        let score = try #require(evaluator.measure(Evidence.target("uplift", ["treated"]), in: Evidence.slice(records)).score)
        #expect(abs(score.value - 1.5) < 1e-12)
        #expect(evaluator.measure(Evidence.target("uplift", ["treated"]), in: Evidence.slice([])).score == nil)
    }
}
