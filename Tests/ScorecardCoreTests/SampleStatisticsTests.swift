import Testing
@testable import ScorecardCore

/// Per-sample statistics: denominators, errored policy, pass@k, cons@k, and the joint bootstrap.
@Suite struct SampleStatisticsTests {
    typealias Attempt = SampleStatistics.Attempt

    static func binary(_ pattern: String, answers: [String]? = nil) -> [Attempt] {
        pattern.enumerated().map { index, mark in
            switch mark {
            case "E": return .errored
            case "U": return .unscored
            default:
                let answer = answers.map { SampleAnswer.text($0[index]) } ?? .missing
                return .scored(mark == "C" ? 1 : 0, answer: answer)
            }
        }
    }

    let settings = Bootstrap.Settings(resamples: 2_000, seed: 3)

    @Test("denominators and the errored policy")
    func denominators() throws {
        let problems = [Self.binary("C"), Self.binary("E"), Self.binary("I"), Self.binary("U")]
        let failure = SampleStatistics.summarize(problems, k: 1, errored: .failure, bootstrap: settings)
        #expect((failure.problems, failure.attempts, failure.scored, failure.errored, failure.unscored) == (4, 4, 2, 1, 1))
        let mean = try #require(failure.mean)
        #expect(mean.value == 1.0 / 3 && mean.n == 3 && mean.k == 1)
        #expect(mean.interval == Proportion.wilson(successes: 1, trials: 3))
        #expect(failure.problemsWithoutUsableAttempts == 1)

        let excluded = SampleStatistics.summarize(problems, k: 1, errored: .exclude, bootstrap: settings)
        #expect(excluded.mean?.value == 0.5 && excluded.mean?.n == 2)
        #expect(excluded.problemsWithoutUsableAttempts == 2)
        #expect(SampleStatistics.summarize([Self.binary("U")], k: 1, errored: .failure, bootstrap: settings).mean == nil)
    }

    @Test("pass@k is the unbiased estimator averaged over problems; problems with too few attempts are left out")
    func passAtK() throws {
        let problems = [Self.binary("CII"), Self.binary("III"), Self.binary("CCC"), Self.binary("CU")]
        let summary = SampleStatistics.summarize(problems, k: 3, errored: .failure, bootstrap: settings)
        let pass = try #require(summary.passAtK)
        #expect(pass.value == 2.0 / 3 && pass.n == 3)
        #expect(summary.passAtKExcluded == 1)
        #expect(pass.interval.map { $0.contains(pass.value) } == true)
        // Chen et al.: 1 - C(n-c, k)/C(n, k).
        #expect(PassAtK.estimate(attempts: 5, successes: 2, k: 2).map { abs($0 - (1 - 3.0 / 10)) < 1e-12 } == true)
    }

    @Test("cons@k: the most frequent answer decides; a tie goes to the answer given first")
    func consensus() throws {
        let problems = [
            Self.binary("CIC", answers: ["a", "b", "a"]),
            Self.binary("ICC", answers: ["x", "y", "y"]),
            Self.binary("CII", answers: ["p", "q", "r"]),
            Self.binary("ICI", answers: ["m", "n", "o"]),
        ]
        let summary = SampleStatistics.summarize(problems, k: 3, errored: .failure, bootstrap: settings)
        let consensus = try #require(summary.consensus)
        #expect(consensus.value == 0.75 && consensus.k == 3 && consensus.n == 4, "a; y; p (first of a tie); m is wrong")
        #expect(consensus.interval == Proportion.wilson(successes: 3, trials: 4))

        let missing = SampleStatistics.summarize([Self.binary("CI")], k: 2, errored: .failure, bootstrap: settings)
        #expect(missing.consensus == nil && missing.consensusUnavailable == "some scored samples have no answer")
        let partial = SampleStatistics.summarize(
            [[.scored(0.5, answer: .text("a")), .scored(1, answer: .text("a"))]], k: 2, errored: .failure, bootstrap: settings)
        #expect(partial.consensusUnavailable == "scores are not all 0 or 1")
        let long = SampleStatistics.summarize(
            [[.scored(1, answer: .incomparable), .scored(1, answer: .text("a"))]], k: 2, errored: .failure, bootstrap: settings)
        #expect(long.consensusUnavailable == "some answers are too long to compare")
        let errored = SampleStatistics.summarize(
            [[.errored, .errored, .scored(1, answer: .text("a"))]], k: 3, errored: .failure, bootstrap: settings)
        #expect(errored.consensus?.value == 0, "two errored attempts outvote one answer")
    }

    @Test("scores outside [0, 1] make a mean, not a rate")
    func unitInterval() throws {
        let summary = SampleStatistics.summarize([[.scored(5, answer: .missing)], [.scored(3, answer: .missing)]],
                                                 k: 1, errored: .failure, bootstrap: settings)
        #expect(!summary.unitInterval && !summary.binary && summary.mean?.value == 4)
    }

