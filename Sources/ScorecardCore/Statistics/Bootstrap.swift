/// Percentile bootstrap intervals with a fixed seed, so the same data always gives the same interval.
public enum Bootstrap {
    /// The settings of one bootstrap, recorded beside every interval it produces.
    public struct Settings: Hashable, Sendable {
        public let resamples: Int
        public let seed: UInt64
        public let level: Double

        public init(resamples: Int = 10_000, seed: UInt64 = 0, level: Double = 0.95) {
            self.resamples = resamples
            self.seed = seed
            self.level = level
        }

        var methodName: String { "percentile bootstrap (B=\(resamples), seed \(seed))" }
    }

    /// A percentile interval for the mean of `values`, resampling values with replacement.
    ///
    /// The same computation as ``ProblemBootstrap`` with one column, so an interval computed at
    /// import and one computed by an evaluator from the same samples agree.
    public static func meanInterval(_ values: [Double], settings: Settings = .init()) -> ConfidenceInterval? {
        ProblemBootstrap(settings: settings).intervals(columns: [values])?.columns.first
    }

    /// A two-level percentile interval: resample problems, then attempts within each chosen problem.
    ///
    /// Each inner array holds one problem's attempt scores; the interval is for the mean over
    /// problems of each problem's mean score, so it reflects both problem and attempt variation.
    /// Problems without attempts are left out.
    public static func twoLevelMeanInterval(
        _ problems: [[Double]], settings: Settings = .init()
    ) -> ConfidenceInterval? {
        let usable = problems.filter { !$0.isEmpty }
        let means = usable.map { $0.reduce(0, +) / Double($0.count) }
        return ProblemBootstrap(settings: settings).intervals(columns: [means], attempts: usable)?.twoLevel
    }

    /// The central `settings.level` percentile interval of `means`, which it sorts.
    static func percentileInterval(sorting means: inout [Double], settings: Settings, method: String) -> ConfidenceInterval {
        means.sort()
        let tail = (1 - settings.level) / 2
        return ConfidenceInterval(
            low: quantile(means, tail), high: quantile(means, 1 - tail), level: settings.level, method: method)
    }

    /// The `q` quantile of sorted `values` with linear interpolation (numpy's default).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
