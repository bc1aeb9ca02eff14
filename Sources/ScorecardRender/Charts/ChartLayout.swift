import ScorecardCore

/// Lays out a category's chart: one panel per indicator with a measured value.
struct ChartLayout {
    let framework: Framework
    let category: Category
    let stages: [StageDefinition]

    static let width = 760.0
    static let margin = 12.0
    static let plotLeft = 150.0
    static let plotRight = 560.0
    /// Values and their notes are written in a column right of the plot, so that no threshold
    /// line ever runs through them.
    static let valueColumn = plotRight + 12
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
            let rows = stages.enumerated().map { index, stage in
                Row(label: stage.name, fill: Self.stageFills[index % Self.stageFills.count],
                    outcome: results[stage.id]?.indicator(indicator.id))
            }
            let (panel, sentence) = self.panel(indicator, rows: rows, y: &y)
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
        let samples: [(String, String, String, String)] = [
            ("threshold", LevelStyle.strokes[2], "6 3", "2"), ("baseline", "#707070", "2 2", "2"),
            ("95% interval", "#1a1a1a", "none", "1.5"), ("part past a threshold", LevelStyle.strokes[3], "none", "4"),
        ]
        for (label, stroke, dash, width) in samples {
            let line = ChartLine(
                x1: T.text(x), y1: T.text(y + 6), x2: T.text(x + 22), y2: T.text(y + 6), stroke: stroke, dash: dash, width: width)
            items.append(ChartLegendItem(label: ChartText(x: T.text(x + 26), y: T.text(y + 10), text: label, anchor: "start"), swatch: nil, line: line))
            x += 26 + T.width(of: label, size: 11) + 16
        }
        return items
    }

    /// `text` cut to `limit` characters with an ellipsis, so a long name cannot run off the chart
    /// (the full text is in the chart's description).
    static func clipped(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
