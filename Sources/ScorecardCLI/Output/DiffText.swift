import Scorecard
import ScorecardRender

/// The text form of `diff`: a table of levels, then gates, evidence and determinations that changed.
enum DiffText {
    static func render(_ diff: ScorecardDiff) -> String {
        var out = "A: \(terminalSafe(diff.a)) [\(diff.frameworks[0])]\nB: \(terminalSafe(diff.b)) [\(diff.frameworks[1])]\n\n"
        var table = TextTable()
        table.add(["category", "stage", "A", "B", ""])
        for row in diff.levels + diff.overall {
            table.add([row.category, row.stage, row.a ?? "not assessed", row.b ?? "not assessed", row.changed ? "CHANGED" : ""])
        }
        out += table.render()
        out += "\nGates\n"
        for gate in diff.gates {
            out += "  \(gate.gate): \(gate.aDecision) → \(gate.bDecision)\(gate.a != gate.b ? "  CHANGED" : "")\n"
        }
        for (title, changes) in [("Evidence", diff.evidence), ("Determinations", diff.determinations)] {
            out += "\n\(title)\(changes.isEmpty ? ": no changes" : "")\n"
            for change in changes {
                out += "  \(terminalSafe(change.what)): \(terminalSafe(change.a ?? "—")) → \(terminalSafe(change.b ?? "—"))\n"
            }
        }
        return out
    }
}
