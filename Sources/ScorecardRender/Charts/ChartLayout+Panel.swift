import ScorecardCore

/// One indicator's panel: threshold and baseline labels in rows above the plot, a bar per row
/// with its interval, and each row's value in a column right of the plot.
extension ChartLayout {
    /// A marker before placement: its value, label, colour and dash.
    struct Mark {
        let value: Double
        let label: String
        let color: String
        let dash: String
        let isThreshold: Bool
    }

    /// One bar of a panel: a stage of the subject (later, of a model compared with it).
    struct Row {
        let label: String
        let fill: String
        let outcome: IndicatorResult?
    }

    /// The threshold lines of a panel: the thresholds as they applied at each stage (a relative
    /// threshold can differ between stages), else the framework's absolute ones; then the bars
    /// of rule-out sets that name their own.
    func thresholdMarks(_ indicator: Indicator, _ outcomes: [IndicatorResult?]) -> [Mark] {
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
        return marks
    }

    /// "SWE-bench Verified · pass@1 · n = 477": the indicator, then the metrics and sizes its rows show.
    func panelTitle(_ indicator: Indicator, _ rows: [Row]) -> String {
        let scores = rows.compactMap { $0.outcome?.measurement.score }
        var parts = [Self.clipped(indicator.name, to: 70)]
        let metrics = scores.map(\.metric).uniqued()
        if !metrics.isEmpty { parts.append(Self.clipped(metrics.joined(separator: ", "), to: 40)) }
        let sizes = scores.compactMap(\.n).uniqued()
        if !sizes.isEmpty { parts.append("n = " + sizes.map(String.init).joined(separator: ", ")) }
        var title = parts.joined(separator: " · ")
        if !category.isDecisive(indicator) { title += " (contextual: no threshold)" }
        return title
    }

