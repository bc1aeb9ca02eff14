import ScorecardCore
import ScorecardJSON

/// The scale of an EEE score, from `metric_config`: a proportion on [0, 1] or [0, 100], levels,
/// or a native scale that is kept as it is.
///
/// EEE declares the scale only through `min_score`/`max_score` (numbers, `"Infinity"`,
/// `"-Infinity"` or null) and the free-text `metric_unit`. Bounds [0, 1] are a fraction; bounds
/// [0, 100] with no unit or a percent unit are a percentage, divided by 100 on import. Without
/// bounds (0.1/0.2 records), `metric_unit` `percent`/`percentage`/`proportion` decides. Anything else
/// (Elo, perplexity, seconds, a 1–10 rating) keeps its own scale.
struct EEEScale {
    enum Kind: Equatable {
        case fraction, percent, native, levels
    }

    enum Bound: Equatable {
        case value(Double), infinity, negativeInfinity, absent

        var number: Double? {
            if case .value(let number) = self { number } else { nil }
        }

        var text: String {
            switch self {
            case .value(let number): Format.number(number)
            case .infinity: "Infinity"
            case .negativeInfinity: "-Infinity"
            case .absent: "?"
            }
        }
    }

    static let percentUnits: Set<String> = ["percent", "percentage", "%"]

    let kind: Kind
    let min: Bound
    let max: Bound
    let notes: [String]

    /// What a score is divided by to become a fraction.
    var divisor: Double { kind == .percent ? 100 : 1 }
    var isProportion: Bool { kind == .fraction || kind == .percent }

    init(config: JSONObject, source: JSONSource, _ log: inout DiagnosticLog) {
        min = Self.bound("min_score", config, source, &log)
        max = Self.bound("max_score", config, source, &log)
        let unit = config["metric_unit"]?.stringValue?.lowercased()
        var notes: [String] = []
        if config["score_type"]?.stringValue == "levels" {
            let names = Self.strings(config["level_names"])
            kind = .levels
            notes.append("levels metric" + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))") + ": not a rate")
        } else {
            switch (min, max) {
            case (.value(0), .value(1)):
                kind = .fraction
                if let unit, Self.percentUnits.contains(unit) { notes.append("metric_unit says \(unit) but the bounds are [0, 1]: read as a fraction") }
            case (.value(0), .value(100)) where unit == nil || Self.percentUnits.contains(unit ?? ""):
                kind = .percent
            case (.absent, .absent) where unit.map(Self.percentUnits.contains) == true:
                kind = .percent
                notes.append("no min_score/max_score: scale taken from metric_unit")
            case (.absent, .absent) where unit == "proportion":
                kind = .fraction
                notes.append("no min_score/max_score: scale taken from metric_unit")
            case (.absent, .absent):
                kind = .native
                notes.append("no scale given (min_score/max_score)")
            default:
                kind = .native
            }
        }
        if kind == .percent { notes.append("percent scale divided by 100") }
        if kind == .native { notes.append("not a proportion: kept on its own scale [\(min.text), \(max.text)]") }
        self.notes = notes
    }

    /// Whether a raw score lies within the declared bounds.
    func contains(_ score: Double) -> Bool {
        if let low = min.number, score < low { return false }
        if let high = max.number, score > high { return false }
        if min == .infinity || max == .negativeInfinity { return false }
        return true
    }

    private static func bound(_ name: String, _ config: JSONObject, _ source: JSONSource, _ log: inout DiagnosticLog) -> Bound {
        switch config[name] {
        case nil, .null?: return .absent
        case .number(let value, _)? where value.isFinite: return .value(value)
        case .number(let value, _)? where value.isInfinite: return value > 0 ? .infinity : .negativeInfinity
        case .string("Infinity")?: return .infinity
        case .string("-Infinity")?: return .negativeInfinity
        case let other?:
            log.add("\(name) must be a number, \"Infinity\", \"-Infinity\" or null, found \(other.shortDescription)",
                    line: source.line(of: name, in: config))
            return .absent
        }
    }

    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap(\.stringValue)
    }
}
