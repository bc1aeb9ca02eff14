/// Turns evidence into a measurement for one indicator. It measures; it never decides a level.
///
/// An evaluator is created from its name and parameters (see `EvaluatorRegistry`); creation
/// validates the parameters, so a framework file with bad parameters fails when it is loaded.
/// `measure` is a pure function of the target and the evidence slice.
///
/// To add one: write a type conforming to this protocol in its own file and list it in the
/// registry of built-ins.
public protocol Evaluator: Sendable {
    /// The name used in framework files, such as `ctf`.
    static var name: String { get }
    /// Bumped whenever the evaluator's arithmetic changes, so stored scores say what made them.
    static var version: Int { get }
    /// One line for `--help` and documentation.
    static var summary: String { get }
    /// Parameter names with one-line descriptions.
    static var parameterHelp: [(name: String, help: String)] { get }

    /// Creates the evaluator, throwing when a parameter is unknown or malformed.
    init(parameters: EvaluatorParameters) throws(ParameterError)

    /// Measures `target` in `evidence`; returns `.missing` with a reason when there is nothing to measure.
    func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement
}

/// What an indicator asks an evaluator to measure.
public struct IndicatorTarget: Hashable, Sendable {
    public let evaluation: String
    /// Accepted metric names, in order of preference.
    public let metrics: [String]
    public let unit: ValueUnit
    public let direction: Direction
    /// Reference points the indicator names, for evaluators that compare against them.
    public let baselines: [Baseline]

    public init(evaluation: String, metrics: [String], unit: ValueUnit, direction: Direction, baselines: [Baseline] = []) {
        self.evaluation = evaluation
        self.metrics = metrics
        self.unit = unit
        self.direction = direction
        self.baselines = baselines
    }
}

/// The outcome of measuring one indicator.
public enum Measurement: Hashable, Sendable {
    case measured(IndicatorScore)
    /// Nothing to measure: the reason says what was looked for.
    case missing(reason: String)

    public var score: IndicatorScore? {
        if case .measured(let score) = self { return score }
        return nil
    }
}

/// A measured indicator value with its uncertainty and the evidence it used.
public struct IndicatorScore: Hashable, Sendable {
    public enum Basis: String, Hashable, Sendable, Codable {
        /// Read from a published or imported summary figure.
        case summary
        /// Computed from per-sample records.
        case samples
    }

    public let value: Double
    public let interval: ConfidenceInterval?
    public let n: Int?
    public let k: Int?
    /// The metric actually used, such as `pass@12`.
    public let metric: String
    public let basis: Basis
    /// The records that produced the value.
    public let sources: [SourceLocation]
    /// The summary record whose value this is, when the value was read from one record as it
    /// stands (nil when it was computed from samples, combined, or transformed).
    public let record: EvidenceRecord.Key?
    /// How the value was obtained, for the trace: choices made, fallbacks, comparisons to baselines.
    public let notes: [String]

    public init(
        value: Double, interval: ConfidenceInterval?, n: Int?, k: Int?, metric: String, basis: Basis,
        sources: [SourceLocation], record: EvidenceRecord.Key? = nil, notes: [String] = []
    ) {
        self.value = value
        self.interval = interval
        self.n = n
        self.k = k
        self.metric = metric
        self.basis = basis
        self.sources = sources
        self.record = record
        self.notes = notes
    }
}
