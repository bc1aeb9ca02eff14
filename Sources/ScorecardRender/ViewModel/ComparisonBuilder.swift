import ScorecardCore

/// Builds the side-by-side view of one subject under several frameworks.
///
/// Each framework's table, cells and gates are worded by its own ``ReportBuilder``, exactly as in
/// its report. What this adds is the frame: the summary row per framework and the sentences on
/// how the frameworks' categories relate, which never put two frameworks' categories in one row.
struct ComparisonBuilder {
    let reports: [ReportInput]

    func build(_ subject: Subject, generatedAt: String, tool: ScorecardDocument.Tool) -> ComparisonView {
        var frameworks: [ComparedFrameworkView] = []
        var summary: [ComparisonSummaryRowView] = []
        for (index, report) in reports.enumerated() {
            let framework = report.framework
            let builder = ReportBuilder(framework: framework)
            let anchor = "fw-\(index + 1)"
            let scale = framework.scale.levels.map(builder.name).joined(separator: " < ")
            let title = "\(framework.name), \(framework.version)"
            guard let assessment = report.assessments.first(where: { $0.subject == subject }) else {
                let missing = "No evidence of \(subject) at this framework's stages (\(stageNames(framework))), so nothing is assessed under it."
                frameworks.append(ComparedFrameworkView(
                    anchor: anchor, name: framework.name, version: framework.version, link: Formatting.link(framework.source),
                    scale: scale, stages: stageNames(framework), verdict: nil, scorecard: nil, gates: [], hasGates: false,
                    levels: [], missing: missing))
                summary.append(ComparisonSummaryRowView(
                    framework: title, anchor: anchor, scale: scale, overall: "not assessed (no evidence)", gates: "—"))
                continue
            }
            let gates = zip(framework.gates, assessment.gates).map(builder.gate)
            frameworks.append(ComparedFrameworkView(
                anchor: anchor, name: framework.name, version: framework.version, link: Formatting.link(framework.source),
                scale: scale, stages: stageNames(framework), verdict: builder.verdict(assessment, gates: gates),
                scorecard: builder.scorecard(assessment), gates: gates, hasGates: !gates.isEmpty,
                levels: framework.scale.levels.map { level in
                    LevelKeyView(
                        name: builder.name(level), summary: framework.scale.definitions[level.rank].summary,
                        css: LevelStyle.css(level, in: framework.scale))
                },
                missing: nil))
            summary.append(ComparisonSummaryRowView(
                framework: title, anchor: anchor, scale: scale, overall: overall(assessment, builder), gates: gateSummary(gates)))
        }
        let count = reports.count
        let provenance = ComparisonProvenanceView(
            tool: "\(tool.name) \(tool.version)", generatedAt: generatedAt,
            frameworks: reports.map {
                ComparedFrameworkFileView(framework: "\($0.framework.id), \($0.framework.version)", sha256: $0.frameworkSHA256)
            },
            inputs: Dictionary(reports.flatMap(\.inputs), uniquingKeysWith: { first, _ in first })
                .sorted { $0.key < $1.key }.map { InputFileView(path: $0.key, sha256: $0.value) })
        return ComparisonView(
            title: "\(subject) under \(Self.number(count)) frameworks",
            subject: subject.description,
            intro: "The scorecard of \(subject) under each of \(Self.number(count)) frameworks, from the same evidence. Each framework is shown with its own categories, its own scale of levels and its own gates: a level means what its framework defines, and no level, category or gate of one framework is mapped onto another's.",
            summary: summary, frameworks: frameworks, correspondence: correspondence(), provenance: provenance)
    }

    private func stageNames(_ framework: Framework) -> String {
        Formatting.prose(framework.stages.map(\.name))
    }

    /// "Pre-mitigation Medium; Post-mitigation not assessed", marking levels not ruled out.
    private func overall(_ assessment: SubjectAssessment, _ builder: ReportBuilder) -> String {
        builder.framework.stages.map { stage in
            guard let overall = assessment.overall[stage.id], let level = overall.level else { return "\(stage.name) not assessed" }
            return "\(stage.name) \(builder.name(level))" + (overall.notRuledOut.isEmpty ? "" : " (not ruled out)")
        }.joined(separator: "; ")
    }

    /// "1 of 3 allowed or not required; Deployment: Not allowed; Development: Not allowed".
    private func gateSummary(_ gates: [GateView]) -> String {
        guard !gates.isEmpty else { return "no gates" }
        let open = gates.filter { !$0.passed }
        var text = "\(gates.count - open.count) of \(gates.count) allowed or not required"
        for gate in open { text += "; \(gate.name): \(gate.decision)" }
        return text
    }

    /// How the frameworks' categories and stages relate, in sentences that map nothing.
    private func correspondence() -> [String] {
        var notes: [String] = []
        let frameworks = reports.map(\.framework)
        var seen: Set<String> = []
        for (index, framework) in frameworks.enumerated() {
            for category in framework.categories where !seen.contains(category.id) {
                let sharing = frameworks.enumerated().filter { $0.offset != index && $0.element.category(category.id) != nil }
                guard !sharing.isEmpty else { continue }
                seen.insert(category.id)
                let all = [framework] + sharing.map(\.element)
                let names = all.map { "\($0.name), \($0.version) (“\($0.category(category.id)?.name ?? category.id)”)" }
                let scales = all.map { $0.scale.levels.map($0.scale.name).joined(separator: ", ") }
                notes.append("The category id \(category.id) appears under \(Formatting.prose(names)). The frameworks define it with their own levels (\(scales.joined(separator: "; against "))) and their own thresholds, so it is not put in one row: compare the definitions, not the words.")
            }
        }
        for framework in frameworks {
            let own = framework.categories.filter { category in
                !frameworks.contains { $0.id != framework.id && $0.category(category.id) != nil }
            }
            guard !own.isEmpty else { continue }
            notes.append("Only \(framework.name), \(framework.version) uses the categories \(Formatting.prose(own.map(\.name))). A related concern may appear under another name in another framework; this view does not judge whether it is the same.")
        }
        let stages = Set(frameworks.map { $0.stages.map(\.id) })
        if stages.count > 1 {
            let each = frameworks.map { "\($0.name), \($0.version) scores \(Formatting.prose($0.stages.map(\.name)))" }
            notes.append("The frameworks score different stages: \(each.joined(separator: "; ")).")
        }
        return notes
    }

    /// "two", "three", … for small counts.
    static func number(_ n: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        return words.indices.contains(n) ? words[n] : String(n)
    }
}
