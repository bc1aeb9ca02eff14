import ScorecardCore

/// Lays out a category's chart: one panel per indicator with a measured value, a bar per model
/// and stage (the report's subject first, then the models compared with it).
struct ChartLayout {
    let framework: Framework
    let category: Category
    let stages: [StageDefinition]

    typealias T = Coordinate
    typealias Mark = PanelLayout.Mark

    /// One model's results at every stage.
    struct Series {
        let name: String
        let results: [String: CategoryStageResult]
    }

    func chart(series: [Series], id: String, imagePath: String) -> ChartView? {
        let measured = category.indicators.filter { indicator in
            series.contains { model in stages.contains { model.results[$0.id]?.indicator(indicator.id)?.measurement.score != nil } }
        }
        guard !measured.isEmpty else { return nil }
        let title = "\(category.name): evaluation results against the framework's thresholds"
        let heading = ChartText(x: T.text(PanelLayout.margin), y: T.text(PanelLayout.margin + 13), text: title, anchor: "start")
        var y = PanelLayout.margin + 24
        let compared = series.count > 1
        let swatches = series.enumerated().flatMap { model, entry in
            stages.enumerated().map { stage, definition in
                (label: compared ? "\(entry.name) \(definition.name)" : definition.name, fill: ChartPalette.fill(model: model, stage: stage))
            }
        }
        // Per indicator, in bar order (model, then stage): its results and its lines.
        let perIndicator = measured.map { indicator in
            series.flatMap { model in stages.map { model.results[$0.id]?.indicator(indicator.id) } }
        }
        let panelMarks = zip(measured, perIndicator).map { marks($0, $1) }
        // The legend names only what some panel draws.
        let outcomes = perIndicator.flatMap { $0.compactMap { $0 } }
        let allMarks = panelMarks.joined()
        var lines: [(label: String, stroke: String, dash: String, width: String)] = []
        if allMarks.contains(where: \.isThreshold) { lines.append(("threshold", LevelStyle.strokes[2], "6 3", "2")) }
        if allMarks.contains(where: { !$0.isThreshold }) { lines.append(("baseline", "#707070", "2 2", "2")) }
        if outcomes.contains(where: { $0.measurement.score?.interval != nil }) { lines.append(("95% interval", "#1a1a1a", "none", "1.5")) }
        if outcomes.contains(where: { !$0.straddles.isEmpty }) {
            lines.append(("interval past a threshold", LevelStyle.strokes[3], "none", "4"))
        }
        let (legend, height) = PanelLayout.legend(series: swatches, lines: lines, y: y)
        y += height
        var panels: [ChartPanelView] = []
        var sentences: [String] = []
        for (index, indicator) in measured.enumerated() {
            let results = perIndicator[index]
            var bars: [PanelLayout.Bar] = []
            for (model, entry) in series.enumerated() {
                for (stageIndex, stage) in stages.enumerated() {
                    bars.append(bar(results[model * stages.count + stageIndex], indicator: indicator,
                                    label: compared ? "\(entry.name) · \(stage.name)" : stage.name,
                                    fill: ChartPalette.fill(model: model, stage: stageIndex)))
                }
            }
            let (panel, sentence) = PanelLayout.panel(
                title: panelTitle(indicator, results), unit: indicator.unit, marks: panelMarks[index], bars: bars, y: &y)
            panels.append(panel)
            sentences.append(sentence)
        }
        let intro = "One panel per evaluation: a bar per \(compared ? "model and " : "")stage with its confidence interval where known; the framework's thresholds as dashed lines coloured by level, baselines as grey dotted lines."
        return ChartView(
            id: id, title: title, heading: heading,
            description: ([intro] + sentences).joined(separator: " "),
            alt: "Chart of \(category.name) results against the thresholds. " + sentences.joined(separator: " "),
            imagePath: imagePath,
            width: T.text(PanelLayout.width), height: T.text(y + PanelLayout.margin - 14), legend: legend, panels: panels)
    }

