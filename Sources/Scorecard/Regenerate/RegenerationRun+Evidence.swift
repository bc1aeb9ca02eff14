import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardStore

/// Evidence for a run: stored contents plus newly parsed files, and which files fed which subject.
///
/// Every record is in the store and read from it as the assessment asks: result records a
/// subject at a time, per-sample records a slice at a time. The records of files parsed in this
/// run are stored as they are read, pending until the run completes.
struct LoadedEvidence {
    var results: StoredRecords?
    var samples: StoredSamples?
    var filesBySubject: [Subject: [(display: String, sha256: String)]]
    /// Files parsed in this run, whose storing the run completes (their records, result and
    /// per-sample, are stored already, pending): how many result and per-sample records each has.
    var parsed: [(file: ScannedFile, format: String, records: Int, samples: Int)]
    /// The readers' warnings about the files parsed in this run.
    var warnings: [Diagnostic] = []
    /// Evidence stage → records the stage map left out.
    var leftOut: [String: Int] = [:]
    /// Contents of files refused and skipped (`skip_invalid`): nothing of theirs is stored.
    var refused: Set<String> = []

    /// The evidence, read from the store as the assessment asks.
    var evidence: EvidenceSet {
        EvidenceSet(results: results ?? InMemoryRecords([]), sampleSource: samples ?? InMemorySamples([]))
    }

    /// Every subject with evidence, sorted.
    var subjects: [Subject] { evidence.subjects }

    /// The first read from the store that failed while assessing, if any.
    var failure: StoreError? { results?.failure ?? samples?.failure }

    /// The samples' subjects, each at its first place, in the order of the files and lines.
    var sampleSubjects: [(Subject, SourceLocation)] {
        var first: [Subject: SourceLocation] = [:]
        var rank: [String: Int] = [:]
        for (index, file) in (samples?.files ?? []).enumerated() { rank[file.path] = index }
        func before(_ a: SourceLocation, _ b: SourceLocation) -> Bool {
            (rank[a.file] ?? 0, a.line) < (rank[b.file] ?? 0, b.line)
        }
        for (slice, summary) in samples?.summaries ?? [:] {
            for file in summary.files where first[slice.subject].map({ before(file.location, $0) }) ?? true {
                first[slice.subject] = file.location
            }
        }
        return first.sorted { before($0.value, $1.value) }.map { ($0.key, $0.value) }
    }
}

