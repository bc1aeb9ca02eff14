import ScorecardCore

/// Lays out one panel of a bar chart: labelled marker lines (thresholds, baselines) stacked so no
/// two labels overlap, a bar per row with its interval, and each row's value in a column right
/// of the plot, where no marker line runs.
///
/// Shared by the Preparedness charts (a bar per model and stage, against thresholds) and the
/// system-card sections' charts (a bar per model); it knows nothing of levels.
enum PanelLayout {
    static let width = 760.0
    static let margin = 12.0
    static let plotLeft = 170.0
    static let plotRight = 560.0
    static let valueColumn = plotRight + 12
    static let labelRow = 13.0
    static let barPitch = 20.0

    typealias T = Coordinate

    /// A labelled vertical line: a threshold, a rule-out bar or a baseline.
    struct Mark {
        let value: Double
        let label: String
        let color: String
        let dash: String
        let isThreshold: Bool
    }

    /// The part of an interval past a threshold it straddles, drawn in that threshold's colour.
    struct Straddle {
        let threshold: Double
        let risky: Double
        let color: String
        let name: String
    }

    /// One row: a bar with its interval, or a note when there is no value.
    struct Bar {
        let label: String
        let fill: String
        let value: Double?
        let interval: ConfidenceInterval?
        var straddles: [Straddle] = []
        /// The interval bound that decides, when one does.
        var deciding: Double?
        /// Shown in place of a bar when there is no value.
        var missing = "no evidence"
        /// A short note beside the value ("derived"), when there is nothing more pressing.
        var note: String?
    }

    /// The panel and its description in words.
    static func panel(title: String, unit: ValueUnit, marks: [Mark], bars: [Bar], y: inout Double) -> (ChartPanelView, String) {
        let values = bars.flatMap { bar -> [Double] in
            guard let value = bar.value else { return [] }
            return [value, bar.interval?.low ?? value, bar.interval?.high ?? value]
        }
        let scale = ChartScale(unit: unit, values: values + marks.map(\.value), left: plotLeft, right: plotRight)
        let heading = ChartText(x: T.text(margin), y: T.text(y + 12), text: title, anchor: "start")
        y += 20

        // Marker labels, stacked in rows so that none overlap.
        var labelRows: [[ClosedRange<Double>]] = []
        var placed: [(mark: Mark, row: Int, labelX: Double, anchor: String, x: Double)] = []
        for mark in marks.sorted(by: { $0.value < $1.value }) {
            let x = scale.x(mark.value)
            let width = T.width(of: mark.label, size: 10)
            let fitsRight = x + 3 + width <= Self.width - margin
            let span = fitsRight ? (x + 3)...(x + 3 + width) : (x - 3 - width)...(x - 3)
            let row = labelRows.firstIndex { $0.allSatisfy { !$0.overlaps((span.lowerBound - 6)...(span.upperBound + 6)) } } ?? labelRows.count
            if row == labelRows.count { labelRows.append([]) }
            labelRows[row].append(span)
            placed.append((mark, row, fitsRight ? x + 3 : x - 3, fitsRight ? "start" : "end", x))
        }
        let labelsTop = y
        y += Double(labelRows.count) * labelRow + (labelRows.isEmpty ? 0 : 4)
        let barsTop = y
        var views: [ChartBar] = []
        var parts: [String] = []
        for bar in bars {
            let (view, part) = self.bar(bar, unit: unit, scale: scale, y: y)
            views.append(view)
            parts.append(part)
            y += barPitch
        }
        let barsBottom = y
        let markers = placed.map { item in
            let labelY = labelsTop + Double(item.row) * labelRow + 10
            return ChartMarker(
                line: ChartLine(x1: T.text(item.x), y1: T.text(labelY + 2), x2: T.text(item.x), y2: T.text(barsBottom),
                                stroke: item.mark.color, dash: item.mark.dash, width: "2"),
                label: ChartText(x: T.text(item.labelX), y: T.text(labelY), text: item.mark.label, anchor: item.anchor),
                color: item.mark.color)
        }
        let ticks = scale.ticks.map { tick in
            let x = scale.x(tick)
            return ChartTick(
                line: ChartLine(x1: T.text(x), y1: T.text(barsTop), x2: T.text(x), y2: T.text(barsBottom), stroke: "#e0e0e0", dash: "none"),
                label: ChartText(x: T.text(x), y: T.text(barsBottom + 11), text: Formatting.value(tick, unit: unit), anchor: "middle"))
        }
        let axis = ChartLine(
            x1: T.text(plotLeft), y1: T.text(barsBottom), x2: T.text(plotRight), y2: T.text(barsBottom), stroke: "#8c8c8c", dash: "none")
        y = barsBottom + 30

        var sentence = "\(title): \(parts.joined(separator: ", "))"
        let thresholds = marks.filter(\.isThreshold).map(\.label)
        let baselines = marks.filter { !$0.isThreshold }.map(\.label)
        if !thresholds.isEmpty { sentence += "; the framework's lines: \(thresholds.joined(separator: ", "))" }
        if !baselines.isEmpty { sentence += "; baselines \(baselines.joined(separator: ", "))" }
        return (ChartPanelView(heading: heading, ticks: ticks, axis: axis, markers: markers, bars: views), sentence + ".")
    }

