import ScorecardCore
import Testing

/// What each file of the real-world corpus (`Fixtures/realworld`, provenance in its MANIFEST.md)
/// gives when imported with stage `pre_mitigation` (and model `m` for JUnit, which names none),
/// and why. An lm-eval run is one folder (results and samples files together); every other file
/// is a unit of its own.
enum RealWorldCorpus {
    enum Outcome: Sendable {
        /// Imported: summary and per-sample records, warnings, and how many records carry each consistency mark.
        case imported(summary: Int, samples: Int, warnings: Int, marks: [EvidenceConsistency: Int])
        /// Refused; the text is part of the reason, which must be the file's own.
        case refused(String)
    }

    struct Expectation: Sendable, CustomTestStringConvertible {
        let unit: String
        let outcome: Outcome
        let why: String

        init(_ unit: String, _ outcome: Outcome, why: String) {
            (self.unit, self.outcome, self.why) = (unit, outcome, why)
        }

        var testDescription: String { unit }
    }

    static let eeeOld = "an older EEE schema, which the EEE datastore still holds: read leniently, and the one warning says so"

    static let table: [Expectation] = inspect + lmEval + eee + junit

    static let inspect: [Expectation] = [
        .init("inspect/every_eval_ever/data_cvebench_empty_choices.json", .imported(summary: 1, samples: 1, warnings: 2, marks: [.partial: 1]),
              why: "1 of the 80 sample records its results count, and that one errored: nothing is recomputed from a sample that was never scored (warned); Inspect's own mean is kept"),
        .init("inspect/every_eval_ever/data_cyse2_vuln_exploit_challenges.json", .imported(summary: 4, samples: 1, warnings: 2, marks: [.partial: 2]),
              why: "1 of 2,340 sample records: partial; Inspect's accuracy 0.381 against 0.65 from the one record is warned about, not a contradiction"),
        .init("inspect/every_eval_ever/data_with_llm_scoring.json", .imported(summary: 1, samples: 0, warnings: 0, marks: [:]),
              why: "no `version` (Inspect reads it as 2) and no samples: Inspect's own accuracy is its only record"),
        .init("inspect/every_eval_ever/shortened_browse-comp.json", .imported(summary: 5, samples: 5, warnings: 1, marks: [:]),
              why: "dict-valued scores give one evaluation per key; 'confidence' (0-100) has no per-sample records, with a warning"),
        .init("inspect/every_eval_ever/shortened_healthbench.json", .refused("log status is 'error': the run failed"),
              why: "the run failed and every sample errored: refused unless --allow-incomplete"),
        .init("inspect/every_eval_ever/shortened_ifeval.json", .imported(summary: 18, samples: 15, warnings: 2, marks: [:]),
              why: "dict-valued scores; two keys are counts outside [0, 1], so only their summaries are written"),
        .init("inspect/every_eval_ever/shortened_lab-bench-dbqa.json", .imported(summary: 5, samples: 5, warnings: 1, marks: [.contradicts: 10]),
              why: "Inspect reports accuracy 0.027 where its 5 sample records (all of them) give 0.2: its records contradict each other"),
        .init("inspect/every_eval_ever/shortened_lingoly.json", .imported(summary: 4, samples: 5, warnings: 0, marks: [:]),
              why: "float scores and a 'delta' metric that can be negative (kept as a score)"),
        .init("inspect/every_eval_ever/shortened_math.json", .imported(summary: 9, samples: 15, warnings: 0, marks: [:]),
              why: "three scorers, each recomputed value equals Inspect's"),
        .init("inspect/every_eval_ever/shortened_mbpp.json", .imported(summary: 7, samples: 5, warnings: 1, marks: [.partial: 8]),
              why: "5 epochs but one sample record per problem (total_samples was edited to 5): partial"),
        .init("inspect/every_eval_ever/shortened_mind2web-sc.json", .imported(summary: 7, samples: 5, warnings: 0, marks: [:]),
              why: "grouped() metrics per domain, and the recomputed accuracy equals Inspect's"),
        .init("inspect/inspect-action/2025-12-13T23-15-44+00-00_class-eval_XDtHXBaqEHGUBoFoinn2wS.eval", .imported(summary: 4, samples: 5, warnings: 1, marks: [:]),
              why: "reducer pass_at_1 over 0/1 scores, equal to the recomputed mean; run with --limit over part of its dataset, which is warned about"),
        .init("inspect/inspect-action/small.eval", .imported(summary: 5, samples: 6, warnings: 0, marks: [:]),
              why: "one problem, six epochs: pass@6 and cons@6 besides accuracy"),
        .init("inspect/inspect-action/tmp.eval", .imported(summary: 3, samples: 1, warnings: 0, marks: [:]),
              why: "a sample id with '/' and ':' in its member name"),
        .init("inspect/inspect_ai/2024-08-29T15-11-17+00-00_popularity_5EAmX6wjMFqea6WY7XHzZp.json", .imported(summary: 1, samples: 0, warnings: 1, marks: [:]),
              why: "results only, no samples; run with --limit over part of its dataset, which is warned about"),
        .init("inspect/inspect_ai/2024-08-29T15-11-18+00-00_popularity_5EAmX6wjMFqea6WY7XHzZp.json", .refused("log status is 'error': the run failed"),
              why: "the run failed: refused unless --allow-incomplete"),
        .init("inspect/inspect_ai/2025-02-11T15-17-00-05-00_popularity_dPiJifoWeEQBrfWsAopzWr.eval", .imported(summary: 0, samples: 0, warnings: 3, marks: [:]),
              why: "10 samples but no scorer ran: nothing to import, and the warnings say so; run with --limit over part of its dataset, which is warned about"),
        .init("inspect/inspect_ai/2025-05-12T20-28-13-04-00_no-samples.json", .refused("log status is 'cancelled'"),
              why: "the run was cancelled: refused unless --allow-incomplete"),
        .init("inspect/inspect_ai/2025-05-12T20-28-13-04-00_popularity.json", .refused("log status is 'cancelled'"),
              why: "the run was cancelled: refused unless --allow-incomplete"),
        .init("inspect/inspect_ai/2025-09-15T15-04-34-04-00_popularity_CuCFPdqnwXupUkxp69nJ2a.eval", .imported(summary: 5, samples: 50, warnings: 1, marks: [:]),
              why: "10 problems by 5 epochs: pass@5 and cons@5; run with --limit over part of its dataset, which is warned about"),
        .init("inspect/inspect_ai/log_formats.eval", .imported(summary: 3, samples: 1, warnings: 1, marks: [:]), why: "the .eval twin of log_formats.json; run with --limit over part of its dataset, which is warned about"),
        .init("inspect/inspect_ai/log_formats.json", .imported(summary: 3, samples: 1, warnings: 1, marks: [:]), why: "a plain .json log; run with --limit over part of its dataset, which is warned about"),
        .init("inspect/inspect_ai/log_message_deduplication.eval", .imported(summary: 3, samples: 1, warnings: 0, marks: [:]),
              why: "header version 3, which Inspect reads; the fields a scorecard uses are as in version 2"),
        .init("inspect/inspect_ai/log_streaming.eval", .imported(summary: 5, samples: 4, warnings: 1, marks: [:]),
              why: "summaries written before they held metadata: completed from the samples; run with --limit over part of its dataset, which is warned about"),
        .init("inspect/inspect_ai/retry-2-then-success.eval", .imported(summary: 0, samples: 0, warnings: 1, marks: [:]),
              why: "no scorer: nothing to import, and the warning says so"),
        .init("inspect/inspect_flow/2025-12-11T18-00-43+00-00_gpqa-diamond_NL3aygdanSgqAJfzoMFuH6.eval", .imported(summary: 5, samples: 4, warnings: 1, marks: [:]),
              why: "four epochs of one problem; run with --limit over part of its dataset, which is warned about"),
        .init("inspect/inspect_scout/2025-09-23T08-09-58-04-00_theory-of-mind_bbB4eRCx2rFJLyPH42Cj9r.eval", .imported(summary: 3, samples: 100, warnings: 0, marks: [:]),
              why: "100 samples graded by a model"),
        .init("inspect/ts-mono/chunked_ais-decoder.eval", .imported(summary: 3, samples: 1, warnings: 0, marks: [:]),
              why: "the chunked sample layout: the same evidence as original_ais-decoder.eval"),
        .init("inspect/ts-mono/chunked_log_streaming.eval", .imported(summary: 5, samples: 4, warnings: 1, marks: [:]),
              why: "the chunked sample layout, metadata from each sample's metadata.json; run with --limit over part of its dataset, which is warned about"),
        .init("inspect/ts-mono/original_ais-decoder.eval", .imported(summary: 3, samples: 1, warnings: 0, marks: [:]),
              why: "the same log as chunked_ais-decoder.eval, each sample one member"),
    ]

