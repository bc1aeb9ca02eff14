import ArgumentParser
import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardRender

/// `scorecard bench`: speed and memory measurements (benchmarks, not tests; use a release build).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed and memory (benchmarks, not tests; use a release build).",
        subcommands: [BenchImport.self, BenchRenderCommand.self]
    )
}

/// `scorecard bench render`: time to render each model's Markdown and HTML reports.
struct BenchRenderCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Markdown and HTML reports for synthetic models and report the time per report.",
        discussion: """
            Builds a synthetic framework (CATEGORIES categories of EVALS evaluations each, two \
            stages) and evidence for MODELS models, assesses them, then renders every model's \
            Markdown report (with its chart files) and HTML report REPEAT times. Prints the median \
            and fastest time per report and the total. Build with `swift build -c release` first.
            """
    )

    @Option(help: "Number of models.") var models = 100
    @Option(help: "Categories per framework.") var categories = 4
    @Option(help: "Evaluations (indicators) per category.") var evals = 10
    @Option(help: "Times every report is rendered.") var `repeat` = 3

    func validate() throws {
        guard models > 0, categories > 0, evals > 0, `repeat` > 0 else {
            throw ValidationError("--models, --categories, --evals and --repeat must be positive.")
        }
    }

    mutating func execute() throws -> ExitStatus {
        let input = try SyntheticScorecards(models: models, categories: categories, evaluations: evals).input()
        let templates = try TemplateLibrary.builtIn()
        var times: [ReportFormat: [Duration]] = [.markdown: [], .html: []]
        let clock = ContinuousClock()
        let start = clock.now
        var bytes = 0
        for _ in 0..<`repeat` {
            for assessment in input.assessments {
                var single = input
                single.assessments = [assessment]
                for format in [ReportFormat.markdown, .html] {
                    let options = RenderOptions(formats: [format], templates: templates, generatedAt: "2025-01-01T00:00:00Z")
                    let began = clock.now
                    let files = try ReportRenderer.files(for: single, options: options)
                    times[format, default: []].append(clock.now - began)
                    bytes += files.reduce(0) { $0 + $1.contents.utf8.count }
                }
            }
        }
        let total = clock.now - start
        #if DEBUG
        Console.error("warning: this is a debug build; measure with `swift build -c release` and .build/release/scorecard")
        #endif
        var out = "bench render: \(models) models × \(categories) categories × \(evals) evaluations, 2 stages, repeat \(`repeat`)\n"
        for (label, format) in [("markdown (+ chart files)", ReportFormat.markdown), ("html", .html)] {
            let sorted = (times[format] ?? []).sorted()
            guard let fastest = sorted.first else { continue }
            out += "  \(label): median \(Self.milliseconds(sorted[sorted.count / 2])) ms, min \(Self.milliseconds(fastest)) ms per report\n"
        }
        let reports = times.values.reduce(0) { $0 + $1.count }
        out += "  total: \(reports) reports (\(bytes / 1_000_000) MB) in \(Self.milliseconds(total)) ms\n"
        Console.write(out)
        return .success
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return Format.short(ms, places: 2)
    }
}

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
        let evidence = EvidenceSet(records: records)
        let assessments = try Assessor(framework: framework, registry: BuiltinEvaluators.registry)
            .assess(evidence: evidence, determinations: [])
        let mitigations = (0..<models).map {
            Mitigation(model: "model-\($0)", category: "category_0", text: "Refusal training and monitoring.",
                       location: SourceLocation(file: "synthetic.yaml", line: $0 + 1))
        }
        return ReportInput(
            framework: framework, frameworkSHA256: String(repeating: "0", count: 64), assessments: assessments,
            evidence: evidence, mitigations: mitigations, inputs: ["synthetic.jsonl": String(repeating: "1", count: 64)],
            registry: BuiltinEvaluators.registry, tool: .init(name: "scorecard", version: ScorecardCommand.version))
    }
}
