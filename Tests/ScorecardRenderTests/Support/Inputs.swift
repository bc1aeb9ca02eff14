import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest
import ScorecardRender

/// Inputs for render tests: the demo as the CLI loads it, and hostile variations of it.
enum Inputs {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    static let frameworkPath = path("frameworks/openai-preparedness-beta.yaml")

    /// The demo: GPT-4o and o1 under the Preparedness Framework (Beta).
    static func demo() throws -> ReportInput {
        let framework = try FrameworkLoader.load(path: frameworkPath, registry: BuiltinEvaluators.registry)
        let evidence = try EvidenceLoader.load(paths: [path("examples/demo/evidence.jsonl")], stages: nil)
        let determinations = try DeterminationLoader.load(path: path("examples/demo/determinations.yaml"), framework: framework.framework)
        return try input(framework: framework.framework, records: evidence.records, determinations: determinations.determinations,
                         mitigations: determinations.mitigations)
    }

    /// Assesses `records` under `framework` and wraps everything as the renderer's input.
    static func input(
        framework: Framework, records: [EvidenceRecord], determinations: [Determination] = [], mitigations: [Mitigation] = []
    ) throws -> ReportInput {
        let evidence = EvidenceSet(records: records)
        let assessments = try Assessor(framework: framework, registry: BuiltinEvaluators.registry)
            .assess(evidence: evidence, determinations: determinations)
        return ReportInput(
            framework: framework, frameworkSHA256: String(repeating: "a", count: 64), assessments: assessments,
            evidence: evidence, mitigations: mitigations,
            inputs: ["frameworks/openai-preparedness-beta.yaml": String(repeating: "a", count: 64),
                     "evidence.jsonl": String(repeating: "b", count: 64)],
            registry: BuiltinEvaluators.registry, tool: .init(name: "scorecard", version: "test"))
    }

    static func framework() throws -> Framework {
        try FrameworkLoader.load(path: frameworkPath, registry: BuiltinEvaluators.registry).framework
    }

    /// Renders every subject of `input` in Markdown and HTML with the built-in templates.
    static func render(_ input: ReportInput, formats: [ReportFormat] = [.markdown, .html]) throws -> [ReportFile] {
        try ReportRenderer.files(
            for: input, options: RenderOptions(formats: formats, templates: TemplateLibrary.builtIn(), generatedAt: "2025-01-01T00:00:00Z"))
    }
}
