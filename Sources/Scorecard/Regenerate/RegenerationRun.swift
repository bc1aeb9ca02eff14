import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardRender
import ScorecardStore

/// One regeneration of a card, holding the store's lock.
///
/// Order of work, chosen so a crash at any moment leaves old or new files and a consistent
/// database: read and assess everything in memory; write every changed report to a temporary
/// file (nothing in the database has changed yet, so a full disk or a read-only folder leaves it
/// as it was); store the inputs (content-addressed, so storing them twice is harmless), then the
/// scorecards and report hashes in one transaction; rename the temporary files into place; mark
/// the run completed. A run that fails after it started is marked failed; one killed before the
/// end stays "started".
///
/// Alerts compare with the card's last run whose summary was *delivered*
/// (``ScorecardStore/markDelivered(_:)``, recorded by ``Regenerator`` once the summary is
/// written out), not with the last completed one: a run killed or unable to print after it
/// completed has its alert raised again by the next run, with the same exit code.
struct RegenerationRun {
    let config: CardConfig
    let store: ScorecardStore
    let registry: EvaluatorRegistry
    /// The card's key in the store (``Card/key(config:store:)``).
    let cardKey: String
    /// Hash every evidence file, trusting no size and modification time.
    var rehash = false
    /// Fail on any warning about the inputs before writing anything (`--strict` or `strict: true`).
    var strict = false

    /// What a run gives: its summary, and the completed run whose delivery printing it records.
    struct Outcome {
        var summary: RunSummary
        var deliver: Int64?
    }

