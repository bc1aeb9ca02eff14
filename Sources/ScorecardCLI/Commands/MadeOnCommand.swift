import ArgumentParser
import Foundation
import Scorecard
import ScorecardCore

/// `scorecard made-on`: each determination against the evidence it was made on.
struct MadeOnCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "made-on",
        abstract: "List each determination's made_on against its category's evidence now; --write records them.",
        discussion: """
            A determination's made_on is the hash of its category's evidence at its stage when it \
            was decided (docs/signoff.md). For each determination: its place, the hash of the \
            evidence now, and whether its made_on is current, stale (the evidence changed since: \
            check and the report flag it) or not recorded. --write records the current hash as \
            made_on in the determinations file, keeping its comments and layout, after a reviewer \
            has looked again; a determination written as a flow mapping ({model: ...}) is listed \
            for editing by hand.

            Exits 0, also when some are stale (check and the report flag them).

            Example:
              scorecard made-on --framework frameworks/openai-preparedness-beta.yaml \\
                --evidence examples/demo/evidence.jsonl \\
                --determinations examples/demo/determinations.yaml
            """)

    @OptionGroup var inputs: InputOptions

    @Flag(name: .long, help: "Record the current hashes as made_on in the determinations file.")
    var write = false

    func validate() throws {
        _ = try inputs.requireFramework()
        if inputs.determinations == nil { throw ValidationError("Give the --determinations file whose made_on to list.") }
    }

    mutating func execute() throws -> ExitStatus {
        let loaded = try inputs.load()
        let assessments = try loaded.assess(models: inputs.models)
        try inputs.review(loaded, assessments)
        let entries = loaded.madeOn(assessments)
        var out = ""
        for entry in entries {
            let d = entry.determination
            out += terminalSafe("\(d.location): \(d.model)\(d.snapshot.map { "@\($0)" } ?? "") \(d.category) \(d.stage): ")
            out += "\(entry.status == "stale" ? "STALE" : entry.status), evidence now \(entry.current)"
            if entry.status == "stale", let recorded = d.madeOn { out += " (made_on \(recorded.prefix(12)))" }
            out += "\n"
        }
        if write, let path = inputs.determinations {
            let changed = entries.filter { $0.status != "current" }
            let flow = changed.isEmpty ? [] : try loaded.stampMadeOn(changed, path: path)
            let count = changed.count - flow.count
            out += "Wrote made_on for \(count) determination\(count == 1 ? "" : "s") into \(terminalSafe(path)).\n"
            for line in flow {
                out += "  \(terminalSafe("\(path):\(line)")) is a flow mapping: add made_on by hand.\n"
            }
        }
        try Console.write(out)
        return .success
    }
}
