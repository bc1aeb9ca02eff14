import Scorecard
import ScorecardRender

/// The text form of a regenerate summary: one line per model that moved.
///
/// Names from the inputs (models, categories, stages, levels, gates, paths) are escaped with `t`.
enum RunSummaryText {
    static func render(_ summary: RunSummary) -> String {
        let t = terminalSafe
        let evidence = summary.evidence
        var out = "Evidence: \(evidence.files) file\(evidence.files == 1 ? "" : "s") "
        out += "(\(evidence.new) new, \(evidence.changed) changed, \(evidence.unchanged) unchanged)\n"
        if summary.nothingChanged {
            out += "Nothing changed: \(summary.models.count) scorecard\(summary.models.count == 1 ? "" : "s") and "
            out += "\(summary.reportsUnchanged) report\(summary.reportsUnchanged == 1 ? "" : "s") are up to date.\n"
            guard let run = summary.repeatsAlertOf else { return out }
            out += "Run \(run) completed but its summary was never delivered; since the last delivered run:\n"
            out += models(summary)
            return out
        }
        if let run = summary.repeatsAlertOf {
            out += "Run \(run) completed but its summary was never delivered; changes are since the last delivered run.\n"
        }
        out += models(summary)
        out += "Reports: \(summary.reportsWritten.count) written, \(summary.reportsUnchanged) unchanged\n"
        for path in summary.reportsWritten { out += "  \(t(path))\n" }
        return out
    }

    /// One line per model that is new or unchanged, and the changes of the others.
    private static func models(_ summary: RunSummary) -> String {
        let t = terminalSafe
        var out = ""
        for model in summary.models {
            let name = t(model.snapshot.map { "\(model.model) (\($0))" } ?? model.model)
            switch model.status {
            case "new": out += "\(name): first scorecard\n"
            case "unchanged": out += "\(name): no level, gate, warning or review flag changed\n"
            default:
                out += "\(name):\n"
                for change in model.levels {
                    out += "  level  \(t(change.category)) \(t(change.stage)): \(t(change.from ?? "not assessed")) → \(t(change.to ?? "not assessed"))\n"
                }
                for change in model.gates {
                    let from = GateWording.decision(kind: change.kind, passed: change.from)
                    let to = GateWording.decision(kind: change.kind, passed: change.to)
                    out += "  gate   \(t(change.gate)): \(from) → \(change.to ? to : to.uppercased())\n"
                }
                for warning in model.newWarnings {
                    out += "  early warning  \(t(warning.category)) \(t(warning.stage)): approaching \(t(warning.approaching))\n"
                }
                for change in model.indicatedUnderDetermination {
                    out += "  REVIEW  \(t(change.category)) \(t(change.stage)): the evidence beneath the determination now indicates "
                    out += "\(t(change.to ?? "nothing (not assessed)")) (was \(t(change.from ?? "not assessed")))\n"
                }
                for flag in model.newFlags {
                    out += "  REVIEW  \(t(flag.category)) \(t(flag.stage)): \(t(flag.kind.rawValue)): \(t(flag.message))\n"
                }
            }
        }
        for stale in summary.signoffsMadeStale {
            let name = t(stale.snapshot.map { "\(stale.model) (\($0))" } ?? stale.model)
            out += "\(name): SIGN-OFF STALE: \(t(stale.reviewer)) (\(SignoffWording.decision(stale.decision).lowercased()), \(t(stale.signedAt))) "
            out += "signed document \(stale.signedDocument.prefix(12)); the current scorecard is \(stale.currentDocument.prefix(12))\n"
        }
        return out
    }
}