    /// A stage's bar: its value and interval, the parts past straddled thresholds, the deciding bound.
    private func bar(_ outcome: IndicatorResult?, indicator: Indicator, label: String, fill: String) -> PanelLayout.Bar {
        guard let outcome, let score = outcome.measurement.score else {
            return PanelLayout.Bar(label: label, fill: fill, value: nil, interval: nil)
        }
        var bar = PanelLayout.Bar(label: label, fill: fill, value: score.value, interval: score.interval)
        if let interval = score.interval {
            let risky = indicator.comparison.ends(of: interval).risky
            bar.straddles = outcome.straddles.compactMap { level in
                outcome.threshold(for: level).map {
                    PanelLayout.Straddle(threshold: $0.value, risky: risky, color: LevelStyle.stroke(level, in: framework.scale),
                                         name: framework.scale.name(of: level))
                }
            }
        }
        if outcome.decidedByBound { bar.deciding = outcome.decidingValue }
        if let unresolved = outcome.unresolved, !unresolved.isEmpty { bar.note = "reference missing" }
        return bar
    }

    /// The threshold lines of a panel: the thresholds as they applied at each stage (a relative
    /// threshold can differ between stages and models), else the framework's absolute ones; the
    /// bars of rule-out sets that name their own; baselines not already drawn.
    private func marks(_ indicator: Indicator, _ outcomes: [IndicatorResult?]) -> [Mark] {
        var applied: [ResolvedThreshold] = []
        for threshold in outcomes.compactMap({ $0 }).flatMap(\.thresholds) where !applied.contains(threshold) {
            applied.append(threshold)
        }
        if applied.isEmpty {
            // A loop, not `compactMap { $0.value.map … }`: that form crashes Swift 6.3.1's optimiser
            // (CopyPropagation, "Found ownership error") in release builds.
            for threshold in indicator.thresholds {
                if let value = threshold.value { applied.append(ResolvedThreshold(level: threshold.level, value: value, reference: nil)) }
            }
        }
        var marks = applied.map { threshold in
            Mark(value: threshold.value, label: Formatting.threshold(threshold, of: indicator, scale: framework.scale),
                 color: LevelStyle.stroke(threshold.level, in: framework.scale), dash: "6 3", isThreshold: true)
        }
        if case .sets(let sets) = category.ruleOut {
            for set in sets {
                for entry in set.entries where entry.indicator == indicator.id {
                    guard let bar = entry.bar else { continue }
                    marks.append(Mark(
                        value: bar, label: "rules out \(framework.scale.name(of: set.level)) below \(Formatting.value(bar, unit: indicator.unit))",
                        color: LevelStyle.stroke(set.level, in: framework.scale), dash: "2 4", isThreshold: true))
                }
            }
        }
        let drawn = Set(marks.map(\.value))
        marks += indicator.baselines.filter { !drawn.contains($0.value) }.map { baseline in
            Mark(value: baseline.value, label: "\(baseline.name) \(Formatting.value(baseline.value, unit: indicator.unit))",
                 color: "#707070", dash: "2 2", isThreshold: false)
        }
        return marks
    }

    /// "SWE-bench Verified · pass@1 · n = 477": the indicator, then the metrics and sizes its bars show.
    ///
    /// The whole title fits the panel (bold 12.5 px, with room for wide fonts): the indicator's
    /// name gives way first, then the metrics.
    func panelTitle(_ indicator: Indicator, _ outcomes: [IndicatorResult?]) -> String {
        let scores = outcomes.compactMap { $0?.measurement.score }
        let fits = Int((PanelLayout.width - 2 * PanelLayout.margin) / (12.5 * 0.62))
        var rest: [String] = []
        let metrics = scores.map(\.metric).uniqued()
        if !metrics.isEmpty { rest.append(PanelLayout.clipped(metrics.joined(separator: ", "), to: 40)) }
        let sizes = scores.compactMap(\.n).uniqued()
        if !sizes.isEmpty { rest.append("n = " + PanelLayout.clipped(sizes.map(String.init).joined(separator: ", "), to: 30)) }
        let suffix = category.isDecisive(indicator) ? "" : " (contextual: no threshold)"
        let tail = rest.map { " · " + $0 }.joined() + suffix
        return PanelLayout.clipped(indicator.name, to: max(24, fits - tail.count)) + tail
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
