import ArgumentParser
import Scorecard
import ScorecardCore
import ScorecardIngest

/// `scorecard import`: evaluation logs and result files → evidence records in JSON Lines.
struct ImportCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert evaluation logs and result files into evidence records (JSON Lines).",
        discussion: """
            Formats are recognised by content (--from forces one): \(EvidenceFormats.external.map { $0.name }.joined(separator: ", ")), \
            and our own evidence (JSON, JSON Lines, CSV). A folder imports every file in it that a format \
            recognises, in name order. Each log gives summary records (accuracy, pass@1, pass@k and cons@k \
            computed from its samples, with n, k and 95% intervals; the metrics the harness reported, as \
            inspect/<metric>) and, unless --no-samples, one record per sample and epoch. Every record keeps \
            the source file's path and SHA-256.

            Errored samples count as failures (--errored exclude leaves them out); the policy is written \
            into each record's notes. Logs whose run did not finish (status other than success) are refused \
            unless --allow-incomplete, which imports their summaries flagged as incomplete. One refused file \
            means nothing is written; --skip-invalid imports the rest and lists each refused file with its reason.

            --map TASK[KEY=VALUE]=ID gives the samples whose metadata KEY is VALUE an evaluation of \
            their own, with records computed from those samples alone (e.g. one evaluation per CTF \
            tier); the task's other samples are then left out, with a warning. With --framework, \
            evaluations that no indicator of the framework reads are reported, with the nearest \
            evaluation id it reads. --strict makes any warning an error (exit 2, nothing written).

            When --out exists, its records are merged: records from other sources are kept, a file imported \
            again replaces its own earlier records, and identical records are kept once. The file is written \
            atomically; on any error nothing is written.

            Example:
              scorecard import Tests/ScorecardIngestTests/Fixtures/inspect/ctf_small.json \\
                --stage pre_mitigation --map ctf_small=ctf_professional \\
                --framework frameworks/openai-preparedness-beta.yaml --out evidence.jsonl
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to import.", valueName: "file-or-folder"))
    var inputs: [String] = []

    @Option(name: .long, help: ArgumentHelp("The evidence file to write (JSON Lines).", valueName: "file"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Map a task to an evaluation id (repeatable); without it the task name is the id. TASK[KEY=VALUE]=ID maps only the samples whose metadata KEY is VALUE.", valueName: "task=eval-id"))
    var map: [String] = []

    @Option(name: .long, help: ArgumentHelp("Stage of every imported record, e.g. pre_mitigation (required unless a log's metadata names one).", valueName: "stage"))
    var stage: String?

    @Option(name: .long, help: ArgumentHelp("Read every input as this format: \(EvidenceFormats.names.joined(separator: ", ")).", valueName: "format"))
    var from: String?

    @Option(name: .customLong("as-model"), help: ArgumentHelp("Record every imported result under this model name instead of the one each log records.", valueName: "name"))
    var asModel: String?

    /// The old spelling of `--as-model`, kept working with a warning: elsewhere `--model` selected models.
    @Option(name: .customLong("model"), help: .hidden)
    var deprecatedModel: String?

    @Option(name: .long, help: ArgumentHelp("Framework the evidence is for: report imported evaluations none of its indicators reads.", valueName: "file"))
    var framework: String?

    @Flag(name: .long, help: "Exit 2 on any warning (a --map that matches nothing, an evaluation no indicator reads, a score of an unknown shape), writing nothing.")
    var strict = false

    @Flag(name: .long, help: "Write summary records only (they are still computed from the samples).")
    var noSamples = false

    @Flag(name: .long, help: "Import logs of runs that did not finish, flagged as incomplete.")
    var allowIncomplete = false

    @Option(name: .long, help: "What errored samples count as: failure (default) or exclude.")
    var errored: SampleStatistics.ErroredPolicy = .failure

    @Option(name: .long, help: ArgumentHelp("Bootstrap resamples for intervals.", valueName: "B"))
    var bootstrapResamples = 10_000

    @Option(name: .long, help: ArgumentHelp("Bootstrap seed.", valueName: "n"))
    var seed = 0

    @Flag(name: .long, help: "For .eval logs, read every sample member so sample metadata is exact (slower; summaries trim whitespace).")
    var exactMetadata = false

    @Flag(name: .long, help: "Leave out files that are refused and import the rest, listing each refused file with its reason (by default one refused file means nothing is written).")
    var skipInvalid = false

    @Option(name: .long, help: ArgumentHelp("Files read at a time.", valueName: "n"))
    var jobs = 2

    @Flag(name: .long, help: "No progress output.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one file or folder to import.") }
        for entry in map where EvaluationMapping.parse(entry) == nil {
            throw ValidationError(EvaluationMapping.usage(entry))
        }
        if asModel != nil, deprecatedModel != nil { throw ValidationError("Give --as-model only (--model is its old spelling).") }
        if let name = asModel ?? deprecatedModel, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--as-model is empty: give the model name to record every imported result under.")
        }
        if !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64.") }
        if !(100...1_000_000).contains(bootstrapResamples) { throw ValidationError("--bootstrap-resamples must be between 100 and 1000000.") }
        if seed < 0 { throw ValidationError("--seed must not be negative.") }
    }

    var options: ImportOptions {
        ImportOptions(
            stage: stage, evaluationMap: EvaluationMapping.map(map), model: asModel ?? deprecatedModel, allowIncomplete: allowIncomplete,
            includeSamples: !noSamples, erroredSamples: errored,
            bootstrap: .init(resamples: bootstrapResamples, seed: UInt64(seed)), exactMetadata: exactMetadata)
    }

    mutating func execute() throws -> ExitStatus {
        if deprecatedModel != nil {
            Console.error("warning: import --model is deprecated: it renames models (elsewhere --model selected them); use --as-model")
        }
        let framework = try self.framework.map { try Frameworks.load(path: $0).framework }
        let importer = try Importer(inputs: inputs, format: from, out: out, options: options, jobs: jobs, framework: framework,
                                    skipInvalid: skipInvalid)
        if !importer.skipped.isEmpty, !quiet {
            let names = importer.skipped.prefix(5).joined(separator: ", ") + (importer.skipped.count > 5 ? ", …" : "")
            Console.error("skipped \(importer.skipped.count) files that no format recognises: \(terminalSafe(names))")
        }
        let progress = ProgressBar(enabled: !quiet)
        defer { progress.finish() }
        let prepared = try importer.prepare { event in progress.show(event) }
        let summary = prepared.summary
        for file in summary.refused {
            Console.error("refused and skipped: \(terminalSafe(file.path))")
            for problem in file.problems { Console.error("  \(terminalSafe(problem.description))") }
        }
        do {
            try InputReviewText.report(InputReview(warnings: summary.warnings.map { InputWarning($0) } + summary.review), strict: strict)
        } catch {
            prepared.discard()
            throw error
        }
        try prepared.commit()
        if !quiet { Console.error(Self.report(summary)) }
        return .success
    }

    /// What an import wrote, in one or two lines.
    static func report(_ summary: ImportSummary) -> String {
        let files = summary.files, warnings = summary.warnings.count
        var text = "wrote \(terminalSafe(summary.out)): \(summary.summaryRecords) summary and \(summary.sampleRecords) per-sample records from \(files) file\(files == 1 ? "" : "s")"
        text += " (\(summary.newFiles) new, \(summary.replacedFiles) replaced, \(summary.unchangedFiles) unchanged)"
        if summary.replacedRecords > 0 { text += "; \(summary.replacedRecords) earlier records of those files were replaced" }
        if summary.keptRecords > 0 {
            text += "; kept \(summary.keptRecords) records from \(summary.keptSources) other source\(summary.keptSources == 1 ? "" : "s")"
        }
        if summary.duplicates > 0 { text += "; \(summary.duplicates) identical records written once" }
        if !summary.refused.isEmpty {
            text += "; \(summary.refused.count) refused file\(summary.refused.count == 1 ? "" : "s") skipped (listed above)"
        }
        let all = warnings + summary.review.count
        if all > 0 { text += "; \(all) warning\(all == 1 ? "" : "s") above" }
        return text
    }
}

/// `--errored`: what errored samples count as, by the policy's own names (`failure`, `exclude`).
extension SampleStatistics.ErroredPolicy: ExpressibleByArgument {}
