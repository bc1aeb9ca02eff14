import ScorecardCore

/// Lays out a category's chart: one panel per indicator with a measured value.
struct ChartLayout {
    let framework: Framework
    let category: Category
    let stages: [StageDefinition]

    static let width = 720.0
    static let margin = 12.0
    static let plotLeft = 150.0
    static let plotRight = 620.0
    static let labelRow = 13.0
    static let barPitch = 20.0
    /// Stage bar fills: dark and light blue, then green and grey (distinct from the level colours).
    static let stageFills = ["#2f4b7c", "#8aaed8", "#5b8c5a", "#a0a0a0"]

    typealias T = Coordinate

    func chart(results: [String: CategoryStageResult], id: String, imagePath: String) -> ChartView? {
        let measured = category.indicators.filter { indicator in
            stages.contains { results[$0.id]?.indicator(indicator.id)?.measurement.score != nil }
        }
        guard !measured.isEmpty else { return nil }
        let title = "\(category.name): evaluation results against the framework's thresholds"
        let heading = ChartText(x: T.text(Self.margin), y: T.text(Self.margin + 13), text: title, anchor: "start")
        var y = Self.margin + 24
        let legend = self.legend(y: y)
        y += 26
        var panels: [ChartPanelView] = []
        var sentences: [String] = []
        for indicator in measured {
            let outcomes = stages.map { results[$0.id]?.indicator(indicator.id) }
            let (panel, sentence) = self.panel(indicator, outcomes: outcomes, y: &y)
            panels.append(panel)
            sentences.append(sentence)
        }
        let intro = "One panel per evaluation: a bar per stage with its confidence interval where known; the framework's thresholds as dashed lines coloured by level, baselines as grey dotted lines."
        return ChartView(
            id: id, title: title, heading: heading,
            description: ([intro] + sentences).joined(separator: " "),
            alt: "Chart of \(category.name) results against the thresholds. " + sentences.joined(separator: " "),
            imagePath: imagePath,
            width: T.text(Self.width), height: T.text(y + Self.margin - 14), legend: legend, panels: panels)
    }

    private func legend(y: Double) -> [ChartLegendItem] {
        var x = Self.margin
        var items: [ChartLegendItem] = []
        for (index, stage) in stages.enumerated() {
            let swatch = ChartRect(x: T.text(x), y: T.text(y), width: "12", height: "12", fill: Self.stageFills[index % Self.stageFills.count])
            items.append(ChartLegendItem(label: ChartText(x: T.text(x + 16), y: T.text(y + 10), text: stage.name, anchor: "start"), swatch: swatch, line: nil))
            x += 16 + T.width(of: stage.name, size: 11) + 16
        }
        let samples: [(String, String, String)] = [
            ("threshold", LevelStyle.strokes[2], "6 3"), ("baseline", "#707070", "2 2"), ("95% interval", "#1a1a1a", "none"),
        ]
        for (label, stroke, dash) in samples {
            let line = ChartLine(x1: T.text(x), y1: T.text(y + 6), x2: T.text(x + 22), y2: T.text(y + 6), stroke: stroke, dash: dash)
            items.append(ChartLegendItem(label: ChartText(x: T.text(x + 26), y: T.text(y + 10), text: label, anchor: "start"), swatch: nil, line: line))
            x += 26 + T.width(of: label, size: 11) + 16
        }
        return items
    }

    /// A marker before placement: its value, label, colour and dash.
    private struct Mark {
        let value: Double
        let label: String
        let color: String
        let dash: String
        let isThreshold: Bool
    }

