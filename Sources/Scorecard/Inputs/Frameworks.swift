import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest

/// Framework files on their own (`scorecard frameworks lint` and `show`).
public enum Frameworks {
    /// Reads and validates the framework at `path`; evaluator names and parameters are checked
    /// against `registry`.
    public static func load(path: String, registry: EvaluatorRegistry = BuiltinEvaluators.registry) throws(InputError) -> LoadedFramework {
        try FrameworkLoader.load(path: path, registry: registry)
    }
}
