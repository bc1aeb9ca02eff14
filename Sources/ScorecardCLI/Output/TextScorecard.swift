import ScorecardCore

/// Renders assessments as plain text for the terminal: one table per model, gates, and flags.
struct TextScorecard {
    let framework: Framework

    func render(_ assessments: [SubjectAssessment]) -> String {
        guard !assessments.isEmpty else { return "No models to assess.\n" }
        return assessments.map(render).joined(separator: "\n")
    }

    func render(_ assessment: SubjectAssessment) -> String {
        var out = "\(terminalSafe(assessment.subject.description)): \(framework.name), \(framework.version)\n\n"
        var table = TextTable()
        table.add(["Category"] + framework.stages.map(\.name))
        for (category, result) in zip(framework.categories, assessment.categories) {
            let cells = framework.stages.map { stage in result.stages[stage.id].map(cell) ?? "" }
            table.add([category.name + (category.required ? "" : " (optional)")] + cells)
        }
        table.add(["Overall"] + framework.stages.map { stage in
            assessment.overall[stage.id]?.level.map(name) ?? "NOT ASSESSED"
        })
        out += table.render(indent: "  ")

        out += "\nGates\n"
        var gates = TextTable()
        for (gate, decision) in zip(framework.gates, assessment.gates) {
            let outcome = switch gate.kind {
            case .ceiling: decision.passed ? "allowed" : "NOT ALLOWED"
            case .trigger: decision.passed ? "not required" : "REQUIRED"
            }
            gates.add([gate.name, outcome, decision.reason])
        }
        out += gates.render(indent: "  ")

        if !assessment.flags.isEmpty {
            out += "\nFlags\n"
            for flag in assessment.flags {
                out += "  - \(flag.category) \(flag.stage), \(flag.kind.rawValue.replacingOccurrences(of: "_", with: " ")): \(terminalSafe(flag.message))\n"
            }
        }
        return out
    }

    private func name(_ level: Level) -> String { framework.scale.name(of: level) }

    /// One cell: the level, where it came from, and warnings.
    private func cell(_ result: CategoryStageResult) -> String {
        guard let level = result.level else { return "NOT ASSESSED" }
        var text = name(level)
        if result.status == .determined {
            let indicated = result.indicatedLevel.map { "indicated \(name($0))" } ?? "no evidence"
            text += " (determined; \(indicated)\(result.lowered ? ", LOWERED" : ""))"
        }
        if let approaching = result.approaching { text += " ~ approaching \(name(approaching))" }
        return text
    }
}
