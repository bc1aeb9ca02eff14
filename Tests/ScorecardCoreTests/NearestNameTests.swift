import Testing
@testable import ScorecardCore

@Suite struct NearestNameTests {
    @Test(arguments: [
        ("Acme-2", ["acme-2", "o1"], "acme-2"),
        ("biothreat_expert_comparisons", ["biothreat_expert_comparison", "biolp_bench"], "biothreat_expert_comparison"),
        ("percentil", ["percentile", "win_rate"], "percentile"),
        ("o3", ["o1", "GPT-4o"], "o1"),
    ])
    func aNearMissSuggestsTheKnownName(name: String, candidates: [String], expected: String) {
        #expect(NearestName.closest(to: name, in: candidates) == expected)
    }

    @Test func farNamesAndTheNameItselfSuggestNothing() {
        #expect(NearestName.closest(to: "bio", in: ["cybersecurity", "cbrn"]) == nil)
        #expect(NearestName.closest(to: "o1", in: ["o1"]) == nil)
        #expect(NearestName.hint("x", in: []) == "")
        #expect(NearestName.hint("ctf", in: ["ctg"]) == "; did you mean 'ctg'?")
        #expect(NearestName.hint("o3\u{2011}mini", in: ["o3-mini"])
                == "; did you mean 'o3-mini'? ('o3\u{2011}mini' looks the same but holds U+2011, which 'o3-mini' does not)",
                "a hint that reads as the name itself says what differs")
    }

    @Test func tiesGoToTheAlphabeticallyFirst() {
        #expect(NearestName.closest(to: "ab", in: ["ac", "aa"]) == "aa")
        #expect(NearestName.closest(to: "ab", in: ["aa", "ac"]) == "aa")
    }
}
