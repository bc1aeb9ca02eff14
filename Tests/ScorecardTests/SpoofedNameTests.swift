import Foundation
import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardTesting
import Testing

/// Evidence for a model whose name a reader cannot tell from another's is refused wherever
/// subjects are formed (assess and render, regenerate, import), naming both with file and line;
/// before, ` GPT-4o` took `gpt-4o.md` and the real GPT-4o moved to `gpt-4o-2.md`.
@Suite struct SpoofedNameTests {
    let scratch: ScratchFolder

    init() throws {
        scratch = try ScratchFolder("scorecard-spoof")
    }

    /// The demo's evidence, with its first two GPT-4o records repeated under `spoof` at the end.
    func demoEvidence(spoof: String) throws -> (path: String, line: Int) {
        let lines = try String(contentsOfFile: Fixtures.demo.evidence[0], encoding: .utf8).split(separator: "\n").map(String.init)
        let copies = lines.filter { $0.contains(#""model": "GPT-4o""#) }.prefix(2).map {
            $0.replacingOccurrences(of: #""model": "GPT-4o""#, with: #""model": "\#(Self.json(spoof))""#)
        }
        let path = scratch.path("evidence.jsonl")
        try (lines + copies).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (path, lines.count + 1)
    }

    static func json(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x200B ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
    }

    static func messages(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    static let spoofs: [(String, String)] = [
        (" GPT-4o", "' GPT-4o'"), ("GPT-4O", "'GPT-4O'"),
        ("GPT-4o\u{200B}", "'GPT-4o<U+200B>' cannot be told apart from model 'GPT-4o' (FIRST) (the first holds U+200B)"),
        ("GРТ-4о", "'GРТ-4о' cannot be told apart from model 'GPT-4o' (FIRST) (the first holds U+0420, U+0422, U+043E)"),
        ("ＧＰＴ-4o", "'ＧＰＴ-4o' cannot be told apart from model 'GPT-4o' (FIRST) (the first holds U+FF27, U+FF30, U+FF34)"),
    ]

    @Test("a look-alike of GPT-4o is refused as ambiguous, naming both with file and line", arguments: spoofs)
    func assessRefusesLookAlikes(spoof: String, shown: String) throws {
        let (path, line) = try demoEvidence(spoof: spoof)
        var files = Fixtures.demo
        files.evidence = [path]
        let found = Self.messages { _ = try Inputs.load(files) }
        let head = shown.contains("FIRST") ? shown.replacingOccurrences(of: "FIRST", with: "\(path):1")
            : "\(shown) cannot be told apart from model 'GPT-4o' (\(path):1)"
        #expect(found.contains("\(path):\(line): model \(head): names that differ only by case, white space, invisible or look-alike characters are refused as ambiguous; spell them the same, or give them names a reader can tell apart"), "\(found)")
        // Nothing is rendered: the spoof cannot take gpt-4o.md.
        let out = scratch.path("reports")
        #expect(throws: InputError.self) {
            let inputs = try Inputs.load(files)
            try Renderer(generatedAt: "2025-01-01T00:00:00Z").render(inputs, assessments: inputs.assess(), formats: [.markdown], out: out).write()
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("names with white space at an end or control characters are refused, the character shown", arguments: [
        (" GPT-4o", "model name ' GPT-4o' begins with white space (<U+0020>)"),
        ("a\nb", "model name 'a<U+000A>b' holds a control character (<U+000A>)"),
        ("o1\u{1B}[2J", "model name 'o1<U+001B>[2J' holds a control character (<U+001B>)"),
    ])
    func unfitNamesAreRefused(name: String, message: String) throws {
        let (path, line) = try demoEvidence(spoof: name)
        var files = Fixtures.demo
        files.evidence = [path]
        let found = Self.messages { _ = try Inputs.load(files) }
        #expect(found.contains { $0.hasPrefix("\(path):\(line): \(message): a name must read as it is written") }, "\(found)")
    }

    @Test func namesAReaderCanTellApartStillLoad() throws {
        let (path, _) = try demoEvidence(spoof: "GPT-4o mini")
        var files = Fixtures.demo
        files.evidence = [path]
        #expect(try Inputs.load(files).models == ["GPT-4o", "GPT-4o mini", "o1"])
    }

    @Test func aModelAssessedFromDeterminationsAloneMayNotLookLikeOneWithEvidence() throws {
        let determinations = scratch.path("determinations.yaml")
        try """
            schema_version: 1
            models_without_evidence: [gpt-4o]
            determinations:
              - {model: gpt-4o, category: cbrn, stage: pre_mitigation, level: low, rationale: r, author: a, date: 2024-01-01}
            """.write(toFile: determinations, atomically: true, encoding: .utf8)
        var files = Fixtures.demo
        files.determinations = determinations
        let found = Self.messages { _ = try Inputs.load(files) }
        #expect(found.contains { $0.hasPrefix("\(determinations):4: model 'gpt-4o' cannot be told apart from model 'GPT-4o' (\(Fixtures.demo.evidence[0]):") }, "\(found)")
    }

    @Test func regenerateRefusesLookAlikesAndWritesNothing() throws {
        let card = try CardFixture(models: 1, formats: ["md"])
        defer { card.remove() }
        let spoof = #"{"model": "MODEL-0", "stage": "pre_mitigation", "eval": "ctf_professional", "metric": "pass@10", "value": 0.01, "n": 100}"#
        try (spoof + "\n").write(to: card.directory.appendingPathComponent("evidence/spoof.jsonl"), atomically: true, encoding: .utf8)
        let found = Self.messages { _ = try Regenerator(config: card.config.path).run() }
        #expect(found.contains { $0.contains("spoof.jsonl:1: model 'MODEL-0' cannot be told apart from model 'model-0' (") }, "\(found)")
        #expect(try card.reportContents().isEmpty)
    }

    @Test func importRefusesLookAlikesAcrossFilesAndAgainstTheOutput() throws {
        let out = scratch.path("out.jsonl")
        let first = scratch.path("first.jsonl"), second = scratch.path("second.jsonl")
        try #"{"model": "GPT-4o", "stage": "pre_mitigation", "eval": "e", "metric": "m", "value": 0.5}"#.appending("\n")
            .write(toFile: first, atomically: true, encoding: .utf8)
        try #"{"model": "GPT-4o\u200b", "stage": "pre_mitigation", "eval": "e2", "metric": "m", "value": 0.1}"#.appending("\n")
            .write(toFile: second, atomically: true, encoding: .utf8)
        let options = ImportOptions(stage: "pre_mitigation")
        _ = try Importer(inputs: [first], out: out, options: options).run()
        let refused: [String]
        do {
            _ = try Importer(inputs: [second], out: out, options: options).run()
            refused = []
        } catch let error as ImportError {
            refused = ["\(error)"]
        }
        #expect(refused.count == 1)
        #expect(refused.first?.contains("model 'GPT-4o<U+200B>' cannot be told apart from model 'GPT-4o' (\(out):1)") == true, "\(refused)")
        #expect(try lines(of: out).count == 1, "the output is left as it was")
    }
}
