import ScorecardCore
import ScorecardIngest

/// The evaluation ids an import produced, to report names that match nothing: a `--map` entry
/// no imported task has, and evaluations no indicator of the framework reads.
struct ImportedNames {
    /// Evaluation id → the first file that gave it, in input order.
    private(set) var evaluations: [String: String] = [:]
    private var order: [String] = []

    mutating func add(_ processed: ImportPipeline.Processed) {
        for evaluation in processed.recordEvaluations + processed.slices.map(\.evaluation).sorted()
        where evaluations[evaluation] == nil {
            evaluations[evaluation] = processed.path
            order.append(evaluation)
        }
    }

    /// Warnings about `map` entries that matched nothing and evaluations `framework` does not read.
    func review(map: [String: String], framework: Framework?) -> [InputWarning] {
        var warnings: [InputWarning] = []
        for (task, id) in map.sorted(by: { $0.key < $1.key })
        where evaluations[id] == nil && !evaluations.keys.contains(where: { $0.hasPrefix(id + "/") }) {
            let name = EvaluationMapping.filter(task)?.task ?? task
            warnings.append(InputWarning(
                .unmatchedMapping,
                message: "--map \(task)=\(id) matches no imported task\(NearestName.hint(name, in: evaluations.keys)) (imported: \(order.joined(separator: ", ")))"))
        }
        guard let framework else { return warnings }
        let read = Set(framework.categories.flatMap(\.indicators).map(\.evaluation))
        for evaluation in order where !read.contains(evaluation) {
            let hint = NearestName.closest(to: evaluation, in: read).map { "; did you mean '\($0)'? (--map \(evaluation)=\($0))" }
                ?? "; map it to one with --map \(evaluation)=EVAL_ID"
            warnings.append(InputWarning(
                .unusedTask, file: evaluations[evaluation],
                message: "evaluation '\(evaluation)' is read by no indicator of \(framework.id)\(hint)"))
        }
        return warnings
    }
}
