import ScorecardCore

/// The mean success over problems, computed from per-sample records, with an interval.
enum SampleRate {
    /// Measures the mean per-problem success rate; nil when the evaluation has no per-sample records.
    ///
    /// One attempt per problem with binary outcomes gets a Wilson interval; repeated attempts get a
    /// percentile bootstrap over problems (or over problems and attempts when `twoLevel`).
    static func measure(
        _ target: IndicatorTarget, in evidence: EvidenceSlice, options: SampleOptions, metric: String,
        partialCredit: Bool, twoLevel: Bool = false
    ) -> Measurement? {
        let all = evidence.problems(evaluation: target.evaluation)
        guard !all.isEmpty else { return nil }
        let problems = options.problems(all)
        guard !problems.isEmpty else {
            return .missing(reason: "no problems of '\(target.evaluation)' in tier \(options.tier ?? "")")
        }
        let perProblem = problems.map { partialCredit ? options.scores($0) : options.outcomes($0) }.filter { !$0.isEmpty }
        guard !perProblem.isEmpty else {
            return .missing(reason: "every attempt at '\(target.evaluation)' errored and errored attempts are excluded")
        }
        let means = perProblem.map { $0.reduce(0, +) / Double($0.count) }
        let value = means.reduce(0, +) / Double(means.count)
        let singleBinary = perProblem.allSatisfy { $0.count == 1 } && means.allSatisfy { $0 == 0 || $0 == 1 }
        let interval: ConfidenceInterval?
        var successes: Int?
        if singleBinary {
            let k = means.filter { $0 == 1 }.count
            successes = k
            interval = Proportion.wilson(successes: k, trials: means.count)
        } else if twoLevel {
            interval = Bootstrap.twoLevelMeanInterval(perProblem, settings: options.bootstrap)
        } else {
            interval = Bootstrap.meanInterval(means, settings: options.bootstrap)
        }
        let score = IndicatorScore(
            value: value, interval: interval, n: means.count, k: successes, metric: metric, basis: .samples,
            sources: SampleOptions.sources(evidence, target.evaluation), notes: [options.denominatorNote(problems)])
        return .measured(score)
    }
}
