import Foundation

/// Percentile bootstrap intervals for several per-problem statistics from one set of resamples.
///
/// Each resample draws problems with replacement; every statistic (a column of per-problem values,
/// such as mean score or pass@k) is averaged over the same drawn problems, and the two-level mean
/// also resamples the attempts inside each drawn problem.
///
/// When problems come in a few kinds (0/1 attempts, as many per problem), a resample is drawn as
/// counts per kind (``ProblemKinds``), which costs the same for ten problems or a million. Otherwise
/// problems are drawn one by one: one random number per draw, its high word × count the problem,
/// its low word (uniform, independent of the index) the resampled successes of a problem whose
/// attempts are all 0 or 1, by table lookup; other problems resample their attempts from a second
/// generator. Either way the resampling distribution is that of drawing every problem and attempt
/// explicitly; only the cost differs.
public struct ProblemBootstrap: Sendable {
    public let settings: Bootstrap.Settings
    /// Whether problems of few kinds are drawn as counts per kind (``ProblemKinds``); tests compare both ways.
    var countsKinds = true

    public init(settings: Bootstrap.Settings = .init()) {
        self.settings = settings
    }

    /// The intervals: one per column, and the two-level interval when attempts were given.
    public struct Intervals: Hashable, Sendable {
        public let columns: [ConfidenceInterval]
        public let twoLevel: ConfidenceInterval?
    }

    /// Resamples problems; `columns[c][p]` is statistic `c` of problem `p`, `attempts[p]` its attempt scores.
    ///
    /// Every column must have one value per problem, and `attempts`, when given, one non-empty array
    /// per problem. Returns nil when there are no problems, no resamples, or the shapes disagree.
    public func intervals(columns: [[Double]], attempts: [[Double]]? = nil) -> Intervals? {
        let count = columns.first?.count ?? attempts?.count ?? 0
        guard count > 0, settings.resamples > 0, columns.allSatisfy({ $0.count == count }) else { return nil }
        if let attempts, attempts.count != count || attempts.contains(where: \.isEmpty) { return nil }
        let inner = attempts.map { InnerResampling($0) }
        let resamples = settings.resamples
        let width = columns.count
        var sums = [[Double]](repeating: [Double](repeating: 0, count: resamples), count: width)
        var twoLevelMeans = [Double](repeating: 0, count: inner == nil ? 0 : resamples)
        // Problem-major layout: the values of one problem sit together.
        var rows = [Double](repeating: 0, count: count * width)
        for c in 0..<width { for p in 0..<count { rows[p * width + c] = columns[c][p] } }
        var generator = SeededGenerator(seed: settings.seed)
        var attemptGenerator = SeededGenerator(seed: settings.seed ^ 0x5DEE_CE66_D1CE_4E5B)
        if countsKinds, let kinds = ProblemKinds(columns: columns, attempts: attempts, count: count) {
            kinds.resample(resamples: resamples, generator: &generator, sums: &sums, twoLevel: &twoLevelMeans)
        } else {
            resampleValues(rows, width: width, count: count, inner: inner, generator: &generator,
                           attemptGenerator: &attemptGenerator, sums: &sums, twoLevel: &twoLevelMeans)
        }
        let method = settings.methodName + " over problems"
        let intervals = sums.indices.map { Bootstrap.percentileInterval(sorting: &sums[$0], settings: settings, method: method) }
        let twoLevel = inner == nil ? nil : Bootstrap.percentileInterval(
            sorting: &twoLevelMeans, settings: settings,
            method: settings.methodName + " over problems and attempts")
        return Intervals(columns: intervals, twoLevel: twoLevel)
    }

    /// The general bootstrap: adds the drawn problems' values (any values, any attempts).
    private func resampleValues(
        _ rows: [Double], width: Int, count: Int, inner: InnerResampling?, generator: inout SeededGenerator,
        attemptGenerator: inout SeededGenerator, sums: inout [[Double]], twoLevel twoLevelMeans: inout [Double]
    ) {
        let resamples = settings.resamples
        let divisor = Double(count)
        rows.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            if width <= 2, inner?.allBinary ?? true {
                for b in 0..<resamples {
                    let (first, second, twoLevel) = Self.resampleBinary(
                        base, width: width, count: count, tables: inner?.tables, generator: &generator)
                    sums[0][b] = first / divisor
                    if width == 2 { sums[1][b] = second / divisor }
                    if inner != nil { twoLevelMeans[b] = twoLevel / divisor }
                }
                return
            }
            let n = UInt64(count)
            var totals = [Double](repeating: 0, count: width)
            for b in 0..<resamples {
                var twoLevel = 0.0
                for c in 0..<width { totals[c] = 0 }
                for _ in 0..<count {
                    let (index, fraction) = generator.next().multipliedFullWidth(by: n)
                    let p = Int(truncatingIfNeeded: index)
                    for c in 0..<width { totals[c] += base[p &* width &+ c] }
                    if let inner { twoLevel += inner.draw(problem: p, uniform: fraction, generator: &attemptGenerator) }
                }
                for c in 0..<width { sums[c][b] = totals[c] / divisor }
                if inner != nil { twoLevelMeans[b] = twoLevel / divisor }
            }
        }
    }

    /// One resample in the common case: one or two columns, attempts all 0 or 1 (or none).
    ///
    /// Returns the sums (not means) of the two columns and of the two-level draws. Two draws per
    /// step, with separate sums, so the additions of one draw need not wait for the other's;
    /// a separate, never-inlined function so the sums stay in registers.
    @inline(never)
    static func resampleBinary(
        _ values: UnsafePointer<Double>, width: Int, count: Int, tables: InnerResampling.Tables?,
        generator: inout SeededGenerator
    ) -> (Double, Double, Double) {
        let n = UInt64(count)
        var random = generator
        defer { generator = random }
        var first = (0.0, 0.0), second = (0.0, 0.0), inner = (0.0, 0.0)
        var remaining = count
        while remaining >= 2 {
            let (i, u) = random.next().multipliedFullWidth(by: n)
            let (j, v) = random.next().multipliedFullWidth(by: n)
            let p = Int(truncatingIfNeeded: i), q = Int(truncatingIfNeeded: j)
            first.0 += values[p &* width]
            first.1 += values[q &* width]
            if width == 2 {
                second.0 += values[p &* 2 &+ 1]
                second.1 += values[q &* 2 &+ 1]
            }
            if let tables {
                inner.0 += tables.draw(problem: p, uniform: u)
                inner.1 += tables.draw(problem: q, uniform: v)
            }
            remaining &-= 2
        }
        if remaining == 1 {
            let (i, u) = random.next().multipliedFullWidth(by: n)
            let p = Int(truncatingIfNeeded: i)
            first.0 += values[p &* width]
            if width == 2 { second.0 += values[p &* 2 &+ 1] }
            if let tables { inner.0 += tables.draw(problem: p, uniform: u) }
        }
        return (first.0 + first.1, second.0 + second.1, inner.0 + inner.1)
    }
}