extension RegenerationRun {
    /// Parses files whose content is not stored yet, storing their records as they are read, then
    /// sums up what the store holds for the card's files, with the evidence's stages mapped onto
    /// the framework's.
    func loadEvidence(
        _ scan: EvidenceScan.Result, stageMap: StageMap, framework: Framework, progress: (ProgressEvent) -> Void
    ) throws -> LoadedEvidence {
        let stages = stageMap.accepted(by: framework)
        var parsed = LoadedEvidence(results: nil, samples: nil, filesBySubject: [:], parsed: [])
        var stored: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var duplicates: [Diagnostic] = []
        var toRead: [ScannedFile] = []
        var readFiles: [(sha256: String, path: String)] = []
        for file in scan.files {
            if try store.hasEvidence(sha256: file.sha256) { stored[file.sha256] = file.display } else { toRead.append(file) }
        }
        progress(.reading(files: toRead.count))
        for (index, file) in toRead.enumerated() {
            guard let writer = try store.beginEvidence(sha256: file.sha256, byteCount: file.byteCount) else {
                stored[file.sha256] = file.display
                continue
            }
            var recordCount = 0
            var sampleCount = 0
            var storeFailure: StoreError?
            let outcome: Result<EvidenceFormats.ReadFile, InputError>
            do throws(InputError) {
                outcome = .success(try EvidenceFormats.stream(
                    path: file.path, name: file.display,
                    reader: file.source.format == "auto" ? nil : try EvidenceFormats.reader(named: file.source.format),
                    options: ImportOptions(stage: file.source.stage, allowedStages: stages, evaluationMap: file.source.map,
                                           model: file.source.model),
                    bytes: file.bytes
                ) { batch in
                    recordCount += batch.records.count
                    sampleCount += batch.samples.count
                    guard storeFailure == nil else { return }
                    do throws(StoreError) {
                        try writer.add(results: batch.records)
                        try writer.add(batch.samples)
                    } catch {
                        storeFailure = error
                    }
                })
            } catch {
                outcome = .failure(error)
            }
            if let storeFailure {
                try? store.discardEvidence(sha256: file.sha256)
                throw storeFailure
            }
            switch outcome {
            case .success(let read):
                try writer.finish()
                // Records of a stage the map leaves out are not assessed, so cannot count twice.
                duplicates += writer.resultDuplicates.filter { stageMap.target(of: $0.record.stage) != nil }.map {
                    EvidenceLoader.duplicate($0.record, first: SourceLocation(file: $0.record.location.file, line: $0.firstLine))
                }
                duplicates += writer.duplicates.filter { stageMap.target(of: $0.sample.stage) != nil }.map {
                    EvidenceLoader.duplicate($0.sample, first: SourceLocation(file: $0.sample.location.file, line: $0.firstLine))
                }
                parsed.warnings += read.warnings
                progress(.read(FileProgress(
                    index: index + 1, total: toRead.count, path: file.display, byteCount: file.byteCount,
                    summaryRecords: recordCount, sampleRecords: sampleCount, failed: false, warnings: read.warnings)))
                parsed.parsed.append((file, read.format, recordCount, writer.count))
                readFiles.append((file.sha256, file.display))
            case .failure(let error):
                try store.discardEvidence(sha256: file.sha256)
                if file.source.skipInvalid {
                    // The card's entry says `skip_invalid`: the file is left out and listed, the run goes on.
                    let refused = RefusedInput(path: file.display, problems: error.diagnostics)
                    parsed.refused.insert(file.sha256)
                    progress(.read(FileProgress(
                        index: index + 1, total: toRead.count, path: file.display, byteCount: file.byteCount,
                        summaryRecords: 0, sampleRecords: 0, failed: true, warnings: refused.warnings)))
                } else {
                    diagnostics += error.diagnostics
                }
            }
        }
        progress(.done)
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        // Records in the order of the files read in this run, then of the stored ones by path.
        let files = readFiles + stored.sorted { $0.value < $1.value }.map { (sha256: $0.key, path: $0.value) }
        let results = try StoredRecords(store: store, files: files, stage: stageMap.target(of:))
        let rank = Dictionary(files.enumerated().map { ($0.element.path, $0.offset) }) { first, _ in first }
        // Files parsed in this run were read with the accepted stages; stored ones may hold others.
        if let (stage, first) = results.stageFirst.filter({ !stages.contains($0.key) })
            .min(by: { (rank[$0.value.file] ?? 0, $0.value.line) < (rank[$1.value.file] ?? 0, $1.value.line) }) {
            throw InputError(file: first.file, line: first.line, "unknown stage '\(stage)' (known: \(stages.joined(separator: ", ")))")
        }
        let samples = try StoredSamples(store: store, files: files, stage: stageMap.target(of:))
        let counts = results.stageCounts.merging(samples.stageCounts, uniquingKeysWith: +)
        let accounting = stageMap.accounting(stageCounts: counts)
        parsed.leftOut = accounting.leftOut
        for stage in accounting.unmatched {
            parsed.warnings.append(Diagnostic(
                file: config.path, line: config.stagesLine, message: "stages: no evidence has stage '\(stage)'; the mapping matches nothing"))
        }
        // A file repeats none of its own results (the writer lists those); results of one subject
        // from two files, or from two stages the map makes one, can repeat each other.
        for subject in results.subjects where subject.files.count > 1 || !stageMap.isEmpty {
            duplicates += EvidenceLoader.duplicateResults(results.records(of: subject.subject))
        }
        duplicates += (try samples.duplicates()).map { EvidenceLoader.duplicate($0.sample, first: $0.first) }
        if let failure = results.failure { throw failure }
        if !duplicates.isEmpty { throw InputError(duplicates) }

        let hashes = Dictionary(scan.files.map { ($0.display, $0.sha256) }) { first, _ in first }
        var bySubject: [Subject: Set<String>] = [:]
        for subject in results.subjects { bySubject[subject.subject, default: []].formUnion(subject.files.keys) }
        for (slice, summary) in samples.summaries {
            for file in summary.files { bySubject[slice.subject, default: []].insert(file.location.file) }
        }
        parsed.filesBySubject = bySubject.mapValues { files in
            files.sorted().compactMap { display in hashes[display].map { (display, $0) } }
        }
        parsed.results = results
        parsed.samples = samples
        return parsed
    }

    /// Reads a determinations file once: the same bytes are hashed, parsed and stored, so the stored
    /// text always hashes to the hash scorecards record.
    func loadDeterminations(_ path: String, framework: Framework) throws -> (bundle: DeterminationBundle, text: String) {
        let bytes = try InputFile.read(path)
        let name = config.display(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw InputError(file: name, "the file is not UTF-8 text") }
        var bundle = try DeterminationLoader.parse(text, file: name, framework: framework)
        bundle.inputs = [(path, SHA256.hex(of: bytes))]
        return (bundle, text)
    }

    /// Stores the inputs of a run: framework and determination texts, and newly parsed evidence.
    func saveInputs(
        framework: LoadedFramework, determinations: (bundle: DeterminationBundle, text: String)?, loaded: LoadedEvidence
    ) throws {
        try store.saveFramework(framework.framework, path: config.display(framework.path),
                                text: framework.text, sha256: framework.sha256)
        if let determinations, let input = determinations.bundle.inputs.first {
            try store.saveDeterminations(determinations.bundle.determinations, path: config.display(input.path),
                                         text: determinations.text, sha256: input.sha256)
        }
        for item in loaded.parsed {
            try store.completeEvidence(sha256: item.file.sha256, format: item.format, recordCount: item.records, sampleCount: item.samples)
        }
    }
}

/// One subject's scorecard document, with inputs limited to the files that fed it, and its bytes.
struct SubjectCard {
    let assessment: SubjectAssessment
    let document: ScorecardDocument
    let data: Data

    var subject: Subject { assessment.subject }

    init(assessment: SubjectAssessment, document: ScorecardDocument) throws {
        self.assessment = assessment
        self.document = document
        data = try document.encoded()
    }
}
