import ScorecardCore

/// Rules every external-format reader applies the same way: the stage, the model, intervals.
enum ImportRules {
    /// The two-sided 95% normal quantile, 1.959963984540054.
    static let z95 = Proportion.normalQuantile(0.975)

    /// How the notes say, for people, that lower values of a metric are better.
    ///
    /// Programs read ``EvidenceRecord/lowerIsBetter`` instead. Evidence files written before that
    /// field existed carry only these words, which ``ScorecardEvidenceReader`` reads back (its legacy path).
    static let lowerIsBetter = "lower is better"

    /// The stage for every record of `file`: the one given at import, checked against the framework's.
    static func stage(
        _ options: ImportOptions, file: String, format: String, fallback: String? = nil
    ) throws(InputError) -> String {
        guard let stage = nonEmpty(options.stage) ?? nonEmpty(fallback) else {
            let known = options.allowedStages.map { " (one of: \($0.joined(separator: ", ")))" } ?? ""
            throw InputError(file: file, "no stage: \(format) files do not say whether results are pre- or post-mitigation; give the stage at import\(known)")
        }
        if let allowed = options.allowedStages, !allowed.contains(stage) {
            let hint = closest(to: stage, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
            throw InputError(file: file, "unknown stage '\(stage)'\(hint) (known: \(allowed.joined(separator: ", ")))")
        }
        return stage
    }

    /// The text when it has something other than whitespace.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }

    /// A Wilson interval at 95% from k of n.
    static func wilson(k: Int, n: Int) -> ConfidenceInterval? {
        Proportion.wilson(successes: k, trials: n, level: 0.95)
    }

    /// value ± 1.96·SE at 95%, clipped to [0, 1] for rates; nil for a negative or non-finite SE.
    ///
    /// The method says plainly that this is a normal approximation built from a reported standard
    /// error, not an interval the source published.
    static func normalInterval(value: Double, standardError se: Double, unit: ValueUnit) -> ConfidenceInterval? {
        guard se.isFinite, se >= 0, value.isFinite else { return nil }
        var low = value - z95 * se
        var high = value + z95 * se
        if unit == .rate {
            low = max(0, low)
            high = min(1, high)
        }
        return ConfidenceInterval(low: low, high: high, level: 0.95, method: "normal approximation: value ± 1.96 × reported standard error")
    }

    /// k when `value × n` is a whole number (within 1e-6) between 0 and n, as it is for a mean of 0/1 scores.
    static func wholeSuccesses(value: Double, n: Int) -> Int? {
        let product = value * Double(n)
        guard product.isFinite, product > -0.5, product < Double(n) + 0.5, abs(product - product.rounded()) < 1e-6 else { return nil }
        let k = Int(product.rounded())
        return (0...n).contains(k) ? k : nil
    }

    /// The sum, or nil when it would overflow (counts in hostile files can be anything).
    static func sum(_ values: [Int]) -> Int? {
        var total = 0
        for value in values {
            let (result, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { return nil }
            total = result
        }
        return total
    }
}
