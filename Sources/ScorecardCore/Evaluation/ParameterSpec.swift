/// One parameter of an evaluator, declared once: its name, kind, default, help and whether it is
/// required.
///
/// From this one declaration come the help of `scorecard evaluators` (``helpLine``), the check of
/// a framework file's `params` when it is loaded (``ParameterValues``), and, through
/// ``Parameter``, the typed values a Swift evaluator reads. It is plain data, so it can describe
/// the parameters of an evaluator that is not a Swift type.
public struct ParameterSpec: Hashable, Sendable, Codable {
    /// What values a parameter takes.
    public indirect enum Kind: Hashable, Sendable, Codable, CustomStringConvertible {
        case text
        /// A finite number, within `range` when there is one.
        case number(in: ClosedRange<Double>?)
        case wholeNumber(in: ClosedRange<Int>)
        case boolean
        /// Text that must be one of the values.
        case choice(of: [String])
        /// A list whose every item is of the element kind.
        case list(of: Kind)

        /// What a value of this kind is, for help and errors: `a whole number in 1...10000`.
        public var description: String {
            switch self {
            case .text: "text"
            case .number(nil): "a finite number"
            case .number(let range?): "a number in [\(Format.number(range.lowerBound)), \(Format.number(range.upperBound))]"
            case .wholeNumber(let range): "a whole number in \(range.lowerBound)...\(range.upperBound)"
            case .boolean: "true or false"
            case .choice(let values): "one of " + values.joined(separator: ", ")
            case .list(let element): "a list, each item \(element)"
            }
        }

        /// Why `value` is not of this kind, or nil when it is.
        public func problem(with value: ParameterValue) -> String? {
            switch (self, value) {
            case (.text, .string), (.boolean, .bool):
                return nil
            case (.number(let range), .number(let n)) where n.isFinite && range.map({ $0.contains(n) }) ?? true:
                return nil
            case (.wholeNumber(let range), .number(let n))
                where n == n.rounded() && n >= Double(range.lowerBound) && n <= Double(range.upperBound):
                return nil
            case (.choice(let values), .string(let text)) where values.contains(text):
                return nil
            case (.choice(let values), _):
                return "unknown value '\(value)' (known: \(values.joined(separator: ", ")))"
            case (.list(let element), .list(let items)):
                for (index, item) in items.enumerated() {
                    if let problem = element.problem(with: item) { return "item \(index + 1): \(problem)" }
                }
                return nil
            default:
                return "expected \(self), found \(value)"
            }
        }
    }

    /// The key in a framework file's `params`, such as `k`.
    public var name: String
    public var kind: Kind
    /// The value used when a framework file gives none; nil when there is none.
    public var defaultValue: ParameterValue?
    /// Whether a framework file must give a value.
    public var isRequired: Bool
    /// One line for `scorecard evaluators` and the docs, without the kind and default.
    public var help: String

    public init(name: String, kind: Kind, default defaultValue: ParameterValue? = nil, required: Bool = false, help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.isRequired = required
        self.help = help
    }

    /// `k (a whole number in 1...10000; default 1): attempts per challenge`.
    public var helpLine: String {
        let presence = if let defaultValue { "default \(defaultValue)" } else if isRequired { "required" } else { "optional" }
        return "\(name) (\(kind); \(presence)): \(help)"
    }

    /// What is wrong with the declaration itself (a default of the wrong kind, a required
    /// parameter with a default, no name), or nil: for declarations read from files.
    public var declarationProblem: String? {
        if name.isEmpty { return "a parameter needs a name" }
        if let defaultValue {
            if isRequired { return "parameter '\(name)' is required and so cannot have a default" }
            if let problem = kind.problem(with: defaultValue) { return "the default of parameter '\(name)': \(problem)" }
        }
        return nil
    }
}
