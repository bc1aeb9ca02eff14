import Foundation
import Testing
import ScorecardCore

@Suite struct StatisticsTests {
    @Test func normalQuantileMatchesKnownValues() {
        #expect(abs(Proportion.normalQuantile(0.975) - 1.959963984540054) < 1e-12)
        #expect(abs(Proportion.normalQuantile(0.5)) < 1e-15)
        #expect(abs(Proportion.normalQuantile(0.001) + 3.090232306167813) < 1e-11)
    }

    /// Reference values computed independently with scipy's normal quantile and the Wilson formula.
    static let wilson: [(Int, Int, Double, Double)] = [
        (3, 12, 0.0889, 0.5323), (0, 100, 0.0, 0.0370), (22, 34, 0.4791, 0.7851), (10, 10, 0.7225, 1.0),
    ]

    @Test(arguments: wilson)
    func wilsonInterval(successes: Int, trials: Int, low: Double, high: Double) throws {
        let interval = try #require(Proportion.wilson(successes: successes, trials: trials))
        #expect(abs(interval.low - low) < 5e-5)
        #expect(abs(interval.high - high) < 5e-5)
        #expect(interval.method == "wilson")
    }

    @Test func wilsonRejectsImpossibleCounts() {
        #expect(Proportion.wilson(successes: 5, trials: 3) == nil)
        #expect(Proportion.wilson(successes: 0, trials: 0) == nil)
    }

    static let passAtK: [(Int, Int, Int, Double)] = [
        (10, 3, 1, 0.3), (10, 3, 2, 1 - 21.0 / 45.0), (10, 0, 5, 0), (10, 8, 3, 1), (5, 5, 5, 1), (1, 1, 1, 1),
    ]

    @Test(arguments: passAtK)
    func unbiasedPassAtK(attempts: Int, successes: Int, k: Int, expected: Double) throws {
        let value = try #require(PassAtK.estimate(attempts: attempts, successes: successes, k: k))
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func passAtKNeedsAtLeastKAttempts() {
        #expect(PassAtK.estimate(attempts: 3, successes: 1, k: 10) == nil)
        #expect(PassAtK.mean([(10, 1), (3, 0)], k: 5) == nil)
    }

    @Test func bootstrapIsReproducibleAndCoversTheMean() throws {
        let values = (0..<200).map { Double($0 % 3 == 0 ? 1 : 0) }
        let settings = Bootstrap.Settings(resamples: 2000, seed: 7)
        let a = try #require(Bootstrap.meanInterval(values, settings: settings))
        let b = try #require(Bootstrap.meanInterval(values, settings: settings))
        #expect(a == b)
        let mean = values.reduce(0, +) / Double(values.count)
        #expect(a.low < mean && mean < a.high)
        // The bootstrap interval of a proportion is close to Wilson's at this n.
        let wilson = try #require(Proportion.wilson(successes: values.filter { $0 == 1 }.count, trials: values.count))
        #expect(abs(a.low - wilson.low) < 0.02 && abs(a.high - wilson.high) < 0.02)
        let other = try #require(Bootstrap.meanInterval(values, settings: .init(resamples: 2000, seed: 8)))
        #expect(other != a, "a different seed gives a different (but similar) interval")
    }

    @Test func twoLevelBootstrapIsWiderThanOneLevelWhenAttemptsVary() throws {
        let problems = (0..<100).map { i in (0..<5).map { j in Double((i + j) % 2) } }
        let means = problems.map { $0.reduce(0, +) / Double($0.count) }
        let settings = Bootstrap.Settings(resamples: 2000, seed: 1)
        let one = try #require(Bootstrap.meanInterval(means, settings: settings))
        let two = try #require(Bootstrap.twoLevelMeanInterval(problems, settings: settings))
        #expect(two.high - two.low > one.high - one.low)
        #expect(two.method.contains("problems and attempts"))
    }

    @Test func generatorIsStableAcrossRuns() {
        var generator = SeededGenerator(seed: 0)
        let first = (0..<3).map { _ in generator.next() }
        var again = SeededGenerator(seed: 0)
        #expect(first == (0..<3).map { _ in again.next() })
        var bounded = SeededGenerator(seed: 42)
        #expect((0..<10_000).allSatisfy { _ in (0..<7).contains(bounded.index(below: 7)) })
    }
}

@Suite struct SHA256Tests {
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ]

    @Test(arguments: vectors)
    func nistVectors(message: String, digest: String) {
        #expect(SHA256.hex(of: message) == digest)
    }

    @Test func millionAs() {
        #expect(SHA256.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalUpdatesMatchOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let hasher = SHA256Stream()
        for chunk in stride(from: 0, to: bytes.count, by: 37) { hasher.update(Array(bytes[chunk..<min(chunk + 37, bytes.count)])) }
        #expect(hasher.finalizeHex() == SHA256.hex(of: bytes))
        #expect(hasher.finalizeHex() == SHA256.hex(of: bytes), "taking the digest twice gives the same value")
    }
}

@Suite struct FormatTests {
    static let cases: [(Double, String)] = [
        (0.13, "0.13"), (12, "12"), (-3, "-3"), (1e-05, "0.00001"), (1.5e-7, "0.00000015"), (0.1 + 0.2, "0.30000000000000004"),
    ]

    @Test(arguments: cases)
    func number(value: Double, text: String) { #expect(Format.number(value) == text) }

    @Test func short() {
        #expect(Format.short(0.47913963119781744) == "0.479")
        #expect(Format.short(0.5) == "0.5")
        #expect(Format.short(2.0004) == "2")
    }
}
