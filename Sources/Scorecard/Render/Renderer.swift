import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardRender

/// Renders system-card reports to files (`scorecard render`): where they go, their names, and
/// atomic writes.
///
/// With one report (one model, one format) the output path may name the file; otherwise it is a
/// directory and files are named from the model. Markdown charts are written beside their report.
public struct Renderer: Sendable {
    /// The templates: built in, with any overrides.
    public let templates: TemplateLibrary
    /// The generation time the reports show (ISO 8601).
    public let generatedAt: String

    /// - Parameters:
    ///   - templates: a directory whose files replace the built-in templates of the same name.
    ///   - generatedAt: the time to show (ISO 8601, or a date); nil: `$SOURCE_DATE_EPOCH`, else the clock.
    public init(
        templates: String? = nil, generatedAt: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        self.generatedAt = try GenerationTime.resolve(option: generatedAt, environment: environment)
        self.templates = try templates.map { try TemplateLibrary.loading(overrides: $0) } ?? TemplateLibrary.builtIn()
    }

    /// Renders each of `assessments` in each of `formats` (repeats ignored) for the output path `out`;
    /// with `card`, the system card's sections too (each model beside those it is compared with)
    /// and, when asked, the whole card in one file.
    public func render(
        _ inputs: Inputs, assessments: [SubjectAssessment], formats: [ReportFormat], out: String, card: CardOptions? = nil
    ) throws -> RenderedReports {
        guard !assessments.isEmpty else { throw RenderError.noModels }
        var seen: Set<ReportFormat> = []
        let formats = formats.filter { seen.insert($0).inserted }
        guard let card else {
            let (directory, naming) = try Self.layout(out: out, reports: assessments.count * formats.count)
            let options = RenderOptions(formats: formats, templates: templates, generatedAt: generatedAt, naming: naming)
            let files = try ReportRenderer.files(for: inputs.reportInput(assessments), options: options)
            var rendered = RenderedReports(directory: directory, files: files)
            rendered.inputs = inputs.hashes.keys.sorted()
            return rendered
        }
        let compared = try Self.subjects(card.compareWith, in: inputs.evidence)
        let assessed = try inputs.assess(models: card.compareWith)
        let comparisons = compared.compactMap { subject in assessed.first { $0.subject == subject } }
        let input = CardInput(
            preparedness: inputs.reportInput(assessments, comparisons: comparisons), subjects: assessments.map(\.subject),
            compareWith: compared, evidence: inputs.evidence, parts: card.parts, inputs: inputs.hashes, tool: ToolIdentity.document)
        var rendered = try render(input, formats: formats, out: out, document: card.document)
        rendered.inputs = inputs.hashes.keys.sorted()
        return rendered
    }

    /// Renders a card of sections alone (no framework) from evidence: for `models` (every model
    /// of the evidence when empty), each beside `card.compareWith`.
    public func renderSections(
        evidence paths: [String], importOptions: ImportOptions = .init(), models: [String], card: CardOptions,
        formats: [ReportFormat], out: String
    ) throws -> RenderedReports {
        if card.parts.contains(.preparedness) { throw RenderError.preparednessNeedsFramework }
        let bundle = try EvidenceLoader.load(paths: paths, stages: nil, options: importOptions)
        let evidence = EvidenceSet(records: bundle.records, samples: bundle.samples)
        let subjects = models.isEmpty ? evidence.subjects : try Self.subjects(models, in: evidence)
        guard !subjects.isEmpty else { throw RenderError.noModels }
        let hashes = Dictionary(bundle.inputs.map { ($0.path, $0.sha256) }) { first, _ in first }
        let input = CardInput(
            preparedness: nil, subjects: subjects, compareWith: try Self.subjects(card.compareWith, in: evidence),
            evidence: evidence, parts: card.parts, inputs: hashes, tool: ToolIdentity.document)
        var rendered = try render(input, formats: formats, out: out, document: card.document)
        rendered.inputs = hashes.keys.sorted()
        rendered.review = InputReview(warnings: bundle.warnings.map { InputWarning($0) })
        rendered.review.addUnmatchedNames(of: card.sections, in: evidence)
        return rendered
    }

