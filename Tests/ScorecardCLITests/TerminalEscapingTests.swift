import Foundation
import ScorecardTesting
import Testing

/// Names and texts from framework files, evidence and the store reach the terminal escaped in
/// every command: an escape sequence in a framework's names cannot clear the screen, retitle the
/// window or colour what follows (`\u{1b}[2J` is shown, not obeyed).
@Suite struct TerminalEscapingTests {
    static let sequence = "\\e[2J\\e]0;pwned\\a\\e[31m"

    /// The card fixture's framework with an escape sequence after every name and the version.
    static func hostileFramework(_ original: String) -> String {
        original.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let range = line.range(of: #"^(\s*)(name|version): ([^{"].*)$"#, options: .regularExpression) else { return String(line) }
            let text = String(line[range])
            let colon = text.firstIndex(of: ":")!
            let value = text[text.index(colon, offsetBy: 2)...].replacingOccurrences(of: "\"", with: "")
            return "\(text[...colon]) \"\(value) \(sequence)\""
        }.joined(separator: "\n")
    }

    /// A card whose framework is hostile, with one more evidence record whose evaluation id is.
    static func card() throws -> CardFixture {
        let card = try CardFixture(models: 1, formats: ["md"])
        let framework = card.directory.appendingPathComponent("framework.yaml")
        try hostileFramework(try String(contentsOf: framework, encoding: .utf8)).write(to: framework, atomically: true, encoding: .utf8)
        let extra = #"{"model": "model-0", "stage": "pre_mitigation", "eval": "ctf\u001b[2J\u001b]0;pwned\u0007", "metric": "pass@10", "value": 0.1}"#
        try extra.appending("\n").write(to: card.directory.appendingPathComponent("evidence/extra.jsonl"), atomically: true, encoding: .utf8)
        return card
    }

