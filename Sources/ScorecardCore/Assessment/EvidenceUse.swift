/// How one subject's evidence fed its assessment: which indicators read each summary record,
/// which records no indicator reads, and which indicators were fed tiers they cannot tell apart.
///
/// Every record of the subject is either read by some indicator or listed in ``unused``: a record
/// that matches no indicator (an evaluation id with a typo, a metric the indicator does not
/// accept) is reported, never dropped in silence.
public struct EvidenceUse: Hashable, Sendable {
    /// What identifies a group of summary records that indicators read alike: one metric of one
    /// evaluation at one stage, whatever the variant.
    public struct Metric: Hashable, Sendable {
        public let stage: String
        public let evaluation: String
        public let metric: String

        public init(stage: String, evaluation: String, metric: String) {
            self.stage = stage
            self.evaluation = evaluation
            self.metric = metric
        }
    }

    /// Metric → ids of the indicators that read every record of it (by its evaluation and metric,
    /// or because the evaluation has per-sample records), in framework order. Kept per metric,
    /// not per record: a subject can have millions of variants.
    public var readByMetric: [Metric: [String]]
    /// Summary record → ids of what reads it, where that is not its metric's readers: a record an
    /// indicator's score came from or cites, or one a section shows.
    public var readByRecord: [EvidenceRecord.Key: [String]]
    /// What no indicator reads, in file order.
    public var unused: [UnusedEvidence]
    /// Indicators that read one tier but were given samples of several.
    public var mixedTiers: [MixedTiers]

    public init(
        readByMetric: [Metric: [String]] = [:], readByRecord: [EvidenceRecord.Key: [String]] = [:], unused: [UnusedEvidence] = [],
        mixedTiers: [MixedTiers] = []
    ) {
        self.readByMetric = readByMetric
        self.readByRecord = readByRecord
        self.unused = unused
        self.mixedTiers = mixedTiers
    }

    /// The ids of the indicators (or sections) that read the subject's summary record `key`, in
    /// framework order; empty for a record listed in ``unused``.
    public func readers(of key: EvidenceRecord.Key) -> [String] {
        readByRecord[key] ?? readByMetric[Metric(stage: key.stage, evaluation: key.evaluation, metric: key.metric)] ?? []
    }
}

/// A summary record, or an evaluation's per-sample records, that no indicator reads.
public struct UnusedEvidence: Hashable, Sendable, CustomStringConvertible {
    /// Why nothing reads it.
    public enum Reason: Hashable, Sendable {
        /// No indicator reads the evaluation; `suggestion` is the nearest evaluation id one reads.
        case evaluationNotRead(suggestion: String?)
        /// Indicators read the evaluation but accept other metrics; `suggestion` is the nearest of them.
        case metricNotRead(indicators: [String], metrics: [String], suggestion: String?)
    }

    public let stage: String
    public let evaluation: String
    /// The record's metric; nil for per-sample records.
    public let metric: String?
    public let variant: String?
    /// 1 for a summary record; the number of sample records otherwise.
    public let records: Int
    /// Where the (first) record was read.
    public let location: SourceLocation
    public let reason: Reason

    public init(
        stage: String, evaluation: String, metric: String?, variant: String?, records: Int, location: SourceLocation,
        reason: Reason
    ) {
        self.stage = stage
        self.evaluation = evaluation
        self.metric = metric
        self.variant = variant
        self.records = records
        self.location = location
        self.reason = reason
    }

    /// The nearest name an indicator reads, when there is one.
    public var suggestion: String? {
        switch reason {
        case .evaluationNotRead(let suggestion), .metricNotRead(_, _, let suggestion): suggestion
        }
    }

    /// What the record is: "biothreat_expert_comparisons win_rate at pre_mitigation" or
    /// "120 per-sample records of ctf at pre_mitigation".
    public var what: String {
        guard let metric else { return "\(records) per-sample record\(records == 1 ? "" : "s") of \(evaluation) at \(stage)" }
        return "\(evaluation) \(metric)\(variant.map { " [\($0)]" } ?? "") at \(stage)"
    }

    /// Why it is not used, with a suggestion: "no indicator reads evaluation 'x'; did you mean 'y'?".
    public var why: String {
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        switch reason {
        case .evaluationNotRead:
            return "no indicator reads evaluation '\(evaluation)'\(hint)"
        case .metricNotRead(let indicators, let metrics, _):
            let reader = indicators.count == 1 ? "indicator \(indicators[0])" : "indicators \(indicators.joined(separator: ", "))"
            return "\(reader) read\(indicators.count == 1 ? "s" : "") \(metrics.joined(separator: " or ")) of '\(evaluation)', not '\(metric ?? "")'\(hint)"
        }
    }

    public var description: String { "\(location): not used: \(what): \(why)" }
}

/// An indicator whose evaluator reads one tier, given samples of several tiers and no `tier`
/// parameter to choose one: every tier counts as the indicator's.
public struct MixedTiers: Hashable, Sendable, CustomStringConvertible {
    public let indicator: String
    public let stage: String
    public let evaluation: String
    /// The distinct `tier` metadata values of the samples, sorted.
    public let tiers: [String]
    /// Where the samples were read (the first file).
    public let location: SourceLocation

    public init(indicator: String, stage: String, evaluation: String, tiers: [String], location: SourceLocation) {
        self.indicator = indicator
        self.stage = stage
        self.evaluation = evaluation
        self.tiers = tiers
        self.location = location
    }

    public var description: String { "\(location): \(message)" }

    /// What is wrong and how to fix it, without the place.
    public var message: String {
        let tier = tiers.first { indicator.contains($0) || evaluation.contains($0) } ?? "TIER"
        return "indicator \(indicator) reads one tier, but the samples of '\(evaluation)' at \(stage) have \(tiers.count) tiers (\(tiers.joined(separator: ", "))) and every one counts; map one tier at import (--map TASK[tier=\(tier)]=\(evaluation)) or give the indicator a tier parameter"
    }
}
