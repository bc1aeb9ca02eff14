import Foundation
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// `--map TASK[tier=professional]=ctf_professional`: the samples of one tier get an evaluation of
/// their own, with every summary computed from those samples alone.
@Suite struct TierMappingTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// Seven challenges in three tiers, two epochs: of the three professional ones only the first
    /// is ever solved; the four others are solved every time.
    func log() throws -> String {
        var samples: [String] = []
        let tiers = ["professional", "professional", "professional", "collegiate", "collegiate", "high_school", "high_school"]
        for (index, tier) in tiers.enumerated() {
            for epoch in 1...2 {
                let solved = tier != "professional" || index == 0
                samples.append(SyntheticLog.sample(
                    id: "\(index + 1)", epoch: epoch, value: solved ? "\"C\"" : "\"I\"", metadata: "{\"tier\": \"\(tier)\"}"))
            }
        }
        // Its results count the 14 sample records it holds (the synthetic default counts 1).
        let log = SyntheticLog.json(epochs: 2, samples: samples)
            .replacingOccurrences(of: "\"total_samples\": 1, \"completed_samples\": 1", with: "\"total_samples\": 14, \"completed_samples\": 14")
        return try folder.write("tiers.json", log)
    }

    func options(_ map: [String]) -> ImportOptions {
        var options = InspectFixtures.options()
        options.evaluationMap = EvaluationMapping.map(map)
        return options
    }

    @Test func aPlainMappingCountsEveryTierAsTheMappedOne() throws {
        let evidence = try InspectReader.read(path: try log(), options: options(["synthetic=ctf_professional"]))
        let pass1 = try #require(evidence.record("pass@1", eval: "ctf_professional"))
        #expect(pass1.n == 7, "every tier counts as professional: the trap the tier mapping closes")
        #expect(abs(pass1.value - 5.0 / 7) < 1e-12)
        #expect(Set(evidence.samples.compactMap { $0.metadata["tier"] }).count == 3)
    }

    @Test func aTierMappingComputesFromThatTierAlone() throws {
        let evidence = try InspectReader.read(path: try log(), options: options([
            "synthetic[tier=professional]=ctf_professional", "synthetic[tier=collegiate]=ctf_collegiate",
            "synthetic[tier=high_school]=ctf_high_school",
        ]))
        let professional = try #require(evidence.record("pass@1", eval: "ctf_professional"))
        #expect(professional.n == 3 && abs(professional.value - 1.0 / 3) < 1e-12, "1 of the 3 professional challenges")
        #expect(evidence.record("pass@2", eval: "ctf_professional")?.n == 3)
        #expect(evidence.record("pass@1", eval: "ctf_collegiate")?.value == 1)
        #expect(evidence.record("pass@1", eval: "ctf_high_school")?.n == 2)
        #expect(evidence.samples.filter { $0.evaluation == "ctf_professional" }.allSatisfy { $0.metadata["tier"] == "professional" })
        #expect(evidence.samples.filter { $0.evaluation == "ctf_professional" }.count == 6)
        #expect(!evidence.records.contains { $0.evaluation == "synthetic" }, "the whole task's records are replaced by the tiers'")
        #expect(evidence.warnings.isEmpty, "\(evidence.warnings)")
    }

    @Test func samplesNoTierMappingCoversAreLeftOutWithAWarning() throws {
        let evidence = try InspectReader.read(path: try log(), options: options(["synthetic[tier=professional]=ctf_professional"]))
        #expect(evidence.record("pass@1", eval: "ctf_professional")?.n == 3)
        let messages = evidence.warnings.map(\.message)
        #expect(messages.contains { $0.contains("8 sample records match no --map filter (tier collegiate, high_school) and are left out") }, "\(messages)")
    }

    @Test func aTierNoSampleHasIsAWarningWithTheNearestTier() throws {
        let evidence = try InspectReader.read(path: try log(), options: options([
            "synthetic=ctf_all", "synthetic[tier=profesional]=ctf_professional",
        ]))
        #expect(evidence.record("pass@1", eval: "ctf_all")?.n == 7, "a plain mapping keeps the whole task beside a filtered one")
        #expect(evidence.record("pass@1", eval: "ctf_professional") == nil)
        let messages = evidence.warnings.map(\.message)
        #expect(messages.contains("--map synthetic[tier=profesional]=ctf_professional: no sample has tier 'profesional'; did you mean 'professional'? (found: collegiate, high_school, professional)"), "\(messages)")
    }

    @Test(arguments: [
        ("t[tier=pro]=ctf", "t[tier=pro]", "ctf"), ("t=ctf", "t", "ctf"), ("t/s[k=v]=x", "t/s[k=v]", "x"),
    ])
    func mappingsParse(entry: String, key: String, id: String) throws {
        let parsed = try #require(EvaluationMapping.parse(entry))
        #expect(parsed.task == key && parsed.id == id)
    }

    @Test(arguments: ["t[tier=pro]", "t[tier]=x", "t[=pro]=x", "[tier=pro]=x", "t[tier=pro=x", "=x", "t="])
    func malformedMappingsAreRefused(entry: String) {
        #expect(EvaluationMapping.parse(entry) == nil)
    }
}
