import Foundation
import ScorecardCore

/// A readable listing of a framework for `frameworks show`.
///
/// Every name, id and text from the framework file goes through `t` (``terminalSafe(_:)``): a
/// framework is input, and may hold escape sequences.
struct FrameworkText {
    let framework: Framework

    private func t(_ text: String) -> String { terminalSafe(text) }

    func render() -> String {
        var out = "\(t(framework.name)), \(t(framework.version)) (schema_version \(framework.schemaVersion))\n"
        if let source = framework.source { out += "Source: \(t(source))\n" }
        out += "Levels: \(framework.scale.definitions.map { t($0.name) }.joined(separator: " < "))\n"
        out += "Stages: \(framework.stages.map { t($0.name) }.joined(separator: ", "))\n"
        out += "Aggregation: \(framework.aggregation.rawValue); uncertainty: \(framework.uncertainty.rawValue); "
        out += "early-warning margin: \(Format.number(framework.earlyWarningMargin))\n"
        for category in framework.categories {
            out += "\n\(t(category.name)) [\(t(category.id))]\(category.required ? "" : " (optional)"): combine \(category.combine), "
            out += "at least \(category.minimumIndicators) indicator\(category.minimumIndicators == 1 ? "" : "s") with evidence\n"
            for indicator in category.indicators {
                let params = indicator.parameters.isEmpty ? "" : " (\(t("\(indicator.parameters)")))"
                out += "  \(t(indicator.id)): \(t(indicator.name))\n"
                out += "    \(t(indicator.evaluator))\(params) reads \(t(indicator.evaluation)) \(indicator.metrics.map(t).joined(separator: " | "))"
                out += ", \(indicator.unit.rawValue), \(indicator.direction == .higherIsRiskier ? "higher" : "lower") is riskier"
                out += indicator.required ? ", required\n" : "\n"
                if indicator.thresholds.isEmpty {
                    out += category.isDecisive(indicator)
                        ? "    no thresholds: listed in a rule-out set, it can rule levels out but never show one reached\n"
                        : "    contextual: no thresholds\n"
                }
                let op = indicator.comparison.symbol
                for threshold in indicator.thresholds {
                    let bound = switch threshold.bound {
                    case .absolute(let value): Format.number(value)
                    case .relative(let relative): relative.formula(t(relative.reference.description))
                    }
                    out += "    \(t(threshold.level.id)) \(op) \(bound): \(t(threshold.rationale))\n"
                }
                for baseline in indicator.baselines {
                    out += "    baseline \(t(baseline.name)) = \(Format.number(baseline.value))\n"
                }
            }
        }
        for category in framework.categories {
            guard case .sets(let sets) = category.ruleOut else { continue }
            out += "\nRule-out sets of \(t(category.name)) [\(t(category.id))]\(category.gating ? "" : " (not gating)")\n"
            for set in sets {
                let entries = set.entries.map { entry in t(entry.bar.map { "\(entry.indicator) below \(Format.number($0))" } ?? entry.indicator) }
                out += "  \(t(set.level.id)): \(set.requirement) of \(entries.joined(separator: ", ")): \(t(set.rationale))\n"
            }
        }
        out += "\nGates\n"
        for gate in framework.gates {
            let scope = gate.categories.map { "\(gate.stage) of \($0.joined(separator: ", "))" } ?? gate.stage
            let rule = t(gate.kind == .ceiling ? "passes if \(scope) ≤ \(gate.level.id)" : "required if \(scope) ≥ \(gate.level.id)")
            out += "  \(t(gate.name)) [\(t(gate.id))]: \(rule)\n"
        }
        return out
    }
}

/// The JSON form of a framework for `frameworks show --format json`.
enum FrameworkJSON {
    static func encode(_ framework: Framework, sha256: String) throws -> Data {
        try FrameworkExport(framework, sha256: sha256).encoded()
    }
}
