import ScorecardCore
import ScorecardEvaluators
import ScorecardPlugins

/// The evaluators every command offers: the built-ins, and the declarative and external
/// evaluators a framework's `evaluators:` section defines.
public enum StandardEvaluators {
    /// The built-ins, making declarative evaluators (`ScorecardEvaluators`) and external ones
    /// (`ScorecardPlugins`) from the definitions frameworks give.
    public static let registry: EvaluatorRegistry = ExternalEvaluators.supporting(BuiltinEvaluators.registry)
}
