import ScorecardCore

/// Builds the view model of one subject's report from Core values.
///
/// All decisions a reader sees (which level a cell shows, its colour, the order of rows, every
/// number's format, the wording of reasons and warnings) are made here, not in templates.
struct ReportBuilder {
    let framework: Framework
    /// Unique file-name and fragment slugs of the categories, in framework order.
    let categorySlugs: [String]

    init(framework: Framework) {
        self.framework = framework
        var used: Set<String> = []
        categorySlugs = framework.categories.enumerated().map { index, category in
            var slug = Formatting.slug(category.id)
            if slug.isEmpty { slug = "category" }
            if used.contains(slug) { slug += "-\(index + 1)" }
            used.insert(slug)
            return slug
        }
    }

    var scale: LevelScale { framework.scale }

    func name(_ level: Level) -> String { scale.name(of: level) }

    func stageName(_ id: String) -> String { framework.stage(id)?.name ?? id }

    func categoryName(_ id: String) -> String { framework.category(id)?.name ?? id }

    /// The report of one subject.
    ///
    /// - Parameters:
    ///   - chartDirectory: where the Markdown report's chart files go, relative to it (`o1.charts`).
    func build(
        _ assessment: SubjectAssessment, evidence: EvidenceSet, mitigations: [Mitigation],
        provenance: ProvenanceView, chartDirectory: String, comparisons: [SubjectAssessment] = [],
        headings: HeadingsView = .page
    ) -> ReportView {
        let subject = assessment.subject
        let categories = zip(framework.categories, assessment.categories).enumerated().map { index, pair in
            CategorySectionBuilder(report: self, category: pair.0, result: pair.1, subject: subject)
                .build(
                    evidence: evidence, use: assessment.evidenceUse,
                    mitigations: mitigations.filter { $0.model == subject.model && $0.category == pair.0.id },
                    flags: assessment.flags.filter { $0.category == pair.0.id },
                    slug: categorySlugs[index], chartDirectory: chartDirectory,
                    comparisons: comparisons.compactMap { other in
                        other.categories.first { $0.category == pair.0.id }.map { (other.subject.description, $0) }
                    })
        }
        let gates = zip(framework.gates, assessment.gates).map(gate)
        return ReportView(
            title: "Preparedness scorecard: \(subject.description)",
            subject: subject.description,
            verdict: verdict(assessment, gates: gates),
            framework: FrameworkView(
                name: framework.name, version: framework.version,
                versionPhrase: framework.version.lowercased().hasPrefix("version") ? framework.version : "version \(framework.version)",
                summary: framework.summary,
                link: Formatting.link(framework.source), aggregation: aggregationSentence),
            stages: framework.stages.map {
                StageView(name: $0.name, meaning: $0.summary ?? "The framework file does not describe this stage.")
            },
            levels: scale.levels.map { level in
                LevelKeyView(
                    name: name(level), summary: scale.definitions[level.rank].summary,
                    css: LevelStyle.css(level, in: scale))
            },
            scorecard: scorecard(assessment),
            gates: gates,
            categories: categories,
            notUsed: notUsed(assessment.evidenceUse),
            provenance: provenance,
            headings: headings,
            comparedWith: comparisons.isEmpty ? nil : Formatting.prose(comparisons.map(\.subject.description)))
    }

    /// "Overall: Pre-mitigation Medium, Post-mitigation Medium. Deployment: allowed. …"
    func verdict(_ assessment: SubjectAssessment, gates: [GateView]) -> String {
        let levels = framework.stages.map { stage in
            "\(stage.name) \(assessment.overall[stage.id]?.level.map(name) ?? "not assessed")"
        }
        var text = "Overall: \(levels.joined(separator: ", "))."
        for gate in gates { text += " \(gate.name): \(gate.decision.lowercased())." }
        return text
    }

    var aggregationSentence: String {
        switch framework.aggregation {
        case .max: "The overall level of a stage is the highest level of any category at that stage."
        }
    }

    /// Levels as a range: "High", "Medium–Critical".
    func range(_ levels: [Level]) -> String {
        guard let first = levels.first, let last = levels.last else { return "" }
        return first == last ? name(first) : "\(name(first))–\(name(last))"
    }

    /// What the evidence says about a stage in a few words: "indicated Low", or
    /// "evidence: Low reached, Medium–Critical not ruled out".
    /// Whether any indicator has a result at the stage, deciding or not (a contextual one).
    static func hasResults(_ result: CategoryStageResult) -> Bool {
        result.indicators.contains { $0.measurement.score != nil }
    }

    func evidencePhrase(_ result: CategoryStageResult) -> String {
        guard let indicated = result.indicatedLevel else { return "no \(Self.hasResults(result) ? "deciding " : "")evidence at this stage" }
        guard let reached = result.reachedLevel, !result.notRuledOut.isEmpty else { return "indicated \(name(indicated))" }
        return "evidence: \(name(reached)) reached, \(range(result.notRuledOut)) not ruled out"
    }

