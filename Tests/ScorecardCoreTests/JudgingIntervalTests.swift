import Testing
@testable import ScorecardCore

/// A source's interval is judged at 95% and never narrower than its own counts allow, so a tight
/// or low-confidence interval cannot rule a level out that the evidence does not.
@Suite struct JudgingIntervalTests {
    @Test("an interval below 95% confidence is widened to 95% as a normal interval would be")
    func lowConfidenceIsWidened() throws {
        let given = ConfidenceInterval(low: 0.44, high: 0.46, level: 0.5, method: "bootstrap")
        let (interval, notes) = JudgingInterval.resolve(given, value: 0.45, n: nil, k: nil, unit: .rate)
        let judged = try #require(interval)
        // z(0.975) / z(0.75) = 1.959964 / 0.674490 = 2.9058: half-width 0.01 becomes 0.029058.
        #expect(abs(judged.high - 0.479058) < 1e-5, "\(judged)")
        #expect(abs(judged.low - 0.420942) < 1e-5)
        #expect(judged.level == 0.95)
        #expect(judged.method == "bootstrap, widened to 95%")
        #expect(notes.count == 1 && notes[0].contains("50% interval [0.44, 0.46] is widened to 95%"), "\(notes)")
    }

    @Test("a rate's interval narrower than the Wilson interval from its counts is judged by the wider bounds")
    func narrowerThanWilsonIsBoundedByIt() throws {
        let given = ConfidenceInterval(low: 0.44, high: 0.46, level: 0.95, method: "reported")
        let (interval, notes) = JudgingInterval.resolve(given, value: 0.45, n: 20, k: 9, unit: .rate)
        let judged = try #require(interval)
        let wilson = try #require(Proportion.wilson(successes: 9, trials: 20))
        #expect(judged.low == wilson.low && judged.high == wilson.high, "9 of 20 is far less certain than [0.44, 0.46]")
        #expect(judged.high > 0.6)
        #expect(notes.count == 1 && notes[0].contains("narrower than the 95% Wilson interval from 9 of 20, [0.2582, 0.6579]"), "\(notes)")
    }

    @Test("an interval as wide as Wilson, or within rounding of it, and one at 99% are kept as given")
    func honestIntervalsAreKept() throws {
        let wilson = try #require(Proportion.wilson(successes: 30, trials: 100))
        let rounded = ConfidenceInterval(low: (wilson.low * 1000).rounded() / 1000, high: (wilson.high * 1000).rounded() / 1000, level: 0.95, method: "reported")
        #expect(JudgingInterval.resolve(rounded, value: 0.3, n: 100, k: 30, unit: .rate) == (rounded, []))
        let wide = ConfidenceInterval(low: 0.1, high: 0.6, level: 0.99, method: "bootstrap")
        #expect(JudgingInterval.resolve(wide, value: 0.3, n: nil, k: nil, unit: .rate) == (wide, []))
    }

    @Test("a widened interval stays inside the unit's range; counts alone give Wilson; nothing gives nothing")
    func rangeAndFallbacks() throws {
        let given = ConfidenceInterval(low: 0.9, high: 0.99, level: 0.8, method: "reported")
        let judged = try #require(JudgingInterval.resolve(given, value: 0.97, n: nil, k: nil, unit: .rate).interval)
        #expect(judged.high == 1)
        #expect(JudgingInterval.resolve(nil, value: 0.3, n: 10, k: 3, unit: .rate).interval == Proportion.wilson(successes: 3, trials: 10))
        #expect(JudgingInterval.resolve(nil, value: 0.3, n: nil, k: nil, unit: .rate).interval == nil)
        #expect(JudgingInterval.resolve(nil, value: 2.1, n: 10, k: nil, unit: .ratio).interval == nil, "Wilson is for rates only")
    }
}
