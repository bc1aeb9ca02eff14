import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardStore

/// Evidence for a run: stored contents plus newly parsed files, and which files fed which subject.
struct LoadedEvidence {
    var records: [EvidenceRecord]
    var samples: [SampleRecord]
    var filesBySubject: [Subject: [(display: String, sha256: String)]]
    /// Files parsed in this run, to store with the run's transaction (as read, before the stage map).
    var parsed: [(file: ScannedFile, format: String, records: [EvidenceRecord], samples: [SampleRecord])]
    /// The readers' warnings about the files parsed in this run.
    var warnings: [Diagnostic] = []
    /// Evidence stage → records the stage map left out.
    var leftOut: [String: Int] = [:]
    /// Contents of files refused and skipped (`skip_invalid`): nothing of theirs is stored.
    var refused: Set<String> = []

    /// Every subject with evidence, sorted.
    var subjects: [Subject] { Array(Set(records.map(\.subject)).union(samples.map(\.subject))).sorted() }
}

extension RegenerationRun {
    /// Parses files whose content is not stored yet and loads the rest from the store, then maps
    /// the evidence's stages onto the framework's.
    func loadEvidence(
        _ scan: EvidenceScan.Result, stageMap: StageMap, framework: Framework, progress: (ProgressEvent) -> Void
    ) throws -> LoadedEvidence {
        let stages = stageMap.accepted(by: framework)
        var records: [EvidenceRecord] = []
        var samples: [SampleRecord] = []
        var parsed = LoadedEvidence(records: [], samples: [], filesBySubject: [:], parsed: [])
        var stored: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var toRead: [ScannedFile] = []
        for file in scan.files {
            if try store.hasEvidence(sha256: file.sha256) { stored[file.sha256] = file.display } else { toRead.append(file) }
        }
        progress(.reading(files: toRead.count))
        for (index, file) in toRead.enumerated() {
            do throws(InputError) {
                let read = try EvidenceFormats.read(
                    path: file.path, name: file.display,
                    reader: file.source.format == "auto" ? nil : try EvidenceFormats.reader(named: file.source.format),
                    options: ImportOptions(stage: file.source.stage, allowedStages: stages, evaluationMap: file.source.map,
                                           model: file.source.model),
                    bytes: file.bytes)
                records += read.records
                samples += read.samples
                parsed.warnings += read.warnings
                progress(.read(FileProgress(
                    index: index + 1, total: toRead.count, path: file.display, byteCount: file.byteCount,
                    summaryRecords: read.records.count, sampleRecords: read.samples.count, failed: false,
                    warnings: read.warnings)))
                parsed.parsed.append((file, read.format, read.records, read.samples))
            } catch {
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
        let fromStore = try store.loadEvidence(paths: stored)
        let unknownStages = fromStore.records.filter { !stages.contains($0.stage) }
        if let first = unknownStages.first {
            throw InputError(file: first.location.file, line: first.location.line,
                             "unknown stage '\(first.stage)' (known: \(stages.joined(separator: ", ")))")
        }
        records += fromStore.records
        samples += fromStore.samples
        let mapped = stageMap.apply(records: records, samples: samples)
        records = mapped.records
        samples = mapped.samples
        parsed.leftOut = mapped.leftOut
        for stage in mapped.unmatched {
            parsed.warnings.append(Diagnostic(
                file: config.path, line: config.stagesLine, message: "stages: no evidence has stage '\(stage)'; the mapping matches nothing"))
        }
        var bundle = EvidenceBundle()
        bundle.records = records
        bundle.samples = samples
        let duplicates = EvidenceLoader.duplicateProblems(bundle)
        if !duplicates.isEmpty { throw InputError(duplicates) }

        let hashes = Dictionary(scan.files.map { ($0.display, $0.sha256) }) { first, _ in first }
        var bySubject: [Subject: Set<String>] = [:]
        for record in records { bySubject[record.subject, default: []].insert(record.location.file) }
        for sample in samples { bySubject[sample.subject, default: []].insert(sample.location.file) }
        parsed.filesBySubject = bySubject.mapValues { files in
            files.sorted().compactMap { display in hashes[display].map { (display, $0) } }
        }
        parsed.records = records
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
            try store.saveEvidence(sha256: item.file.sha256, format: item.format, byteCount: item.file.byteCount,
                                   records: item.records, samples: item.samples)
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
