import ScorecardCore

/// Number and text formatting for reports: deterministic, locale-free.
enum Formatting {
    static let none = "–"

    /// A value in its unit: rates as percentages ("40.9%"), ratios with "×", counts whole.
    static func value(_ value: Double, unit: ValueUnit, extraPlaces: Int = 0) -> String {
        switch unit {
        case .rate: Format.short(value * 100, places: 1 + extraPlaces) + "%"
        case .ratio: Format.short(value, places: 2 + extraPlaces) + "×"
        case .count: Format.short(value, places: extraPlaces)
        case .score: Format.short(value, places: 3 + extraPlaces)
        }
    }

    /// `value` as ``value(_:unit:extraPlaces:)`` writes it, with as many more decimals as it takes
    /// not to read as one of `others` that it differs from: 49.996% beside a 50% bar is not "50%".
    static func value(_ value: Double, unit: ValueUnit, apartFrom others: [Double]) -> String {
        var extra = 0
        while extra < 8, others.contains(where: { $0 != value && self.value($0, unit: unit, extraPlaces: extra) == self.value(value, unit: unit, extraPlaces: extra) }) {
            extra += 1
        }
        return self.value(value, unit: unit, extraPlaces: extra)
    }

    /// "47.9%–78.5%", with the level in parentheses when it is not 95%.
    static func interval(_ interval: ConfidenceInterval?, unit: ValueUnit) -> String {
        guard let interval else { return none }
        var text = value(interval.low, unit: unit) + "–" + value(interval.high, unit: unit)
        if abs(interval.level - 0.95) > 1e-9 { text += " (\(Format.short(interval.level * 100, places: 1))%)" }
        return text
    }

    /// "Medium ≥ 50%", or for a relative threshold "Medium ≥ 1.2 × GPT-4o".
    static func threshold(_ threshold: Threshold, of indicator: Indicator, scale: LevelScale) -> String {
        switch threshold.bound {
        case .absolute(let value):
            self.threshold(level: threshold.level, value: value, of: indicator, scale: scale)
        case .relative(let bound):
            "\(scale.name(of: threshold.level)) \(indicator.comparison.symbol) \(relative(bound, unit: indicator.unit))"
        }
    }

    /// "Medium ≥ 54%", and for a relative threshold "Medium ≥ 54% (1.2 × GPT-4o at 45%)".
    static func threshold(_ threshold: ResolvedThreshold, of indicator: Indicator, scale: LevelScale) -> String {
        var text = self.threshold(level: threshold.level, value: threshold.value, of: indicator, scale: scale)
        if let reference = threshold.reference {
            text += " (\(reference.bound.formula("\(reference.bound.reference.subject) at \(value(reference.used, unit: indicator.unit))")))"
        }
        return text
    }

    /// "1.2 × GPT-4o", "GPT-4o + 10 points".
    static func relative(_ bound: RelativeBound, unit: ValueUnit) -> String {
        var name = bound.reference.subject.description
        if let stage = bound.reference.stage { name += " (\(stage))" }
        switch bound.operation {
        case .ratio: return bound.formula(name)
        case .difference(let offset):
            let amount = unit == .rate ? "\(Format.short(abs(offset) * 100, places: 1)) points" : Format.short(abs(offset), places: 3)
            return "\(name) \(offset < 0 ? "−" : "+") \(amount)"
        }
    }

    /// "Medium ≥ 50%", from a level and the threshold's value.
    static func threshold(level: Level, value threshold: Double, of indicator: Indicator, scale: LevelScale) -> String {
        "\(scale.name(of: level)) \(indicator.comparison.symbol) \(value(threshold, unit: indicator.unit))"
    }

    /// An early-warning margin in the indicator's terms: "10 points" for rates.
    static func margin(_ margin: Double, unit: ValueUnit) -> String {
        switch unit {
        case .rate: "\(Format.short(margin * 100, places: 1)) percentage points"
        default: Format.short(margin, places: 3)
        }
    }

    /// "3 of 12" style counts; `–` when unknown.
    static func count(_ value: Int?) -> String { value.map(String.init) ?? none }

    /// A link when `source` is an http(s) URL that needs no escaping inside a link target.
    ///
    /// Anything else (a file path, free text, a `javascript:` URL) returns nil and is shown as text.
    static func link(_ source: String?) -> LinkView? {
        guard let source else { return nil }
        let lower = source.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#@!$&*+,;=%")
        guard source.count <= 2000, source.allSatisfy({ allowed.contains($0) }) else { return nil }
        // `https://openai.com@evil.example` reads as one site and opens another; and Markdown shows
        // such an `@` as `[@]`, which a destination cannot hold.
        guard !Escaping.holdsEmailAt(source) else { return nil }
        let schemeEnd = source.range(of: "://")!.upperBound
        guard !source[schemeEnd...].prefix(while: { !"/?#".contains($0) }).contains("@") else { return nil }
        var text = String(source[schemeEnd...])
        if text.hasSuffix("/") { text.removeLast() }
        guard !text.isEmpty else { return nil }
        return LinkView(href: source, text: text)
    }

    /// A fragment identifier or file-name part from arbitrary text: lowercase ASCII letters,
    /// digits and single hyphens.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// The fragment identifier GitHub gives a Markdown heading: lowercase, punctuation dropped,
    /// spaces as hyphens.
    static func markdownAnchor(_ heading: String) -> String {
        var out = ""
        for character in heading.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            } else if character == " " {
                out.append("-")
            }
        }
        return out
    }

    /// A list in prose: "A", "A and B", "A, B and C".
    static func prose(_ items: [String], or: Bool = false) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items[items.count - 1]
        }
    }
}
