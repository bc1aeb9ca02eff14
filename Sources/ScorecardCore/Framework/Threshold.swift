/// The value at which an indicator reaches a level, and why that value was chosen.
///
/// A threshold is a number in the indicator's units, or a number relative to another result on
/// the same evaluation ("1.2 × GPT-4o", "a human expert's score + 0.1"), resolved for each
/// subject and stage when assessing.
public struct Threshold: Hashable, Sendable {
    public enum Bound: Hashable, Sendable {
        case absolute(Double)
        case relative(RelativeBound)
    }

    public let level: Level
    public let bound: Bound
    /// One line naming the public baseline the value is derived from.
    public let rationale: String

    public init(level: Level, value: Double, rationale: String) {
        self.init(level: level, bound: .absolute(value), rationale: rationale)
    }

    public init(level: Level, bound: Bound, rationale: String) {
        self.level = level
        self.bound = bound
        self.rationale = rationale
    }

    /// The value of an absolute threshold; nil for a relative one.
    public var value: Double? {
        if case .absolute(let value) = bound { return value }
        return nil
    }

    /// The relative bound, when the threshold is relative.
    public var relative: RelativeBound? {
        if case .relative(let bound) = bound { return bound }
        return nil
    }
}

/// A threshold stated against another result on the same evaluation.
public struct RelativeBound: Hashable, Sendable {
    public enum Operation: Hashable, Sendable {
        /// Threshold = factor × reference.
        case ratio(Double)
        /// Threshold = reference + offset.
        case difference(Double)
    }

    public let reference: ReferenceSubject
    public let operation: Operation

    public init(reference: ReferenceSubject, operation: Operation) {
        self.reference = reference
        self.operation = operation
    }

    /// The rule written around a reference: `1.2 × REF`, `REF + 0.1`, `REF − 0.1`.
    public func formula(_ reference: String) -> String {
        switch operation {
        case .ratio(let factor): "\(Format.number(factor)) × \(reference)"
        case .difference(let offset) where offset < 0: "\(reference) − \(Format.number(-offset))"
        case .difference(let offset): "\(reference) + \(Format.number(offset))"
        }
    }

    /// The threshold for a reference value.
    public func apply(to reference: Double) -> Double {
        switch operation {
        case .ratio(let factor): factor * reference
        case .difference(let offset): reference + offset
        }
    }
}

/// The model (and optionally snapshot and stage) whose result a relative threshold refers to.
public struct ReferenceSubject: Hashable, Sendable, CustomStringConvertible {
    public let subject: Subject
    /// The reference's stage; nil means the stage being judged.
    public let stage: String?

    public init(subject: Subject, stage: String?) {
        self.subject = subject
        self.stage = stage
    }

    /// The stage to read the reference at when judging `stage`.
    public func stage(judging stage: String) -> String { self.stage ?? stage }

    public var description: String { subject.description + (stage.map { " at \($0)" } ?? "") }
}

/// A threshold as it applies to one subject at one stage: its value, and the reference it came from.
public struct ResolvedThreshold: Hashable, Sendable {
    public let level: Level
    public let value: Double
    /// Set for a relative threshold: the reference result and the value of it that was used.
    public let reference: ReferenceValue?

    public init(level: Level, value: Double, reference: ReferenceValue?) {
        self.level = level
        self.value = value
        self.reference = reference
    }
}

/// The reference result a relative threshold was resolved from.
public struct ReferenceValue: Hashable, Sendable {
    public let bound: RelativeBound
    /// The reference's stage that was read.
    public let stage: String
    /// The reference's measured value.
    public let measured: Double
    /// The value the threshold was computed from: the measured value, or the end of its interval
    /// that makes the threshold easier to meet under the conservative-bound policy.
    public let used: Double
    public let interval: ConfidenceInterval?

    public init(bound: RelativeBound, stage: String, measured: Double, used: Double, interval: ConfidenceInterval?) {
        self.bound = bound
        self.stage = stage
        self.measured = measured
        self.used = used
        self.interval = interval
    }
}

/// Identifies a reference measurement: an indicator measured on a reference subject at a stage.
public struct ReferenceKey: Hashable, Sendable {
    public let indicator: String
    public let subject: Subject
    public let stage: String

    public init(indicator: String, subject: Subject, stage: String) {
        self.indicator = indicator
        self.subject = subject
        self.stage = stage
    }
}

/// Reference measurements for relative thresholds, measured by the same evaluators.
public typealias ReferenceMeasurements = [ReferenceKey: Measurement]