    static func expectNoLiveSequences(_ result: CLI.Result, _ command: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
            #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(command): a live escape on \(stream): \(text.prefix(300))", sourceLocation: sourceLocation)
        }
    }

    @Test func frameworksLintAndShowEscapeTheFrameworksNames() throws {
        let card = try Self.card()
        defer { card.remove() }
        let framework = card.directory.appendingPathComponent("framework.yaml").path
        let lint = try CLI.run(["frameworks", "lint", framework])
        #expect(lint.status == 0, "\(lint.stderr)")
        Self.expectNoLiveSequences(lint, "lint")
        #expect(lint.stdout.contains(#"OpenAI Preparedness Framework \u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}[31m"#), "\(lint.stdout)")
        let show = try CLI.run(["frameworks", "show", framework])
        #expect(show.status == 0)
        Self.expectNoLiveSequences(show, "show")
        #expect(show.stdout.contains(#"Cybersecurity \u{1b}[2J"#))
        // A framework that does not load: the message quotes the bad value, escaped.
        let broken = card.directory.appendingPathComponent("broken.yaml")
        try "schema_version: 1\nid: x\n\"bad\\e[2Jkey\": 1\n".write(to: broken, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["frameworks", "lint", broken.path])
        #expect(refused.status == 2)
        Self.expectNoLiveSequences(refused, "lint of a broken file")
        #expect(refused.stderr.contains(#"bad\u{1b}[2Jkey"#), "\(refused.stderr)")
    }

    @Test func assessAndExplainEscapeFrameworkAndEvidenceNames() throws {
        let card = try Self.card()
        defer { card.remove() }
        let framework = card.directory.appendingPathComponent("framework.yaml").path
        let evidence = card.directory.appendingPathComponent("evidence").path
        let assess = try CLI.run(["assess", "--framework", framework, "--evidence", evidence])
        #expect(assess.status == 0, "\(assess.stderr)")
        Self.expectNoLiveSequences(assess, "assess")
        #expect(assess.stdout.contains(#"Medium \u{1b}[2J"#) || assess.stdout.contains(#"Low \u{1b}[2J"#), "\(assess.stdout)")
        #expect(assess.stdout.contains(#"ctf\u{1b}[2J"#) || assess.stderr.contains(#"ctf\u{1b}[2J"#), "the unused evaluation is named, escaped")
        let explain = try CLI.run(["explain", "--framework", framework, "--evidence", evidence, "--only-model", "model-0", "--category", "cybersecurity"])
        #expect(explain.status == 0, "\(explain.stderr)")
        Self.expectNoLiveSequences(explain, "explain")
        #expect(explain.stdout.contains(#"model-0: Cybersecurity \u{1b}[2J"#), "\(explain.stdout)")
    }

    @Test func aModelNameWithAnEscapeSequenceIsRefusedAndShownEscaped() throws {
        let card = try Self.card()
        defer { card.remove() }
        let evidence = card.directory.appendingPathComponent("evidence/results.jsonl")
        let lines = try String(contentsOf: evidence, encoding: .utf8).replacingOccurrences(of: "model-0", with: #"model\u001b[2J"#)
        try lines.write(to: evidence, atomically: true, encoding: .utf8)
        let framework = card.directory.appendingPathComponent("framework.yaml").path
        let assess = try CLI.run(["assess", "--framework", framework, "--evidence", evidence.path])
        #expect(assess.status == 2)
        Self.expectNoLiveSequences(assess, "assess")
        #expect(assess.stderr.contains("model name 'model<U+001B>[2J' holds a control character (<U+001B>)"), "\(assess.stderr)")
    }

    @Test func regenerateHistoryCheckAndDiffEscapeWhatTheStoreHolds() throws {
        let card = try Self.card()
        defer { card.remove() }
        let first = try card.regenerate()
        #expect(first.status == 0, "\(first.stderr)")
        Self.expectNoLiveSequences(first, "regenerate")
        // A second framework version moves nothing but is stored as another scorecard.
        let framework = card.directory.appendingPathComponent("framework.yaml")
        try (try String(contentsOf: framework, encoding: .utf8)).replacingOccurrences(of: "pwned", with: "pwned again")
            .write(to: framework, atomically: true, encoding: .utf8)
        let second = try card.regenerate()
        Self.expectNoLiveSequences(second, "regenerate")
        let history = try CLI.run(["history", "--model", "model-0", "--config", card.config.path])
        #expect(history.status == 0, "\(history.stderr)")
        Self.expectNoLiveSequences(history, "history")
        let shown = #"Beta (18 December 2023) \u{1b}[2J\u{1b}]0;pwned again\u{7}\u{1b}[31m"#
        #expect(history.stdout.contains(shown), "\(history.stdout)")
        let check = try CLI.run(["check", "--config", card.config.path, "--all"])
        #expect(check.status == 0, "\(check.stderr)")
        Self.expectNoLiveSequences(check, "check")
        let diff = try CLI.run(["diff", "model-0", "model-0", "--config", card.config.path])
        #expect(diff.status == 0, "\(diff.stderr)")
        Self.expectNoLiveSequences(diff, "diff")
        #expect(diff.stdout.contains(shown), "\(diff.stdout)")
    }

    /// The argument parser quotes what it could not parse; a hostile option, value or
    /// subcommand is shown escaped, with the parser's exit code and its usage lines intact.
    @Test func usageErrorsQuoteTheCommandLineEscaped() throws {
        let live = "\u{1B}[2J\u{1B}]0;pwned\u{07}"
        for arguments in [
            ["schema", "--list", "--bogus\(live)"], ["assess", "--framework", "f", "--evidence", "e", "--format", "x\(live)"],
            ["nonsense\(live)"],
        ] {
            let result = try CLI.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
            Self.expectNoLiveSequences(result, arguments.joined(separator: " "))
            #expect(result.stderr.contains(#"\u{1b}[2J\u{1b}]0;pwned\u{7}"#), "\(result.stderr)")
        }
        let usage = try CLI.run(["schema", "--list", "--bogus"])
        #expect(usage.stderr.hasPrefix("Error: Unknown option '--bogus'\nUsage: scorecard schema [<name>] [--list]\n"), "\(usage.stderr)")
        let help = try CLI.run(["assess", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: scorecard assess") && help.stderr.isEmpty)
    }
}
