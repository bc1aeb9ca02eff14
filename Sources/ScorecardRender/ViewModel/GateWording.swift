import ScorecardCore

/// The words for a gate's decision, the same in reports, the terminal, `regenerate`, `diff` and
/// `history`: a ceiling is "Allowed" or "Not allowed", a trigger "Not required" or "Required".
public enum GateWording {
    /// "Allowed", "Not allowed", "Not required" or "Required".
    public static func decision(_ kind: Gate.Kind, passed: Bool) -> String {
        switch kind {
        case .ceiling: passed ? "Allowed" : "Not allowed"
        case .trigger: passed ? "Not required" : "Required"
        }
    }

    /// The decision when a gate's kind is known only by its stored name (`ceiling`, `trigger`);
    /// nil passed reads "—" (the framework has no such gate).
    public static func decision(kind: Gate.Kind?, passed: Bool?) -> String {
        guard let passed else { return "—" }
        guard let kind else { return passed ? "passed" : "not passed" }
        return decision(kind, passed: passed)
    }
}
