/// A category's chart, laid out: the SVG template only places these shapes and texts.
///
/// One panel per indicator with a measured value, because thresholds differ per indicator: each
/// panel has a bar per stage with its confidence interval as a whisker, and the indicator's own
/// thresholds (coloured by level, dashed) and baselines (grey, dotted) as labelled vertical lines
/// over a shared 0–100% axis for rates, or a fitted axis for other units. Coordinates are
/// formatted with one decimal so the output is byte-stable.
public struct ChartView: Sendable, Encodable {
    /// Unique in the report; the SVG's `<title>` and `<desc>` ids derive from it.
    public var id: String
    public var title: String
    /// The title as drawn at the top of the chart.
    public var heading: ChartText
    /// How to read the chart, then every value, interval, threshold and baseline in words: `<desc>`.
    public var description: String
    /// The title and the values in words: the Markdown image's alt text.
    public var alt: String
    /// The sidecar SVG's path relative to the Markdown file, such as `o1.charts/cbrn.svg`.
    public var imagePath: String
    public var width: String
    public var height: String
    public var legend: [ChartLegendItem]
    public var panels: [ChartPanelView]
}

/// A piece of text at a position; `anchor` is the SVG `text-anchor`.
public struct ChartText: Sendable, Encodable {
    public var x: String
    public var y: String
    public var text: String
    public var anchor: String
}

public struct ChartLegendItem: Sendable, Encodable {
    public var label: ChartText
    /// A filled swatch for a stage; nil for a line sample.
    public var swatch: ChartRect?
    public var line: ChartLine?
}

public struct ChartRect: Sendable, Encodable {
    public var x: String
    public var y: String
    public var width: String
    public var height: String
    public var fill: String
}

public struct ChartLine: Sendable, Encodable {
    public var x1: String
    public var y1: String
    public var x2: String
    public var y2: String
    public var stroke: String
    /// An SVG `stroke-dasharray`, such as `6 3`.
    public var dash: String
    /// The stroke width.
    public var width: String = "1"
}

/// A filled shape, as an SVG path.
public struct ChartPath: Sendable, Encodable {
    public var d: String
    public var fill: String
}

public struct ChartPanelView: Sendable, Encodable {
    public var heading: ChartText
    /// Axis gridlines with their labels.
    public var ticks: [ChartTick]
    /// The plot's left edge (the zero line) and bottom.
    public var axis: ChartLine
    public var markers: [ChartMarker]
    public var bars: [ChartBar]
}

public struct ChartTick: Sendable, Encodable {
    public var line: ChartLine
    public var label: ChartText
}

/// A threshold or baseline: a vertical line and its label.
public struct ChartMarker: Sendable, Encodable {
    public var line: ChartLine
    public var label: ChartText
    public var color: String
}

/// One row of a panel: a stage's value.
public struct ChartBar: Sendable, Encodable {
    public var stageLabel: ChartText
    /// Nil when the stage has no value ("no evidence" is shown in `missing`).
    public var rect: ChartRect?
    /// The value, in the column right of the plot.
    public var valueLabel: ChartText?
    /// Beside the value: which interval bound decides, which thresholds the interval straddles.
    public var valueNote: ChartText?
    public var whisker: ChartWhisker?
    /// The part of the interval past each threshold it straddles, in that level's colour.
    public var straddles: [ChartLine]
    /// A triangle over the interval bound that decides the level, when a bound does.
    public var decidingMark: ChartPath?
    public var missing: ChartText?
}

/// A confidence interval: a horizontal line with end caps.
public struct ChartWhisker: Sendable, Encodable {
    public var line: ChartLine
    public var lowCap: ChartLine
    public var highCap: ChartLine
}
