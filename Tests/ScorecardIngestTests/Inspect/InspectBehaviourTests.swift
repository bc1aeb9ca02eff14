import Foundation
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// How logs become records: statuses, errored samples, score names, reported metrics, stages.
@Suite struct InspectBehaviourTests {
    func read(_ file: String, _ options: ImportOptions = InspectFixtures.options()) throws -> ImportedEvidence {
        try InspectReader.read(path: InspectFixtures.path(file), options: options)
    }

    @Test("unfinished runs are refused by default, naming the file and the status", arguments: InspectFixtures.unfinished)
    func unfinishedRunsAreRefused(name: String, status: String) {
        for form in InspectFixtures.forms {
            let path = InspectFixtures.path("\(name).\(form)")
            let problems = InspectFixtures.problems { _ = try InspectReader.read(path: path, options: InspectFixtures.options()) }
            #expect(problems.count == 1)
            #expect(problems.first?.hasPrefix("\(path): log status is '\(status)'") == true, "\(problems)")
            #expect(problems.first?.contains("--allow-incomplete") == true)
        }
    }

    @Test("--allow-incomplete imports them flagged, with summaries only", arguments: InspectFixtures.unfinished)
    func unfinishedRunsCanBeImportedFlagged(name: String, status: String) throws {
        for form in InspectFixtures.forms {
            let evidence = try read("\(name).\(form)", InspectFixtures.options(allowIncomplete: true))
            #expect(!evidence.records.isEmpty)
            #expect(evidence.records.allSatisfy { $0.variant?.hasPrefix("incomplete: \(status)") == true })
            #expect(evidence.records.allSatisfy { $0.notes?.hasPrefix("INCOMPLETE LOG: status '\(status)'") == true })
            #expect(evidence.samples.isEmpty)
            #expect(evidence.warnings.contains { $0.message.contains("incomplete log") })
        }
    }