    func panel(_ indicator: Indicator, rows: [Row], y: inout Double) -> (ChartPanelView, String) {
        let unit = indicator.unit
        var marks = thresholdMarks(indicator, rows.map(\.outcome))
        let thresholdValues = Set(marks.map(\.value))
        marks += indicator.baselines.filter { !thresholdValues.contains($0.value) }.map { baseline in
            Mark(value: baseline.value, label: "\(baseline.name) \(Formatting.value(baseline.value, unit: unit))", color: "#707070", dash: "2 2", isThreshold: false)
        }
        let scores = rows.compactMap { $0.outcome?.measurement.score }
        let values = scores.flatMap { [$0.value, $0.interval?.low ?? $0.value, $0.interval?.high ?? $0.value] }
        let scale = ChartScale(unit: unit, values: values + marks.map(\.value), left: Self.plotLeft, right: Self.plotRight)

        let heading = ChartText(x: T.text(Self.margin), y: T.text(y + 12), text: panelTitle(indicator, rows), anchor: "start")
        y += 20

        // Threshold and baseline labels, stacked in rows so that none overlap.
        var labelRows: [[ClosedRange<Double>]] = []
        var placed: [(Mark, Int, Double, String, Double)] = []  // mark, row, label x, anchor, line x
        for mark in marks.sorted(by: { $0.value < $1.value }) {
            let x = scale.x(mark.value)
            let width = T.width(of: mark.label, size: 10)
            let fitsRight = x + 3 + width <= Self.width - Self.margin
            let span = fitsRight ? (x + 3)...(x + 3 + width) : (x - 3 - width)...(x - 3)
            let row = labelRows.firstIndex { $0.allSatisfy { !$0.overlaps((span.lowerBound - 6)...(span.upperBound + 6)) } } ?? labelRows.count
            if row == labelRows.count { labelRows.append([]) }
            labelRows[row].append(span)
            placed.append((mark, row, fitsRight ? x + 3 : x - 3, fitsRight ? "start" : "end", x))
        }
        let labelsTop = y
        y += Double(labelRows.count) * Self.labelRow + (labelRows.isEmpty ? 0 : 4)
        let barsTop = y
        var bars: [ChartBar] = []
        var parts: [String] = []
        for row in rows {
            let (bar, part) = self.bar(row, indicator: indicator, scale: scale, y: y)
            bars.append(bar)
            parts.append(part)
            y += Self.barPitch
        }
        let barsBottom = y
        let markers = placed.map { mark, row, labelX, anchor, x in
            let labelY = labelsTop + Double(row) * Self.labelRow + 10
            return ChartMarker(
                line: ChartLine(x1: T.text(x), y1: T.text(labelY + 2), x2: T.text(x), y2: T.text(barsBottom), stroke: mark.color, dash: mark.dash, width: "2"),
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

        var sentence = "\(panelTitle(indicator, rows)): \(parts.joined(separator: ", "))"
        let thresholdText = marks.filter(\.isThreshold).map(\.label)
        let baselineText = marks.filter { !$0.isThreshold }.map(\.label)
        sentence += thresholdText.isEmpty ? "; no threshold" : "; thresholds \(thresholdText.joined(separator: ", "))"
        if !baselineText.isEmpty { sentence += "; baselines \(baselineText.joined(separator: ", "))" }
        return (ChartPanelView(heading: heading, ticks: ticks, axis: axis, markers: markers, bars: bars), sentence + ".")
    }

    /// One row: the bar, its interval (with the part past a threshold it straddles drawn in that
    /// level's colour), a mark where an interval bound decides, and the value in the right column.
    private func bar(_ row: Row, indicator: Indicator, scale: ChartScale, y: Double) -> (ChartBar, String) {
        let unit = indicator.unit
        let label = ChartText(x: T.text(Self.margin), y: T.text(y + 13), text: Self.clipped(row.label, to: 24), anchor: "start")
        guard let outcome = row.outcome, let score = outcome.measurement.score else {
            let text = "no evidence"
            return (ChartBar(stageLabel: label, rect: nil, valueLabel: nil, valueNote: nil, whisker: nil, straddles: [],
                             decidingMark: nil,
                             missing: ChartText(x: T.text(Self.plotLeft + 4), y: T.text(y + 13), text: text, anchor: "start")),
                    "\(row.label) \(text)")
        }
        let end = scale.x(score.value)
        let rect = ChartRect(
            x: T.text(scale.x(scale.low)), y: T.text(y + 3), width: T.text(max(1, end - scale.x(scale.low))),
            height: "14", fill: row.fill)
        let valueText = Formatting.value(score.value, unit: unit)
        var part = "\(row.label) \(valueText)"
        var whisker: ChartWhisker?
        var straddles: [ChartLine] = []
        var notes: [String] = []
        let mid = y + 10
        if let interval = score.interval {
            let (lowX, highX) = (scale.x(interval.low), scale.x(interval.high))
            let ink = "#1a1a1a"
            whisker = ChartWhisker(
                line: ChartLine(x1: T.text(lowX), y1: T.text(mid), x2: T.text(highX), y2: T.text(mid), stroke: ink, dash: "none", width: "1.5"),
                lowCap: ChartLine(x1: T.text(lowX), y1: T.text(mid - 5), x2: T.text(lowX), y2: T.text(mid + 5), stroke: ink, dash: "none", width: "1.5"),
                highCap: ChartLine(x1: T.text(highX), y1: T.text(mid - 5), x2: T.text(highX), y2: T.text(mid + 5), stroke: ink, dash: "none", width: "1.5"))
            part += " (\(Format.short(interval.level * 100, places: 1))% CI \(Formatting.interval(interval, unit: unit)))"
            let (risky, _) = indicator.comparison.ends(of: interval)
            for level in outcome.straddles {
                guard let threshold = outcome.threshold(for: level) else { continue }
                let from = scale.x(threshold.value), to = scale.x(risky)
                straddles.append(ChartLine(
                    x1: T.text(from), y1: T.text(mid), x2: T.text(to), y2: T.text(mid),
                    stroke: LevelStyle.stroke(level, in: framework.scale), dash: "none", width: "4"))
                notes.append("straddles \(framework.scale.name(of: level))")
                part += ", straddling the \(framework.scale.name(of: level)) threshold"
            }
        }
        var decidingMark: ChartPath?
        if outcome.decidedByBound, let deciding = outcome.decidingValue {
            let x = scale.x(deciding)
            decidingMark = ChartPath(
                d: "M \(T.text(x - 4)) \(T.text(y - 2)) L \(T.text(x + 4)) \(T.text(y - 2)) L \(T.text(x)) \(T.text(y + 4)) Z",
                fill: "#1a1a1a")
            let bound = deciding == score.interval?.high ? "upper" : "lower"
            notes = ["\(Formatting.value(deciding, unit: unit)) decides"]
            part += "; its \(bound) bound, \(Formatting.value(deciding, unit: unit)), decides"
        }
        let valueLabel = ChartText(x: T.text(Self.valueColumn), y: T.text(y + 14), text: valueText, anchor: "start")
        let noteX = Self.valueColumn + T.width(of: valueText, size: 12.5) + 4
        let room = Int((Self.width - Self.margin - noteX) / (10 * 0.56))
        let note = notes.isEmpty ? nil
            : ChartText(x: T.text(noteX), y: T.text(y + 14), text: Self.clipped(notes.joined(separator: "; "), to: max(8, room)), anchor: "start")
        return (ChartBar(stageLabel: label, rect: rect, valueLabel: valueLabel, valueNote: note, whisker: whisker,
                         straddles: straddles, decidingMark: decidingMark, missing: nil), part)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
