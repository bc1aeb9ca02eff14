/// Turns evidence into a measurement for one indicator. It measures; it never decides a level.
///
/// An evaluator is created from its name and parameters (see `EvaluatorRegistry`); its
/// parameters are declared once, in `parameters`, and checked against that declaration before
/// `init` sees them, so a framework file with bad parameters fails when it is loaded. `measure`
/// is a pure function of the target and the evidence slice.
///
/// Only `summary`, `init` and `measure` must be written: the name defaults to the type's name
/// in snake case without `Evaluator` (`UpliftRatioEvaluator` is `uplift_ratio`), the version to
/// 1, the parameters to none. To add one: write a type conforming to this protocol in its own
/// file and list it in the registry of built-ins. Evaluators that are not Swift types
/// (declarative and external ones, defined in framework files) are ``Measuring`` values the
/// registry makes from their ``EvaluatorDefinition``.
public protocol Evaluator: Measuring {
    /// The name used in framework files, such as `ctf`.
    static var name: String { get }
    /// Bumped whenever the evaluator's arithmetic changes, so stored scores say what made them.
    static var version: Int { get }
    /// One line for `--help` and documentation.
    static var summary: String { get }
    /// The parameters it takes, in the order `scorecard evaluators` lists them.
    static var parameters: [ParameterSpec] { get }

    /// Creates the evaluator from parameters already checked against `parameters`, throwing
    /// when they do not fit together.
    init(parameters: ParameterValues) throws(ParameterError)
}

/// An evaluator ready to measure one indicator: what the registry makes from a name and parameters.
public protocol Measuring: Sendable {
    /// Measures `target` in `evidence`; returns `.missing` with a reason when there is nothing to measure.
    func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement
}

extension Evaluator {
    /// The type's name in snake case, without a trailing `Evaluator`: `CTFEvaluator` is `ctf`.
    public static var name: String { EvaluatorDescription.name(forType: String(describing: Self.self)) }
    public static var version: Int { 1 }
    public static var parameters: [ParameterSpec] { [] }

    /// The evaluator as data: what the registry lists and `scorecard evaluators` prints.
    public static var described: EvaluatorDescription {
        EvaluatorDescription(name: name, version: version, summary: summary, parameters: parameters, kind: .builtin)
    }

    /// Creates the evaluator from a framework file's parameters, checking them first.
    public init(checking given: EvaluatorParameters) throws(ParameterError) {
        try self.init(parameters: ParameterValues(given, declared: Self.parameters))
    }
}

/// What a framework author needs to know about an evaluator: its name, kind, version, summary,
/// parameters and, for one defined in a file, where it comes from.
public struct EvaluatorDescription: Hashable, Sendable, Codable {
    public var name: String
    public var version: Int
    public var summary: String
    public var parameters: [ParameterSpec]
    public var kind: EvaluatorKind
    /// Where a declarative or external evaluator is defined; nil for a built-in.
    public var origin: EvaluatorOrigin?

    public init(
        name: String, version: Int, summary: String, parameters: [ParameterSpec], kind: EvaluatorKind = .builtin,
        origin: EvaluatorOrigin? = nil
    ) {
        self.name = name
        self.version = version
        self.summary = summary
        self.parameters = parameters
        self.kind = kind
        self.origin = origin
    }

    /// The help of `scorecard evaluators`: a line for the evaluator, where it is defined, then one
    /// line per parameter.
    public var helpText: String {
        var text = "\(name) (\(kind.rawValue), version \(version)): \(summary)\n"
        if let origin { text += origin.helpLines.map { "  \($0)\n" }.joined() }
        return text + parameters.map { "  \($0.helpLine)\n" }.joined()
    }

    /// `typeName` in snake case without a trailing `Evaluator`: `BenchmarkVsBaselineEvaluator` is
    /// `benchmark_vs_baseline`, `CTFEvaluator` is `ctf`.
    public static func name(forType typeName: String) -> String {
        var characters = Array(typeName)
        if typeName.hasSuffix("Evaluator"), characters.count > 9 { characters.removeLast(9) }
        var name = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                // A word starts after a lower-case letter or digit, or at the last capital of a run
                // of capitals that a lower-case letter follows (`HTTPScore` is `http_score`).
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    name += "_"
                }
            }
            name += character.lowercased()
        }
        return name
    }
}

/// What an indicator asks an evaluator to measure.
public struct IndicatorTarget: Hashable, Sendable {
    /// The indicator's id, such as `ctf_professional` (empty when measured outside a framework).
    public let indicator: String
    public let evaluation: String
    /// Accepted metric names, in order of preference.
    public let metrics: [String]
    public let unit: ValueUnit
    public let direction: Direction
    /// Reference points the indicator names, for evaluators that compare against them.
    public let baselines: [Baseline]

    public init(
        evaluation: String, metrics: [String], unit: ValueUnit, direction: Direction, baselines: [Baseline] = [],
        indicator: String = ""
    ) {
        self.indicator = indicator
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
    /// The worst consistency mark of the records the value came from (``EvidenceConsistency``):
    /// nil when they showed no disagreement with their files. The engine's trace names it, and
    /// the evaluator says it in ``notes``; it never changes the level.
    public let consistency: EvidenceConsistency?

    public init(
        value: Double, interval: ConfidenceInterval?, n: Int?, k: Int?, metric: String, basis: Basis,
        sources: [SourceLocation], record: EvidenceRecord.Key? = nil, notes: [String] = [],
        consistency: EvidenceConsistency? = nil
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
        self.consistency = consistency
    }
}
