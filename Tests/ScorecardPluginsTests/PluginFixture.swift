import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest
import ScorecardPlugins
import ScorecardTesting
import Testing

/// A framework in a temporary folder whose one category is measured by an external evaluator
/// running one of the test scripts, with evidence for one or more models.
struct PluginFixture {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
    static let registry = ExternalEvaluators.supporting(BuiltinEvaluators.registry)

    let folder: ScratchFolder
    let framework: String
    let evidence: String

    /// - Parameters:
    ///   - script: a file in `Scripts/`, copied beside the framework and run with `python3`.
    ///   - definition: extra keys of the evaluator's definition (YAML, one per line).
    ///   - indicators: how many indicators name the evaluator (`probe`, then `probe_2`, …).
    init(script: String, definition: [String] = [], indicators: Int = 1, models: [String] = ["m"], arguments: [String] = []) throws {
        folder = try ScratchFolder("scorecard-plugin")
        _ = try folder.copy(Self.scripts.appendingPathComponent(script).path, to: script)
        let command = (["python3", script] + arguments).map { "'\($0)'" }.joined(separator: ", ")
        var yaml = """
            schema_version: 2
            id: plugin-test
            name: Plug-in test
            version: "1"
            levels: [{id: low}, {id: medium}, {id: high}]
            stages: [{id: pre}, {id: post}]
            aggregation: max
            evaluators:
              bad:
                kind: external
                summary: a test script
                command: [\(command)]

            """
        let keys = definition.contains { $0.hasPrefix("timeout_s") } ? definition : definition + ["timeout_s: 5"]
        yaml += keys.map { "    \($0)\n" }.joined()
        yaml += "categories:\n  - id: cyber\n    name: Cyber\n    indicators:\n"
        for index in 0..<indicators {
            let id = index == 0 ? "probe" : "probe_\(index + 1)"
            yaml += """
                      - id: \(id)
                        name: Probe \(index + 1)
                        evaluator: bad
                        eval: \(id)_eval
                        metric: solve_rate
                        thresholds:
                          medium: {value: 0.4, rationale: test}
                          high: {value: 0.8, rationale: test}

                """
        }
        yaml += "    rule_out:\n      medium: {indicators: [probe], rationale: test}\n"
        framework = folder.path("framework.yaml")
        try yaml.write(toFile: framework, atomically: true, encoding: .utf8)
        var lines: [String] = []
        for model in models {
            for stage in ["pre", "post"] {
                for index in 0..<indicators {
                    let id = index == 0 ? "probe" : "probe_\(index + 1)"
                    lines.append(#"{"model": "\#(model)", "stage": "\#(stage)", "eval": "\#(id)_eval", "metric": "solve_rate", "value": 0.3, "n": 50}"#)
                }
            }
        }
        evidence = folder.path("evidence.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: evidence, atomically: true, encoding: .utf8)
    }

    func load() throws -> LoadedFramework {
        try FrameworkLoader.load(path: framework, registry: Self.registry)
    }

    /// Assesses every model; the framework is loaded afresh, so nothing is remembered from before.
    func assess() throws -> [SubjectAssessment] {
        let loaded = try load()
        let bundle = try EvidenceLoader.load(paths: [evidence], stages: loaded.framework.stages.map(\.id))
        return try Assessor(framework: loaded.framework, registry: loaded.registry)
            .assess(evidence: EvidenceSet(records: bundle.records, samples: bundle.samples), determinations: [])
    }

    /// The category's result at `stage` for the first model.
    func cyber(_ stage: String = "pre") throws -> CategoryStageResult {
        let assessment = try #require(try assess().first)
        return try #require(assessment.categories.first?.stages[stage])
    }

    /// How many times `counting.py` ran, and the items of each run.
    func calls() throws -> [Int] {
        guard FileManager.default.fileExists(atPath: folder.path("calls.log")) else { return [] }
        return try lines(of: folder.path("calls.log")).compactMap { Int($0) }
    }
}