    @Test func runFailedMessageQuotesTheRunsError() throws {
        let problems = InspectFixtures.problems { _ = try read("run_failed.json") }
        #expect(problems.first?.contains("RuntimeError('fatal tool failure (sample 2)')") == true)
        #expect(problems.first?.contains("its results are missing") == true)
        // A failed run that wrote results (continue_on_fail) is refused all the same, saying how far they go.
        let text = try String(contentsOfFile: InspectFixtures.path("run_failed.json"), encoding: .utf8)
        let samples = try #require(text.range(of: "\"samples\":", options: .backwards))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("failed-with-results-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try text.replacingCharacters(in: samples, with: #""results": {"total_samples": 10, "completed_samples": 7, "scores": []}, "samples":"#)
            .write(to: file, atomically: true, encoding: .utf8)
        let partial = InspectFixtures.problems { _ = try InspectReader.read(path: file.path, options: InspectFixtures.options()) }
        #expect(partial.first?.contains("the run failed (RuntimeError('fatal tool failure (sample 2)')); its results cover 7 of 10 sample records") == true,
                "\(partial)")
    }

    @Test("a run limited to part of its dataset (--limit, a count or a range) is warned about, and every record says so")
    func aLimitedRunSaysSo() throws {
        let text = try String(contentsOfFile: InspectFixtures.path("ctf_small.json"), encoding: .utf8)
        let config = try #require(text.range(of: "\"config\": {"))
        for (limit, kept) in [("3", 3), ("[1, 3]", 2)] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("limited-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: file) }
            try text.replacingCharacters(in: config, with: "\"config\": {\"limit\": \(limit), ").write(to: file, atomically: true, encoding: .utf8)
            let evidence = try InspectReader.read(path: file.path, options: InspectFixtures.options())
            let note = "the run was limited to \(kept) of the dataset's 6 samples (eval.config.limit)"
            #expect(evidence.warnings.contains { $0.message == note + "; every record of the log says so" }, "\(evidence.warnings.map(\.message))")
            #expect(evidence.records.allSatisfy { $0.notes?.hasPrefix(note) == true }, "\(evidence.records.map(\.notes))")
        }
        let whole = try read("ctf_small.json")
        #expect(!whole.warnings.contains { $0.message.contains("limited") } && !(whole.record("accuracy")?.notes?.contains("limited") ?? true),
                "the premise: without a limit nothing is said")
    }

    @Test("errored samples count as failures by default, or are excluded; the policy is in the notes")
    func erroredSamplePolicy() throws {
        for form in InspectFixtures.forms {
            let failure = try read("sample_errors.\(form)")
            let accuracy = try #require(failure.record("accuracy"))
            #expect(accuracy.value == 1.0 / 3 && accuracy.n == 3 && accuracy.k == 1)
            #expect(accuracy.notes?.contains("3 sample records (2 scored, 1 errored, 0 unscored)") == true)
            #expect(accuracy.notes?.contains("errored samples count as failures") == true)
            #expect(accuracy.interval?.method == "wilson")
            let errored = try #require(failure.samples.first { $0.sampleID == "2" })
            #expect(errored.score == nil && errored.error == "RuntimeError('sandbox exploded (sample 2)')")

            let excluded = try read("sample_errors.\(form)", InspectFixtures.options(errored: .exclude))
            let rate = try #require(excluded.record("accuracy"))
            #expect(rate.value == 0.5 && rate.n == 2)
            #expect(rate.notes?.contains("errored samples are excluded") == true)
            // Inspect's own figure leaves the errored sample out, whatever our policy.
            #expect(excluded.record("inspect/accuracy")?.value == 0.5)
        }
    }

    @Test("a dict-valued score gives one evaluation per key: the headline's under the task, others under task/key")
    func dictScores() throws {
        let evidence = try read("dict_scores.json")
        #expect(evidence.record("accuracy", eval: "dict_scores")?.value == 2.0 / 3)
        #expect(evidence.record("accuracy", eval: "dict_scores/confidence").map { abs($0.value - 2.0 / 3) < 1e-12 } == true)
        #expect(evidence.record("inspect/mean", eval: "dict_scores/confidence") != nil)
        #expect(Set(evidence.samples.map(\.evaluation)) == ["dict_scores", "dict_scores/confidence"])
        let mapped = try read("dict_scores.json", {
            var options = InspectFixtures.options()
            options.evaluationMap = ["dict_scores": "rubric_eval", "dict_scores/confidence": "rubric_confidence"]
            return options
        }())
        #expect(Set(mapped.records.map(\.evaluation)) == ["rubric_eval", "rubric_confidence"])
    }

    @Test("grouped metrics become inspect/<metric> per group, with the group's stderr in the notes")
    func groupedMetrics() throws {
        let evidence = try read("grouped_metrics.eval")
        let professional = try #require(evidence.record("inspect/accuracy", variant: "tier=professional"))
        #expect(professional.value == 0.5)
        #expect(professional.notes?.contains("Inspect stderr 0.5") == true)
        #expect(evidence.record("inspect/accuracy", variant: "tier=high_school")?.value == 1)
        #expect(evidence.record("inspect/accuracy", variant: "tier=all")?.notes?.contains("stderr 0.210818510677892") == true)
        #expect(!evidence.records.contains { $0.metric.contains("stderr") || $0.metric.contains("professional2") })
    }

    @Test("several reducers give one reported record each; pass@k and cons@k are computed for k = epochs")
    func epochReducers() throws {
        let evidence = try read("epoch_reducers.json")
        #expect(evidence.record("inspect/accuracy", variant: "reducer max")?.value == 0.5)
        #expect(evidence.record("inspect/accuracy", variant: "reducer pass_at_2").map { abs($0.value - 1.0 / 3) < 1e-12 } == true)
        // Sample 1 scored I, C, I; sample 2 I, I, I.
        #expect(evidence.record("pass@3")?.value == 0.5)
        #expect(evidence.record("cons@3")?.value == 0)
        // Inspect's pass_at_2 reducer and the unbiased estimator agree.
        let pass2 = try #require(PassAtK.mean([(3, 1), (3, 0)], k: 2))
        #expect(abs(pass2 - 1.0 / 3) < 1e-12)
    }

    @Test("mixed score values read as value_to_float reads them; floats outside 'accuracy' stay means")
    func mixedScores() throws {
        let evidence = try read("mixed_scores.eval")
        let verdict = try #require(evidence.record("accuracy", eval: "mixed_scores"))
        #expect(abs(verdict.value - 2.75 / 7) < 1e-12)
        #expect(verdict.k == nil, "partial credit is not a count of successes")
        #expect(evidence.record("pass@1", eval: "mixed_scores") == nil, "pass@1 needs 0/1 scores")
        let samples = evidence.samples.filter { $0.evaluation == "mixed_scores" }.sorted { $0.sampleID < $1.sampleID }
        #expect(samples.map(\.score) == [1, 0, 0.5, 0, 0.25, 1, 0])
        #expect(evidence.record("accuracy", eval: "mixed_scores/quality").map { abs($0.value - 0.4) < 1e-12 } == true)
    }

    @Test("epochs reduced by max only: the mean over epochs says so, and a warning names Inspect's higher figure", arguments: ["eval", "json"])
    func maxReducerIsNamedBesideTheMean(format: String) throws {
        let evidence = try read("epochs_max.\(format)")
        let accuracy = try #require(evidence.record("accuracy", eval: "ctf_max"))
        #expect(abs(accuracy.value - 4.0 / 9) < 1e-12, "1/3, 0 and 1 averaged over the three challenges")
        #expect(accuracy.notes?.contains("the mean over every epoch; Inspect reduces epochs with 'max' and reports 0.6667, kept as inspect/accuracy [reducer max]") == true,
                "\(accuracy.notes ?? "")")
        let reduced = try #require(evidence.records.first { $0.evaluation == "ctf_max" && $0.metric == "inspect/accuracy" })
        #expect(abs(reduced.value - 2.0 / 3) < 1e-12 && reduced.variant == "reducer max")
        #expect(evidence.warnings.contains { $0.message.contains("'accuracy' 0.4444 is the mean over 3 epochs, below the 0.6667 Inspect reports after reducing epochs with 'max'") },
                "\(evidence.warnings.map(\.message))")
        #expect(evidence.record("pass@3", eval: "ctf_max").map { abs($0.value - 2.0 / 3) < 1e-12 } == true, "pass@3 is what max measures")
    }

    @Test("NaN scores are unscored; non-finite metrics are not recorded but warned about")
    func nanMetrics() throws {
        let evidence = try read("nan_metrics.json")
        let sometimes = try #require(evidence.record("accuracy", eval: "nan_metrics/sometimes_nan"))
        #expect(sometimes.value == 1 && sometimes.n == 1)
        #expect(sometimes.notes?.contains("2 sample records (1 scored, 0 errored, 1 unscored)") == true)
        #expect(!evidence.records.contains { $0.evaluation == "nan_metrics/always_nan" && !$0.metric.hasPrefix("inspect/") })
        #expect(evidence.warnings.contains { $0.message.contains("'odds'") && $0.message.contains("Infinity") })
        #expect(evidence.warnings.contains { $0.message.contains("'always_nan': no usable sample records") })
        #expect(evidence.samples.filter { $0.evaluation == "nan_metrics/always_nan" }.isEmpty)
    }

    @Test("ids keep their text, sort as Inspect sorts them, and string ids with _epoch_ survive .eval member names")
    func sampleIDs() throws {
        for form in InspectFixtures.forms {
            let evidence = try read("sample_ids.\(form)")
            #expect(evidence.samples.map(\.sampleID) == ["1", "2", "10", "pwn_epoch_2_x", "web_epoch_1"])
        }
        let numbers = ["9", "10", "-3", "b", "a"].map { InspectSample(id: $0, idIsNumber: !["a", "b"].contains($0), epoch: 1) }
        let sorted = numbers.sorted { $0.sortKey.lexicographicallyPrecedes($1.sortKey) }.map(\.id)
        #expect(sorted == ["-3", "9", "10", "a", "b"])
    }

    @Test("a stage is required for external logs, from --stage or the log's metadata, and checked")
    func stages() throws {
        var options = InspectFixtures.options()
        options.stage = nil
        let missing = InspectFixtures.problems { _ = try InspectReader.read(path: InspectFixtures.path("ctf_small.json"), options: options) }
        #expect(missing.first?.contains("no stage for this log") == true)
        #expect(missing.first?.contains("--stage") == true && missing.first?.contains("known: pre_mitigation, post_mitigation") == true)
        options.stage = "pre-mitigation"
        let unknown = InspectFixtures.problems { _ = try InspectReader.read(path: InspectFixtures.path("ctf_small.json"), options: options) }
        #expect(unknown.first?.contains("unknown stage 'pre-mitigation'") == true)
    }

    @Test("the model comes from the log unless overridden")
    func model() throws {
        #expect(try read("ctf_small.json").records.allSatisfy { $0.subject.model == "mockllm/model" })
        var options = InspectFixtures.options()
        options.model = "o1"
        #expect(try read("ctf_small.eval", options).samples.allSatisfy { $0.subject.model == "o1" })
    }

    @Test("computed records state denominators, interval method and B; two-level interval in the notes")
    func computedRecordNotes() throws {
        let accuracy = try #require(try read("ctf_small.json").record("accuracy"))
        let notes = try #require(accuracy.notes)
        #expect(notes.contains("6 problems, 12 sample records (12 scored, 0 errored, 0 unscored)"))
        #expect(accuracy.interval?.method == "percentile bootstrap (B=2000, seed 0) over problems")
        #expect(notes.contains("over problems and attempts: ["))
        #expect(notes.contains("task ctf_small v2") && notes.contains("revision"))
        #expect(accuracy.interval.map { $0.contains(accuracy.value) } == true)
    }
}
