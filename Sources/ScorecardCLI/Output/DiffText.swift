import Scorecard
import ScorecardRender

/// The text form of `diff`: a table of levels, then gates, evidence and determinations that changed.
///
/// Everything from the two scorecards (which may be JSON files from anywhere) is escaped with `t`.
enum DiffText {
    static func render(_ diff: ScorecardDiff) -> String {
        let t = terminalSafe
        let frameworks = diff.frameworks.map(t) + ["", ""]
        var out = "A: \(t(diff.a)) [\(frameworks[0])]\nB: \(t(diff.b)) [\(frameworks[1])]\n\n"
        var table = TextTable()
        table.add(["category", "stage", "A", "B", ""])
        for row in diff.levels + diff.overall {
            table.add([t(row.category), t(row.stage), t(row.a ?? "not assessed"), t(row.b ?? "not assessed"), row.changed ? "CHANGED" : ""])
        }
        out += table.render()
        out += "\nGates\n"
        for gate in diff.gates {
            out += "  \(t(gate.gate)): \(t(gate.aDecision)) → \(t(gate.bDecision))\(gate.a != gate.b ? "  CHANGED" : "")\n"
        }
        for (title, changes) in [("Evidence", diff.evidence), ("Determinations", diff.determinations)] {
            out += "\n\(title)\(changes.isEmpty ? ": no changes" : "")\n"
            for change in changes {
                out += "  \(t(change.what)): \(t(change.a ?? "—")) → \(t(change.b ?? "—"))\n"
            }
        }
        return out
    }
}