    /// The threshold lines of a panel: the thresholds as they applied at each stage (a relative
    /// threshold can differ between stages), else the framework's absolute ones; then the bars
    /// of rule-out sets that name their own.
    private func thresholdMarks(_ indicator: Indicator, _ outcomes: [IndicatorResult?]) -> [Mark] {
        var applied: [ResolvedThreshold] = []
        for threshold in outcomes.compactMap({ $0 }).flatMap(\.thresholds) where !applied.contains(threshold) {
            applied.append(threshold)
        }
        if applied.isEmpty {
            applied = indicator.thresholds.compactMap { threshold in
                threshold.value.map { ResolvedThreshold(level: threshold.level, value: $0, reference: nil) }
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
        return marks
    }

    private func panel(_ indicator: Indicator, outcomes: [IndicatorResult?], y: inout Double) -> (ChartPanelView, String) {
        let unit = indicator.unit
        let scores = outcomes.map { $0?.measurement.score }
        var marks = thresholdMarks(indicator, outcomes)
        let thresholdValues = Set(marks.map(\.value))
        marks += indicator.baselines.filter { !thresholdValues.contains($0.value) }.map { baseline in
            Mark(value: baseline.value, label: "\(baseline.name) \(Formatting.value(baseline.value, unit: unit))", color: "#707070", dash: "2 2", isThreshold: false)
        }
        let values = scores.compactMap { $0 }.flatMap { [$0.value, $0.interval?.low ?? $0.value, $0.interval?.high ?? $0.value] }
        let scale = ChartScale(unit: unit, values: values + marks.map(\.value), left: Self.plotLeft, right: Self.plotRight)

        let heading = ChartText(
            x: T.text(Self.margin), y: T.text(y + 12),
            text: Self.clipped(indicator.name, to: 90) + (category.isDecisive(indicator) ? "" : " (contextual: no threshold)"),
            anchor: "start")
        y += 20

        // Threshold and baseline labels, stacked in rows so that none overlap.
        var rows: [[ClosedRange<Double>]] = []
        var placed: [(Mark, Int, Double, String, Double)] = []  // mark, row, label x, anchor, line x
        for mark in marks.sorted(by: { $0.value < $1.value }) {
            let x = scale.x(mark.value)
            let width = T.width(of: mark.label, size: 10)
            let fitsRight = x + 3 + width <= Self.width - Self.margin
            let span = fitsRight ? (x + 3)...(x + 3 + width) : (x - 3 - width)...(x - 3)
            let row = rows.firstIndex { $0.allSatisfy { !$0.overlaps((span.lowerBound - 6)...(span.upperBound + 6)) } } ?? rows.count
            if row == rows.count { rows.append([]) }
            rows[row].append(span)
            placed.append((mark, row, fitsRight ? x + 3 : x - 3, fitsRight ? "start" : "end", x))
        }
        let labelsTop = y
        y += Double(rows.count) * Self.labelRow + (rows.isEmpty ? 0 : 4)
        let barsTop = y
        var bars: [ChartBar] = []
        var parts: [String] = []
        for (index, stage) in stages.enumerated() {
            let stageLabel = ChartText(x: T.text(Self.margin), y: T.text(y + 13), text: Self.clipped(stage.name, to: 22), anchor: "start")
            guard let score = scores[index] else {
                bars.append(ChartBar(stageLabel: stageLabel, rect: nil, valueLabel: nil, whisker: nil,
                                     missing: ChartText(x: T.text(Self.plotLeft + 4), y: T.text(y + 13), text: "no evidence", anchor: "start")))
                parts.append("\(stage.name) no evidence")
                y += Self.barPitch
                continue
            }
            let end = scale.x(score.value)
            let rect = ChartRect(
                x: T.text(scale.x(scale.low)), y: T.text(y + 3), width: T.text(max(1, end - scale.x(scale.low))),
                height: "14", fill: Self.stageFills[index % Self.stageFills.count])
            var labelX = end
            var whisker: ChartWhisker?
            let valueText = Formatting.value(score.value, unit: unit)
            var part = "\(stage.name) \(valueText)"
            if let interval = score.interval {
                let (lowX, highX, mid) = (scale.x(interval.low), scale.x(interval.high), y + 10)
                whisker = ChartWhisker(
                    line: ChartLine(x1: T.text(lowX), y1: T.text(mid), x2: T.text(highX), y2: T.text(mid), stroke: "#1a1a1a", dash: "none"),
                    lowCap: ChartLine(x1: T.text(lowX), y1: T.text(mid - 5), x2: T.text(lowX), y2: T.text(mid + 5), stroke: "#1a1a1a", dash: "none"),
                    highCap: ChartLine(x1: T.text(highX), y1: T.text(mid - 5), x2: T.text(highX), y2: T.text(mid + 5), stroke: "#1a1a1a", dash: "none"))
                labelX = max(labelX, highX)
                part += " (\(Format.short(interval.level * 100, places: 1))% CI \(Formatting.interval(interval, unit: unit)))"
            }
            parts.append(part)
            bars.append(ChartBar(
                stageLabel: stageLabel, rect: rect,
                valueLabel: ChartText(x: T.text(labelX + 5), y: T.text(y + 14), text: valueText, anchor: "start"),
                whisker: whisker, missing: nil))
            y += Self.barPitch
        }
        let barsBottom = y
        let markers = placed.map { mark, row, labelX, anchor, x in
            let labelY = labelsTop + Double(row) * Self.labelRow + 10
            return ChartMarker(
                line: ChartLine(x1: T.text(x), y1: T.text(labelY + 2), x2: T.text(x), y2: T.text(barsBottom), stroke: mark.color, dash: mark.dash),
                label: ChartText(x: T.text(labelX), y: T.text(labelY), text: mark.label, anchor: anchor), color: mark.color)
        }
        let ticks = scale.ticks.map { tick in
            let x = scale.x(tick)
            return ChartTick(
                line: ChartLine(x1: T.text(x), y1: T.text(barsTop), x2: T.text(x), y2: T.text(barsBottom), stroke: "#e0e0e0", dash: "none"),
                label: ChartText(x: T.text(x), y: T.text(barsBottom + 11), text: Formatting.value(tick, unit: unit), anchor: "middle"))
        }
        let axis = ChartLine(x1: T.text(Self.plotLeft), y1: T.text(barsBottom), x2: T.text(Self.plotRight), y2: T.text(barsBottom), stroke: "#8c8c8c", dash: "none")
        y = barsBottom + 30

        var sentence = "\(indicator.name): \(parts.joined(separator: ", "))"
        let thresholdText = marks.filter(\.isThreshold).map(\.label)
        let baselineText = marks.filter { !$0.isThreshold }.map(\.label)
        sentence += thresholdText.isEmpty ? "; no threshold" : "; thresholds \(thresholdText.joined(separator: ", "))"
        if !baselineText.isEmpty { sentence += "; baselines \(baselineText.joined(separator: ", "))" }
        return (ChartPanelView(heading: heading, ticks: ticks, axis: axis, markers: markers, bars: bars), sentence + ".")
    }

    /// `text` cut to `limit` characters with an ellipsis, so a long name cannot run off the chart
    /// (the full text is in the chart's description).
    static func clipped(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
