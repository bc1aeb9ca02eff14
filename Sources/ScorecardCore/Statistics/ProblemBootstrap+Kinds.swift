/// The bootstrap for problems of few kinds: each resample drawn as counts per kind.
///
/// With 0/1 attempts and the same number of attempts per problem, problems differ in few ways
/// (with three attempts: 0, 1, 2 or 3 successes). A resample of n problems is then fully
/// described by how many problems of each kind it drew, a Multinomial(n, kind shares) draw made
/// as a chain of binomials, and the two-level resample by how many successes the drawn problems'
/// resampled attempts give, Binomial(drawn × attempts, kind's success rate) per kind. This is
/// the same distribution as drawing every problem and attempt one by one, at a cost that does not
/// grow with n (a few table lookups per resample instead of n draws).
struct ProblemKinds {
    /// At most this many kinds.
    static let maximumKinds = 64

    /// How many problems there are of each kind, in order of first appearance.
    let sizes: [Int]
    /// Per kind, the value of each column.
    let values: [[Double]]
    /// Attempts per problem when the two-level interval is wanted (all problems alike), else 0.
    let trials: Int
    /// Per kind, its successes among `trials` attempts.
    let successes: [Int]

    /// Groups problems into kinds; nil when there are too many kinds, or attempts that are not all
    /// 0 or 1 or not equally many.
    init?(columns: [[Double]], attempts: [[Double]]?, count: Int) {
        var trials = 0
        if let attempts {
            guard let first = attempts.first?.count,
                  attempts.allSatisfy({ $0.count == first && $0.allSatisfy { $0 == 0 || $0 == 1 } })
            else { return nil }
            trials = first
        }
        var index: [[UInt64]: Int] = [:]
        var sizes: [Int] = []
        var values: [[Double]] = []
        var successes: [Int] = []
        for p in 0..<count {
            let wins = attempts.map { $0[p].filter { $0 == 1 }.count } ?? 0
            let key = columns.map { $0[p].bitPattern } + [UInt64(wins)]
            if let kind = index[key] {
                sizes[kind] += 1
                continue
            }
            guard values.count < Self.maximumKinds else { return nil }
            index[key] = values.count
            sizes.append(1)
            values.append(columns.map { $0[p] })
            successes.append(wins)
        }
        self.sizes = sizes
        self.values = values
        self.trials = trials
        self.successes = successes
    }

    /// Runs every resample; writes column means into `sums[c][b]` and two-level means into `twoLevel[b]`.
    func resample(
        resamples: Int, generator: inout SeededGenerator, sums: inout [[Double]], twoLevel: inout [Double]
    ) {
        let count = sizes.reduce(0, +)
        let divisor = Double(count)
        // Kind j is drawn with probability sizes[j] / (problems of kinds j and later), given the draws before it.
        var chain: [BinomialSampler] = []
        var later = count
        for size in sizes.dropLast() {
            chain.append(BinomialSampler(p: Double(size) / Double(later)))
            later -= size
        }
        var inner = successes.map { BinomialSampler(p: trials > 0 ? Double($0) / Double(trials) : 0) }
        var drawn = [Int](repeating: 0, count: sizes.count)
        for b in 0..<resamples {
            var remaining = count
            for j in chain.indices {
                drawn[j] = chain[j].sample(trials: remaining, uniform: generator.nextUnit())
                remaining -= drawn[j]
            }
            drawn[sizes.count - 1] = remaining
            for c in sums.indices {
                var sum = 0.0
                for kind in values.indices { sum += Double(drawn[kind]) * values[kind][c] }
                sums[c][b] = sum / divisor
            }
            if trials > 0 {
                var wins = 0
                for kind in inner.indices {
                    wins += inner[kind].sample(trials: drawn[kind] * trials, uniform: generator.nextUnit())
                }
                twoLevel[b] = Double(wins) / Double(trials) / divisor
            }
        }
    }
}
