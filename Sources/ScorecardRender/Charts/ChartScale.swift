import Foundation
import ScorecardCore

/// Maps an indicator's values onto the horizontal extent of a panel.
///
/// Rates use a fixed 0–100% axis so panels compare at a glance; other units get an axis from
/// zero (or the lowest value) to a round number above the highest value, threshold or baseline.
struct ChartScale {
    let low: Double
    let high: Double
    let ticks: [Double]
    let left: Double
    let right: Double

    init(unit: ValueUnit, values: [Double], left: Double, right: Double) {
        self.left = left
        self.right = right
        if unit == .rate {
            low = 0
            high = 1
            ticks = [0, 0.25, 0.5, 0.75, 1]
            return
        }
        let finite = values.filter(\.isFinite)
        let lowest = min(0, finite.min() ?? 0)
        var highest = max(finite.max() ?? 1, lowest)
        if highest <= lowest { highest = lowest + 1 }
        let step = Self.niceStep((highest - lowest) / 4)
        low = (lowest / step).rounded(.down) * step
        high = max((highest / step).rounded(.up) * step, low + step)
        ticks = stride(from: low, through: high + step / 2, by: step).map { $0 }
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in [1, 2, 2.5, 5, 10] where factor * magnitude >= raw * (1 - 1e-9) {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// The x coordinate of `value`, clamped to the panel.
    func x(_ value: Double) -> Double {
        guard value.isFinite, high > low else { return left }
        let fraction = min(1, max(0, (value - low) / (high - low)))
        return left + fraction * (right - left)
    }
}

/// Coordinates as text with at most one decimal, independent of locale: byte-stable output.
enum Coordinate {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// A rough width of `text` in a sans-serif font of `size` pixels, for placing labels.
    static func width(of text: String, size: Double) -> Double {
        Double(text.count) * size * 0.56 + 2
    }
}