    func run(progress: (ProgressEvent) -> Void) throws -> Outcome {
        let started = Date()
        let framework = try FrameworkLoader.load(path: config.framework, registry: registry)
        let stageMap = StageMap(config.stages)
        let mapProblems = stageMap.problems(framework.framework, source: config.path, line: config.stagesLine)
        if !mapProblems.isEmpty { throw InputError(mapProblems) }
        let loadedDeterminations = try config.determinations.map { try loadDeterminations($0, framework: framework.framework) }
        let determinations = loadedDeterminations?.bundle
        let scan = try EvidenceScan(config: config, known: try store.sourceStates(card: cardKey), rehash: rehash || config.rehash).run()
        let signoffs = try CardSignoffs(config: config, store: store, card: cardKey)
        let renderSettings = try ReportSettings(config: config, signoffs: signoffs.fingerprintLines)
        let fingerprint = self.fingerprint(framework: framework, determinations: determinations, scan: scan, render: renderSettings)
        let last = try store.lastCompletedRun(card: cardKey)
        let delivered = try store.lastDeliveredRun(card: cardKey)
        let pendingAlert = last.flatMap { $0.deliveredAt == nil ? $0.id : nil }
        let recorded = try store.reports(card: cardKey)
        ReportPlan.removeStaleTemporaries(in: renderSettings.directory, startedBefore: started)

        if let last, last.fingerprint == fingerprint, reportsIntact(recorded, subjects: last.scorecards) {
            if scan.counts.unchanged != scan.files.count || scan.files.contains(where: { $0.bytes != nil }) {
                // A file refused and skipped (`skip_invalid`) has no stored evidence to point at.
                try store.recordSources(try scan.files.filter { try store.hasEvidence(sha256: $0.sha256) }.map(state), card: cardKey)
            }
            var summary = RunSummary(nothingChanged: true, evidence: scan.counts)
            summary.reportsUnchanged = recorded.count
            let current = last.scorecards.values.sorted { $0.subject < $1.subject }
            let stored = current.compactMap { try? $0.decoded().models.first }
            summary.models = current.compactMap { scorecard in
                (try? scorecard.decoded())?.models.first.map {
                    ModelChange(old: (try? delivered?.scorecards[scorecard.subject]?.decoded())?.models.first, new: $0)
                }
            }
            summary.signoffsMadeStale = try current.flatMap { scorecard in
                signoffs.madeStale(
                    previous: try delivered?.scorecards[scorecard.subject].map { try SignoffStanding.version(of: $0, store: store) },
                    current: try SignoffStanding.version(of: scorecard, store: store))
            }
            // Nothing was read again: the warnings are those the stored scorecards record.
            summary.warnings = InputReview.evidenceUse(stored)
            try InputReview(warnings: summary.warnings).check(strict: strict)
            summary.repeatsAlertOf = pendingAlert
            summary.exitCode = summary.status.rawValue
            return Outcome(summary: summary, deliver: pendingAlert)
        }

        let loaded = try loadEvidence(scan, stageMap: stageMap, framework: framework.framework, progress: progress)
        var problems = NameCheck.subjects(
            recordSubjects: (loaded.results?.subjects ?? []).map { ($0.subject, $0.first) }, sampleSubjects: loaded.sampleSubjects,
            bundle: determinations)
        problems += determinations.map { NameCheck.determinations($0, subjects: loaded.subjects) } ?? []
        var common = [config.display(framework.path): framework.sha256]
        for input in determinations?.inputs ?? [] { common[config.display(input.path)] = input.sha256 }
        let modelsWithoutEvidence = Set(determinations?.modelsWithoutEvidence.map(\.model) ?? [])
        let known = Set(loaded.subjects).union((determinations?.determinations ?? [])
            .filter { modelsWithoutEvidence.contains($0.model) }.map { Subject(model: $0.model, snapshot: $0.snapshot) })
        problems += NameCheck.cardModels(config, subjects: Array(known))
        if !problems.isEmpty { throw InputError(problems) }
        var inputs = Inputs(
            framework: framework.framework, frameworkSHA256: framework.sha256, evidence: loaded.evidence,
            determinations: determinations?.determinations ?? [], mitigations: determinations?.mitigations ?? [],
            registry: framework.registry, hashes: common,
            warnings: loaded.warnings + (determinations?.dated(after: DeterminationDates.latest(now: started)) ?? []),
            modelsWithoutEvidence: modelsWithoutEvidence,
            stageMap: stageMap, leftOutByStageMap: loaded.leftOut)
        let card = try cardOptions()
        inputs.sections = card?.sections ?? []
        let assessed = try inputs.assess(models: config.models.map(\.name))
        let subjects = assessed.filter(selected)
        var review = inputs.review(subjects, models: config.models.map(\.name), filter: "the card's models:", comparedWith: config.compareWith)
        if let left = unselectedSnapshots(assessed), !left.isEmpty {
            review.notes.append("the card's models: leave out the snapshots \(left)")
        }
        let cards = try subjects.map { assessment in
            var hashes = common
            for file in loaded.filesBySubject[assessment.subject] ?? [] { hashes[file.display] = file.sha256 }
            return try SubjectCard(assessment: assessment, document: inputs.document([assessment], hashes: hashes))
        }
        inputs.determinationsSHA256 = determinations?.inputs.first?.sha256
        let versions = try cards.map { card in try inputs.version(of: card.assessment, hashes: card.document.inputs) }
        review.warnings += try signoffs.unmatched(current: versions, store: store, card: cardKey)
        // A model scored before and absent now (renamed in the evidence, its files removed) would
        // otherwise keep its old reports and drop out of the summary unseen.
        let now = Set(assessed.map(\.subject))
        for gone in (last?.scorecards.keys.sorted() ?? []) where !now.contains(gone) {
            review.warnings.append(InputWarning(.vanishedModel, message: "\(gone) had a scorecard at the last run but no evidence or determination names it now (renamed, or its files removed?): its stored scorecards are kept, and its reports are no longer updated"))
        }
        try review.check(strict: strict)
        inputs.signoffs = versions.flatMap(signoffs.shown)

        var summary = RunSummary(nothingChanged: false, evidence: scan.counts)
        summary.warnings = review.warnings
        summary.notes = review.notes
        summary.models = cards.map { card in
            ModelChange(old: (try? delivered?.scorecards[card.subject]?.decoded())?.models.first, new: card.document.models[0])
        }
        summary.repeatsAlertOf = pendingAlert
        summary.signoffsMadeStale = try versions.flatMap { version in
            signoffs.madeStale(
                previous: try delivered?.scorecards[version.subject].map { try SignoffStanding.version(of: $0, store: store) },
                current: version)
        }
        let reports = ReportPlan(cards: cards, settings: renderSettings, inputs: inputs, previous: last, recorded: recorded,
                                 config: config, card: card, comparisons: try comparisons(inputs))
        let pending = try reports.prepare()
        if let failure = loaded.failure {
            // Records the assessment asked for could not be read: what was assessed is incomplete.
            for file in pending { file.pending.discard() }
            throw failure
        }
        let run: Int64
        do {
            run = try store.beginRun(configPath: config.display(config.path), card: cardKey)
        } catch {
            for file in pending { file.pending.discard() }
            throw error
        }
        do {
            try saveInputs(framework: framework, determinations: loadedDeterminations, loaded: loaded)
            try store.commit(
                run: run,
                scorecards: cards.map { ScorecardToStore(subject: $0.subject, frameworkSHA256: framework.sha256, document: $0.data) },
                reports: reports.records(pending), signoffs: signoffs.new.map(\.signoff))
            for file in pending { try file.pending.commit() }
            try store.recordSources(scan.files.filter { !loaded.refused.contains($0.sha256) }.map(state), card: cardKey)
            summary.reportsWritten = pending.map { RelativePath.from(FileManager.default.currentDirectoryPath, to: $0.path) }
            summary.reportsUnchanged = reports.unchangedCount
            summary.exitCode = summary.status.rawValue
            let text = String(decoding: (try? JSONEncoder.summary.encode(summary)) ?? Data(), as: UTF8.self)
            try store.completeRun(run, fingerprint: fingerprint, summary: text)
        } catch {
            for file in pending { file.pending.discard() }
            try? store.failRun(run, message: "\(error)")
            throw error
        }
        CrashPoint.afterCommit.reach()
        return Outcome(summary: summary, deliver: run)
    }

