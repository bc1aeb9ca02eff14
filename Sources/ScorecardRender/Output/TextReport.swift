/// The terminal form of a report: the same view model as Markdown and HTML, laid out as text.
///
/// Every string comes from the view model, so the terminal, the Markdown and the HTML word each
/// level, gate and flag alike; untrusted text is escaped for the terminal.
public enum TextReport {
    /// One block per report, separated by a blank line.
    public static func render(_ views: [ReportView]) -> String {
        guard !views.isEmpty else { return "No models to assess.\n" }
        return views.map(render).joined(separator: "\n")
    }

    /// One subject's scorecard, gates, review flags, early warnings and what is not assessed.
    public static func render(_ view: ReportView) -> String {
        let t = Escaping.terminal
        var out = "\(t(view.subject)): \(t(view.framework.name)), \(t(view.framework.version))\n\n"
        var table = TextTable()
        table.add(["Category"] + view.scorecard.stageHeaders.map(t))
        for row in view.scorecard.rows + [view.scorecard.overall] {
            table.add([t(row.label)] + row.cells.map(cell))
        }
        out += table.render(indent: "  ")

        if view.gates.isEmpty {
            out += "\nGates: the framework defines none\n"
        } else {
            out += "\nGates\n"
            var gates = TextTable()
            for gate in view.gates {
                gates.add([t(gate.name), gate.passed ? gate.decision : gate.decision.uppercased(), t(gate.reason)])
            }
            out += gates.render(indent: "  ")
        }

        let flags = flagLines(view)
        var warnings: [String] = []
        var missing: [String] = []
        for category in view.categories {
            warnings += category.warnings.map { "\(t(category.name)): \(t($0))" }
            guard category.required else { continue }
            for stage in category.stages where stage.cell.notAssessed {
                missing.append("\(t(category.name)), \(t(stage.stage)): \(t(stage.notAssessedReason ?? "Not assessed."))")
            }
        }
        var notUsed: [String] = []
        for row in view.notUsed?.rows ?? [] {
            let count = row.records == "1" ? "" : " (\(row.records) records)"
            notUsed.append("\(t(row.location)): \(t(row.stage)), \(t(row.evaluation)) \(t(row.metric))\(count): \(t(row.reason))")
        }
        notUsed += (view.notUsed?.tierNotes ?? []).map(t)
        for (title, lines) in [
            ("Review flags", flags), ("Early warnings", warnings), ("Not assessed", missing), ("Evidence not used", notUsed),
        ] where !lines.isEmpty {
            out += "\n\(title)\n" + lines.map { "  - \($0)\n" }.joined()
        }
        return out
    }

    /// The review flags as the report words them, one line each: "CBRN, Pre-mitigation: Interval
    /// straddles a threshold: …" (escaped for the terminal).
    public static func flagLines(_ view: ReportView) -> [String] {
        let t = Escaping.terminal
        return view.categories.flatMap { category in
            category.flags.map { "\(t(category.name)), \(t($0.stage)): \($0.kind): \(t($0.text))" }
        }
    }

    /// A level cell: the level (capitals when not assessed) and its detail in parentheses.
    private static func cell(_ cell: LevelCellView) -> String {
        let level = cell.notAssessed ? cell.level.uppercased() : cell.level
        return Escaping.terminal(cell.detail.map { "\(level) (\($0))" } ?? level)
    }
}
