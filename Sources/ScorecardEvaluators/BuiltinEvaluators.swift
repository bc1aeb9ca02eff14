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

    /// A registry of the built-ins that also makes the declarative evaluators frameworks define.
    ///
    /// Their names are distinct, which a test checks: a duplicate in this list is a mistake in
    /// the source, stopped here with the registry's error naming both types. External
    /// evaluators need a registry that can run programs (`ScorecardPlugins`).
    public static let registry: EvaluatorRegistry = {
        do {
            return try EvaluatorRegistry(all).supporting(.declarative, with: DeclarativeEvaluator.builder)
        } catch {
            preconditionFailure("\(error)")
        }
    }()
}
