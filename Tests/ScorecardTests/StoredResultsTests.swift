import Foundation
import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardStore
import ScorecardTesting
import Testing

/// `regenerate` and `check` read result records from the store a subject at a time
/// (`StoredRecords`): what holds the records whole elsewhere must still hold here — duplicates
/// refused with both places, stages mapped, file order kept.
@Suite struct StoredResultsTests {
    func regenerateProblems(_ card: CardFixture) throws -> [String] {
        do {
            _ = try card.regenerator().run()
            Issue.record("the run was not refused")
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aResultRepeatedInOneFileIsRefusedWithBothLines() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        let line = #"{"model": "model-0", "stage": "pre_mitigation", "eval": "extra", "metric": "acc", "value": 0.5}"#
        try "\(line)\n{\"model\": \"model-0\", \"stage\": \"pre_mitigation\", \"eval\": \"other\", \"metric\": \"acc\", \"value\": 0.1}\n\(line)\n"
            .write(to: card.directory.appendingPathComponent("evidence/twice.jsonl"), atomically: true, encoding: .utf8)
        #expect(try regenerateProblems(card) == [
            "evidence/twice.jsonl:3: duplicate result for model-0 pre_mitigation extra acc (first at evidence/twice.jsonl:1); give distinct variants or remove one",
        ])
        // Nothing of the refused run counts as stored: the next run reads the file again and refuses it again.
        #expect(try regenerateProblems(card).count == 1)
    }

    @Test func aResultGivenByTwoFilesIsRefused() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        let line = #"{"model": "model-0", "stage": "post_mitigation", "eval": "ctf_professional", "metric": "pass@10", "value": 0.5}"#
        try (line + "\n").write(to: card.directory.appendingPathComponent("evidence/zz-again.jsonl"), atomically: true, encoding: .utf8)
        let problems = try regenerateProblems(card)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.hasPrefix("evidence/zz-again.jsonl:1: duplicate result for model-0 post_mitigation ctf_professional pass@10 (first at evidence/results.jsonl:") == true, "\(problems)")
    }

    @Test func twoStagesTheMapMakesOneCannotGiveTheSameResult() throws {
        let card = try CardFixture(models: 1)
        defer { card.remove() }
        // `early` and `pre_mitigation` both become pre-mitigation: model-0's CTF would count twice.
        let line = #"{"model": "model-0", "stage": "early", "eval": "ctf_professional", "metric": "pass@10", "value": 0.7}"#
        try (line + "\n").write(to: card.directory.appendingPathComponent("evidence/early.jsonl"), atomically: true, encoding: .utf8)
        let text = try String(contentsOf: card.config, encoding: .utf8) + "\nstages:\n  early: pre_mitigation\n"
        try text.write(to: card.config, atomically: true, encoding: .utf8)
        let problems = try regenerateProblems(card)
        #expect(problems.count == 1 && problems[0].contains("duplicate result for model-0 pre_mitigation ctf_professional pass@10"), "\(problems)")
    }

    @Test func storedRecordsReadOneSubjectInFileOrderWithStagesMapped() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        _ = try card.regenerator().run()
        let store = try card.store()
        let sha256 = SHA256.hex(of: try Data(contentsOf: card.evidence))
        // post_mitigation is left out, pre_mitigation assessed as `capability`.
        let records = try StoredRecords(
            store: store, files: [(sha256, "results.jsonl")],
            stage: { $0 == "pre_mitigation" ? "capability" : nil })
        #expect(records.subjects.map(\.subject.model) == ["model-0", "model-1"])
        #expect(records.subjects.map(\.first) == [SourceLocation(file: "results.jsonl", line: 1), SourceLocation(file: "results.jsonl", line: 9)])
        #expect(records.subjects.map(\.files) == [["results.jsonl": 4], ["results.jsonl": 4]])
        #expect(records.stageCounts == ["pre_mitigation": 8, "post_mitigation": 8])
        let model1 = records.records(of: Subject(model: "model-1"))
        #expect(model1.map(\.location.line) == [9, 10, 11, 12])
        #expect(model1.allSatisfy { $0.stage == "capability" && $0.subject.model == "model-1" })
        let slice = records.records(EvidenceSet.SliceKey(subject: Subject(model: "model-0"), stage: "capability", evaluation: "changemyview"))
        #expect(slice.map(\.value) == [0.4] && slice.map(\.location.line) == [3])
        #expect(records.records(of: Subject(model: "model-9")).isEmpty)
        #expect(records.failure == nil)
    }
}
