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
        evidence: EvidenceSet, mitigations: [Mitigation], flags: [ReviewFlag], slug: String, chartDirectory: String
    ) -> CategoryView {
        let rows = EvidenceRows(framework: framework, category: category, subject: subject)
            .rows(evidence: evidence, results: result.stages)
        let warnings = self.warnings()
        let flagViews = self.flags(flags)
        let texts = mitigations.map(\.text)
        let chart = ChartLayout(framework: framework, category: category, stages: framework.stages)
            .chart(results: result.stages, id: "chart-\(slug)", imagePath: "\(chartDirectory)/\(slug).svg")
        let definitions = framework.scale.levels.compactMap { level in
            category.levelDefinitions[level.id].map {
                DefinitionView(level: report.name(level), css: LevelStyle.css(level, in: framework.scale), text: $0)
            }
        }
        return CategoryView(
            anchor: "cat-\(slug)", name: category.name, summary: category.summary,
            definitions: definitions, hasDefinitions: !definitions.isEmpty,
            stages: framework.stages.map { stage(result.stages[$0.id], stage: $0) },
            mitigations: texts, hasMitigations: !texts.isEmpty,
            evidence: rows, hasEvidence: !rows.isEmpty,
            warnings: warnings, hasWarnings: !warnings.isEmpty,
            flags: flagViews, hasFlags: !flagViews.isEmpty,
            chart: chart)
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
            indicated: indicated.map(report.name) ?? "Not assessed", basis: basis,
            lead: indicated == nil
                ? "No level: no determination is recorded and the evidence does not decide one."
                : "Decided by the evidence through the framework's thresholds; no determination is recorded.",
            determination: determination,
            notAssessedReason: indicated == nil ? notAssessedReason(result?.notAssessedReason) : nil,
            findings: findings, hasFindings: !findings.isEmpty)
    }

    /// The engine's reason with indicator ids replaced by their names, as a sentence.
    private func notAssessedReason(_ reason: String?) -> String {
        if category.decisiveIndicators.isEmpty {
            return "The framework gives this category no indicators with thresholds: it is judged by determination only."
        }
        guard var text = reason, !text.isEmpty else { return "Not assessed." }
        for indicator in category.indicators.sorted(by: { $0.id.count > $1.id.count }) {
            text = text.replacing(indicator.id, with: indicator.name)
        }
        return "Not assessed from evidence: " + text + "."
    }

    /// The engine's reasoning: how the levels combine, then each decisive indicator's value and level.
    private func findings(_ result: CategoryStageResult) -> [String] {
        guard let indicated = result.indicatedLevel else { return [] }
        let rule = switch category.combine {
        case .any: "the highest indicator level decides"
        case .all: "a level counts only when every assessed indicator reaches it"
        case .atLeast(let n): "a level counts when at least \(n) indicators reach it"
        }
        var lines = ["The evidence indicates \(report.name(indicated)) (\(rule))."]
        var missing: [String] = []
        for (indicator, outcome) in zip(category.indicators, result.indicators) where indicator.isDecisive {
            guard let score = outcome.measurement.score, let level = outcome.level else {
                missing.append(indicator.name)
                continue
            }
            var line = "\(indicator.name): \(Formatting.value(score.value, unit: indicator.unit)) (\(score.metric))"
            if let deciding = outcome.decidingValue, deciding != score.value {
                line += "; the riskier end of its interval, \(Formatting.value(deciding, unit: indicator.unit)), decides"
            }
            let thresholds = indicator.thresholds.map { threshold in
                let met = outcome.level.map { $0 >= threshold.level } ?? false
                return Formatting.threshold(threshold, of: indicator, scale: framework.scale) + (met ? " met" : " not met")
            }
            line += " → \(report.name(level)) (\(thresholds.joined(separator: "; ")))."
            lines.append(line)
        }
        if !missing.isEmpty {
            lines.append("No evidence at this stage for \(Formatting.prose(missing)).")
        }
        return lines
    }

    /// "Approaching" warnings above the final level, per stage and indicator.
    private func warnings() -> [String] {
        var out: [String] = []
        for stage in framework.stages {
            guard let result = result.stages[stage.id], result.approaching != nil else { continue }
            for (indicator, outcome) in zip(category.indicators, result.indicators) {
                guard let near = outcome.approaching, let value = outcome.decidingValue,
                      result.level.map({ near > $0 }) ?? true,
                      let threshold = indicator.thresholds.first(where: { $0.level == near }) else { continue }
                let margin = indicator.earlyWarningMargin ?? framework.earlyWarningMargin
                out.append("\(stage.name): \(indicator.name) at \(Formatting.value(value, unit: indicator.unit)) is within \(Formatting.margin(margin, unit: indicator.unit)) of the \(report.name(near)) threshold (\(Formatting.threshold(threshold, of: indicator, scale: framework.scale))).")
            }
        }
        return out
    }

    /// Review flags: lowered determinations, determinations without evidence, straddled thresholds.
    private func flags(_ flags: [ReviewFlag]) -> [FlagView] {
        var out: [FlagView] = []
        for flag in flags {
            guard let result = result.stages[flag.stage], let determination = result.determination else { continue }
            let stage = report.stageName(flag.stage)
            switch flag.kind {
            case .loweredByDetermination:
                let indicated = result.indicatedLevel.map(report.name) ?? "Not assessed"
                out.append(FlagView(
                    kind: "Lowered by determination", stage: stage,
                    text: "The determination sets \(report.name(determination.level)), below the \(indicated) that the evidence indicates."))
            case .determinedWithoutEvidence:
                out.append(FlagView(
                    kind: "Determined without evidence", stage: stage,
                    text: "The determination sets \(report.name(determination.level)) with no evidence at this stage. \(notAssessedReason(result.notAssessedReason))"))
            default:
                break
            }
        }
        let policy = framework.uncertainty == .conservativeBound
            ? "under the framework's policy the riskier end of the interval decides"
            : "under the framework's policy the point estimate decides"
        for stage in framework.stages {
            guard let result = result.stages[stage.id] else { continue }
            for (indicator, outcome) in zip(category.indicators, result.indicators) where !outcome.straddles.isEmpty {
                guard let interval = outcome.measurement.score?.interval else { continue }
                let thresholds = indicator.thresholds.filter { outcome.straddles.contains($0.level) }
                    .map { Formatting.threshold($0, of: indicator, scale: framework.scale) }
                out.append(FlagView(
                    kind: "Interval straddles a threshold", stage: stage.name,
                    text: "\(indicator.name): the \(Format.short(interval.level * 100, places: 1))% interval \(Formatting.interval(interval, unit: indicator.unit)) contains the threshold \(Formatting.prose(thresholds)); \(policy)."))
            }
        }
        return out
    }
}