    /// The card's system-card parts (`sections:`, `compare_with:`, `reports: {document: true}`);
    /// nil when the card renders the Preparedness report alone.
    private func cardOptions() throws(InputError) -> CardOptions? {
        guard config.isSystemCard else { return nil }
        do {
            let parts = try CardOptions.parts(config.sections.isEmpty ? ["preparedness"] : config.sections, display: config.display)
            return CardOptions(parts: parts, compareWith: config.compareWith, document: config.document)
        } catch {
            throw InputError(file: config.display(config.path), line: config.sectionsLine, "sections: \(error)")
        }
    }

    /// Assessments of the models the card compares every report's model with, in the card's order.
    private func comparisons(_ inputs: Inputs) throws -> [SubjectAssessment] {
        guard !config.compareWith.isEmpty else { return [] }
        let compared: [Subject]
        do {
            compared = try Renderer.subjects(config.compareWith, in: inputs.evidence)
        } catch {
            throw InputError(file: config.display(config.path), line: config.compareWithLine, "compare_with: \(error)")
        }
        let assessed = try inputs.assess(models: config.compareWith)
        return compared.compactMap { subject in assessed.first { $0.subject == subject } }
    }

    /// The subjects of selected models left out because the card lists other snapshots of them.
    private func unselectedSnapshots(_ assessed: [SubjectAssessment]) -> String? {
        let left = assessed.filter { !selected($0) }.map(\.subject.description)
        return left.isEmpty ? nil : left.joined(separator: ", ")
    }

    private func selected(_ assessment: SubjectAssessment) -> Bool {
        guard let selection = config.models.first(where: { $0.name == assessment.subject.model }) else { return config.models.isEmpty }
        return selection.snapshots.isEmpty || selection.snapshots.contains(assessment.subject.snapshot ?? "")
    }

    private func state(_ file: ScannedFile) -> SourceState {
        SourceState(path: file.display, sha256: file.sha256, byteCount: file.byteCount, modifiedNs: file.modifiedNs)
    }

    /// Whether every recorded report of the current scorecards is on disk with the recorded bytes.
    private func reportsIntact(_ recorded: [String: RecordedReport], subjects: [Subject: StoredScorecard]) -> Bool {
        let current = Set(subjects.values.map(\.id))
        let expected = recorded.filter { current.contains($0.value.scorecardID) }
        guard !expected.isEmpty || subjects.isEmpty else { return false }
        return expected.allSatisfy { path, report in
            let absolute = config.absolute(path)
            guard let bytes = try? InputFile.read(absolute) else { return false }
            return SHA256.hex(of: bytes) == report.sha256
        }
    }

    private func fingerprint(
        framework: LoadedFramework, determinations: DeterminationBundle?, scan: EvidenceScan.Result, render: ReportSettings
    ) -> String {
        var lines = [
            "tool \(ToolIdentity.version)", "config \(config.sha256)", "framework \(framework.sha256)",
            "determinations \(determinations?.inputs.first?.sha256 ?? "-")", "render \(render.fingerprint)",
        ]
        lines += scan.files.map { "evidence \($0.display) \($0.sha256)" }.sorted()
        // A changed evaluator definition or program changes what the evidence measures.
        lines += framework.evaluatorFiles.map { "evaluator \($0.key) \($0.value)" }.sorted()
        return SHA256.hex(of: lines.joined(separator: "\n"))
    }
}

extension JSONEncoder {
    /// Compact, sorted JSON for stored run summaries.
    static var summary: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
