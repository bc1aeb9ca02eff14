import ScorecardCore

/// A duration in seconds as messages show it: `0.2 s`, `5 s`, `1.25 s` (at most three decimals).
public enum Seconds {
    /// `seconds` with its unit.
    public static func text(_ seconds: Double) -> String { "\(Format.short(seconds)) s" }
}
