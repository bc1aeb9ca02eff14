import Foundation

/// Draws from Binomial(n, p) for one fixed p and any n, by inversion searching out from the mode.
///
/// A draw subtracts the probabilities of m, m − 1, m + 1, m − 2, … (m the mode) from a uniform
/// until it goes below zero: inversion of the distribution in that order, so exact up to
/// floating-point rounding (about 10⁻¹²), and about 1.6 σ steps long. Each step is one ratio of
/// the recurrence P(k ± 1) / P(k); the probability at the mode comes from `lgamma` once per n and
/// is cached (two numbers per n), so memory stays small however many n are used. Used where a
/// bootstrap needs counts, not individual draws.
struct BinomialSampler {
    let p: Double
    private let q: Double
    private let odds: Double
    private let inverseOdds: Double
    /// Mode and its probability per n: an array for small n, a dictionary beyond.
    private var modes: [(mode: Int, probability: Double)?] = []
    private var largeModes: [Int: (mode: Int, probability: Double)] = [:]
    private static let arrayLimit = 1 << 16

    init(p: Double) {
        self.p = min(1, max(0, p))
        q = 1 - self.p
        odds = self.p / q
        inverseOdds = q / self.p
    }

    /// One draw for `trials`, from a uniform in [0, 1).
    mutating func sample(trials n: Int, uniform: Double) -> Int {
        guard n > 0, p > 0 else { return 0 }
        guard p < 1 else { return n }
        let (mode, atMode) = self.mode(n)
        var u = uniform - atMode
        if u < 0 { return mode }
        var low = mode, high = mode
        var belowProbability = atMode, aboveProbability = atMode
        while low > 0 || high < n {
            if low > 0 {
                belowProbability *= Double(low) / Double(n - low + 1) * inverseOdds
                low -= 1
                u -= belowProbability
                if u < 0 { return low }
            }
            if high < n {
                aboveProbability *= Double(n - high) / Double(high + 1) * odds
                high += 1
                u -= aboveProbability
                if u < 0 { return high }
            }
            if belowProbability < 1e-300, aboveProbability < 1e-300 { break }
        }
        // The probabilities summed to a hair under 1 (rounding): the leftover goes to the mode.
        return mode
    }

    /// The mode of Binomial(n, p) and its probability.
    private mutating func mode(_ n: Int) -> (mode: Int, probability: Double) {
        if n < Self.arrayLimit {
            if n < modes.count, let known = modes[n] { return known }
            if n >= modes.count { modes += [(mode: Int, probability: Double)?](repeating: nil, count: n + 1 - modes.count) }
            let value = Self.mode(trials: n, p: p)
            modes[n] = value
            return value
        }
        if let known = largeModes[n] { return known }
        let value = Self.mode(trials: n, p: p)
        largeModes[n] = value
        return value
    }

    static func mode(trials n: Int, p: Double) -> (mode: Int, probability: Double) {
        let mode = min(n, max(0, Int((Double(n + 1) * p).rounded(.down))))
        var sign: Int32 = 0
        let logProbability = lgamma_r(Double(n + 1), &sign) - lgamma_r(Double(mode + 1), &sign)
            - lgamma_r(Double(n - mode + 1), &sign) + Double(mode) * log(p) + Double(n - mode) * log(1 - p)
        return (mode, exp(logProbability))
    }
}

extension SeededGenerator {
    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}
