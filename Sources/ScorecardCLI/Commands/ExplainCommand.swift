import ArgumentParser
import Foundation
import Scorecard
import ScorecardCore

/// `scorecard explain`: why a category has its level, step by step.
struct ExplainCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a model's category has its level: every indicator, threshold and determination.",
        discussion: """
            Prints, for each stage, the trace the rules engine recorded: what each evaluator \
            measured and from which records, which thresholds were met, how indicators combined, \
            and any determination applied over the indicated level.

            Example:
              scorecard explain --framework frameworks/openai-preparedness-beta.yaml \\
                --evidence examples/demo/evidence.jsonl \\
                --determinations examples/demo/determinations.yaml \\
                --only-model o1 --category cbrn
            """)

    @OptionGroup var inputs: InputOptions

    @Option(name: .long, help: ArgumentHelp("The category id.", valueName: "id"))
    var category: String

    @Option(name: .customLong("only-stage"), help: ArgumentHelp("Explain only this stage.", valueName: "id"))
    var onlyStage: String?

    func validate() throws {
        _ = try inputs.requireFramework()
        if inputs.models.count != 1 { throw ValidationError("Name exactly one --only-model to explain.") }
    }

    mutating func execute() throws -> ExitStatus {
        let loaded = try inputs.load()
        let framework = loaded.framework
        let definition = try loaded.category(category)
        let stages = try loaded.stages(only: onlyStage)
        let assessments = try loaded.assess(models: inputs.models)
        try inputs.review(loaded, assessments)
        var out = ""
        for assessment in assessments {
            guard let result = assessment.categories.first(where: { $0.category == definition.id }) else { continue }
            out += "\(terminalSafe(assessment.subject.description)): \(terminalSafe(definition.name))\n"
            for stage in stages {
                guard let stageResult = result.stages[stage.id] else { continue }
                let level = stageResult.level.map { framework.scale.name(of: $0) } ?? "NOT ASSESSED"
                var status = stageResult.status.rawValue.replacingOccurrences(of: "_", with: " ")
                if let floor = stageResult.floor {
                    let shown = framework.scale.name(of: floor.level), by = framework.stage(floor.stage)?.name ?? floor.stage
                    status += floor.raisedFrom.map { "; raised from \(framework.scale.name(of: $0)): \(by) shows \(shown)" }
                        ?? "; below the \(shown) \(by) shows (flagged)"
                }
                out += "\n  \(terminalSafe(stage.name)): \(terminalSafe(level)) (\(terminalSafe(status)))\n"
                for line in stageResult.trace { out += "    - \(terminalSafe(line))\n" }
                let hash = loaded.evidenceHash(category: definition, stage: stage.id, of: assessment)
                out += "    evidence hash (a determination's made_on): \(hash)\n"
                for indicator in stageResult.indicators {
                    for note in indicator.measurement.score?.notes ?? [] {
                        out += "      \(terminalSafe(indicator.indicator)): \(terminalSafe(note))\n"
                    }
                }
            }
        }
        try Console.write(out)
        return .success
    }
}
