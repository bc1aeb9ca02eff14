import ArgumentParser
import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest
import ScorecardStore

/// `scorecard check`: re-derive stored scorecards from their stored inputs and list what a
/// reviewer must look at.
struct CheckCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-derive stored scorecards from their stored inputs and list review flags.",
        discussion: """
            For each current scorecard (or every stored one with --all), loads the framework, \
            determinations and evidence it was made from out of the store, assesses again, and \
            compares the result with the stored document byte for byte. Then lists the flags a \
            reviewer must look at: determinations that lower the indicated level, levels decided \
            without evidence, intervals straddling thresholds, early warnings.

            Exits 0 when every scorecard re-derives unchanged, 7 when one does not.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Flag(name: .long, help: "Check every stored scorecard, not only the current ones.")
    var all = false

    mutating func execute() throws -> ExitStatus {
        let store = try storeOptions.open()
        let scorecards = try all ? store.models().flatMap { try store.scorecards(model: $0) } : store.currentScorecards()
        guard !scorecards.isEmpty else { throw CommandError("no stored scorecards to check", status: .invalidInput) }
        var failed = false
        var out = ""
        for stored in scorecards {
            let label = "#\(stored.id) \(terminalSafe(stored.subject.description))"
            do {
                let verdict = try Rederivation(store: store, stored: stored).run()
                out += "\(label): \(verdict.matches ? "re-derived unchanged" : "DIFFERS: \(verdict.difference)")\n"
                failed = failed || !verdict.matches
                for flag in verdict.flags {
                    out += "  - \(flag.category) \(flag.stage), \(flag.kind.rawValue.replacingOccurrences(of: "_", with: " ")): \(terminalSafe(flag.message))\n"
                }
            } catch {
                failed = true
                out += "\(label): CANNOT RE-DERIVE: \(error)\n"
            }
        }
        Console.write(out)
        return failed ? .checkFailed : .success
    }
}

/// Re-assessing one stored scorecard from the inputs the store holds for it.
struct Rederivation {
    let store: ScorecardStore
    let stored: StoredScorecard

    struct Verdict {
        let matches: Bool
        let difference: String
        let flags: [ScorecardDocument.FlagEntry]
    }

    func run() throws -> Verdict {
        let document = try stored.decoded()
        guard let frameworkText = try store.framework(sha256: stored.frameworkSHA256) else {
            throw CommandError("the framework \(stored.frameworkSHA256.prefix(12)) is not in the store")
        }
        let registry = BuiltinEvaluators.registry
        let framework = try FrameworkLoader.parse(frameworkText.text, file: frameworkText.path, registry: registry)
        var determinations: [Determination] = []
        var evidencePaths: [String: String] = [:]
        for (path, sha256) in document.inputs where sha256 != stored.frameworkSHA256 {
            if let text = try store.determinations(sha256: sha256) {
                determinations += try DeterminationLoader.parse(text.text, file: text.path, framework: framework).determinations
            } else if try store.hasEvidence(sha256: sha256) {
                evidencePaths[sha256] = path
            } else {
                throw CommandError("input \(path) (\(sha256.prefix(12))) is not in the store")
            }
        }
        let evidence = try store.loadEvidence(paths: evidencePaths)
        let assessments = try Assessor(framework: framework, registry: registry).assess(
            evidence: EvidenceSet(records: evidence.records, samples: evidence.samples), determinations: determinations,
            models: [stored.subject.model])
        guard let assessment = assessments.first(where: { $0.subject == stored.subject }) else {
            return Verdict(matches: false, difference: "the stored inputs no longer produce a scorecard for this model", flags: [])
        }
        let rederived = ScorecardDocument(
            framework: framework, assessments: [assessment], inputs: document.inputs, registry: registry,
            tool: .init(name: "scorecard", version: ScorecardCommand.version))
        let data = try rederived.encoded()
        let flags = document.models.first?.flags ?? []
        if data == stored.document { return Verdict(matches: true, difference: "", flags: flags) }
        let line = TextDifference.firstLine(String(decoding: stored.document, as: UTF8.self), String(decoding: data, as: UTF8.self))
        var difference = "first difference at line \(line.number): stored \(line.old.trimmingCharacters(in: .whitespaces)), re-derived \(line.new.trimmingCharacters(in: .whitespaces))"
        if document.tool.version != ScorecardCommand.version {
            difference += " (stored by scorecard \(document.tool.version), re-derived by \(ScorecardCommand.version))"
        }
        return Verdict(matches: false, difference: difference, flags: flags)
    }
}

/// Locating the first differing line of two texts.
enum TextDifference {
    static func firstLine(_ a: String, _ b: String) -> (number: Int, old: String, new: String) {
        let left = a.components(separatedBy: "\n"), right = b.components(separatedBy: "\n")
        for i in 0..<max(left.count, right.count) {
            let l = i < left.count ? left[i] : "<end>", r = i < right.count ? right[i] : "<end>"
            if l != r { return (i + 1, l, r) }
        }
        return (0, "", "")
    }
}
