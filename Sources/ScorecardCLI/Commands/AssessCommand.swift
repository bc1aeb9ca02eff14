import ArgumentParser
import Foundation
import Scorecard
import ScorecardCore
import ScorecardRender

/// `scorecard assess`: evidence → levels, gates and flags, printed as a table or JSON.
struct AssessCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess models: levels per category and stage, overall levels, and gate decisions.",
        discussion: """
            Reads the framework, the evidence files and the determinations, measures every \
            indicator, and prints one scorecard per model. A category without the evidence its \
            framework requires is NOT ASSESSED, and any gate that depends on it does not pass.

            Every record no indicator reads is listed under "Evidence not used" (and as a warning, \
            with the nearest evaluation id or metric an indicator reads); --only-model says what it \
            leaves out. --map-stage assesses evidence of one framework's stages under another's. \
            --strict turns every such warning into exit status 2.

            Examples:
              scorecard assess --framework frameworks/openai-preparedness-beta.yaml \\
                --evidence examples/demo/evidence.jsonl \\
                --determinations examples/demo/determinations.yaml
              scorecard assess --framework frameworks/openai-preparedness-v2.yaml \\
                --evidence examples/demo/evidence.jsonl \\
                --map-stage pre_mitigation=capability --map-stage post_mitigation=
            """
    )

    @OptionGroup var inputs: InputOptions

    func validate() throws {
        _ = try inputs.requireFramework()
    }

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Exit with status 3 when any gate does not pass.")
    var failOnGate = false

    mutating func execute() throws -> ExitStatus {
        let loaded = try inputs.load()
        let assessments = try loaded.assess(models: inputs.models)
        try inputs.review(loaded, assessments)
        switch format {
        case .json:
            let data = try loaded.document(assessments).encoded()
            try Console.write(data)
        case .text:
            let input = loaded.reportInput(assessments)
            let views = assessments.map { ReportRenderer.view(of: $0, input: input, generatedAt: "", chartDirectory: "") }
            try Console.write(TextReport.render(views))
        }
        if failOnGate, assessments.contains(where: { $0.gates.contains { !$0.passed } }) {
            return .gateFailed
        }
        return .success
    }
}
