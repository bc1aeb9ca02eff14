import ScorecardCore

/// The evaluators that ship with Scorecard, listed in one place.
///
/// To add an evaluator, write a type conforming to `Evaluator` in its own file and add it here.
public enum BuiltinEvaluators {
    public static let all: [any Evaluator.Type] = [
        AgenticEvaluator.self,
        BenchmarkVsBaselineEvaluator.self,
        CTFEvaluator.self,
        MetricEvaluator.self,
        PersuasionEvaluator.self,
    ]

    /// A registry of the built-ins.
    public static var registry: EvaluatorRegistry { EvaluatorRegistry(all) }
}
