import ArgumentParser
import Foundation
import ScorecardCore
import ScorecardIngest

/// `scorecard import`: evaluation logs and result files → evidence records in JSON Lines.
struct ImportCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert evaluation logs and result files into evidence records (JSON Lines).",
        discussion: """
            Formats are recognised by content (--from forces one): \(EvidenceFormats.all.map { $0.name }.joined(separator: ", ")), \
            and our own evidence (JSON, JSON Lines, CSV). A folder imports every file in it that a format \
            recognises, in name order. Each log gives summary records (accuracy, pass@1, pass@k and cons@k \
            computed from its samples, with n, k and 95% intervals; the metrics the harness reported, as \
            inspect/<metric>) and, unless --no-samples, one record per sample and epoch. Every record keeps \
            the source file's path and SHA-256.

            Errored samples count as failures (--errored exclude leaves them out); the policy is written \
            into each record's notes. Logs whose run did not finish (status other than success) are refused \
            unless --allow-incomplete, which imports their summaries flagged as incomplete.

            When --out exists, its records are merged: records from other sources are kept, a file imported \
            again replaces its own earlier records, and identical records are kept once. The file is written \
            atomically; on any error nothing is written.

            Example:
              scorecard import logs/ --stage pre_mitigation \\
                --map ctf_small=ctf_professional --out evidence.jsonl
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to import.", valueName: "file-or-folder"))
    var inputs: [String] = []

    @Option(name: .long, help: ArgumentHelp("The evidence file to write (JSON Lines).", valueName: "file"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Map a task to an evaluation id (repeatable); without it the task name is the id.", valueName: "task=eval-id"))
    var map: [String] = []

    @Option(name: .long, help: ArgumentHelp("Stage of every imported record, e.g. pre_mitigation (required unless a log's metadata names one).", valueName: "stage"))
    var stage: String?

    @Option(name: .long, help: ArgumentHelp("Read every input as this format: \(EvidenceFormats.names.joined(separator: ", ")).", valueName: "format"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Use this model name instead of the one each log records.", valueName: "name"))
    var model: String?

    @Flag(name: .long, help: "Write summary records only (they are still computed from the samples).")
    var noSamples = false

    @Flag(name: .long, help: "Import logs of runs that did not finish, flagged as incomplete.")
    var allowIncomplete = false

    @Option(name: .long, help: "What errored samples count as: failure (default) or exclude.")
    var errored: ErroredChoice = .failure

    @Option(name: .long, help: ArgumentHelp("Bootstrap resamples for intervals.", valueName: "B"))
    var bootstrapResamples = 10_000

    @Option(name: .long, help: ArgumentHelp("Bootstrap seed.", valueName: "n"))
    var seed = 0

    @Flag(name: .long, help: "For .eval logs, read every sample member so sample metadata is exact (slower; summaries trim whitespace).")
    var exactMetadata = false

    @Option(name: .long, help: ArgumentHelp("Files read at a time.", valueName: "n"))
    var jobs = 2

    @Flag(name: .long, help: "No progress output.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one file or folder to import.") }
        for entry in map where Self.mapping(entry) == nil {
            throw ValidationError("--map '\(entry)' must be TASK=EVAL_ID, e.g. --map ctf_small=ctf_professional")
        }
        if !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64.") }
        if !(100...1_000_000).contains(bootstrapResamples) { throw ValidationError("--bootstrap-resamples must be between 100 and 1000000.") }
        if seed < 0 { throw ValidationError("--seed must not be negative.") }
    }

    static func mapping(_ entry: String) -> (String, String)? {
        guard let equals = entry.firstIndex(of: "=") else { return nil }
        let task = String(entry[..<equals]), id = String(entry[entry.index(after: equals)...])
        return task.isEmpty || id.isEmpty ? nil : (task, id)
    }

    var options: ImportOptions {
        ImportOptions(
            stage: stage, evaluationMap: Dictionary(map.compactMap(Self.mapping), uniquingKeysWith: { _, last in last }),
            model: model, allowIncomplete: allowIncomplete, includeSamples: !noSamples,
            erroredSamples: errored.policy, bootstrap: .init(resamples: bootstrapResamples, seed: UInt64(seed)),
            exactMetadata: exactMetadata)
    }

    mutating func execute() throws -> ExitStatus {
        let found = try EvidenceFormats.inputs(inputs, forced: from)
        let outPath = (out as NSString).standardizingPath
        let files = found.inputs.filter { ($0.path as NSString).standardizingPath != outPath }
        if !found.skipped.isEmpty, !quiet {
            let names = found.skipped.prefix(5).joined(separator: ", ") + (found.skipped.count > 5 ? ", …" : "")
            Console.error("skipped \(found.skipped.count) files that no format recognises: \(terminalSafe(names))")
        }
        guard !files.isEmpty else {
            throw CommandError("nothing to import in \(inputs.joined(separator: ", "))", status: .invalidInput)
        }
        let writer = try AtomicFileWriter(path: out)
        var merge = try ImportMerge(existing: out, importing: files, writer: writer)
        let progress = Progress(total: files.count, enabled: !quiet)
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var writeFailure: Error?
        let options = self.options
        OrderedWorkers.run(count: files.count, jobs: jobs, work: { ImportPipeline.process(files[$0], options: options) }) { index, processed in
            if let error = processed.error {
                problems += error.diagnostics
            } else {
                problems += merge.conflicts(processed)
                warnings += processed.warnings
                if problems.isEmpty, writeFailure == nil {
                    do { try merge.write(processed, to: writer) } catch { writeFailure = error }
                }
            }
            let detail = processed.error == nil
                ? "\(processed.summaryLines.count) summary and \(processed.sampleLines.count) per-sample records"
                : "failed"
            progress.step(index + 1, label: terminalSafe(processed.path), detail: detail, bytes: processed.fileBytes)
        }
        progress.finish()
        for warning in warnings { Console.error("warning: \(terminalSafe(warning.description))") }
        if let writeFailure {
            writer.discard()
            throw writeFailure
        }
        guard problems.isEmpty else {
            writer.discard()
            Console.error(InputError(problems).diagnostics.map { terminalSafe($0.description) }.joined(separator: "\n"))
            Console.error("nothing was written to \(out)")
            return .invalidInput
        }
        try writer.commit()
        if !quiet { Console.error(merge.report(out: out, files: files.count, warnings: warnings.count)) }
        return .success
    }
}

/// `--errored`: what errored samples count as.
enum ErroredChoice: String, ExpressibleByArgument, CaseIterable {
    case failure
    case exclude

    var policy: SampleStatistics.ErroredPolicy { self == .failure ? .failure : .exclude }
}
