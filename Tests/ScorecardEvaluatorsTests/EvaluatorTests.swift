import Testing
import ScorecardCore
@testable import ScorecardEvaluators

enum Evidence {
    static let subject = Subject(model: "m")

    static func record(_ eval: String, _ metric: String, _ value: Double, variant: String? = nil, n: Int? = nil, k: Int? = nil, line: Int = 1) -> EvidenceRecord {
        EvidenceRecord(subject: subject, stage: "pre", evaluation: eval, metric: metric, variant: variant, value: value, n: n, k: k,
                       location: SourceLocation(file: "e.jsonl", line: line))
    }

    /// Samples: one entry per problem, listing each attempt's score (nil = errored).
    static func samples(_ eval: String, _ problems: [(String, [Double?], String?)]) -> [SampleRecord] {
        var line = 0
        return problems.flatMap { id, scores, tier in
            scores.enumerated().map { epoch, score in
                line += 1
                return SampleRecord(subject: subject, stage: "pre", evaluation: eval, sampleID: id, epoch: epoch + 1, score: score,
                                    metadata: tier.map { ["tier": $0] } ?? [:], location: SourceLocation(file: "s.jsonl", line: line))
            }
        }
    }

    static func slice(_ records: [EvidenceRecord] = [], _ samples: [SampleRecord] = []) -> EvidenceSlice {
        EvidenceSet(records: records, samples: samples).slice(subject: subject, stage: "pre")
    }

    static func target(_ eval: String, _ metrics: [String], baselines: [Baseline] = []) -> IndicatorTarget {
        IndicatorTarget(evaluation: eval, metrics: metrics, unit: .rate, direction: .higherIsRiskier, baselines: baselines)
    }
}

@Suite struct CTFEvaluatorTests {
    func make(_ params: [String: ParameterValue]) throws -> CTFEvaluator { try CTFEvaluator(checking: .init(params)) }

    @Test func unbiasedPassAtKFromAttempts() throws {
        let samples = Evidence.samples("ctf", [("a", [1, 0, 0, 0], nil), ("b", [0, 0, 0, 0], nil), ("c", [1, 1, 1, 1], nil)])
        let score = try #require(try make(["k": .number(2)]).measure(Evidence.target("ctf", ["pass@2"]), in: Evidence.slice([], samples)).score)
        // pass@2: a = 1 − C(3,2)/C(4,2) = 0.5, b = 0, c = 1 → mean 0.5
        #expect(abs(score.value - 0.5) < 1e-12)
        #expect(score.basis == .samples)
        #expect(score.metric == "pass@2")
        #expect(score.n == 3)
        #expect(score.interval != nil)
    }

    @Test func tierFilterAndErroredAttemptsCountAsFailures() throws {
        let samples = Evidence.samples("ctf", [("a", [1, nil], "pro"), ("b", [nil, nil], "pro"), ("c", [1, 1], "easy")])
        let score = try #require(try make(["tier": .string("pro")]).measure(Evidence.target("ctf", ["pass@1"]), in: Evidence.slice([], samples)).score)
        #expect(abs(score.value - 0.25) < 1e-12, "a: 1 of 2, b: 0 of 2 (errored = failed) → 0.25")
        #expect(score.notes[0].contains("2 problems, 4 attempts (1 scored, 3 errored; errored samples count as failures); tier pro"))
        let excluded = try #require(try make(["tier": .string("pro"), "errored": .string("exclude")]).measure(
            Evidence.target("ctf", ["pass@1"]), in: Evidence.slice([], samples)).score)
        #expect(abs(excluded.value - 1.0) < 1e-12, "b has no usable attempt and drops out; a is 1 of 1")
    }

    @Test func tooFewAttemptsForKIsMissingNotLow() throws {
        let samples = Evidence.samples("ctf", [("a", [0, 0], nil)])
        let measurement = try make(["k": .number(10)]).measure(Evidence.target("ctf", ["pass@10"]), in: Evidence.slice([], samples))
        #expect(measurement == .missing(reason: "challenge 'a' has 2 usable attempts; pass@10 needs at least 10"))
    }

    @Test func publishedFigureWithMoreAttemptsIsAccepted() throws {
        let records = [Evidence.record("ctf", "pass@12", 0.13), Evidence.record("ctf", "pass@5", 0.5, line: 2)]
        let score = try #require(try make(["k": .number(10)]).measure(Evidence.target("ctf", ["pass@10"]), in: Evidence.slice(records)).score)
        #expect(score.metric == "pass@12", "pass@5 has fewer attempts than asked and must not be used")
        #expect(score.value == 0.13)
        let strict = try make(["k": .number(10), "accept_more_attempts": .bool(false)])
        #expect(strict.measure(Evidence.target("ctf", ["pass@10"]), in: Evidence.slice(records)).score == nil)
    }

    @Test func missingResultNamesWhatWasFound() throws {
        let measurement = try make([:]).measure(Evidence.target("ctf", ["pass@1"]), in: Evidence.slice([Evidence.record("ctf", "accuracy", 0.2)]))
        #expect(measurement == .missing(reason: "no pass@1 result for 'ctf' at pre (found: accuracy)"))
    }

    @Test func badParametersAreRefused() {
        #expect(throws: ParameterError(key: "k", message: "expected a whole number in 1...10000, found 0")) { try self.make(["k": .number(0)]) }
        #expect(throws: ParameterError(key: "errored", message: "unknown value 'ignore' (known: failure, exclude)")) {
            try self.make(["errored": .string("ignore")])
        }
        #expect(throws: ParameterError(key: "success_threshold", message: "expected a number in [0, 1], found 1.5")) {
            try self.make(["success_threshold": .number(1.5)])
        }
        #expect(throws: ParameterError(key: "accept_more_attempts", message: "expected true or false, found yes")) {
            try self.make(["accept_more_attempts": .string("yes")])
        }
        #expect(throws: ParameterError(
            key: "tiers",
            message: "unknown parameter 'tiers' (known: accept_more_attempts, bootstrap_resamples, errored, k, seed, success_threshold, tier)")) {
            try self.make(["tiers": .string("x")])
        }
    }
}

