import ScorecardCore

/// An evaluator whose recorded definition or program differs from the current one.
public struct EvaluatorChange: Hashable, Sendable, CustomStringConvertible {
    /// What changed: the definition file, the program, the kind or the version.
    public enum Part: String, Hashable, Sendable {
        case kind, version, file, program
    }

    public let evaluator: String
    public let part: Part
    /// The path (for a file or program) or value, as recorded and as now.
    public let recorded: String
    public let current: String
    /// The indicators it measures, in document order.
    public let indicators: [String]

    public var description: String {
        "evaluator '\(evaluator)' \(part.rawValue) changed: recorded \(recorded), now \(current) (indicators \(indicators.joined(separator: ", ")))"
    }

    /// The changes between the evaluators a stored document records and those of its re-derivation.
    public static func between(stored: ScorecardDocument, rederived: ScorecardDocument) -> [EvaluatorChange] {
        var found: [String: EvaluatorChange] = [:]
        var order: [String] = []
        let now = Dictionary(entries(rederived).map { ($0.id, $0) }) { first, _ in first }
        for old in entries(stored) {
            guard let new = now[old.id] else { continue }
            let pairs: [(Part, String, String)] = [
                (.kind, old.evaluatorKind ?? "builtin", new.evaluatorKind ?? "builtin"),
                (.version, String(old.evaluatorVersion), String(new.evaluatorVersion)),
                (.file, described(old.evaluatorFile, old.evaluatorFileSha256), described(new.evaluatorFile, new.evaluatorFileSha256)),
                (.program, described(old.evaluatorProgram, old.evaluatorProgramSha256), described(new.evaluatorProgram, new.evaluatorProgramSha256)),
            ]
            // A document written before evaluator kinds were recorded says nothing to compare.
            guard old.evaluatorKind != nil else { continue }
            for (part, recorded, current) in pairs where recorded != current {
                let key = "\(new.evaluator) \(part.rawValue)"
                if let known = found[key] {
                    if !known.indicators.contains(old.id) {
                        found[key] = EvaluatorChange(
                            evaluator: known.evaluator, part: part, recorded: known.recorded, current: known.current,
                            indicators: known.indicators + [old.id])
                    }
                } else {
                    found[key] = EvaluatorChange(evaluator: new.evaluator, part: part, recorded: recorded, current: current, indicators: [old.id])
                    order.append(key)
                }
            }
        }
        return order.compactMap { found[$0] }
    }

    private static func entries(_ document: ScorecardDocument) -> [ScorecardDocument.IndicatorEntry] {
        document.models.flatMap { model in
            model.categories.flatMap { category in category.stages.keys.sorted().flatMap { category.stages[$0]?.indicators ?? [] } }
        }
    }

    private static func described(_ path: String?, _ sha256: String?) -> String {
        guard let path else { return "none" }
        return "\(path) (sha256 \(String((sha256 ?? "").prefix(12))))"
    }
}
