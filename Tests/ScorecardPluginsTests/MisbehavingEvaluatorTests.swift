import Foundation
import ScorecardCore
import Testing

/// An external evaluator's output is untrusted: every way a program can misbehave ends in a
/// clear reason naming the evaluator and the indicator, and the category is not assessed — never
/// a default level.
@Suite struct MisbehavingEvaluatorTests {
    /// A script, extra definition keys, and what the reason must say.
    static let cases: [(String, [String], String)] = [
        ("crash.py", [], "exited with status 3; its standard error ends: Traceback: boom, the evaluator crashed"),
        ("hang.py", ["timeout_s: 1"], "did not answer within 1 s and was killed"),
        ("garbage.py", [], "wrote a reply that is not JSON"),
        ("other_indicator.py", [], "gave an invalid result: answered for indicator 'someone_else' instead"),
        ("out_of_range.py", [], "gave a value out of range for unit rate: value 1.7 is outside [0, 1]"),
        ("nan.py", [], "gave a number that is not finite (NaN or infinity) at $.results[0].value"),
        ("huge.py", ["max_reply_bytes: 65536"], "wrote more than 65536 bytes and was killed"),
        ("unknown_item.py", [], "answered item '999', which the request does not have"),
        ("no_answer.py", [], "gave no result for it"),
        ("item_error.py", [], "failed: the judge model is unreachable"),
        ("interval_outside.py", [], "gave an interval [0.6, 0.7] that does not contain its value 0.5"),
        ("cites_unsent.py", [], "cites evidence '/etc/passwd:1' it was not sent"),
        ("wrong_shape.py", [], "does not follow protocol version 1: $.results[0].value: expected number, found text"),
        ("lingering_child.py", ["timeout_s: 1"], "did not answer within 1 s and was killed"),
    ]

    @Test(arguments: cases)
    func aMisbehavingProgramLeavesTheCategoryNotAssessed(script: String, definition: [String], expected: String) throws {
        let fixture = try PluginFixture(script: script, definition: definition)
        let started = Date()
        let result = try fixture.cyber()
        #expect(Date().timeIntervalSince(started) < 4, "a misbehaving program is stopped at its deadline")
        #expect(result.status == .notAssessed)
        #expect(result.level == nil && result.indicatedLevel == nil, "never a default level")
        let reason = try #require(result.indicators.first.flatMap { indicator -> String? in
            if case .missing(let reason) = indicator.measurement { return reason }
            return nil
        })
        #expect(reason.hasPrefix("external evaluator 'bad' (\(script)) "), "\(reason)")
        #expect(reason.contains(expected), "\(reason)")
        #expect(reason.hasSuffix("(indicator 'probe', m pre)"), "\(reason)")
    }

    @Test func theProgramRunsWithoutAShellInACleanEnvironmentWithStdinClosed() throws {
        setenv("SCORECARD_SECRET_TOKEN", "do-not-leak", 1)
        defer { unsetenv("SCORECARD_SECRET_TOKEN") }
        let fixture = try PluginFixture(script: "environment.py", arguments: ["$(touch pwned)", "a; touch pwned2", "`id`"])
        let result = try fixture.cyber()
        let notes = try #require(result.indicators.first?.measurement.score?.notes)
        #expect(notes.first == #"argv ["$(touch pwned)", "a; touch pwned2", "`id`"]"#, "arguments reach the program as written")
        #expect(try fixture.folder.entries().allSatisfy { !$0.hasPrefix("pwned") }, "no shell ran them")
        let environment = try #require(notes.first { $0.hasPrefix("env ") }).dropFirst(4).split(separator: " ").map(String.init)
        #expect(!environment.contains("SCORECARD_SECRET_TOKEN"))
        #expect(Set(environment).isSubset(of: [
            "HOME", "LANG", "LC_ALL", "LC_CTYPE", "PATH", "PWD", "TMPDIR", "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED", "PYTHONIOENCODING",
            "PYTHONNOUSERSITE", "SCORECARD_EVALUATOR_PROTOCOL",
        ]), "\(environment)")
        #expect(notes.contains("cwd \(fixture.folder.url.resolvingSymlinksInPath().path)") || notes.contains("cwd \(fixture.folder.url.path)"))
        #expect(notes.contains("stdin closed True"))
    }

    @Test func aParameterValueCannotReachACommandLine() throws {
        // Parameters travel in the request, never on the command line: a value that a shell
        // would run is only text to the program.
        let fixture = try PluginFixture(
            script: "environment.py", definition: ["params:", "  label: {kind: text, default: x, help: a label}"])
        var text = try String(contentsOfFile: fixture.framework, encoding: .utf8)
        text = text.replacingOccurrences(of: "evaluator: bad\n", with: "evaluator: bad\n        params: {label: \"$(touch pwned); rm -rf .\"}\n")
        try text.write(toFile: fixture.framework, atomically: true, encoding: .utf8)
        let notes = try #require(try fixture.cyber().indicators.first?.measurement.score?.notes)
        #expect(notes.first == "argv []")
        #expect(try fixture.folder.entries().contains("framework.yaml") && !fixture.folder.entries().contains("pwned"))
    }
}