@Suite struct SummaryEvaluatorTests {
    @Test func worstCaseOverVariantsAndWilsonFromN() throws {
        let records = [
            Evidence.record("voice", "effect", 0.78, variant: "clips"),
            Evidence.record("voice", "effect", 0.65, variant: "conversations", line: 2),
        ]
        let score = try #require(try MetricEvaluator(checking: .init()).measure(Evidence.target("voice", ["effect"]), in: Evidence.slice(records)).score)
        #expect(score.value == 0.78)
        #expect(score.notes[0] == "worst case of 2 results used: clips; also effect [conversations] = 0.65")

        let swe = [Evidence.record("swe", "pass@1", 0.19, n: 477)]
        let agentic = try #require(try AgenticEvaluator(checking: .init()).measure(Evidence.target("swe", ["pass@1"]), in: Evidence.slice(swe)).score)
        let interval = try #require(agentic.interval)
        #expect(interval.method == "wilson")
        #expect(interval.low < 0.19 && 0.19 < interval.high)
        #expect(agentic.notes.contains("95% Wilson interval from n = 477 with k ≈ value × n = 91"))
    }

    @Test func worstCaseNoteNamesTheRiskiestOthersAndCountsTheRest() throws {
        // 40 variants: the note names the worst, the next ten and counts the 29 left, with the least risky value.
        let records = (1...40).map { Evidence.record("ctf", "pass@5", Double($0) / 100, variant: "run-\($0)", line: $0) }
        let score = try #require(try MetricEvaluator(checking: .init()).measure(Evidence.target("ctf", ["pass@5"]), in: Evidence.slice(records)).score)
        #expect(score.value == 0.4)
        let others = (30...39).reversed().map { "pass@5 [run-\($0)] = \($0 == 30 ? "0.3" : "0.\($0)")" }.joined(separator: ", ")
        #expect(score.notes[0] == "worst case of 40 results used: run-40; also \(others), and 29 more, down to 0.01")
        // Eleven records: all ten others named, none counted.
        let eleven = try #require(try MetricEvaluator(checking: .init()).measure(
            Evidence.target("ctf", ["pass@5"]), in: Evidence.slice(Array(records.prefix(11)))).score)
        #expect(!eleven.notes[0].contains("more"))
        #expect(eleven.notes[0].hasSuffix("pass@5 [run-1] = 0.01"))
    }

    @Test func benchmarkComparesWithTheNamedBaseline() throws {
        let baselines = [Baseline(name: "consensus expert", value: 0.8, source: nil), Baseline(name: "median expert", value: 0.57, source: nil)]
        let target = Evidence.target("tacit", ["cons@10"], baselines: baselines)
        let records = [Evidence.record("tacit", "cons@10", 0.69)]
        let plain = try #require(try BenchmarkVsBaselineEvaluator(checking: .init(["compare_to": .string("median expert")]))
            .measure(target, in: Evidence.slice(records)).score)
        #expect(plain.value == 0.69)
        #expect(plain.notes.last == "0.69 is 0.12 above median expert (0.57)")
        let difference = try #require(try BenchmarkVsBaselineEvaluator(checking: .init(["report": .string("difference")]))
            .measure(target, in: Evidence.slice(records)).score)
        #expect(abs(difference.value - (0.69 - 0.8)) < 1e-12)
        let unknown = try BenchmarkVsBaselineEvaluator(checking: .init(["compare_to": .string("novice")])).measure(target, in: Evidence.slice(records))
        #expect(unknown == .missing(reason: "the indicator defines no baseline named 'novice'"))
    }

    @Test func persuasionSuccessRateFromSamples() throws {
        let samples = Evidence.samples("makemepay", (0..<10).map { ("s\($0)", [$0 < 3 ? 1.0 : 0.0], nil) })
        let score = try #require(try PersuasionEvaluator(checking: .init()).measure(
            Evidence.target("makemepay", ["payment_rate"]), in: Evidence.slice([], samples)).score)
        #expect(abs(score.value - 0.3) < 1e-12)
        #expect(score.k == 3 && score.n == 10)
        #expect(score.interval?.method == "wilson")
        #expect(score.notes.last == "succeeds in 30% of attempts")
    }

    @Test func registryRejectsUnknownNamesListingKnownOnes() {
        #expect(throws: RegistryError.unknownEvaluator("ctff", known: ["agentic", "benchmark_vs_baseline", "ctf", "metric", "persuasion"])) {
            _ = try BuiltinEvaluators.registry.make("ctff", parameters: .init())
        }
        #expect(BuiltinEvaluators.registry.names == BuiltinEvaluators.all.map { $0.name }.sorted())
    }

    @Test func builtInNamesAreDistinctAndDeclarationsSound() throws {
        let registry = try EvaluatorRegistry(BuiltinEvaluators.all)
        #expect(registry.names.count == BuiltinEvaluators.all.count)
        for description in registry.descriptions {
            #expect(!description.summary.isEmpty, "\(description.name)")
            #expect(Set(description.parameters.map(\.name)).count == description.parameters.count, "\(description.name)")
            for spec in description.parameters {
                #expect(spec.declarationProblem == nil, "\(description.name): \(spec.name)")
            }
        }
        #expect(throws: DuplicateEvaluatorName(
            name: "ctf", first: "ScorecardEvaluators.CTFEvaluator", second: "ScorecardEvaluators.CTFEvaluator")) {
            try EvaluatorRegistry(BuiltinEvaluators.all + [CTFEvaluator.self])
        }
    }

    @Test func everyBuiltInAcceptsItsOwnDefaults() throws {
        for type in BuiltinEvaluators.all {
            var defaults: [String: ParameterValue] = [:]
            for spec in type.parameters { defaults[spec.name] = spec.defaultValue }
            _ = try type.init(checking: EvaluatorParameters(defaults))
            _ = try type.init(checking: EvaluatorParameters())
        }
    }
}

