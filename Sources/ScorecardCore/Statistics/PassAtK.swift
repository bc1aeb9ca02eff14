/// Estimators over repeated attempts at the same problems.
public enum PassAtK {
    /// The unbiased pass@k estimate for one problem with `attempts` tries of which `successes` passed.
    ///
    /// Chen et al. (2021): 1 − C(n−c, k) / C(n, k), computed as a product to avoid huge binomials.
    /// Returns nil when `k` exceeds the number of attempts, since the estimate would then be biased low.
    public static func estimate(attempts n: Int, successes c: Int, k: Int) -> Double? {
        guard k >= 1, n >= k, c >= 0, c <= n else { return nil }
        if n - c < k { return 1 }
        guard c > 0 else { return 0 }
        var failAll = 1.0
        for i in (n - c + 1)...n { failAll *= 1 - Double(k) / Double(i) }
        return 1 - failAll
    }

    /// The mean unbiased pass@k over problems, each given as (attempts, successes).
    public static func mean(_ problems: [(attempts: Int, successes: Int)], k: Int) -> Double? {
        guard !problems.isEmpty else { return nil }
        var total = 0.0
        for problem in problems {
            guard let value = estimate(attempts: problem.attempts, successes: problem.successes, k: k) else { return nil }
            total += value
        }
        return total / Double(problems.count)
    }
}