    static let lmEval: [Expectation] = [
        .init("lm-eval/every_eval_ever/lm_eval", .imported(summary: 2, samples: 10, warnings: 1, marks: [.partial: 10]),
              why: "the samples file holds 10 of the 5,000 documents the results say were evaluated: its records are partial"),
        .init("lm-eval/lm-evaluation-harness/FLOR-760M", .imported(summary: 4, samples: 10, warnings: 0, marks: [:]),
              why: "the results file is named with the model (`--output_path` named a file); its samples pair with it by date"),
        .init("lm-eval/lm-evaluation-harness/__data__public_models__huggingface__meta-llama__Meta-Llama-3-8B", .imported(summary: 6, samples: 0, warnings: 0, marks: [:]),
              why: "an ordinary results file"),
        .init("lm-eval/lm-evaluation-harness/Qwen__Qwen3-8B", .imported(summary: 9, samples: 20, warnings: 0, marks: [:]),
              why: "a group and 'N/A' standard errors"),
        .init("lm-eval/lm-evaluation-harness/VisualRWKV__rwkv7-pile", .refused("not an lm-eval results file as lm-eval writes it"),
              why: "a summary another script wrote (model, tasks, num_fewshot, results): no config, so no model unless one is given"),
        .init("lm-eval/lm-evaluation-harness/meta-llama__Meta-Llama-3-8B", .imported(summary: 3, samples: 609, warnings: 0, marks: [:]),
              why: "samples named .json holding JSON Lines, lines without 'metrics': the task's first metric scores them"),
        .init("lm-eval/lm-evaluation-harness/google__gemma-2-9b", .imported(summary: 89, samples: 0, warnings: 0, marks: [:]),
              why: "mmlu with six groups, perplexity and mcc"),
        .init("lm-eval/lm-evaluation-harness/google__gemma-2b", .imported(summary: 1, samples: 0, warnings: 1, marks: [:]),
              why: "per-sample f1 is a (gold, prediction) pair for a corpus-level F1: the summary is kept, per-sample scores skipped with one warning"),
        .init("lm-eval/lm-evaluation-harness/gpt-4o-mini", .imported(summary: 11, samples: 0, warnings: 1, marks: [:]),
              why: "an Infinity mae is warned about and not recorded"),
        .init("lm-eval/lm-evaluation-harness/meta-llama__Meta-Llama-3-8B-Instruct", .imported(summary: 1, samples: 50, warnings: 0, marks: [:]),
              why: "samples from before lm-eval listed 'metrics'"),
        .init("lm-eval/lm-evaluation-harness/qwen__qwen2.5-1.5B", .imported(summary: 79, samples: 0, warnings: 0, marks: [:]), why: "an ordinary results file"),
        .init("lm-eval/lm-evaluation-harness/all-results-original", .imported(summary: 6, samples: 0, warnings: 0, marks: [:]),
              why: "model_args as an object, no model_name"),
        .init("lm-eval/lm_eval_results/deepseek-ai__DeepSeek-R1-Distill-Llama-8B", .imported(summary: 88, samples: 0, warnings: 0, marks: [:]),
              why: "two runs of one model, on different snapshots"),
        .init("lm-eval/lm_eval_results/meta-llama__Llama-3.1-8B-Instruct", .imported(summary: 44, samples: 0, warnings: 0, marks: [:]), why: "an ordinary results file"),
    ]
}
