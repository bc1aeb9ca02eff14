/// The bootstrap for problems of few kinds, counting draws per kind instead of adding values.
///
/// With 0/1 attempts and the same number of attempts per problem, problems differ only in a few
/// ways (with three attempts: 0, 1, 2 or 3 successes), so a resample is fully described by how
/// many problems of each kind it drew and how many successes its attempt draws gave. The draws
/// are exactly those of the general loop (same generator, same indices, same uniforms); only the
/// bookkeeping is cheaper: per draw, one increment of a 16-bit lane in a register and, for the
/// attempts, one table lookup on the uniform's top byte (a comparison with the thresholds only in
/// the rare byte that a threshold falls in), no floating-point additions.
struct ProblemKinds {
    /// At most this many kinds (two 64-bit registers of four 16-bit counters).
    static let maximumKinds = 8

    /// Per problem, its kind.
    let kindOf: [UInt8]
    /// Per kind, the value of each column.
    let values: [[Double]]
    /// Attempts per problem when the two-level interval is wanted (all problems alike), else 0.
    let trials: Int
    /// Per kind, `trials` thresholds: a draw has j successes when j thresholds are ≤ its uniform.
    let thresholds: [UInt64]
    /// Per kind, 256 entries indexed by the uniform's top byte: its successes, or 255 when a
    /// threshold falls inside that byte's range and the thresholds must be compared.
    let buckets: [UInt8]

    /// Groups problems into kinds; nil when there are too many kinds, too many problems for 16-bit
    /// counters, or attempts that are not all 0 or 1 or not equally many.
    init?(columns: [[Double]], attempts: [[Double]]?, count: Int) {
        guard count < 65_536 else { return nil }
        var trials = 0
        if let attempts {
            guard let first = attempts.first?.count, first <= 64,
                  attempts.allSatisfy({ $0.count == first && $0.allSatisfy { $0 == 0 || $0 == 1 } })
            else { return nil }
            trials = first
        }
        var index: [[UInt64]: UInt8] = [:]
        var kindOf: [UInt8] = []
        var values: [[Double]] = []
        var thresholds: [UInt64] = []
        kindOf.reserveCapacity(count)
        for p in 0..<count {
            let successes = attempts.map { $0[p].filter { $0 == 1 }.count } ?? 0
            let key = columns.map { $0[p].bitPattern } + [UInt64(successes)]
            if let kind = index[key] {
                kindOf.append(kind)
                continue
            }
            guard values.count < Self.maximumKinds else { return nil }
            let kind = UInt8(values.count)
            index[key] = kind
            kindOf.append(kind)
            values.append(columns.map { $0[p] })
            if trials > 0 { thresholds += InnerResampling.binomialThresholds(trials: trials, successes: successes) }
        }
        self.kindOf = kindOf
        self.values = values
        self.trials = trials
        self.thresholds = thresholds
        var buckets: [UInt8] = []
        if trials > 0 {
            for kind in values.indices {
                let row = thresholds[(kind * trials)..<((kind + 1) * trials)]
                for top in 0..<256 {
                    let low = UInt64(top) << 56, high = low | 0x00FF_FFFF_FFFF_FFFF
                    let atLow = row.filter { low >= $0 }.count, atHigh = row.filter { high >= $0 }.count
                    buckets.append(atLow == atHigh ? UInt8(atLow) : 255)
                }
            }
        }
        self.buckets = buckets
    }

    /// Runs every resample; writes column means into `sums[c][b]` and two-level means into `twoLevel[b]`.
    func resample(
        resamples: Int, generator: inout SeededGenerator, sums: inout [[Double]], twoLevel: inout [Double]
    ) {
        let count = kindOf.count
        let divisor = Double(count)
        kindOf.withUnsafeBufferPointer { kinds in
            thresholds.withUnsafeBufferPointer { limits in
                buckets.withUnsafeBufferPointer { table in
                    guard let kindBase = kinds.baseAddress else { return }
                    for b in 0..<resamples {
                        let (low, high, successes): (UInt64, UInt64, Int)
                        if trials > 0, let limitBase = limits.baseAddress, let tableBase = table.baseAddress {
                            (low, high, successes) = Self.drawWithAttempts(
                                count: count, kinds: kindBase, buckets: tableBase, thresholds: limitBase, trials: trials,
                                generator: &generator)
                        } else {
                            (low, high) = Self.draw(count: count, kinds: kindBase, generator: &generator)
                            successes = 0
                        }
                        for c in sums.indices {
                            var sum = 0.0
                            for kind in values.indices {
                                let lanes = kind < 4 ? low : high
                                let drawn = (lanes >> UInt64((kind & 3) * 16)) & 0xFFFF
                                sum += Double(drawn) * values[kind][c]
                            }
                            sums[c][b] = sum / divisor
                        }
                        if trials > 0 { twoLevel[b] = Double(successes) / Double(trials) / divisor }
                    }
                }
            }
        }
    }

    /// One resample: counts per kind in 16-bit lanes (kinds 0–3 in the first word, 4–7 in the second).
    @inline(never)
    static func draw(count: Int, kinds: UnsafePointer<UInt8>, generator: inout SeededGenerator) -> (UInt64, UInt64) {
        let n = UInt64(count)
        var random = generator
        defer { generator = random }
        var low: UInt64 = 0, high: UInt64 = 0
        for _ in 0..<count {
            let index = random.next().multipliedFullWidth(by: n).high
            let kind = UInt64(kinds[Int(truncatingIfNeeded: index)])
            let one = UInt64(1) &<< ((kind & 3) &<< 4)
            let upper = 0 &- (kind &>> 2)
            high &+= one & upper
            low &+= one & ~upper
        }
        return (low, high)
    }

    /// One resample with attempts: counts per kind, and the successes of the attempt draws.
    @inline(never)
    static func drawWithAttempts(
        count: Int, kinds: UnsafePointer<UInt8>, buckets: UnsafePointer<UInt8>, thresholds: UnsafePointer<UInt64>,
        trials: Int, generator: inout SeededGenerator
    ) -> (UInt64, UInt64, Int) {
        let n = UInt64(count)
        var random = generator
        defer { generator = random }
        var low: UInt64 = 0, high: UInt64 = 0, successes = 0
        for _ in 0..<count {
            let (index, uniform) = random.next().multipliedFullWidth(by: n)
            let kind = UInt64(kinds[Int(truncatingIfNeeded: index)])
            let one = UInt64(1) &<< ((kind & 3) &<< 4)
            let upper = 0 &- (kind &>> 2)
            high &+= one & upper
            low &+= one & ~upper
            let known = buckets[Int(truncatingIfNeeded: kind &<< 8 | uniform &>> 56)]
            if known != 255 {
                successes &+= Int(known)
            } else {
                let row = thresholds + Int(truncatingIfNeeded: kind) &* trials
                for j in 0..<trials where uniform >= row[j] { successes &+= 1 }
            }
        }
        return (low, high, successes)
    }
}
