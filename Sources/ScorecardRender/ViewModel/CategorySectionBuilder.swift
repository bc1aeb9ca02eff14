import ScorecardCore

/// Builds one category's subsection: levels per stage with their reasons, evidence, warnings,
/// review flags and the chart.
struct CategorySectionBuilder {
    let report: ReportBuilder
    let category: Category
    let result: CategoryAssessment
    let subject: Subject

    var framework: Framework { report.framework }

    func build(
        evidence: EvidenceSet, use: EvidenceUse = EvidenceUse(), mitigations: [Mitigation], flags: [ReviewFlag], slug: String,
        chartDirectory: String, comparisons: [(name: String, result: CategoryAssessment)] = []
    ) -> CategoryView {
        let table = EvidenceRows(framework: framework, category: category, subject: subject)
            .table(evidence: evidence, results: result.stages, use: use)
        let rows = table.rows
        let warnings = self.warnings()
        let flagViews = self.flags(flags)
        let texts = mitigations.map(\.text)
        let coverage = self.coverage()
        let series = [ChartLayout.Series(name: subject.description, results: result.stages)]
            + comparisons.map { ChartLayout.Series(name: $0.name, results: $0.result.stages) }
        let chart = ChartLayout(framework: framework, category: category, stages: framework.stages)
            .chart(series: series, id: "chart-\(slug)", imagePath: "\(chartDirectory)/\(slug).svg")
        let comparison = comparisons.isEmpty ? nil : comparisonTable(series, slug: slug)
        let definitions = framework.scale.levels.compactMap { level in
            category.levelDefinitions[level.id].map {
                DefinitionView(level: report.name(level), css: LevelStyle.css(level, in: framework.scale), text: $0)
            }
        }
        return CategoryView(
            anchor: "cat-\(slug)", name: category.name, required: category.required, summary: category.summary,
            coverage: coverage, hasCoverage: !coverage.isEmpty,
            definitions: definitions, hasDefinitions: !definitions.isEmpty,
            stages: framework.stages.map { stage(result.stages[$0.id], stage: $0) },
            mitigations: texts, hasMitigations: !texts.isEmpty,
            evidence: rows, hasEvidence: !rows.isEmpty,
            evidenceNotes: table.notes, hasEvidenceNotes: !table.notes.isEmpty,
            warnings: warnings, hasWarnings: !warnings.isEmpty,
            flags: flagViews, hasFlags: !flagViews.isEmpty,
            chart: chart, comparison: comparison)
    }

    /// The models side by side: a row per indicator any of them has a value for, a column per
    /// model and stage; a missing result shows as missing, never as zero.
    private func comparisonTable(_ series: [ChartLayout.Series], slug: String) -> SideBySideTableView {
        let stages = framework.stages
        let headers = series.flatMap { model in stages.map { "\(model.name) \($0.name)" } }
        let rows = category.indicators.compactMap { indicator -> SideBySideRowView? in
            let scores = series.flatMap { model in stages.map { model.results[$0.id]?.indicator(indicator.id) } }
            guard scores.contains(where: { $0?.measurement.score != nil }) else { return nil }
            let measured = scores.compactMap { $0?.measurement.score }
            let variants = measured.compactMap { $0.record?.variant }.uniqued()
            // Values read from different variants (the worst case of each model's) name theirs:
            // 61% with tools on an earlier checkpoint is not the plain figure beside it.
            let perCell = variants.count > 1 || (!variants.isEmpty && measured.contains { $0.record?.variant == nil })
            let cells = scores.map { outcome -> ValueCellView in
                guard let outcome, let score = outcome.measurement.score else {
                    return ValueCellView(value: "—", interval: [], note: [], missing: true, flagged: false)
                }
                let note = (outcome.level.map { [report.name($0)] } ?? []) + (perCell ? [score.record?.variant ?? "no variant"] : [])
                return ValueCellView(
                    value: Formatting.value(score.value, unit: indicator.unit),
                    interval: score.interval.map { [Formatting.interval($0, unit: indicator.unit)] } ?? [],
                    note: note.isEmpty ? [] : [note.joined(separator: "; ")], missing: false, flagged: false)
            }
            let metrics = measured.map(\.metric).uniqued()
            return SideBySideRowView(
                label: "\(indicator.name) · \(metrics.joined(separator: ", "))",
                variant: variants.isEmpty ? Formatting.none : perCell ? "varies: named in each cell" : variants[0], cells: cells)
        }
        return SideBySideTableView(
            anchor: "cmp-\(slug)", title: "\(category.name): \(series.map(\.name).joined(separator: ", ")) side by side",
            summary: [], labelHeader: "Evaluation", headers: headers, rows: rows, hasRows: !rows.isEmpty, charts: [],
            legend: ["Each value with its interval where known and, beside it, the level its indicator reaches; “—”: no result (not zero)."])
    }