    @Test("one bootstrap column is Bootstrap.meanInterval; the same data and seed give the same interval")
    func bootstrapAgrees() throws {
        var generator = SeededGenerator(seed: 11)
        let values = (0..<300).map { _ in Double(generator.index(below: 4)) / 3 }
        let joint = try #require(ProblemBootstrap(settings: settings).intervals(columns: [values, values.map { $0 * $0 }]))
        #expect(joint.columns.first == Bootstrap.meanInterval(values, settings: settings))
        #expect(joint == ProblemBootstrap(settings: settings).intervals(columns: [values, values.map { $0 * $0 }]))
        let other = ProblemBootstrap(settings: .init(resamples: 2_000, seed: 4)).intervals(columns: [values])
        #expect(other?.columns.first != joint.columns.first)
    }

    @Test("drawing counts per kind agrees with drawing every problem and attempt", arguments: [1, 3, 5])
    func kindsMatchValues(attempts: Int) throws {
        var generator = SeededGenerator(seed: UInt64(attempts))
        let problems = (0..<400).map { _ in (0..<attempts).map { _ in Double(generator.index(below: 2)) } }
        let means = problems.map { $0.reduce(0, +) / Double(attempts) }
        let passes = problems.map { $0.contains(1) ? 1.0 : 0 }
        let many = Bootstrap.Settings(resamples: 10_000, seed: 9)
        let fast = try #require(ProblemBootstrap(settings: many).intervals(columns: [means, passes], attempts: problems))
        var slowBootstrap = ProblemBootstrap(settings: many)
        slowBootstrap.countsKinds = false
        let slow = try #require(slowBootstrap.intervals(columns: [means, passes], attempts: problems))
        // Two independent bootstraps of the same data: their 2.5% and 97.5% points differ only by
        // Monte Carlo error (about 0.001 here); a wrong resampling distribution moves them by more.
        for (a, b) in zip(fast.columns + [fast.twoLevel].compactMap { $0 }, slow.columns + [slow.twoLevel].compactMap { $0 }) {
            #expect(abs(a.low - b.low) < 0.006 && abs(a.high - b.high) < 0.006 && a.method == b.method, "\(a) \(b)")
        }
        #expect(fast.twoLevel != nil && slow.twoLevel != nil)
        if attempts > 1 {
            let twoLevel = try #require(fast.twoLevel)
            let widthTwo = twoLevel.high - twoLevel.low
            #expect(widthTwo > fast.columns[0].high - fast.columns[0].low, "attempt variation widens the interval")
        }
    }

    @Test("binomial draws by inversion from the mode follow the binomial distribution", arguments: [(7, 0.3), (60, 0.05), (5_000, 0.41), (2_000_000, 0.0007)])
    func binomialSampler(trials: Int, p: Double) {
        var sampler = BinomialSampler(p: p)
        var generator = SeededGenerator(seed: 17)
        let draws = 100_000
        var sum = 0.0, squares = 0.0
        var counts = [Int](repeating: 0, count: trials + 1)
        for _ in 0..<draws {
            let x = sampler.sample(trials: trials, uniform: generator.nextUnit())
            counts[x] += 1
            sum += Double(x)
            squares += Double(x * x)
        }
        let mean = sum / Double(draws), variance = squares / Double(draws) - mean * mean
        let expectedMean = Double(trials) * p, expectedVariance = Double(trials) * p * (1 - p)
        #expect(abs(mean - expectedMean) < 4 * (expectedVariance / Double(draws)).squareRoot() + 1e-9)
        #expect(abs(variance / expectedVariance - 1) < 0.03)
        if trials <= 60 {
            // Every probability of at least 1% is within 0.5 percentage points.
            for k in 0...trials {
                let exact = InnerResampling.binomialProbability(trials, k, p)
                if exact >= 0.01 { #expect(abs(Double(counts[k]) / Double(draws) - exact) < 0.005, "k = \(k)") }
            }
        }
        #expect(sampler.sample(trials: 0, uniform: 0.5) == 0)
        var never = BinomialSampler(p: 0), always = BinomialSampler(p: 1)
        #expect(never.sample(trials: 9, uniform: 0.99) == 0 && always.sample(trials: 9, uniform: 0) == 9)
    }

    @Test("a drawn problem's attempts resample as a binomial: Bin(3, 1/3) for one success in three")
    func innerDraws() throws {
        let inner = InnerResampling([[1, 0, 0]])
        var generator = SeededGenerator(seed: 5)
        var counts = [0, 0, 0, 0]
        let draws = 200_000
        for _ in 0..<draws {
            let mean = inner.draw(problem: 0, uniform: generator.next(), generator: &generator)
            counts[Int((mean * 3).rounded())] += 1
        }
        let expected = [8.0, 12, 6, 1].map { $0 / 27 }
        for (count, probability) in zip(counts, expected) {
            #expect(abs(Double(count) / Double(draws) - probability) < 0.005, "\(counts)")
        }
        #expect(InnerResampling.binomialThresholds(trials: 3, successes: 0) == [.max, .max, .max])
        #expect(InnerResampling.binomialThresholds(trials: 3, successes: 3) == [0, 0, 0])
    }
}
