import Foundation
import Testing
import ScorecardCore
@testable import ScorecardIngest

/// Section definitions: the built-in ones load and are a copy of `sections/`; bad files are
/// refused with file, line and column.
@Suite struct SectionLoaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theBuiltInSectionsLoad() throws {
        let sections = try SectionLoader.builtIn()
        #expect(sections.map(\.id).sorted() == [
            "capabilities", "disallowed_content", "fairness", "hallucinations", "instruction_hierarchy", "jailbreaks",
        ])
        let jailbreaks = try #require(sections.first { $0.id == "jailbreaks" })
        #expect(jailbreaks.tradeoffs.first?.variant == "Deliberative Alignment Table 1")
    }

    @Test func theEmbeddedCopyMatchesTheSectionsFolder() throws {
        let folder = Self.root.appendingPathComponent("sections")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(BuiltinSections.files.map(\.name) == names, "run scripts/embed-templates")
        for file in BuiltinSections.files {
            #expect(file.text == (try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)),
                    "\(file.name) differs from its embedded copy: run scripts/embed-templates")
        }
    }

    @Test func namesGiveTheShownNameOfAnEvaluationIdAndAnIdWithoutOneIsShownAsItIs() throws {
        let text = "schema_version: 1\nid: s\ntitle: S\nnames: {simpleqa: SimpleQA}\n"
            + "tables:\n  - {id: g, title: Grades, kind: three_way_grades, evals: [simpleqa, personqa]}\n"
        let definition = try SectionLoader.parse(text, file: "s.yaml")
        #expect(definition.name(of: "simpleqa") == "SimpleQA")
        #expect(definition.name(of: "personqa") == "personqa")
    }

    static let bad: [(String, String)] = [
        ("schema_version: 1\nid: s\ntitle: S\nnames: [simpleqa]\ntables: []\n", "s.yaml:4:"),
        ("schema_version: 1\nid: s\ntitle: S\nnames: {simpleqa: [a]}\ntables: []\n", "s.yaml:4:"),
        ("schema_version: 1\nid: s\ntitle: S\ntables:\n  - {id: t, title: T, kind: pie, rows: []}\n", "s.yaml:5:29: unknown table kind 'pie'"),
        ("schema_version: 1\nid: s\ntitle: S\ntables:\n  - {id: t, title: T, rows: [{eval: a, metrc: b}]}\n", "unknown key 'metrc'"),
        ("schema_version: 1\nid: s\ntitle: S\ntables:\n  - {id: t, title: T, rows: []}\n", "table 't' lists no rows"),
        ("schema_version: 1\nid: s\ntitle: S\ntables:\n  - {id: t, title: T, kind: benchmarks}\n", "is missing 'evals'"),
        ("schema_version: 2\nid: s\ntitle: S\ntables: []\n", "unsupported schema_version 2"),
        ("schema_version: 1\nid: s\ntitle: S\ntables:\n  - {id: t, title: T, rows: [{eval: a, metric: b}]}\n  - {id: t, title: U, rows: [{eval: a, metric: b}]}\n",
         "duplicate table id 't'"),
        ("schema_version: 1\nid: Card\ntitle: S\ntables:\n  - {id: t, title: T, rows: [{eval: a, metric: b}]}\n",
         "s.yaml:2:5: section id 'card' is taken: the whole-card document is written as MODEL-card.md"),
    ]

    @Test(arguments: bad)
    func aBadSectionIsRefusedWithItsPlace(text: String, message: String) {
        #expect {
            try SectionLoader.parse(text, file: "s.yaml")
        } throws: { error in
            (error as? InputError)?.description.contains(message) == true
        }
    }
}
