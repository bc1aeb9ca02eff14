/// A trade-off chart, laid out: a point per model with its intervals on both axes, and the
/// frontier of the points no other point beats on both. The SVG template only places these.
public struct ScatterView: Sendable, Encodable {
    public var id: String
    public var title: String
    public var description: String
    public var alt: String
    /// The sidecar SVG's path relative to the Markdown file.
    public var imagePath: String
    public var width: String
    public var height: String
    public var heading: ChartText
    public var frame: ChartRect
    public var grid: [ChartLine]
    public var ticks: [ChartText]
    public var xLabel: ChartText
    public var yLabel: ChartText
    /// The frontier as SVG polyline points ("x,y x,y"), nil with fewer than two points on it.
    public var frontier: String?
    public var frontierLabel: ChartText?
    public var points: [ScatterPointView]
}

public struct ScatterPointView: Sendable, Encodable {
    public var cx: String
    public var cy: String
    public var fill: String
    /// Drawn larger and outlined when the point is on the frontier.
    public var radius: String
    public var stroke: String
    public var label: ChartText
    public var xWhisker: ChartLine?
    public var yWhisker: ChartLine?
}
