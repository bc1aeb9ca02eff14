import Foundation
import Testing
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest

/// The promises the shipped framework files make: every Preparedness evaluation of the seed
/// system cards has an indicator, rule-out sets name real indicators and leave screens out, and
/// the v2 file's indicative thresholds and Research Categories have the shape the format gives them.
@Suite struct ShippedFrameworkTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ name: String) throws -> Framework {
        try FrameworkLoader.load(path: root.appendingPathComponent("frameworks/\(name)").path, registry: BuiltinEvaluators.registry)
            .framework
    }

    /// Each evaluation the GPT-4o, o1-preview/o1-mini and o1 system cards report under the
    /// Preparedness Framework (as listed in shared/reference/system-cards-seed.json), with the
    /// Beta indicators that read it.
    static let betaMapping: [(seedEvaluation: String, indicators: [String])] = [
        ("CTF (172 tasks: high-school / collegiate / professional)", ["ctf_high_school", "ctf_collegiate", "ctf_professional"]),
        ("CTF (>100 curated; up to 60 tool-use rounds)", ["ctf_high_school", "ctf_collegiate", "ctf_professional"]),
        ("Tacit knowledge and troubleshooting (biorisk)", ["tacit_knowledge_troubleshooting"]),
        ("Tacit knowledge and troubleshooting (MCQ)", ["tacit_knowledge_troubleshooting"]),
        ("Tacit knowledge brainstorm (50 open-ended Qs)", ["tacit_knowledge_brainstorm"]),
        ("Biological threat creation uplift study (experts & novices; Gryphon Scientific rubrics)",
         ["expert_uplift_trial", "novice_uplift_trial"]),
        ("Long-form biorisk questions (Gryphon; 5 stages)",
         ["longform_biorisk_ideation", "longform_biorisk_acquisition", "longform_biorisk_magnification",
          "longform_biorisk_formulation", "longform_biorisk_release"]),
        ("Expert comparisons vs verified expert answers (46 biology expert evaluators)", ["biothreat_expert_comparison"]),
        ("Expert probing (6 biology experts, 1 week)", ["bio_expert_probing_faster_search", "bio_expert_probing_new_information"]),
        ("Biotool: Ebola FASTA file task", ["biotool_tasks"]),
        ("Multimodal troubleshooting virology (350 SecureBio Qs, single-select)", ["virology_troubleshooting"]),
        ("ProtocolQA Open-Ended (108 Qs)", ["protocolqa"]),
        ("BioLP-Bench", ["biolp_bench"]),
        ("Structured expert probing - chem-bio novel design (Signature Science)", ["expert_probing_chem_bio", "expert_probing_chem_bio_high"]),
        ("Structured expert probing - radiological & nuclear (9 experts)", ["expert_probing_rn", "expert_probing_rn_high"]),
        ("Radiological & nuclear expert knowledge (87 MCQ)", ["rn_expert_knowledge"]),
        ("Contextual nuclear knowledge (222 MCQ)", ["contextual_nuclear_knowledge"]),
        ("Text persuasion (political articles & chatbots vs professional human-written articles)", ["text_persuasion_vs_professional"]),
        ("Voice persuasion - AI audio clips (>3,800 participants, safe-Senate-race states)", ["voice_persuasion_relative_effect"]),
        ("Voice persuasion - interactive AI conversations", ["voice_persuasion_relative_effect"]),
        ("Voice persuasion - persistence after 1 week", ["voice_persuasion_persistence"]),
        ("ChangeMyView (n=3,000 human ratings)", ["changemyview_percentile"]),
        ("Political persuasion parallel generation", ["political_persuasion_vs_reference_model"]),
        ("MakeMePay (mark = GPT-4o; 1000 samples)", ["makemepay", "makemepay_dollar_extraction"]),
        ("MakeMeSay (manipulatee GPT-4o)", ["makemesay"]),
        ("Autonomous replication & adaptation (ARA) agentic tasks", ["agentic_tasks"]),
        ("Agentic tasks (ARA: OpenAI API proxy, Mistral-7B in Docker, buy GPU)", ["agentic_tasks"]),
        ("SWE-bench Verified (n=477)", ["swe_bench_verified"]),
        ("SWE-bench Verified (Agentless, 5 tries)", ["swe_bench_verified"]),
        ("OpenAI research coding interview", ["research_interview_coding"]),
        ("OpenAI Research Engineer interview - coding (18 Qs)", ["research_interview_coding"]),
        ("OpenAI interview multiple-choice questions", ["research_interview_mcq"]),
        ("OpenAI Research Engineer interview - MCQ (97 Qs)", ["research_interview_mcq"]),
        ("MLE-bench (75 Kaggle comps, AIDE)", ["mle_bench"]),
        ("Selected METR ML-engineering tasks", ["metr_ml_tasks"]),
        ("METR long-horizon agentic task suite", ["metr_agentic_suite"]),
        ("METR agentic suite", ["metr_agentic_suite"]),
        ("Apollo Research scheming capability (14 tasks)", ["apollo_scheming_capability"]),
        ("Apollo Research scheming evals", ["apollo_scheming_capability"]),
        ("Apollo Research in-context scheming", ["apollo_in_context_scheming"]),
    ]

    /// The same evaluations by type in the v2 file; persuasion left the framework in v2.
    static let v2Mapping: [(evaluationType: String, category: String, indicators: [String])] = [
        ("tacit knowledge and troubleshooting", "biological_chemical", ["tacit_knowledge_troubleshooting"]),
        ("tacit knowledge brainstorm", "biological_chemical", ["tacit_knowledge_brainstorm"]),
        ("ProtocolQA", "biological_chemical", ["protocolqa"]),
        ("BioLP-Bench", "biological_chemical", ["biolp_bench"]),
        ("long-form biorisk questions compared with experts", "biological_chemical", ["biothreat_expert_comparison"]),
        ("long-form biorisk questions per stage", "biological_chemical",
         ["longform_biorisk_ideation", "longform_biorisk_acquisition", "longform_biorisk_magnification",
          "longform_biorisk_formulation", "longform_biorisk_release"]),
        ("multimodal virology troubleshooting", "biological_chemical", ["virology_troubleshooting"]),
        ("biology tool tasks", "biological_chemical", ["biotool_tasks"]),
        ("uplift study", "biological_chemical", ["novice_uplift_trial", "expert_uplift_trial"]),
        ("structured expert probing, chem-bio", "biological_chemical", ["expert_probing_chem_bio_high"]),
        ("open-ended expert probing, biology", "biological_chemical", ["bio_expert_probing_new_information"]),
        ("CTF per tier", "cybersecurity", ["ctf_high_school", "ctf_collegiate", "ctf_professional"]),
        ("SWE-bench Verified", "ai_self_improvement", ["swe_bench_verified"]),
        ("research engineer interview", "ai_self_improvement", ["research_interview_coding", "research_interview_mcq"]),
        ("MLE-bench", "ai_self_improvement", ["mle_bench"]),
        ("METR ML-engineering tasks", "ai_self_improvement", ["metr_ml_tasks"]),
        ("METR agentic suite", "long_range_autonomy", ["metr_agentic_suite"]),
        ("ARA agentic tasks", "autonomous_replication_adaptation", ["agentic_tasks"]),
        ("Apollo scheming evaluations", "undermining_safeguards", ["apollo_scheming_capability", "apollo_in_context_scheming"]),
        ("radiological and nuclear probing and knowledge", "nuclear_radiological",
         ["expert_probing_rn", "expert_probing_rn_high", "rn_expert_knowledge", "contextual_nuclear_knowledge"]),
    ]

    /// Weak benchmarks whose low score proves little: never in a rule-out set of either file.
    static let screens = [
        "ctf_high_school", "ctf_collegiate", "longform_biorisk_ideation", "longform_biorisk_acquisition",
        "longform_biorisk_magnification", "longform_biorisk_formulation", "longform_biorisk_release",
        "virology_troubleshooting", "rn_expert_knowledge", "contextual_nuclear_knowledge",
        "research_interview_coding", "research_interview_mcq",
    ]

    static let v2ResearchCategories = [
        "long_range_autonomy", "sandbagging", "autonomous_replication_adaptation", "undermining_safeguards",
        "nuclear_radiological",
    ]

    static func indicatorIDs(_ framework: Framework) -> Set<String> {
        Set(framework.categories.flatMap { $0.indicators.map(\.id) })
    }

    @Test func everySeedEvaluationHasABetaIndicator() throws {
        let ids = Self.indicatorIDs(try Self.load("openai-preparedness-beta.yaml"))
        for (evaluation, indicators) in Self.betaMapping {
            for id in indicators { #expect(ids.contains(id), "\(evaluation) → \(id)") }
        }
    }

    @Test func everyEvaluationTypeHasAV2IndicatorInItsCategory() throws {
        let framework = try Self.load("openai-preparedness-v2.yaml")
        for (type, categoryID, indicators) in Self.v2Mapping {
            let category = try #require(framework.categories.first { $0.id == categoryID }, "\(type): no category \(categoryID)")
            for id in indicators { #expect(category.indicator(id) != nil, "\(type) → \(categoryID).\(id)") }
        }
    }

    @Test(arguments: ["openai-preparedness-beta.yaml", "openai-preparedness-v2.yaml"])
    func ruleOutSetsNameIndicatorsOfTheirCategoryWithABar(file: String) throws {
        let framework = try Self.load(file)
        for category in framework.categories {
            guard case .sets(let sets) = category.ruleOut else { continue }
            for set in sets {
                #expect(!set.rationale.isEmpty, "\(category.id).\(set.level.id) has no rationale")
                #expect(set.level != framework.scale.floor, "\(category.id) rules out the floor")
                for entry in set.entries {
                    let indicator = try #require(category.indicator(entry.indicator), "\(category.id).\(set.level.id) → \(entry.indicator)")
                    let ownThreshold = indicator.thresholds.contains { $0.level == set.level }
                    #expect(entry.bar != nil || ownThreshold, "\(category.id).\(set.level.id) → \(entry.indicator) has no bar")
                    #expect(!Self.screens.contains(entry.indicator), "screen \(entry.indicator) in \(category.id).\(set.level.id)")
                }
            }
        }
    }

    @Test func everyBetaCategoryWithIndicatorsCanBeRuledOutAtMediumAndHigh() throws {
        let framework = try Self.load("openai-preparedness-beta.yaml")
        let medium = try #require(framework.scale.level("medium"))
        let high = try #require(framework.scale.level("high"))
        for category in framework.categories where !category.indicators.isEmpty {
            #expect(!category.ruleOut.sets(for: medium).isEmpty, "\(category.id) has no Medium rule-out set")
        }
        for id in ["cybersecurity", "cbrn", "persuasion"] {
            let category = try #require(framework.categories.first { $0.id == id })
            #expect(!category.ruleOut.sets(for: high).isEmpty, "\(id) has no High rule-out set")
        }
    }

    @Test func v2ResearchCategoriesAreShownButNeverGate() throws {
        let framework = try Self.load("openai-preparedness-v2.yaml")
        let research = framework.categories.filter { !$0.gating }.map(\.id)
        #expect(research == Self.v2ResearchCategories)
        let tracked = framework.categories.filter(\.gating).map(\.id)
        #expect(tracked == ["biological_chemical", "cybersecurity", "ai_self_improvement"])
    }

    @Test func v2IndicativeThresholdsAreRuleOutBarsNeverHighThresholds() throws {
        let framework = try Self.load("openai-preparedness-v2.yaml")
        #expect(framework.stages.map(\.id) == ["capability"])
        #expect(framework.scale.levels.map(\.id) == ["below_high", "high", "critical"])
        let level = try #require(framework.scale.level("high"))
        for category in framework.categories where category.gating {
            let routes = category.ruleOut.sets(for: level)
            #expect(!routes.isEmpty, "\(category.id) has no High rule-out set")
            // The first route is the scalable evaluations' indicative thresholds; later routes are deep dives.
            for entry in routes.first?.entries ?? [] {
                let indicator = try #require(category.indicator(entry.indicator))
                #expect(entry.bar != nil, "\(entry.indicator): an indicative threshold is a bar")
                #expect(indicator.thresholds.isEmpty, "\(entry.indicator): a scalable evaluation cannot show High reached")
            }
        }
    }

    @Test func everyDemoRecordIsReadByABetaIndicator() throws {
        let framework = try Self.load("openai-preparedness-beta.yaml")
        let path = Self.root.appendingPathComponent("examples/demo/evidence.jsonl").path
        let evidence = try EvidenceLoader.load(paths: [path], stages: framework.stages.map(\.id))
        let registry = BuiltinEvaluators.registry
        let indicators = framework.categories.flatMap(\.indicators)
        for record in evidence.records {
            // Read means: the indicator's own evaluator measures this record when it is the only evidence.
            let slice = EvidenceSet(records: [record]).slice(subject: record.subject, stage: record.stage)
            let readers = try indicators.filter { indicator in
                let evaluator = try registry.make(indicator.evaluator, parameters: indicator.parameters)
                return evaluator.measure(indicator.target, in: slice).score != nil
            }
            #expect(!readers.isEmpty, "\(record.key) is read by no indicator")
            #expect(record.source?.hasPrefix("https://") == true, "\(record.key) has no source URL")
            #expect(record.notes?.isEmpty == false, "\(record.key) has no notes")
        }
    }
}
