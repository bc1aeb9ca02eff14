import Foundation
import Testing

/// A misspelt name in a section file is a warning naming file, line and the nearest name, and
/// strict mode refuses it before anything is written: with or without a framework.
@Suite struct SectionNameCommandTests {
    static func section(in scratch: URL) throws -> URL {
        let file = scratch.appendingPathComponent("jailbreaks.yaml")
        try """
            schema_version: 1
            id: jailbreaks
            title: Jailbreaks
            tables:
              - id: jailbreaks
                title: Jailbreak evaluations
                rows:
                  - {eval: strongrejct, metric: "goodness@0.1", label: "StrongREJECT"}
                  - {eval: xstest, metric: not_overrefuze, label: "XSTest"}
            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test(arguments: [false, true])
    func aMisspeltSectionNameIsAWarningAndStrictRefusesIt(withFramework: Bool) throws {
        let scratch = try RenderCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let section = try Self.section(in: scratch)
        var arguments = ["render", "--evidence", "examples/demo/system-card.jsonl", "--only-model", "o1", "--section", section.path, "--format", "md"]
        if withFramework {
            arguments += ["--framework", "frameworks/openai-preparedness-beta.yaml", "--evidence", "examples/demo/evidence.jsonl",
                          "--determinations", "examples/demo/determinations.yaml"]
        }
        let out = scratch.appendingPathComponent("out")
        let lenient = try CLI.run(arguments + ["--out", out.path] + RenderCommandTests.generatedAt)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains(
            "warning: \(section.path):8: section 'jailbreaks', table 'jailbreaks': evaluation 'strongrejct' matches no evidence; did you mean 'strongreject'?"),
            "\(lenient.stderr)")
        #expect(lenient.stderr.contains(
            "warning: \(section.path):9: section 'jailbreaks', table 'jailbreaks': metric 'not_overrefuze' matches no evidence of evaluation 'xstest'; did you mean 'not_overrefuse'?"))

        let strictOut = scratch.appendingPathComponent("strict")
        let strict = try CLI.run(arguments + ["--out", strictOut.path, "--strict"] + RenderCommandTests.generatedAt)
        #expect(strict.status == 2, "\(strict.stderr)")
        #expect(strict.stderr.contains("2 warnings about the inputs (above) and strict mode is on; nothing was written"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: strictOut.path), "nothing is written in strict mode")
    }

    @Test func aMisspeltSectionStageIsNamedAtItsLine() throws {
        let scratch = try RenderCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("staged.yaml")
        try String(contentsOf: try Self.section(in: scratch), encoding: .utf8)
            .replacingOccurrences(of: "title: Jailbreaks\n", with: "title: Jailbreaks\nstage: post_mitigaton\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run([
            "render", "--evidence", "examples/demo/system-card.jsonl", "--only-model", "o1", "--section", file.path,
            "--format", "md", "--out", scratch.appendingPathComponent("out").path,
        ] + RenderCommandTests.generatedAt)
        #expect(result.stderr.contains(
            "warning: \(file.path):4: section 'jailbreaks', stage: stage 'post_mitigaton' matches no evidence; did you mean 'post_mitigation'?"),
            "\(result.stderr)")
    }

    @Test func aBuiltInSectionRowThisEvidenceLacksIsANoteNotAWarning() throws {
        let scratch = try RenderCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try CLI.run([
            "render", "--evidence", "examples/demo/system-card.jsonl", "--only-model", "o1", "--section", "jailbreaks",
            "--format", "md", "--out", scratch.path, "--strict",
        ] + RenderCommandTests.generatedAt)
        #expect(result.status == 0, "a lab that does not run every evaluation of a built-in section is not refused\n\(result.stderr)")
        #expect(result.stderr.contains(
            "note: section 'jailbreaks', table 'jailbreaks': evaluation 'production_jailbreaks' matches no evidence (a built-in section: this evidence has no such results)"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("warning:"))
    }
}
