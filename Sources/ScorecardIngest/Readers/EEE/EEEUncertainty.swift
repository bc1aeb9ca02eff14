import ScorecardCore
import ScorecardJSON

/// `score_details.uncertainty` of an EEE result, on the score's own scale, checked for types.
struct EEEUncertainty {
    struct Interval {
        let lower: Double
        let upper: Double
        let level: Double?
        let method: String?
    }

    var numSamples: Int?
    var interval: Interval?
    var standardError: Double?
    var standardErrorMethod: String?

    init(_ details: JSONObject, source: JSONSource, _ log: inout DiagnosticLog) {
        guard let value = details["uncertainty"], value != .null else { return }
        guard let object = value.objectValue else {
            log.add("uncertainty must be an object, found \(value.kindName)", line: source.line(of: "uncertainty", in: details))
            return
        }
        if let count = object["num_samples"], count != .null {
            if let n = count.integerValue, n >= 0 {
                numSamples = n > 0 ? n : nil
            } else {
                log.add("num_samples \(count.wholeNumberProblem)", line: source.line(of: "num_samples", in: object))
            }
        }
        if let ci = object["confidence_interval"], ci != .null {
            interval = Self.interval(ci, in: object, source, &log)
        }
        if let se = object["standard_error"], se != .null {
            let line = source.line(of: "standard_error", in: object)
            guard let entry = se.objectValue else {
                log.add("standard_error must be an object {\"value\": number}, found \(se.kindName)", line: line)
                return
            }
            if case .number(let number, let text)? = entry["value"] {
                if number.isFinite, number >= 0 {
                    standardError = number
                } else {
                    log.add("standard_error.value is \(text), not a finite non-negative number", line: source.line(of: "value", in: entry))
                }
            } else {
                log.add("standard_error needs a numeric 'value', found \(entry["value"]?.shortDescription ?? "none")", line: line)
            }
            standardErrorMethod = entry["method"]?.stringValue
        }
    }

    private static func interval(_ value: JSONValue, in parent: JSONObject, _ source: JSONSource, _ log: inout DiagnosticLog) -> Interval? {
        guard let ci = value.objectValue else {
            log.add("confidence_interval must be an object, found \(value.kindName)", line: source.line(of: "confidence_interval", in: parent))
            return nil
        }
        var bounds: [Double] = []
        for name in ["lower", "upper"] {
            switch ci[name] {
            case .number(let number, _)? where number.isFinite: bounds.append(number)
            case let other?:
                log.add("confidence_interval.\(name) is \(other.shortDescription), not a finite number", line: source.line(of: name, in: ci))
            case nil:
                log.add("confidence_interval needs '\(name)'", line: source.line(ci.offset))
            }
        }
        var level: Double?
        if let given = ci["confidence_level"], given != .null {
            if case .number(let number, _) = given, number > 0, number < 1 {
                level = number
            } else {
                log.add("confidence_level must be a fraction in (0, 1) such as 0.95, found \(given.shortDescription)",
                        line: source.line(of: "confidence_level", in: ci))
            }
        }
        guard bounds.count == 2 else { return nil }
        if bounds[0] > bounds[1] {
            log.add("confidence_interval.lower \(Format.number(bounds[0])) is above upper \(Format.number(bounds[1]))",
                    line: source.line(of: "lower", in: ci))
            return nil
        }
        return Interval(lower: bounds[0], upper: bounds[1], level: level, method: ci["method"]?.stringValue)
    }
}
