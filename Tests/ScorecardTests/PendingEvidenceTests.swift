import Foundation
@testable import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardStore
import ScorecardTesting
import Testing

/// A run stores a new file's per-sample records as it reads them; until a run completes they are
/// pending: not stored, so the next run reads the file again (and its warnings with it).
@Suite struct PendingEvidenceTests {
    @Test func samplesOfARunThatFailsArePendingAndTheNextRunReadsTheFileAgain() throws {
        let card = try CardFixture(models: 2)
        defer { card.remove() }
        var text = try String(contentsOf: card.evidence, encoding: .utf8)
        for index in 1...30 {
            text += #"{"model": "model-1", "stage": "pre_mitigation", "eval": "extra_samples", "sample_id": "s\#(index)", "epoch": 1, "score": \#(index % 2)}"# + "\n"
        }
        try text.write(to: card.evidence, atomically: true, encoding: .utf8)
        let sha256 = SHA256.hex(of: Array(text.utf8))
        func configure(_ extra: String) throws {
            try """
                schema_version: 1
                framework: framework.yaml
                evidence:
                  - path: evidence/*.jsonl
                reports: {directory: reports, formats: [json], generated_at: 2025-01-01T00:00:00Z}
                \(extra)
                """.write(to: card.config, atomically: true, encoding: .utf8)
        }
        // Fails after the evidence was read: a model of `models:` matches nothing.
        try configure("models: [model-1, model-O]")
        #expect(throws: InputError.self) { try card.regenerator().run() }
        #expect(try !card.store().hasEvidence(sha256: sha256), "the failed run's samples are pending, not stored")

        try configure("")
        let summary = try card.regenerator().run()
        #expect(summary.warnings.contains { $0.message.contains("extra_samples") }, "read again, its records accounted for")
        #expect(try card.store().hasEvidence(sha256: sha256))
        #expect(try card.store().loadEvidence(paths: [sha256: "evidence.jsonl"]).samples.count == 30, "stored once, not twice")
        let results = try Checker(store: card.store()).check()
        #expect(!results.isEmpty && results.allSatisfy { if case .unchanged = $0.outcome { true } else { false } })
    }
}
