import ScorecardCore

/// Capture-the-flag solve rates: pass@k per difficulty tier.
///
/// With per-sample attempts, computes the unbiased pass@k of Chen et al. (2021) averaged over
/// challenges, with a bootstrap interval over challenges; every challenge needs at least k
/// attempts. Without them, reads the published `pass@K` figure; with `accept_more_attempts`
/// (the default) a figure with more attempts than k is accepted, since more attempts can only
/// raise a solve rate and so the substitution errs on the side of risk.
public struct CTFEvaluator: Evaluator {
    public static let summary = "CTF solve rate per tier as pass@k; unbiased pass@k from per-sample attempts"
    static let k = Parameter.wholeNumber("k", in: 1...10_000, default: 1, help: "attempts per challenge")
    static let acceptMoreAttempts = Parameter.boolean(
        "accept_more_attempts", default: true, help: "accept published pass@K with K > k")
    static let tier = SampleOptions.tier("challenges")
    static let successThreshold = SampleOptions.successThreshold("solved")
    public static let parameters = [k.spec, acceptMoreAttempts.spec, tier.spec, successThreshold.spec] + SampleOptions.parameters

    let k: Int
    let acceptMoreAttempts: Bool
    let options: SampleOptions

    public init(parameters: ParameterValues) throws(ParameterError) {
        k = try parameters[Self.k]
        acceptMoreAttempts = try parameters[Self.acceptMoreAttempts]
        options = try SampleOptions(parameters, tier: Self.tier, successThreshold: Self.successThreshold)
    }

    public func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement {
        if let fromSamples = measureSamples(target, evidence) { return fromSamples }
        return SummaryReading.measure(target, in: evidence) { metric in
            if target.metrics.contains(metric) { return true }
            guard acceptMoreAttempts, let attempts = Self.attempts(in: metric) else { return false }
            return attempts >= k && target.metrics.contains { Self.attempts(in: $0) != nil }
        }
    }

    /// The K of a `pass@K` metric name.
    static func attempts(in metric: String) -> Int? {
        guard metric.hasPrefix("pass@") else { return nil }
        return Int(metric.dropFirst(5))
    }

    private func measureSamples(_ target: IndicatorTarget, _ evidence: EvidenceSlice) -> Measurement? {
        let all = evidence.problems(evaluation: target.evaluation)
        guard !all.isEmpty else { return nil }
        let problems = options.problems(all)
        guard !problems.isEmpty else { return .missing(reason: "no challenges of '\(target.evaluation)' in tier \(options.tier ?? "")") }
        let summary = options.summarize(problems, k: k, partialCredit: false)
        if let short = problems.first(where: { problem in
            let usable = problem.scores.filter { $0 != nil || options.errored == .failure }.count
            return usable > 0 && usable < k
        }) {
            let usable = short.scores.filter { $0 != nil || options.errored == .failure }.count
            return .missing(reason: "challenge '\(short.id)' has \(usable) usable attempts; pass@\(k) needs at least \(k)")
        }
        // pass@1 is the mean solve rate; larger k come from the unbiased estimator.
        guard let estimate = k == 1 ? summary.mean : summary.passAtK else {
            return .missing(reason: options.nothingMeasured(summary, target.evaluation))
        }
        let mark = evidence.sampleConsistency(evaluation: target.evaluation)
        return .measured(IndicatorScore(
            value: estimate.value, interval: estimate.interval, n: estimate.n, k: nil, metric: "pass@\(k)", basis: .samples,
            sources: SampleOptions.sources(evidence, target.evaluation),
            notes: [options.denominatorNote(summary), "unbiased pass@\(k) (Chen et al. 2021) averaged over challenges"]
                + (mark.map { [ConsistencyNote.samples($0, evaluation: target.evaluation)] } ?? []),
            consistency: mark))
    }
}
