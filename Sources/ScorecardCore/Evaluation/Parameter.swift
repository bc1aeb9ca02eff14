/// A Swift evaluator's handle on one of its parameters: the declaration and how to read it typed.
///
/// Declare each parameter once, as a static constant, list the handles' ``spec``s in the
/// evaluator's `parameters`, and read the values in `init` with `try values[Self.k]`:
///
/// ```swift
/// static let k = Parameter.wholeNumber("k", in: 1...10_000, default: 1, help: "attempts per challenge")
/// static let tier = Parameter.text("tier", help: "keep challenges whose metadata tier equals this")
/// static let parameters = [k.spec, tier.spec]
/// ```
///
/// A parameter with a default reads as its type (`Int`), one without as an optional (`String?`),
/// unless it is made ``required()``.
public struct Parameter<Value: Sendable>: Sendable {
    /// The declaration: what `scorecard evaluators` shows and framework files are checked against.
    public let spec: ParameterSpec
    /// The typed value of a checked value (nil when absent, or not of the declared kind).
    let read: @Sendable (ParameterValue?) -> Value?

    init(_ spec: ParameterSpec, read: @escaping @Sendable (ParameterValue?) -> Value?) {
        self.spec = spec
        self.read = read
    }

    /// A parameter that is absent unless given, read as nil then.
    static func optional<Wrapped>(
        _ name: String, _ kind: ParameterSpec.Kind, help: String, _ convert: @escaping @Sendable (ParameterValue) -> Wrapped?
    ) -> Parameter<Wrapped?> where Value == Wrapped? {
        Parameter<Wrapped?>(ParameterSpec(name: name, kind: kind, help: help)) { value in
            guard let value else { return .some(nil) }
            return convert(value).map { .some($0) }
        }
    }

    /// A parameter that takes `fallback` when not given.
    static func defaulted(
        _ name: String, _ kind: ParameterSpec.Kind, default fallback: ParameterValue, help: String,
        _ convert: @escaping @Sendable (ParameterValue) -> Value?
    ) -> Parameter<Value> {
        Parameter(ParameterSpec(name: name, kind: kind, default: fallback, help: help)) { $0.flatMap(convert) }
    }

    /// The same parameter, which a framework file must give.
    public func required<Wrapped>() -> Parameter<Wrapped> where Value == Wrapped? {
        var spec = spec
        spec.isRequired = true
        let read = read
        return Parameter<Wrapped>(spec) { value in value.flatMap { read($0) ?? nil } }
    }
}

extension Parameter where Value == String? {
    /// Text, absent unless given.
    public static func text(_ name: String, help: String) -> Self {
        optional(name, .text, help: help) { if case .string(let text) = $0 { text } else { nil } }
    }

    /// Text that must be one of `values`, absent unless given.
    public static func choice(_ name: String, of values: [String], help: String) -> Self {
        optional(name, .choice(of: values), help: help) { if case .string(let text) = $0, values.contains(text) { text } else { nil } }
    }
}

extension Parameter where Value == String {
    /// Text, `fallback` unless given.
    public static func text(_ name: String, default fallback: String, help: String) -> Self {
        defaulted(name, .text, default: .string(fallback), help: help) { if case .string(let text) = $0 { text } else { nil } }
    }
}

extension Parameter where Value == Double? {
    /// A finite number (within `range`, when given), absent unless given.
    public static func number(_ name: String, in range: ClosedRange<Double>? = nil, help: String) -> Self {
        optional(name, .number(in: range), help: help) { if case .number(let n) = $0 { n } else { nil } }
    }
}

extension Parameter where Value == Double {
    /// A finite number (within `range`, when given), `fallback` unless given.
    public static func number(_ name: String, in range: ClosedRange<Double>? = nil, default fallback: Double, help: String) -> Self {
        defaulted(name, .number(in: range), default: .number(fallback), help: help) { if case .number(let n) = $0 { n } else { nil } }
    }
}

extension Parameter where Value == Int? {
    /// A whole number within `range`, absent unless given.
    public static func wholeNumber(_ name: String, in range: ClosedRange<Int>, help: String) -> Self {
        optional(name, .wholeNumber(in: range), help: help) { if case .number(let n) = $0 { Int(exactly: n) } else { nil } }
    }
}

extension Parameter where Value == Int {
    /// A whole number within `range`, `fallback` unless given.
    public static func wholeNumber(_ name: String, in range: ClosedRange<Int>, default fallback: Int, help: String) -> Self {
        defaulted(name, .wholeNumber(in: range), default: .number(Double(fallback)), help: help) {
            if case .number(let n) = $0 { Int(exactly: n) } else { nil }
        }
    }
}

extension Parameter where Value == Bool {
    /// `true` or `false`, `fallback` unless given.
    public static func boolean(_ name: String, default fallback: Bool, help: String) -> Self {
        defaulted(name, .boolean, default: .bool(fallback), help: help) { if case .bool(let flag) = $0 { flag } else { nil } }
    }
}

extension Parameter where Value == [String] {
    /// A list of texts, `fallback` unless given.
    public static func textList(_ name: String, default fallback: [String] = [], help: String) -> Self {
        defaulted(name, .list(of: .text), default: .list(fallback.map(ParameterValue.string)), help: help) { value in
            guard case .list(let items) = value else { return nil }
            let texts = items.compactMap { item in if case .string(let text) = item { text } else { nil } }
            return texts.count == items.count ? texts : nil
        }
    }
}

extension Parameter where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the cases of `Value`, named by its raw value, `fallback` unless given.
    public static func choice(_ name: String, default fallback: Value, help: String) -> Self {
        defaulted(name, .choice(of: Value.allCases.map(\.rawValue)), default: .string(fallback.rawValue), help: help) {
            if case .string(let text) = $0 { Value(rawValue: text) } else { nil }
        }
    }
}