    private func stage(_ result: CategoryStageResult?, stage: StageDefinition) -> CategoryStageView {
        let determination = result?.determination.map { determination in
            let link = Formatting.link(determination.source)
            return DeterminationView(
                level: report.name(determination.level), rationale: determination.rationale,
                author: determination.author, date: determination.date, link: link,
                sourceText: link == nil ? determination.source : nil)
        }
        let indicated = result?.indicatedLevel
        let basis = result?.status == .determined ? "Determination" : (indicated == nil ? Formatting.none : "Evidence")
        let findings = result.map(self.findings) ?? []
        return CategoryStageView(
            stage: stage.name, cell: report.cell(result),
            indicated: result.map(indicatedText) ?? "Not assessed", basis: basis,
            lead: result.map(lead) ?? "No level: no determination is recorded and the evidence does not decide one.",
            determination: determination,
            notAssessedReason: indicated == nil ? notAssessedReason(result?.notAssessedReason) : nil,
            findings: findings, hasFindings: !findings.isEmpty)
    }

    /// The "Indicated by the evidence" column: a level, or the levels not ruled out.
    private func indicatedText(_ result: CategoryStageResult) -> String {
        guard let indicated = result.indicatedLevel else { return "Not assessed" }
        guard let reached = result.reachedLevel, !result.notRuledOut.isEmpty else { return report.name(indicated) }
        return "Not ruled out: \(report.range(result.notRuledOut)) (\(report.name(reached)) reached)"
    }

    /// The opening sentence of a stage's rationale when no determination was made.
    private func lead(_ result: CategoryStageResult) -> String {
        guard let indicated = result.indicatedLevel else {
            return "No level: no determination is recorded and the evidence does not decide one."
        }
        let open = { (level: Level) in
            "until it does, or a determination is recorded, the category counts as \(report.name(level)) for the overall level and the gates."
        }
        if let floor = result.floor, let from = floor.raisedFrom {
            let head = result.notRuledOut.isEmpty ? "Raised to \(report.name(floor.level))" : "\(report.name(floor.level)) reached"
            let raised = "\(head): \(report.stageName(floor.stage)) shows \(report.name(floor.level)) with mitigations in place, and mitigations do not add capability. The evidence at this stage alone shows \(report.name(from)) reached"
            guard let level = result.level, !result.notRuledOut.isEmpty else { return raised + "; no determination is recorded." }
            return raised + ", and does not rule out \(report.range(result.notRuledOut)); " + open(level)
        }
        guard let reached = result.reachedLevel, !result.notRuledOut.isEmpty else {
            return "Decided by the evidence through the framework's thresholds; no determination is recorded."
        }
        return "The evidence shows \(report.name(reached)) reached but does not rule out \(report.range(result.notRuledOut)); " + open(indicated)
    }