    /// One row: the bar, its interval (the part past a straddled threshold in that threshold's
    /// colour), a triangle where an interval bound decides, and the value in the right column.
    private static func bar(_ bar: Bar, unit: ValueUnit, scale: ChartScale, y: Double) -> (ChartBar, String) {
        let label = ChartText(x: T.text(margin), y: T.text(y + 13), text: clipped(bar.label, to: 28), anchor: "start")
        guard let value = bar.value else {
            return (ChartBar(stageLabel: label, rect: nil, valueLabel: nil, valueNote: nil, whisker: nil, straddles: [],
                             decidingMark: nil,
                             missing: ChartText(x: T.text(plotLeft + 4), y: T.text(y + 13), text: bar.missing, anchor: "start")),
                    "\(bar.label) \(bar.missing)")
        }
        let end = scale.x(value)
        let rect = ChartRect(
            x: T.text(scale.x(scale.low)), y: T.text(y + 3), width: T.text(max(1, end - scale.x(scale.low))),
            height: "14", fill: bar.fill)
        let valueText = Formatting.value(value, unit: unit)
        var part = "\(bar.label) \(valueText)"
        var whisker: ChartWhisker?
        var straddles: [ChartLine] = []
        var notes: [String] = bar.note.map { [$0] } ?? []
        let mid = y + 10
        if let interval = bar.interval {
            let (lowX, highX) = (scale.x(interval.low), scale.x(interval.high))
            let ink = "#1a1a1a"
            whisker = ChartWhisker(
                line: ChartLine(x1: T.text(lowX), y1: T.text(mid), x2: T.text(highX), y2: T.text(mid), stroke: ink, dash: "none", width: "1.5"),
                lowCap: ChartLine(x1: T.text(lowX), y1: T.text(mid - 5), x2: T.text(lowX), y2: T.text(mid + 5), stroke: ink, dash: "none", width: "1.5"),
                highCap: ChartLine(x1: T.text(highX), y1: T.text(mid - 5), x2: T.text(highX), y2: T.text(mid + 5), stroke: ink, dash: "none", width: "1.5"))
            part += " (\(Format.short(interval.level * 100, places: 1))% CI \(Formatting.interval(interval, unit: unit)))"
            for straddle in bar.straddles {
                straddles.append(ChartLine(
                    x1: T.text(scale.x(straddle.threshold)), y1: T.text(mid), x2: T.text(scale.x(straddle.risky)), y2: T.text(mid),
                    stroke: straddle.color, dash: "none", width: "4"))
                notes = ["straddles \(straddle.name)"]
                part += ", straddling the \(straddle.name) threshold"
            }
        }
        var decidingMark: ChartPath?
        if let deciding = bar.deciding {
            let x = scale.x(deciding)
            decidingMark = ChartPath(
                d: "M \(T.text(x - 4)) \(T.text(y - 2)) L \(T.text(x + 4)) \(T.text(y - 2)) L \(T.text(x)) \(T.text(y + 4)) Z",
                fill: "#1a1a1a")
            let bound = deciding == bar.interval?.high ? "upper" : "lower"
            notes = ["\(Formatting.value(deciding, unit: unit)) decides"]
            part += "; its \(bound) bound, \(Formatting.value(deciding, unit: unit)), decides"
        }
        let valueLabel = ChartText(x: T.text(valueColumn), y: T.text(y + 14), text: valueText, anchor: "start")
        // The value is bold at 11 px; allow for wide fallback fonts so the note never touches it.
        let noteX = valueColumn + Double(valueText.count) * 11 * 0.68 + 8
        let room = Int((width - margin - noteX) / (10 * 0.56))
        let note = notes.isEmpty ? nil
            : ChartText(x: T.text(noteX), y: T.text(y + 14), text: clipped(notes.joined(separator: "; "), to: max(8, room)), anchor: "start")
        return (ChartBar(stageLabel: label, rect: rect, valueLabel: valueLabel, valueNote: note, whisker: whisker,
                         straddles: straddles, decidingMark: decidingMark, missing: nil), part)
    }

    /// The legend: a swatch per series, then the line samples a chart uses, wrapped onto as many
    /// rows as they need; returns the items and the height they take.
    static func legend(
        series: [(label: String, fill: String)], lines: [(label: String, stroke: String, dash: String, width: String)], y top: Double
    ) -> (items: [ChartLegendItem], height: Double) {
        var x = margin, y = top
        var items: [ChartLegendItem] = []
        func advance(_ needed: Double) {
            if x > margin, x + needed > width - margin {
                x = margin
                y += 18
            }
        }
        for item in series {
            let needed = 16 + T.width(of: item.label, size: 11)
            advance(needed)
            let swatch = ChartRect(x: T.text(x), y: T.text(y), width: "12", height: "12", fill: item.fill)
            items.append(ChartLegendItem(label: ChartText(x: T.text(x + 16), y: T.text(y + 10), text: item.label, anchor: "start"), swatch: swatch, line: nil))
            x += needed + 16
        }
        for sample in lines {
            let needed = 26 + T.width(of: sample.label, size: 11)
            advance(needed)
            let line = ChartLine(x1: T.text(x), y1: T.text(y + 6), x2: T.text(x + 22), y2: T.text(y + 6), stroke: sample.stroke, dash: sample.dash, width: sample.width)
            items.append(ChartLegendItem(label: ChartText(x: T.text(x + 26), y: T.text(y + 10), text: sample.label, anchor: "start"), swatch: nil, line: line))
            x += needed + 16
        }
        return (items, y - top + 26)
    }

    /// `text` cut to `limit` characters with an ellipsis, so a long name cannot run off the chart
    /// (the full text is in the chart's description).
    static func clipped(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

/// Bar fills: a colour family per model (the report's subject first), dark to light by stage.
/// Distinct from the level colours, which threshold lines use.
enum ChartPalette {
    static let families = [
        ["#2f4b7c", "#8aaed8"], ["#5b8c5a", "#a9cfa6"], ["#7a5195", "#c6a8dc"], ["#8c6d31", "#d9c08f"], ["#505050", "#b0b0b0"],
    ]

    static func fill(model: Int, stage: Int) -> String {
        let family = families[model % families.count]
        return family[stage % family.count]
    }
}
