/// One published or computed result: a metric of an evaluation for a model at a stage.
///
/// Rates are fractions in [0, 1]. `n` is the number of problems or trials and `k` the number of
/// successes among them, when known. An interval, when present, contains the value.
public struct EvidenceRecord: Hashable, Sendable {
    public let subject: Subject
    public let stage: String
    public let evaluation: String
    public let metric: String
    /// Free text distinguishing runs of the same metric, such as a scaffold or a tier.
    public let variant: String?
    public let value: Double
    public let unit: ValueUnit
    /// Whether lower values of the metric are better (perplexity, an error rate), as the source
    /// states it: true or false where it says (lm-eval's `higher_is_better`, EEE's
    /// `lower_is_better`), nil where it does not.
    ///
    /// This is the metric's own orientation, for tools that rank results; it is not a risk
    /// direction, which a framework's indicator decides (``Direction``).
    public let lowerIsBetter: Bool?
    public let n: Int?
    public let k: Int?
    public let interval: ConfidenceInterval?
    /// Where the figure was published or produced (a URL, a log file).
    public let source: String?
    /// SHA-256 of the file the figure was imported from, when it came from an evaluation log.
    public let sourceSHA256: String?
    public let notes: String?
    /// Whether the figure agrees with the rest of its file: nil when no disagreement was found (or
    /// the importer could not tell), `partial` or `contradicts` when the importer found one.
    /// Files written before this field existed have none, and read as nil.
    public let consistency: EvidenceConsistency?
    public let location: SourceLocation

    public init(
        subject: Subject, stage: String, evaluation: String, metric: String, variant: String? = nil,
        value: Double, unit: ValueUnit = .rate, lowerIsBetter: Bool? = nil, n: Int? = nil, k: Int? = nil, interval: ConfidenceInterval? = nil,
        source: String? = nil, sourceSHA256: String? = nil, notes: String? = nil, consistency: EvidenceConsistency? = nil,
        location: SourceLocation
    ) {
        self.subject = subject
        self.stage = stage
        self.evaluation = evaluation
        self.metric = metric
        self.variant = variant
        self.value = value
        self.unit = unit
        self.lowerIsBetter = lowerIsBetter
        self.n = n
        self.k = k
        self.interval = interval
        self.source = source
        self.sourceSHA256 = sourceSHA256
        self.notes = notes
        self.consistency = consistency
        self.location = location
    }

    /// The fields that identify a record; two records with the same key are duplicates.
    public var key: Key { Key(subject: subject, stage: stage, evaluation: evaluation, metric: metric, variant: variant) }

    /// What identifies a result record: subject, stage, evaluation, metric and variant.
    public struct Key: Hashable, Sendable, CustomStringConvertible {
        public let subject: Subject
        public let stage: String
        public let evaluation: String
        public let metric: String
        public let variant: String?

        public init(subject: Subject, stage: String, evaluation: String, metric: String, variant: String?) {
            self.subject = subject
            self.stage = stage
            self.evaluation = evaluation
            self.metric = metric
            self.variant = variant
        }

        /// `model (snapshot) stage eval metric [variant]`, leaving out what is absent.

        public var description: String {
            "\(subject) \(stage) \(evaluation) \(metric)" + (variant.map { " [\($0)]" } ?? "")
        }
    }
}

/// A confidence interval: bounds, the level (0.95 for 95%), and how it was computed.
public struct ConfidenceInterval: Hashable, Sendable, Codable {
    public let low: Double
    public let high: Double
    public let level: Double
    public let method: String

    public init(low: Double, high: Double, level: Double, method: String) {
        self.low = low
        self.high = high
        self.level = level
        self.method = method
    }

    /// Whether the closed interval contains `value`, allowing for rounding in published figures.
    public func contains(_ value: Double, tolerance: Double = 1e-9) -> Bool {
        value >= low - tolerance && value <= high + tolerance
    }
}
