import Foundation
import ScorecardCore

/// A readable listing of a framework for `frameworks show`.
struct FrameworkText {
    let framework: Framework

    func render() -> String {
        var out = "\(framework.name), \(framework.version) (schema_version \(framework.schemaVersion))\n"
        if let source = framework.source { out += "Source: \(source)\n" }
        out += "Levels: \(framework.scale.definitions.map(\.name).joined(separator: " < "))\n"
        out += "Stages: \(framework.stages.map(\.name).joined(separator: ", "))\n"
        out += "Aggregation: \(framework.aggregation.rawValue); uncertainty: \(framework.uncertainty.rawValue); "
        out += "early-warning margin: \(Format.number(framework.earlyWarningMargin))\n"
        for category in framework.categories {
            out += "\n\(category.name) [\(category.id)]\(category.required ? "" : " (optional)"): combine \(category.combine), "
            out += "at least \(category.minimumIndicators) indicator\(category.minimumIndicators == 1 ? "" : "s") with evidence\n"
            for indicator in category.indicators {
                let params = indicator.parameters.isEmpty ? "" : " (\(indicator.parameters))"
                out += "  \(indicator.id): \(indicator.name)\n"
                out += "    \(indicator.evaluator)\(params) reads \(indicator.evaluation) \(indicator.metrics.joined(separator: " | "))"
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
                    case .relative(let relative): relative.formula(relative.reference.description)
                    }
                    out += "    \(threshold.level.id) \(op) \(bound): \(threshold.rationale)\n"
                }
                for baseline in indicator.baselines {
                    out += "    baseline \(baseline.name) = \(Format.number(baseline.value))\n"
                }
            }
        }
        for category in framework.categories {
            guard case .sets(let sets) = category.ruleOut else { continue }
            out += "\nRule-out sets of \(category.name) [\(category.id)]\(category.gating ? "" : " (not gating)")\n"
            for set in sets {
                let entries = set.entries.map { entry in entry.bar.map { "\(entry.indicator) below \(Format.number($0))" } ?? entry.indicator }
                out += "  \(set.level.id): \(set.requirement) of \(entries.joined(separator: ", ")): \(set.rationale)\n"
            }
        }
        out += "\nGates\n"
        for gate in framework.gates {
            let rule = gate.kind == .ceiling ? "passes if \(gate.stage) ≤ \(gate.level.id)" : "required if \(gate.stage) ≥ \(gate.level.id)"
            out += "  \(gate.name) [\(gate.id)]: \(rule)\n"
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
