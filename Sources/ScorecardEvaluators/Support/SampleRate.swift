import ScorecardCore

/// The mean success over problems, computed from per-sample records, with an interval.
enum SampleRate {
    /// Measures the mean per-problem success rate; nil when the evaluation has no per-sample records.
    ///
    /// The statistics are `SampleStatistics`' (the same as `import` computes): one binary attempt
    /// per problem gets a Wilson interval; repeated attempts a percentile bootstrap over problems,
    /// or over problems and attempts when `twoLevel`.
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
        let summary = options.summarize(problems, k: 1, partialCredit: partialCredit)
        guard let mean = summary.mean else {
            return .missing(reason: options.nothingMeasured(summary, target.evaluation))
        }
        let mark = evidence.sampleConsistency(evaluation: target.evaluation)
        let score = IndicatorScore(
            value: mean.value, interval: twoLevel ? (mean.twoLevel ?? mean.interval) : mean.interval, n: mean.n, k: mean.k,
            metric: metric, basis: .samples, sources: SampleOptions.sources(evidence, target.evaluation),
            notes: [options.denominatorNote(summary)] + (mark.map { [ConsistencyNote.samples($0, evaluation: target.evaluation)] } ?? []),
            consistency: mark)
        return .measured(score)
    }
}