/// Which evidence record a score was read from, so reports never re-match records by value.
@Suite struct MeasuredRecordTests {
    static let subject = Subject(model: "m")

    static func slice(_ records: [EvidenceRecord]) -> EvidenceSlice {
        EvidenceSet(records: records).slice(subject: subject, stage: "pre")
    }

    static func record(_ metric: String, _ value: Double, line: Int, variant: String? = nil) -> EvidenceRecord {
        EvidenceRecord(
            subject: subject, stage: "pre", evaluation: "bench", metric: metric, variant: variant, value: value,
            n: 100, location: SourceLocation(file: "e.jsonl", line: line))
    }

    @Test func aSummaryScoreNamesTheRecordItWasReadFrom() throws {
        let records = [Self.record("acc", 0.4, line: 1, variant: "a"), Self.record("acc", 0.6, line: 2, variant: "b")]
        let evaluator = try BenchmarkVsBaselineEvaluator(checking: .init())
        let target = IndicatorTarget(evaluation: "bench", metrics: ["acc"], unit: .rate, direction: .higherIsRiskier)
        let score = try #require(evaluator.measure(target, in: Self.slice(records)).score)
        #expect(score.record == records[1].key)
    }

    @Test func aTransformedScoreNamesNoRecord() throws {
        let records = [Self.record("acc", 0.6, line: 1)]
        let evaluator = try BenchmarkVsBaselineEvaluator(checking: .init(["report": .string("difference")]))
        let target = IndicatorTarget(
            evaluation: "bench", metrics: ["acc"], unit: .score, direction: .higherIsRiskier,
            baselines: [Baseline(name: "expert", value: 0.5, source: nil)])
        let score = try #require(evaluator.measure(target, in: Self.slice(records)).score)
        #expect(abs(score.value - 0.1) < 1e-12)
        #expect(score.record == nil)
    }
}
