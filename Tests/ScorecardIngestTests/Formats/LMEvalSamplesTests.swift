import Foundation
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// Per-sample logs as lm-eval versions wrote them: named with the model, named `.json`, without
/// `metrics`, with list-valued or out-of-range metrics, and covering fewer documents than evaluated.
@Suite struct LMEvalSamplesTests {
    static func results(task: String = "t", effective: Int = 2, extra: String = "") -> String {
        """
        {"results": {"\(task)": {"alias": "\(task)", "acc,none": 0.5, "f1,none": 0.4\(extra)}},
         "n-samples": {"\(task)": {"original": \(effective), "effective": \(effective)}},
         "config": {"model_args": "pretrained=org/model"}, "model_name": "org/model"}
        """
    }

    static let date = "2026-01-01T00-00-00.000001"

    @Test("a results file named by --output_path (<name>_<date>.json) pairs with the samples of its run")
    func resultsNamedWithTheModel() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("results_org__model:2026_\(Self.date).json", Self.results())
        let path = try directory.write("samples_t_\(Self.date).jsonl", """
            {"doc_id": 0, "doc": {}, "filter": "none", "metrics": ["acc"], "acc": 1.0}
            {"doc_id": 1, "doc": {}, "filter": "none", "metrics": ["acc"], "acc": 0.0}
            """)
        let samples = try LMEvalReader.read(path: path, options: .at()).samples
        #expect(samples.map(\.subject.model) == ["org/model", "org/model"])
    }

    @Test("a samples file named .json holding JSON Lines, without 'metrics', is scored by the task's first metric in the results")
    func oldSamples() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("results_\(Self.date).json", Self.results())
        let path = try directory.write("samples_t_\(Self.date).json", """
            {"doc_id": 0, "doc": {}, "target": "A", "f1": [1, 1], "acc": 1.0}
            {"doc_id": 1, "doc": {}, "target": "B", "f1": [0, 1], "acc": 0.0}
            """)
        let evidence = try LMEvalReader.read(path: path, options: .at())
        #expect(evidence.samples.map(\.score) == [1, 0] && evidence.samples.allSatisfy { $0.metadata["lm_eval_metric"] == "acc" })
        #expect(evidence.warnings.isEmpty)
    }

    @Test("list-valued per-sample metrics (corpus-level F1 pairs) and values on a 0-100 scale are skipped with one warning")
    func unusableValues() throws {
        let directory = try TemporaryDirectory()
        let pairs = try directory.write("samples_f_\(Self.date).jsonl", """
            {"doc_id": 0, "doc": {}, "filter": "x", "metrics": ["f1"], "f1": ["gold", "pred"]}
            {"doc_id": 1, "doc": {}, "filter": "x", "metrics": ["f1"], "f1": ["gold", "pred"]}
            """)
        let evidence = try LMEvalReader.read(path: pairs, options: .at(model: "m"))
        #expect(evidence.samples.isEmpty)
        #expect(evidence.warnings.map(\.description) == [
            "\(pairs):1: per-sample 'f1' of filter 'x' is a list: the metric is computed over the whole corpus from a (gold, prediction) pair per document; no per-sample records are written for it (its summary is in the results file)",
        ])
        let scale = try directory.write("samples_s_\(Self.date).jsonl", """
            {"doc_id": 0, "doc": {}, "filter": "none", "metrics": ["eqbench"], "eqbench": 0.5}
            {"doc_id": 1, "doc": {}, "filter": "none", "metrics": ["eqbench"], "eqbench": 62.5}
            """)
        let scaled = try LMEvalReader.read(path: scale, options: .at(model: "m"))
        #expect(scaled.samples.isEmpty, "the in-range first line is dropped with the rest: one scale per metric")
        #expect(scaled.warnings.first?.message.contains("is 62.5, outside [0, 1]") == true && scaled.warnings.first?.line == 2)
    }

    @Test("samples of fewer documents than the results say were evaluated are marked partial")
    func partialSamples() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("results_\(Self.date).json", Self.results(effective: 5))
        let path = try directory.write("samples_t_\(Self.date).jsonl", """
            {"doc_id": 0, "doc": {}, "filter": "none", "metrics": ["acc"], "acc": 1.0}
            {"doc_id": 1, "doc": {}, "filter": "none", "metrics": ["acc"], "acc": 0.0}
            """)
        let evidence = try LMEvalReader.read(path: path, options: .at())
        #expect(evidence.samples.allSatisfy { $0.consistency == .partial } && evidence.samples.count == 2)
        #expect(evidence.warnings.map(\.message) == ["'t': the file holds 2 of the 5 documents the results file says were evaluated; its per-sample records are marked partial"])
    }
}