    /// What a rule-out route still lacks, in words: "Uplift trial is not below its bar; no
    /// evidence for ProtocolQA". Nil when it lacks nothing.
    func ruleOutNeeds(missing: [String], risky: [String]) -> String? {
        var parts: [String] = []
        if !risky.isEmpty {
            parts.append("\(Formatting.prose(risky.map(indicatorName))) \(risky.count == 1 ? "is" : "are") not below \(risky.count == 1 ? "its bar" : "their bars")")
        }
        if !missing.isEmpty { parts.append("no evidence for \(Formatting.prose(missing.map(indicatorName)))") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The name of an indicator of this category, from its identifier.
    func indicatorName(_ id: String) -> String {
        category.indicators.first { $0.id == id }?.name ?? id
    }

    /// Why the category has no level from evidence, as a sentence.
    func notAssessedReason(_ reason: NotAssessedReason?) -> String {
        let names = { (ids: [String]) in ids.map(indicatorName).joined(separator: ", ") }
        switch reason {
        case nil:
            return "Not assessed."
        case .determinationOnly?:
            return "The framework gives this category no indicators with thresholds: it is judged by determination only."
        case .requiredWithoutEvidence(let ids)?:
            return "Not assessed from evidence: required indicator\(ids.count > 1 ? "s" : "") without evidence: \(names(ids))."
        case .noEvidence(let ids)?:
            return "Not assessed from evidence: no indicator with thresholds has evidence (\(names(ids)))."
        case .tooFewIndicators(let measured, let decisive, let needed)?:
            return "Not assessed from evidence: \(measured.count) of \(decisive.count) indicators have evidence; \(needed) needed."
        }
    }

    /// The engine's early warnings (those above the final level), per stage and indicator.
    private func warnings() -> [String] {
        var out: [String] = []
        for stage in framework.stages {
            for warning in result.stages[stage.id]?.warnings ?? [] {
                guard let indicator = category.indicators.first(where: { $0.id == warning.indicator }) else { continue }
                let threshold = Formatting.threshold(
                    level: warning.level, value: warning.threshold, of: indicator, scale: framework.scale)
                let unit = indicator.unit
                var value = Formatting.value(warning.value, unit: unit)
                if let outcome = result.stages[stage.id]?.indicator(indicator.id), outcome.decidedByBound,
                   let score = outcome.measurement.score, let interval = score.interval {
                    let bound = warning.value == interval.high ? "upper" : "lower"
                    value = "\(Formatting.value(score.value, unit: unit)) (the framework compares its \(bound) \(Format.short(interval.level * 100, places: 1))% bound, \(Formatting.value(warning.value, unit: unit)))"
                }
                if warning.ruleOutBar {
                    out.append("\(stage.name): \(indicator.name) at \(value) rules \(report.name(warning.level)) out narrowly: it is within \(Formatting.margin(warning.margin, unit: unit)) of the rule-out bar (\(Formatting.value(warning.threshold, unit: unit))).")
                } else {
                    out.append("\(stage.name): \(indicator.name) at \(value) is within \(Formatting.margin(warning.margin, unit: unit)) of the \(report.name(warning.level)) threshold (\(threshold)).")
                }
            }
        }
        return out
    }

    /// The engine's review flags in words. Early warnings have their own list and a stage
    /// without a level shows it in its row, so those two kinds are not repeated here.
    private func flags(_ flags: [ReviewFlag]) -> [FlagView] {
        let policy = framework.uncertainty == .conservativeBound
            ? "under the framework's policy the riskier end of the interval decides"
            : "under the framework's policy the point estimate decides"
        return flags.compactMap { flag in
            let stage = report.stageName(flag.stage)
            switch flag.detail {
            case .lowered(let determined, let reached):
                return FlagView(
                    kind: "Lowered by determination", stage: stage,
                    text: "The determination sets \(report.name(determined)), below the \(report.name(reached)) that the evidence indicates.")
            case .determinedBelowNotRuledOut(let determined, let open):
                return FlagView(
                    kind: "Determined below a level not ruled out", stage: stage,
                    text: "The determination sets \(report.name(determined)), but the evidence does not rule out \(report.range(open)).")
            case .notRuledOut(let reached, let levels, let missing, let risky):
                var text = "\(report.name(reached)) is reached, but the evidence does not rule out \(report.range(levels)), so the category counts as \(report.name(levels.last ?? reached)) for the gates."
                if let next = levels.first, let need = ruleOutNeeds(missing: missing, risky: risky) {
                    text += " To rule out \(report.name(next)): \(need)."
                }
                return FlagView(kind: "Not ruled out", stage: stage, text: text)
            case .determinedWithoutEvidence(let determined, let reason):
                let some = result.stages[flag.stage].map(ReportBuilder.hasResults) ?? false
                return FlagView(
                    kind: some ? "Determined without deciding evidence" : "Determined without evidence", stage: stage,
                    text: "The determination sets \(report.name(determined)) with no \(some ? "deciding " : "")evidence at this stage. \(notAssessedReason(reason))")
            case .straddles(let id, let interval, let levels):
                guard let indicator = category.indicators.first(where: { $0.id == id }) else { return nil }
                let applied = result.stages[flag.stage]?.indicator(id)?.thresholds ?? []
                let thresholds = applied.filter { levels.contains($0.level) }
                    .map { Formatting.threshold($0, of: indicator, scale: framework.scale) }
                return FlagView(
                    kind: "Interval straddles a threshold", stage: stage,
                    text: "\(indicator.name): the \(Format.short(interval.level * 100, places: 1))% interval \(Formatting.interval(interval, unit: indicator.unit)) contains the threshold \(Formatting.prose(thresholds)); \(policy).")
            case .staleDetermination(let madeOn, let now, let location):
                return FlagView(
                    kind: "Stale determination", stage: stage,
                    text: "The determination (\(location)) was made on evidence \(madeOn.prefix(12)) (its made_on), but this category's evidence at this stage now hashes to \(now.prefix(12)): the evidence changed after it was decided. Review the determination, then record the new hash in made_on.")
            case .belowMitigatedStage(let level, let by, let shown, let raised):
                let after = report.stageName(by)
                let text = if raised, let level {
                    "The evidence at this stage alone shows \(report.name(level)) reached, but \(after) shows \(report.name(shown)) with mitigations in place. Mitigations do not add capability, so the level reached here is raised to \(report.name(shown))."
                } else if let level {
                    "\(report.name(level)) here is below the \(report.name(shown)) of \(after), with mitigations in place. A level before mitigations is at least the level after: review the level here."
                } else {
                    "Not assessed here, while \(after) shows \(report.name(shown)) with mitigations in place: the level before mitigations is at least \(report.name(shown)), so this stage's overall level is not decided until the category is assessed."
                }
                return FlagView(kind: raised ? "Raised to the mitigated stage's level" : "Below the mitigated stage", stage: stage, text: text)
            case .approaching, .notAssessed:
                return nil
            }
        }
    }
}