    /// A level as a table cell: its name, where it came from, and an early warning.
    ///
    /// A level the evidence does not rule out reads "Not ruled out: Medium–Critical", apart from
    /// both a level and "not assessed".
    func cell(_ result: CategoryStageResult?) -> LevelCellView {
        guard let result, let level = result.level else {
            return LevelCellView(
                level: "Not assessed", detail: nil, css: LevelStyle.css(nil, in: scale), notAssessed: true, notRuledOut: false)
        }
        var notes: [String] = []
        var text = name(level)
        var open = false
        switch result.status {
        case .determined:
            notes.append("determined")
            notes.append(evidencePhrase(result))
            if result.lowered { notes.append("lowered") }
        case .notRuledOut:
            open = true
            text = "Not ruled out: \(range(result.notRuledOut))"
            if let reached = result.reachedLevel { notes.append("\(name(reached)) reached") }
        case .assessed, .notAssessed:
            break
        }
        if let floor = result.floor, let from = floor.raisedFrom {
            notes.append("raised from \(name(from)): \(stageName(floor.stage)) shows \(name(floor.level))")
        }
        if let approaching = result.approaching { notes.append("approaching \(name(approaching))") }
        return LevelCellView(
            level: text, detail: notes.isEmpty ? nil : notes.joined(separator: "; "),
            css: LevelStyle.css(level, in: scale) + (open ? " lvl-open" : ""), notAssessed: false, notRuledOut: open)
    }

    /// A category as the overall level and the gates see it: its name, marked when its level is
    /// one the evidence does not rule out.
    func driver(_ id: String, _ overall: StageOverall) -> String {
        categoryName(id) + (overall.notRuledOut.contains(id) ? " (not ruled out)" : "")
    }

    func scorecard(_ assessment: SubjectAssessment) -> ScorecardTableView {
        let rows = zip(framework.categories, assessment.categories).map { category, result in
            ScorecardRowView(
                label: category.name + (category.gating ? (category.required ? "" : " (optional)") : " (not gating)"),
                cells: framework.stages.map { cell(result.stages[$0.id]) })
        }
        let overall = ScorecardRowView(label: "Overall", cells: framework.stages.map { stage in
            guard let overall = assessment.overall[stage.id], let level = overall.level else {
                return LevelCellView(
                    level: "Not assessed", detail: nil, css: LevelStyle.css(nil, in: scale), notAssessed: true, notRuledOut: false)
            }
            let open = !overall.notRuledOut.isEmpty
            return LevelCellView(
                level: name(level), detail: open ? "not ruled out" : nil,
                css: LevelStyle.css(level, in: scale) + (open ? " lvl-open" : ""), notAssessed: false, notRuledOut: open)
        })
        var notes = [aggregationSentence]
        for stage in framework.stages {
            guard let missing = assessment.overall[stage.id]?.notAssessed, !missing.isEmpty else { continue }
            notes.append("\(stage.name) is not assessed for \(Formatting.prose(missing.map(categoryName))): without those levels the overall \(stage.name.lowercased()) level is not decided, and every gate on it fails closed.")
        }
        for stage in framework.stages {
            guard let open = assessment.overall[stage.id]?.notRuledOut, !open.isEmpty else { continue }
            notes.append("\(stage.name) overall counts \(Formatting.prose(open.map(categoryName))) at the highest level the evidence does not rule out.")
        }
        let tracked = framework.categories.filter { !$0.gating }.map(\.name)
        if !tracked.isEmpty {
            notes.append("\(Formatting.prose(tracked)) \(tracked.count == 1 ? "is" : "are") tracked without gating: shown, but not counted toward the overall level or the gates.")
        }
        let optional = framework.categories.filter { !$0.required && $0.gating }.map(\.name)
        if !optional.isEmpty {
            notes.append("\(Formatting.prose(optional)) \(optional.count == 1 ? "is" : "are") optional: counted toward the overall level only when assessed.")
        }
        return ScorecardTableView(
            caption: "Risk levels of \(assessment.subject.description) per tracked category and stage",
            stageHeaders: framework.stages.map(\.name), rows: rows, overall: overall, notes: notes)
    }

    func gate(_ gate: Gate, _ decision: GateDecision) -> GateView {
        let stage = stageName(gate.stage)
        let limit = name(gate.level)
        // A gate on some categories names them: "Capability assessment for CBRN".
        let scoped = gate.categories.map { "\(stage) for \(Formatting.prose($0.map(categoryName)))" } ?? stage
        let rule: String
        let outcome: String
        switch gate.kind {
        case .ceiling: rule = "\(scoped) ≤ \(limit)"
        case .trigger: rule = "Required if \(scoped) ≥ \(limit)"
        }
        outcome = GateWording.decision(gate.kind, passed: decision.passed)
        let overall = decision.overall
        let reason: String
        if let level = overall.level, let relation = decision.relation {
            let drivers = Formatting.prose(overall.drivers.map { driver($0, overall) })
            let scope = gate.categories == nil ? "\(stage) overall" : scoped
            reason = "\(scope) is \(name(level)) (from \(drivers)), \(relation.rawValue) \(limit)."
        } else {
            let missing = Formatting.prose(overall.notAssessed.map(categoryName))
            let what = missing.isEmpty ? "\(stage) is not assessed" : "\(stage) is not assessed for \(missing)"
            reason = gate.kind == .ceiling
                ? "Fails closed: \(what), so it cannot be shown to be at most \(limit)."
                : "Fails closed: \(what), so \(limit) cannot be ruled out."
        }
        return GateView(
            name: gate.name, rule: rule, decision: outcome, css: decision.passed ? "gate gate-pass" : "gate gate-fail",
            reason: reason, passed: decision.passed)
    }
}
