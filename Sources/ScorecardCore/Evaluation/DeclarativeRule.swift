/// A declarative evaluator's arithmetic, as data: the common shapes written in YAML, no code.
///
/// Interpreted by `ScorecardEvaluators`' `DeclarativeEvaluator`. Every text or number in a rule
/// may be a literal or a reference to one of the evaluator's parameters (`$name` in YAML), so
/// one definition serves several indicators.
public enum DeclarativeRule: Hashable, Sendable {
    /// `numerator ÷ denominator`.
    case ratio(numerator: Operand, denominator: Operand)
    /// `value − from`: from another result, a baseline of the indicator, a reference model or a number.
    case difference(value: Operand, from: Reference)
    /// `Σ weight × value ÷ Σ weight` over results, each required.
    case weightedMean([Term])
    /// How many results meet their bar (`>=`, or `>` when not inclusive; the indicator's direction decides which side is risky).
    case countAbove([Term], inclusive: Bool)
    /// The riskiest (worst) or the safest (best) of the variants of one result.
    case extreme(Extreme, of: Operand, variants: [TextValue])

    /// Which end of the variants `extreme` takes.
    public enum Extreme: String, Hashable, Sendable, CaseIterable {
        case worst, best
    }

    /// The shape's name as written in YAML.
    public var shape: String {
        switch self {
        case .ratio: "ratio"
        case .difference: "difference"
        case .weightedMean: "weighted_mean"
        case .countAbove: "count_above"
        case .extreme(let end, _, _): "\(end.rawValue)_of"
        }
    }

    /// One result the rule reads: an evaluation's metric (and variant). Each absent part is the
    /// indicator's: its evaluation, its metrics in order of preference; any variant (worst case).
    public struct Operand: Hashable, Sendable {
        public var evaluation: TextValue?
        public var metric: TextValue?
        public var variant: TextValue?

        public init(evaluation: TextValue? = nil, metric: TextValue? = nil, variant: TextValue? = nil) {
            self.evaluation = evaluation
            self.metric = metric
            self.variant = variant
        }

        var references: [String] { [evaluation, metric, variant].compactMap { $0?.parameter } }
    }

    /// A result with a weight (`weighted_mean`) or a bar (`count_above`).
    public struct Term: Hashable, Sendable {
        public var operand: Operand
        public var number: NumberValue

        public init(operand: Operand, number: NumberValue) {
            self.operand = operand
            self.number = number
        }
    }

    /// What `difference` subtracts.
    public enum Reference: Hashable, Sendable {
        case result(Operand)
        /// A baseline the indicator names.
        case baseline(TextValue)
        /// The same result of another model (and snapshot) at the same stage.
        case model(TextValue, snapshot: TextValue?)
        case number(NumberValue)
    }

    /// Every parameter the rule reads, with whether it is read as a number.
    public var references: [(name: String, number: Bool)] {
        var found: [(String, Bool)] = []
        func add(_ operand: Operand) { found += operand.references.map { ($0, false) } }
        switch self {
        case .ratio(let a, let b):
            add(a)
            add(b)
        case .difference(let value, let from):
            add(value)
            switch from {
            case .result(let operand): add(operand)
            case .baseline(let name): found += [name.parameter].compactMap { $0.map { ($0, false) } }
            case .model(let model, let snapshot): found += [model.parameter, snapshot?.parameter].compactMap { $0.map { ($0, false) } }
            case .number(let number): found += [number.parameter].compactMap { $0.map { ($0, true) } }
            }
        case .weightedMean(let terms), .countAbove(let terms, _):
            for term in terms {
                add(term.operand)
                if let name = term.number.parameter { found.append((name, true)) }
            }
        case .extreme(_, let operand, let variants):
            add(operand)
            found += variants.compactMap { $0.parameter.map { ($0, false) } }
        }
        return found
    }

    /// What is wrong with the rule against the evaluator's declared parameters: a reference to a
    /// parameter it does not declare, of the wrong kind, or that may be absent.
    public func problems(declared: [ParameterSpec]) -> [String] {
        var problems: [String] = []
        for (name, number) in references {
            guard let spec = declared.first(where: { $0.name == name }) else {
                problems.append("'$\(name)' names no declared parameter (declared: \(declared.map(\.name).joined(separator: ", ")))")
                continue
            }
            let fits = switch spec.kind {
            case .number, .wholeNumber: number
            case .text, .choice: !number
            default: false
            }
            if !fits { problems.append("'$\(name)' is read as \(number ? "a number" : "text"), but parameter '\(name)' is \(spec.kind)") }
            if !spec.isRequired && spec.defaultValue == nil {
                problems.append("'$\(name)' reads parameter '\(name)', which is optional without a default; make it required or give it a default")
            }
        }
        return problems
    }
}

/// Text in a declarative rule: written as is, or a parameter's value.
public enum TextValue: Hashable, Sendable {
    case literal(String)
    case parameter(String)

    public var parameter: String? {
        if case .parameter(let name) = self { return name }
        return nil
    }

    /// The text, reading a parameter from `values`.
    public func resolve(_ values: ParameterValues) -> String? {
        switch self {
        case .literal(let text): return text
        case .parameter(let name):
            if case .string(let text)? = values[name] { return text }
            return nil
        }
    }
}

/// A number in a declarative rule: written as is, or a parameter's value.
public enum NumberValue: Hashable, Sendable {
    case literal(Double)
    case parameter(String)

    public var parameter: String? {
        if case .parameter(let name) = self { return name }
        return nil
    }

    /// The number, reading a parameter from `values`.
    public func resolve(_ values: ParameterValues) -> Double? {
        switch self {
        case .literal(let number): return number
        case .parameter(let name):
            if case .number(let number)? = values[name] { return number }
            return nil
        }
    }
}