    private func render(_ input: CardInput, formats: [ReportFormat], out: String, document: Bool) throws -> RenderedReports {
        let options = RenderOptions(formats: formats, templates: templates, generatedAt: generatedAt, naming: .slugs)
        return RenderedReports(directory: out, files: try CardRenderer.files(for: input, options: options, document: document))
    }

    /// The evidence's subjects of each named model, in the order named; a name with no evidence
    /// is an error naming the nearest model.
    static func subjects(_ names: [String], in evidence: EvidenceSet) throws(InputsError) -> [Subject] {
        let all = evidence.subjects
        let models = Set(all.map(\.model))
        var subjects: [Subject] = []
        for name in names {
            let found = all.filter { $0.model == name }
            guard !found.isEmpty else {
                throw .unknownModel(name, known: models.sorted(), suggestion: NearestName.closest(to: name, in: models))
            }
            subjects += found
        }
        return subjects
    }

    /// Where files go and how they are named, from the output path and the number of reports.
    static func layout(out: String, reports: Int) throws(RenderError) -> (directory: String, naming: RenderOptions.Naming) {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory)
        let name = (out as NSString).lastPathComponent
        let looksLikeFile = !(exists && isDirectory.boolValue) && name.contains(".") && !name.hasPrefix(".")
        if looksLikeFile {
            guard reports == 1 else { throw .outNamesAFile(out: out, reports: reports) }
            let parent = (out as NSString).deletingLastPathComponent
            return (parent.isEmpty ? "." : parent, .single(fileName: name))
        }
        return (out, .slugs)
    }
}

/// Reports rendered in memory, ready to be written.
public struct RenderedReports: Sendable {
    /// The folder the files' paths are relative to.
    public let directory: String
    /// Every file: reports and their charts.
    public let files: [ReportFile]
    /// What the inputs gave that the reports do not show, where the renderer read them itself
    /// (sections without a framework); empty otherwise, the caller reviewing its own inputs.
    public var review = InputReview()

    /// Places where an HTML or SVG file is not well-formed XML (`file:line:column: message`);
    /// such a file is still written (a template override may have broken it).
    public var problems: [String] { files.flatMap(WellFormedness.problems) }

    /// The files the reports were made from (evidence, framework, determinations), which no
    /// report may replace.
    public var inputs: [String] = []

    /// Creates the folders and writes every file atomically; returns the paths of the reports
    /// (not their charts), in order.
    ///
    /// Nothing is written when a file would replace one of ``inputs`` or `protecting` (the
    /// command's other input files), or a path that is not a regular file (a device, a FIFO):
    /// ``OutputTarget/check(_:against:)``.
    @discardableResult
    public func write(protecting: [String] = []) throws -> [String] {
        let paths = files.map { (directory as NSString).appendingPathComponent($0.path) }
        for path in paths { try OutputTarget.check(path, against: inputs + protecting) }
        var reports: [String] = []
        for (file, path) in zip(files, paths) {
            try AtomicFile.write(Data(file.contents.utf8), to: path)
            if file.role != .chart { reports.append(path) }
        }
        return reports
    }
}

/// Why reports were not rendered.
public enum RenderError: Error, Sendable, CustomStringConvertible {
    /// No model was assessed.
    case noModels
    /// The output path names one file, but several reports are to be written.
    case outNamesAFile(out: String, reports: Int)
    /// The Preparedness scorecard was asked for without a framework.
    case preparednessNeedsFramework

    public var description: String {
        switch self {
        case .noModels: "no models to render"
        case .outNamesAFile(let out, let reports): "'\(out)' names a file, but \(reports) reports are written: give a directory"
        case .preparednessNeedsFramework: "the preparedness section needs a framework (--framework, or a card's framework:)"
        }
    }
}
