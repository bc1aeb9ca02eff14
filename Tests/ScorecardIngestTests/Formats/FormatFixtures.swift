import Foundation
import Testing
import ScorecardCore
@testable import ScorecardIngest

/// The format fixtures under `Fixtures/` and temporary files for hostile variants.
enum FormatFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The absolute path of a fixture, e.g. `lm-eval/v0.4.12/results_….json`.
    static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    static let lmEval012 = path("lm-eval/v0.4.12/results_2026-11-29T09-25-07.008708.json")
    static let lmEval011 = path("lm-eval/v0.4.11/results_2026-11-29T09-25-53.430786.json")
    static let lmEvalThirdParty = path("lm-eval/third-party-v0.4.9.2/results_2026-01-21T03-44-18.458309.json")
    static let lmEvalSamplesMC = path("lm-eval/v0.4.12/samples_toy_mc_2026-11-29T09-25-07.008708.jsonl")
    static let lmEvalSamplesGen = path("lm-eval/v0.4.12/samples_toy_gen_2026-11-29T09-25-07.008708.jsonl")
    static let lmEvalSamplesThirdParty = path("lm-eval/third-party-v0.4.9.2/samples_math_perturbed_full_2026-01-21T03-44-18.458309.head3.jsonl")
    static let eeeToy = path("eee/examples/5b0f6c3e-2a4d-4c8e-9f1a-7d3e2b1c0a9f.json")
    static let eeeToySamples = path("eee/examples/5b0f6c3e-2a4d-4c8e-9f1a-7d3e2b1c0a9f_samples.jsonl")
    static let eeeLeaderboard = path("eee/examples/c7e2a9d4-81f3-4b6a-a0d5-3e9f1b2c4d6e.json")
    static let eeeUpstream = path("eee/upstream-demo/f3a1c0de-4b2e-4c1a-9f6d-1b7e5a2c8d40.json")
    static let eeeSchema = path("eee/schema/eval.schema.json")
    static let junitDefault = path("junit/pytest-junitxml-default.xml")
    static let junitDuplicate = path("junit/pytest-junitxml-duplicate-testcase.xml")
    static let junitLogging = path("junit/pytest-junitxml-logging-all.xml")
    static let demoEvidence = packageRoot.appendingPathComponent("examples/demo/evidence.jsonl").path

    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
    static func text(_ path: String) throws -> String { try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8) }

    /// The expected evidence a research script produced for a fixture, as JSON objects.
    static func expected(_ relative: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: directory.appendingPathComponent(relative))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }
}

/// A temporary directory removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` (or bytes) to `name` inside the directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }
}

/// Reading helpers that turn an `InputError` into its lines, for tests of bad input.
enum Problems {
    /// The diagnostics `body` throws, one line each; empty when it succeeds.
    static func of<T>(_ body: () throws -> T) -> [String] {
        do {
            _ = try body()
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected error: \(error)"]
        }
    }
}

extension ImportOptions {
    /// Options with a stage, as an import command gives them.
    static func at(_ stage: String = "pre_mitigation", model: String? = nil, map: [String: String] = [:]) -> ImportOptions {
        ImportOptions(stage: stage, allowedStages: ["pre_mitigation", "post_mitigation"], evaluationMap: map, model: model)
    }
}
