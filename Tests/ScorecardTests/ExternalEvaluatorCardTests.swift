import Foundation
import Scorecard
import ScorecardCore
import ScorecardStore
import ScorecardTesting
import Testing

/// A card whose framework uses an external evaluator: regenerate runs the program only when
/// something changed (its own bytes included), and check names a program that is not the one
/// recorded.
@Suite struct ExternalEvaluatorCardTests {
    static let script = PackagePaths.file("Tests/ScorecardPluginsTests/Scripts/counting.py").path

    /// A card in a temporary folder: `evaluators/counting.py` measures one indicator, defined in
    /// the framework's `evaluators:` section or (`inline`) written on the indicator.
    static func card(inline: Bool = false) throws -> ScratchFolder {
        let folder = try ScratchFolder("scorecard-external-card")
        try FileManager.default.createDirectory(atPath: folder.path("evaluators"), withIntermediateDirectories: true)
        _ = try folder.copy(script, to: "evaluators/counting.py")
        try """
            schema_version: 2
            id: external-card
            name: External card
            version: "1"
            levels: [{id: low}, {id: medium}]
            stages: [{id: pre}]
            aggregation: max
            \(inline ? "" : "evaluators:\n  counting:\n    kind: external\n    summary: counts its calls\n    command: [python3, evaluators/counting.py]")
            categories:
              - id: cyber
                name: Cyber
                indicators:
                  - {id: probe, name: Probe, evaluator: \(inline ? "{command: [python3, evaluators/counting.py]}" : "counting"),
                     eval: probe_eval, metric: solve_rate, thresholds: {medium: {value: 0.5, rationale: test}}}
                rule_out: {medium: {indicators: [probe], rationale: test}}
            """.write(toFile: folder.path("framework.yaml"), atomically: true, encoding: .utf8)
        try #"{"model": "m", "stage": "pre", "eval": "probe_eval", "metric": "solve_rate", "value": 0.3, "n": 50}"#
            .write(toFile: folder.path("evidence.jsonl"), atomically: true, encoding: .utf8)
        try """
            schema_version: 1
            framework: framework.yaml
            evidence:
              - path: evidence.jsonl
            reports:
              directory: reports
              formats: [json]
              generated_at: 2025-01-01T00:00:00Z
            """.write(toFile: folder.path("scorecard.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Runs of the program so far (it runs in the framework's folder, so `calls.log` is there).
    static func calls(_ folder: ScratchFolder) throws -> Int {
        FileManager.default.fileExists(atPath: folder.path("calls.log")) ? try lines(of: folder.path("calls.log")).count : 0
    }

    @Test func aNoOpRegenerateRunsNoEvaluatorAndAChangedProgramReassesses() throws {
        let folder = try Self.card()
        let first = try Regenerator(config: folder.path("scorecard.yaml")).run()
        #expect(try !first.nothingChanged && Self.calls(folder) == 1)
        let again = try Regenerator(config: folder.path("scorecard.yaml")).run()
        #expect(again.nothingChanged)
        #expect(try Self.calls(folder) == 1, "a no-op run calls no evaluator")

        // Editing the program is a change of inputs: the card is assessed again, and the stored
        // scorecard records the new program hash.
        try (String(contentsOfFile: folder.path("evaluators/counting.py"), encoding: .utf8) + "# edited\n")
            .write(toFile: folder.path("evaluators/counting.py"), atomically: true, encoding: .utf8)
        let edited = try Regenerator(config: folder.path("scorecard.yaml")).run()
        #expect(try !edited.nothingChanged && Self.calls(folder) == 2)
        let store = try ScorecardStore(path: folder.path(".scorecard/scorecard.sqlite"), create: false)
        let document = try #require(try store.currentScorecards().first?.decoded())
        let entry = try #require(document.models.first?.categories.first?.stages["pre"]?.indicators.first)
        #expect(entry.evaluatorKind == "external" && entry.evaluatorProgram == "evaluators/counting.py")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.path("evaluators/counting.py")))
        #expect(entry.evaluatorProgramSha256 == SHA256.hex(of: [UInt8](bytes)))
        #expect(entry.evaluatorFile == nil, "defined in the framework itself, which the inputs' hashes cover")
    }

    @Test func checkNamesAProgramThatIsNotTheOneRecorded() throws {
        let folder = try Self.card()
        _ = try Regenerator(config: folder.path("scorecard.yaml")).run()
        let store = try ScorecardStore(path: folder.path(".scorecard/scorecard.sqlite"), create: false)
        let root = folder.url.path
        #expect(try Checker(store: store, root: root).check().allSatisfy(\.matches))
        try "import sys\nsys.exit(1)\n".write(toFile: folder.path("evaluators/counting.py"), atomically: true, encoding: .utf8)
        let result = try #require(try Checker(store: store, root: root).check().first)
        guard case .evaluatorsChanged(let changes, let storedBy) = result.outcome else {
            Issue.record("expected the evaluator change to be named, got \(result.outcome)")
            return
        }
        #expect(changes.map(\.part) == [.program])
        #expect(storedBy == ToolIdentity.version)
        // As JSON (`check --format json`), the difference names both tools, as for any other difference.
        let report = CheckReport(result)
        #expect(report.outcome == "evaluator_changed")
        #expect(report.difference?.storedBy == ToolIdentity.version && report.difference?.rederivedBy == ToolIdentity.version)
        #expect(report.difference?.field == "evaluator 'counting' program")
        #expect(changes.first?.evaluator == "counting" && changes.first?.indicators == ["probe"])
        #expect(changes.first?.description.hasPrefix("evaluator 'counting' program changed: recorded evaluators/counting.py (sha256 ") == true)
    }

    @Test func anEvaluatorWrittenOnTheIndicatorIsRunRecordedAndCheckedAlike() throws {
        let folder = try Self.card(inline: true)
        _ = try Regenerator(config: folder.path("scorecard.yaml")).run()
        #expect(try Self.calls(folder) == 1)
        let store = try ScorecardStore(path: folder.path(".scorecard/scorecard.sqlite"), create: false)
        let document = try #require(try store.currentScorecards().first?.decoded())
        let entry = try #require(document.models.first?.categories.first?.stages["pre"]?.indicators.first)
        #expect(entry.evaluator == "inline_probe" && entry.evaluatorKind == "external")
        #expect(entry.evaluatorProgram == "evaluators/counting.py" && entry.value == 0.3)
        let root = folder.url.path
        #expect(try Checker(store: store, root: root).check().allSatisfy(\.matches))
        try "import sys\nsys.exit(1)\n".write(toFile: folder.path("evaluators/counting.py"), atomically: true, encoding: .utf8)
        let result = try #require(try Checker(store: store, root: root).check().first)
        guard case .evaluatorsChanged(let changes, _) = result.outcome else {
            Issue.record("expected the evaluator change to be named, got \(result.outcome)")
            return
        }
        #expect(changes.first?.evaluator == "inline_probe" && changes.first?.indicators == ["probe"])
    }
}
