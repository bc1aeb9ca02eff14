import Foundation
import ScorecardCore

/// Lays out a trade-off chart from a section's trade-off result.
enum ScatterLayout {
    static let width = 640.0
    static let height = 470.0
    static let left = 80.0
    static let right = 600.0
    static let top = 56.0
    static let bottom = 400.0

    typealias T = Coordinate

    /// The axis range for values in [0, 1]: from a tenth below the lowest to a tenth above the
    /// highest, within [0, 1].
    static func range(_ values: [Double]) -> (low: Double, high: Double, step: Double) {
        guard let lowest = values.min(), let highest = values.max() else { return (0, 1, 0.25) }
        var low = max(0, ((lowest - 0.02) * 10).rounded(.down) / 10)
        var high = min(1, ((highest + 0.02) * 10).rounded(.up) / 10)
        if high - low < 0.1 { low = max(0, high - 0.1); high = min(1, low + 0.1) }
        let step = high - low > 0.5 ? 0.1 : 0.05
        return (low, high, step)
    }

    static func chart(_ result: TradeoffResult, names: [Subject: String], id: String, imagePath: String) -> ScatterView? {
        guard !result.points.isEmpty else { return nil }
        let xs = result.points.flatMap { [$0.x.value, $0.x.interval?.low, $0.x.interval?.high].compactMap { $0 } }
        let ys = result.points.flatMap { [$0.y.value, $0.y.interval?.low, $0.y.interval?.high].compactMap { $0 } }
        let (xLow, xHigh, xStep) = range(xs), (yLow, yHigh, yStep) = range(ys)
        func px(_ v: Double) -> Double { left + (min(max(v, xLow), xHigh) - xLow) / (xHigh - xLow) * (right - left) }
        func py(_ v: Double) -> Double { bottom - (min(max(v, yLow), yHigh) - yLow) / (yHigh - yLow) * (bottom - top) }

        var grid: [ChartLine] = []
        var ticks: [ChartText] = []
        for v in stride(from: xLow, through: xHigh + 1e-9, by: xStep) {
            grid.append(ChartLine(x1: T.text(px(v)), y1: T.text(top), x2: T.text(px(v)), y2: T.text(bottom), stroke: "#e0e0e0", dash: "none"))
            ticks.append(ChartText(x: T.text(px(v)), y: T.text(bottom + 14), text: Formatting.value(v, unit: .rate), anchor: "middle"))
        }
        for v in stride(from: yLow, through: yHigh + 1e-9, by: yStep) {
            grid.append(ChartLine(x1: T.text(left), y1: T.text(py(v)), x2: T.text(right), y2: T.text(py(v)), stroke: "#e0e0e0", dash: "none"))
            ticks.append(ChartText(x: T.text(left - 6), y: T.text(py(v) + 3.5), text: Formatting.value(v, unit: .rate), anchor: "end"))
        }
        let onFrontier = Set(result.frontier)
        var taken: [CGRect] = []
        var points: [ScatterPointView] = []
        var sentences: [String] = []
        for (index, point) in result.points.enumerated() {
            guard let x = point.x.value, let y = point.y.value else { continue }
            let (cx, cy) = (px(x), py(y))
            let name = names[point.subject] ?? point.subject.description
            let fill = ChartPalette.fill(model: index, stage: 0)
            let label = place(name, cx: cx, cy: cy, taken: &taken)
            points.append(ScatterPointView(
                cx: T.text(cx), cy: T.text(cy), fill: fill, radius: onFrontier.contains(point.subject) ? "6" : "4.5",
                stroke: onFrontier.contains(point.subject) ? "#1a1a1a" : "#ffffff", label: label,
                xWhisker: point.x.interval.map {
                    ChartLine(x1: T.text(px($0.low)), y1: T.text(cy), x2: T.text(px($0.high)), y2: T.text(cy), stroke: fill, dash: "none", width: "1.5")
                },
                yWhisker: point.y.interval.map {
                    ChartLine(x1: T.text(cx), y1: T.text(py($0.low)), x2: T.text(cx), y2: T.text(py($0.high)), stroke: fill, dash: "none", width: "1.5")
                }))
            var sentence = "\(name): \(result.chart.x.label) \(Formatting.value(x, unit: .rate)), \(result.chart.y.label) \(Formatting.value(y, unit: .rate))"
            if onFrontier.contains(point.subject) { sentence += ", on the frontier" }
            sentences.append(sentence)
        }
        let frontierPoints = result.points.filter { onFrontier.contains($0.subject) }
            .compactMap { p in p.x.value.flatMap { x in p.y.value.map { (px(x), py($0)) } } }
            .sorted { $0.0 < $1.0 }
        let frontier = frontierPoints.count >= 2 ? frontierPoints.map { "\(T.text($0.0)),\(T.text($0.1))" }.joined(separator: " ") : nil
        let missing = result.missing.map { names[$0] ?? $0.description }
        var description = "A point per model; whiskers are intervals where known; the dashed line joins the models on the frontier, which no other model beats on both axes. " + sentences.joined(separator: "; ") + "."
        if !missing.isEmpty { description += " Not shown, without a result on both axes: \(Formatting.prose(missing))." }
        return ScatterView(
            id: id, title: result.chart.title, description: description,
            alt: "\(result.chart.title). " + sentences.joined(separator: "; ") + ".", imagePath: imagePath,
            width: T.text(width), height: T.text(height),
            heading: ChartText(x: T.text(12), y: T.text(24), text: result.chart.title, anchor: "start"),
            frame: ChartRect(x: T.text(left), y: T.text(top), width: T.text(right - left), height: T.text(bottom - top), fill: "none"),
            grid: grid, ticks: ticks,
            xLabel: ChartText(x: T.text((left + right) / 2), y: T.text(bottom + 36), text: result.chart.x.label + " →", anchor: "middle"),
            yLabel: ChartText(x: T.text(12), y: T.text(top - 14), text: "↑ " + result.chart.y.label, anchor: "start"),
            frontier: frontier,
            frontierLabel: frontier == nil ? nil : ChartText(x: T.text(right), y: T.text(bottom + 58), text: "- - frontier: no other model beats these on both axes", anchor: "end"),
            points: points)
    }

    /// A label beside its point where it overlaps no label placed before: right, left, above, below.
    private static func place(_ text: String, cx: Double, cy: Double, taken: inout [CGRect]) -> ChartText {
        let width = T.width(of: text, size: 11), height = 12.0
        let candidates: [(Double, Double, String)] = [
            (cx + 9, cy + 4, "start"), (cx - 9, cy + 4, "end"), (cx, cy - 10, "middle"), (cx, cy + 18, "middle"),
            (cx + 9, cy - 10, "start"), (cx + 9, cy + 18, "start"),
        ]
        for (x, y, anchor) in candidates {
            let minX = anchor == "start" ? x : (anchor == "end" ? x - width : x - width / 2)
            let box = CGRect(x: minX, y: y - height + 2, width: width, height: height)
            if !taken.contains(where: { $0.intersects(box) }), box.minX >= 0, box.maxX <= Self.width {
                taken.append(box)
                return ChartText(x: T.text(x), y: T.text(y), text: text, anchor: anchor)
            }
        }
        return ChartText(x: T.text(cx + 9), y: T.text(cy + 4), text: text, anchor: "start")
    }
}
