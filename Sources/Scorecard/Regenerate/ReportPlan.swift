import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardRender
import ScorecardStore

/// What shapes a card's reports besides the scorecards: formats, templates and generation time.
struct ReportSettings {
    let directory: String
    let formats: [ReportFormat]
    /// Template sources, read but not parsed: parsing waits until a report must be rendered.
    let templateSources: [TemplateLibrary.Source]
    let generatedAt: String
    /// Changes whenever rendering would change for the same scorecard.
    let fingerprint: String

    /// - Parameter signoffs: lines that change whenever the card's sign-offs shown in reports do.
    init(config: CardConfig, signoffs: [String] = []) throws {
        directory = config.reportDirectory
        formats = config.reportFormats.compactMap(ReportFormat.init(rawValue:))
        templateSources = try config.templates.map { try TemplateLibrary.sources(overrides: $0) } ?? TemplateLibrary.builtInSources
        generatedAt = try GenerationTime.resolve(option: config.generatedAt, environment: ProcessInfo.processInfo.environment)
        var lines = ["tool \(ToolIdentity.version)", "formats \(config.reportFormats.joined(separator: ","))",
                     "generated_at \(config.generatedAt ?? ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] ?? "clock")"]
        lines += templateSources.map { "template \($0.name) \(SHA256.hex(of: $0.text))" }
        lines += signoffs
        if config.isSystemCard {
            lines.append("card sections \(config.sections.joined(separator: ",")) compare \(config.compareWith.joined(separator: ",")) document \(config.document)")
            for path in config.sections where path.hasPrefix("/") {
                lines.append("section \(path) \((try? InputFile.read(path)).map { SHA256.hex(of: $0) } ?? "-")")
            }
        }
        fingerprint = SHA256.hex(of: lines.joined(separator: "\n"))
    }
}

/// The report files a run must write: those of subjects whose scorecard, rendering settings or
/// files on disk changed.
struct ReportPlan {
    struct Prepared {
        let subject: Subject
        let path: String
        /// Relative to the configuration's folder, as recorded in the store.
        let display: String
        let pending: AtomicFile.Pending
        let sha256: String
    }

    let settings: ReportSettings
    let inputs: Inputs
    let config: CardConfig
    /// The system card's parts and comparisons; nil for the Preparedness report alone.
    let card: CardOptions?
    let comparisons: [SubjectAssessment]
    private(set) var toRender: [(card: SubjectCard, stem: String)] = []
    private(set) var unchangedCount = 0

    /// - Parameter inputs: the framework, evidence and mitigations shared by every subject's report.
    init(
        cards: [SubjectCard], settings: ReportSettings, inputs: Inputs, previous: CompletedRun?,
        recorded: [String: RecordedReport], config: CardConfig, card: CardOptions? = nil, comparisons: [SubjectAssessment] = []
    ) {
        self.settings = settings
        self.inputs = inputs
        self.config = config
        self.card = card
        self.comparisons = comparisons
        let stems = FileSlug.stems(
            for: cards.map(\.subject), derived: card.map { FileSlug.derived(sections: $0.sections, document: $0.document) } ?? [])
        for (subjectCard, stem) in zip(cards, stems) {
            // A system card shows other models' evidence too: it is rendered whenever the run is not a no-op.
            if card == nil, let unchanged = unchangedFiles(subjectCard, stem: stem, previous: previous, recorded: recorded) {
                unchangedCount += unchanged
            } else {
                toRender.append((subjectCard, stem))
            }
        }
    }

    /// The number of intact recorded files when a subject's reports need no work; nil otherwise.
    private func unchangedFiles(
        _ card: SubjectCard, stem: String, previous: CompletedRun?, recorded: [String: RecordedReport]
    ) -> Int? {
        guard let stored = previous?.scorecards[card.subject], stored.documentSHA256 == SHA256.hex(of: [UInt8](card.data)) else {
            return nil
        }
        let files = recorded.filter { $0.value.scorecardID == stored.id }
        let reports = settings.formats.map { display("\(stem).\($0.fileExtension)") }
        guard reports.allSatisfy({ files[$0] != nil }) else { return nil }
        for (path, report) in files {
            guard report.renderFingerprint == settings.fingerprint,
                  let bytes = try? InputFile.read(absolute(path)), SHA256.hex(of: bytes) == report.sha256 else { return nil }
        }
        return files.count
    }

    /// Removes the temporary files killed runs left in the folders reports are written to: the
    /// reports folder and the chart folders (`NAME.charts/`) in it. See ``AtomicFile/removeStale(in:before:)``.
    static func removeStaleTemporaries(in directory: String, startedBefore cutoff: Date) {
        AtomicFile.removeStale(in: directory, before: cutoff)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasSuffix(".charts") {
            AtomicFile.removeStale(in: (directory as NSString).appendingPathComponent(name), before: cutoff)
        }
    }

    /// Renders every report to write into a temporary file beside its target.
    func prepare() throws -> [Prepared] {
        guard !toRender.isEmpty else { return [] }
        let templates = try TemplateLibrary(sources: settings.templateSources)
        var prepared: [Prepared] = []
        do {
            for (card, stem) in toRender {
                var subjectInput = inputs.reportInput([card.assessment], hashes: card.document.inputs, comparisons: comparisons)
                subjectInput.signoffs = inputs.signoffs.filter { $0.signoff.subject == card.subject }
                var files: [ReportFile] = []
                if let options = self.card {
                    let input = CardInput(
                        preparedness: subjectInput, subjects: [card.subject],
                        compareWith: comparisons.map(\.subject), evidence: inputs.evidence, parts: options.parts,
                        inputs: card.document.inputs, tool: ToolIdentity.document, stems: [stem])
                    files = try CardRenderer.files(
                        for: input, options: RenderOptions(formats: settings.formats, templates: templates, generatedAt: settings.generatedAt),
                        document: options.document)
                } else {
                    for format in settings.formats {
                        let options = RenderOptions(
                            formats: [format], templates: templates, generatedAt: settings.generatedAt,
                            naming: .single(fileName: "\(stem).\(format.fileExtension)"))
                        files += try ReportRenderer.files(for: subjectInput, options: options)
                    }
                }
                for file in files {
                    let path = (settings.directory as NSString).appendingPathComponent(file.path)
                    let data = Data(file.contents.utf8)
                    prepared.append(Prepared(
                        subject: card.subject, path: path, display: config.display(path),
                        pending: try AtomicFile.prepare(data, for: path), sha256: SHA256.hex(of: [UInt8](data))))
                }
            }
        } catch {
            for file in prepared { file.pending.discard() }
            throw error
        }
        return prepared
    }

    func records(_ prepared: [Prepared]) -> [ReportToRecord] {
        prepared.map {
            ReportToRecord(path: $0.display, sha256: $0.sha256, subject: $0.subject, renderFingerprint: settings.fingerprint)
        }
    }

    private func display(_ file: String) -> String {
        config.display((settings.directory as NSString).appendingPathComponent(file))
    }

    private func absolute(_ display: String) -> String { config.absolute(display) }
}
