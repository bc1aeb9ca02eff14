import ScorecardCore
import ScorecardEvaluators
import ScorecardRender

/// A synthetic framework, evidence and determinations for benchmarks, from a fixed seed.
struct SyntheticScorecards {
    let models: Int
    let categories: Int
    let evaluations: Int

    func framework() -> Framework {
        let scale = LevelScale(["low", "medium", "high", "critical"].map { LevelDefinition(id: $0, name: $0.capitalized) })
        let levels = scale.levels
        let stages = [
            StageDefinition(id: "pre_mitigation", name: "Pre-mitigation", summary: "Before mitigations."),
            StageDefinition(id: "post_mitigation", name: "Post-mitigation", summary: "After mitigations."),
        ]
        let categories = (0..<self.categories).map { c in
            Category(
                id: "category_\(c)", name: "Category \(c)", summary: "Synthetic category \(c).", required: true,
                levelDefinitions: Dictionary(uniqueKeysWithValues: levels.map { ($0.id, "What \($0.id) means for category \(c).") }),
                combine: .any, minimumIndicators: 1,
                indicators: (0..<evaluations).map { e in
                    Indicator(
                        id: "c\(c)_eval_\(e)", name: "Evaluation \(e) of category \(c)", evaluator: "metric",
                        parameters: EvaluatorParameters(), evaluation: "c\(c)_eval_\(e)", metrics: ["pass@1"], unit: .rate,
                        direction: .higherIsRiskier, inclusive: true, required: false, earlyWarningMargin: nil,
                        thresholds: [
                            Threshold(level: levels[1], value: 0.4 + Double(e % 3) * 0.05, rationale: "synthetic"),
                            Threshold(level: levels[2], value: 0.8, rationale: "synthetic"),
                        ],
                        baselines: [Baseline(name: "expert", value: 0.6, source: nil)])
                })
        }
        return Framework(
            schemaVersion: 1, id: "synthetic", name: "Synthetic framework", version: "1", source: "https://example.com/framework",
            summary: "A synthetic framework for benchmarks.", scale: scale, stages: stages, categories: categories,
            aggregation: .max, uncertainty: .conservativeBound, earlyWarningMargin: 0.1,
            gates: [Gate(id: "deployment", name: "Deployment", summary: nil, kind: .ceiling, stage: "post_mitigation", level: levels[1])])
    }

    func input() throws -> ReportInput {
        let framework = framework()
        var random = SeededGenerator(seed: 42)
        var records: [EvidenceRecord] = []
        var line = 0
        for m in 0..<models {
            let subject = Subject(model: "model-\(m)")
            for stage in framework.stages {
                for indicator in framework.categories.flatMap(\.indicators) {
                    line += 1
                    let n = 100
                    let k = Int(random.next() % UInt64(n))
                    let value = Double(k) / Double(n)
                    let interval = Proportion.wilson(successes: k, trials: n, level: 0.95)
                    records.append(EvidenceRecord(
                        subject: subject, stage: stage.id, evaluation: indicator.evaluation, metric: "pass@1",
                        value: value, n: n, k: k, interval: interval, source: "https://example.com/results/\(m)",
                        notes: "synthetic result \(line)", location: SourceLocation(file: "synthetic.jsonl", line: line)))
                }
            }
        }
        let mitigations = (0..<models).map {
            Mitigation(model: "model-\($0)", category: "category_0", text: "Refusal training and monitoring.",
                       location: SourceLocation(file: "synthetic.yaml", line: $0 + 1))
        }
        let inputs = Inputs(
            framework: framework, frameworkSHA256: String(repeating: "0", count: 64), records: records,
            mitigations: mitigations, registry: BuiltinEvaluators.registry,
            hashes: ["synthetic.jsonl": String(repeating: "1", count: 64)])
        return inputs.reportInput(try inputs.assess())
    }
}