/// Resampling the attempts of one drawn problem: a binomial table for 0/1 attempts, explicit draws otherwise.
///
/// Tables live in one allocation, read through raw pointers in the hot loop. A final class so the
/// allocation is freed once, when the last reference goes.
final class InnerResampling {
    /// Raw views of the tables, cheap to pass into the resampling loop.
    struct Tables {
        /// Per problem: where its entry starts in `table`, or -1 (explicit draws).
        let start: UnsafePointer<Int>
        /// Per binary problem kind, at `start`: n, then n thresholds t_1…t_n, then n + 1 means (bit patterns).
        let table: UnsafePointer<UInt64>

        /// The resampled mean of binary problem `p`: j successes when j thresholds are ≤ `uniform`.
        @inline(__always)
        func draw(problem p: Int, uniform: UInt64) -> Double {
            let entry = table + start[p]
            let n = Int(truncatingIfNeeded: entry[0])
            var successes = 0
            var j = 1
            while j <= n {
                successes &+= uniform >= entry[j] ? 1 : 0
                j &+= 1
            }
            return Double(bitPattern: entry[n &+ 1 &+ successes])
        }
    }

    private let start: UnsafeMutablePointer<Int>
    private let table: UnsafeMutablePointer<UInt64>
    private let attempts: [[Double]]
    /// Whether every problem's attempts are all 0 or 1.
    let allBinary: Bool

    var tables: Tables { Tables(start: start, table: table) }

    init(_ attempts: [[Double]]) {
        var starts: [Int] = []
        var entries: [UInt64] = []
        var known: [[Int]: Int] = [:]
        for scores in attempts {
            guard scores.allSatisfy({ $0 == 0 || $0 == 1 }) else {
                starts.append(-1)
                continue
            }
            let key = [scores.count, scores.filter { $0 == 1 }.count]
            if let existing = known[key] {
                starts.append(existing)
                continue
            }
            known[key] = entries.count
            starts.append(entries.count)
            entries.append(UInt64(key[0]))
            entries += Self.binomialThresholds(trials: key[0], successes: key[1])
            entries += (0...key[0]).map { (Double($0) / Double(key[0])).bitPattern }
        }
        allBinary = !starts.contains(-1)
        start = .allocate(capacity: max(1, starts.count))
        start.initialize(from: starts, count: starts.count)
        table = .allocate(capacity: max(1, entries.count))
        table.initialize(from: entries, count: entries.count)
        self.attempts = attempts
    }

    deinit {
        start.deallocate()
        table.deallocate()
    }

    /// The resampled mean of problem `p`'s attempts; `uniform` decides a binary problem's draw.
    func draw(problem p: Int, uniform: UInt64, generator: inout SeededGenerator) -> Double {
        if start[p] >= 0 { return tables.draw(problem: p, uniform: uniform) }
        let scores = attempts[p]
        var sum = 0.0
        for _ in 0..<scores.count { sum += scores[generator.index(below: scores.count)] }
        return sum / Double(scores.count)
    }

    /// Thresholds t_1 … t_n on [0, 2^64): j successes when exactly j thresholds are ≤ the uniform.
    ///
    /// t_j = P(X < j) · 2^64 for X ~ Binomial(n, c/n), the number of successes among n attempts
    /// drawn with replacement from n attempts of which c succeeded.
    static func binomialThresholds(trials n: Int, successes c: Int) -> [UInt64] {
        let p = Double(c) / Double(n)
        var thresholds: [UInt64] = []
        var cumulative = 0.0
        for j in 0..<n {
            cumulative += binomialProbability(n, j, p)
            let scaled = cumulative * 18_446_744_073_709_551_616.0
            thresholds.append(scaled >= 18_446_744_073_709_551_615.0 ? .max : UInt64(max(0, scaled)))
        }
        return thresholds
    }

    /// P(X = j) for X ~ Binomial(n, p).
    static func binomialProbability(_ n: Int, _ j: Int, _ p: Double) -> Double {
        if p == 0 { return j == 0 ? 1 : 0 }
        if p == 1 { return j == n ? 1 : 0 }
        var coefficient = 1.0
        for i in 0..<j { coefficient = coefficient * Double(n - i) / Double(i + 1) }
        return coefficient * pow(p, Double(j)) * pow(1 - p, Double(n - j))
    }
}
