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
    public static func meanInterval(_ values: [Double], settings: Settings = .init()) -> ConfidenceInterval? {
        guard !values.isEmpty, settings.resamples > 0 else { return nil }
        var generator = SeededGenerator(seed: settings.seed)
        let count = values.count
        var means = [Double](repeating: 0, count: settings.resamples)
        values.withUnsafeBufferPointer { data in
            for b in 0..<settings.resamples {
                var sum = 0.0
                for _ in 0..<count { sum += data[generator.index(below: count)] }
                means[b] = sum / Double(count)
            }
        }
        return interval(sorting: &means, settings: settings, method: settings.methodName + " over problems")
    }

    /// A two-level percentile interval: resample problems, then attempts within each chosen problem.
    ///
    /// Each inner array holds one problem's attempt scores; the interval is for the mean over
    /// problems of each problem's mean score, so it reflects both problem and attempt variation.
    public static func twoLevelMeanInterval(
        _ problems: [[Double]], settings: Settings = .init()
    ) -> ConfidenceInterval? {
        let usable = problems.filter { !$0.isEmpty }
        guard !usable.isEmpty, settings.resamples > 0 else { return nil }
        var generator = SeededGenerator(seed: settings.seed)
        var means = [Double](repeating: 0, count: settings.resamples)
        for b in 0..<settings.resamples {
            var sum = 0.0
            for _ in 0..<usable.count {
                let attempts = usable[generator.index(below: usable.count)]
                var inner = 0.0
                for _ in 0..<attempts.count { inner += attempts[generator.index(below: attempts.count)] }
                sum += inner / Double(attempts.count)
            }
            means[b] = sum / Double(usable.count)
        }
        return interval(sorting: &means, settings: settings, method: settings.methodName + " over problems and attempts")
    }

    private static func interval(sorting means: inout [Double], settings: Settings, method: String) -> ConfidenceInterval {
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
