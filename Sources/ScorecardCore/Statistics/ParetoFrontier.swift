/// The points of a two-objective trade-off that no other point beats on both objectives.
///
/// Used for the robustness trade-off (jailbreak robustness against not over-refusing): higher is
/// better on both axes unless said otherwise. A point on the frontier is not dominated: no
/// other point is at least as good on both axes and strictly better on one.
public enum ParetoFrontier {
    public struct Point<ID: Hashable & Sendable>: Hashable, Sendable {
        public let id: ID
        public let x: Double
        public let y: Double

        public init(id: ID, x: Double, y: Double) {
            self.id = id
            self.x = x
            self.y = y
        }
    }

    /// The non-dominated points, sorted by x ascending (so they can be joined into a line).
    public static func frontier<ID>(
        _ points: [Point<ID>], higherXIsBetter: Bool = true, higherYIsBetter: Bool = true
    ) -> [Point<ID>] {
        func better(_ a: Double, _ b: Double, _ higher: Bool) -> Bool { higher ? a > b : a < b }
        func atLeast(_ a: Double, _ b: Double, _ higher: Bool) -> Bool { higher ? a >= b : a <= b }
        let kept = points.filter { point in
            !points.contains { other in
                atLeast(other.x, point.x, higherXIsBetter) && atLeast(other.y, point.y, higherYIsBetter)
                    && (better(other.x, point.x, higherXIsBetter) || better(other.y, point.y, higherYIsBetter))
            }
        }
        return kept.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
    }
}
