import Foundation
import ScorecardCore

/// The parts of a system card, in the order the card lists them.
public enum CardPart: Sendable, Equatable {
    /// The Preparedness scorecard (needs a framework).
    case preparedness
    case section(SectionDefinition)
}

/// Everything a whole system card is made from: the Preparedness input (when the card has a
/// framework), the sections, the models each report is about and those compared with them.
public struct CardInput: Sendable {
    /// The Preparedness scorecards; nil for a card of sections alone.
    public var preparedness: ReportInput?
    /// The models a report is written for, in order.
    public var subjects: [Subject]
    /// The models every report shows beside its subject, in order.
    public var compareWith: [Subject]
    public var evidence: EvidenceSet
    public var parts: [CardPart]
    /// Input path → SHA-256, for provenance.
    public var inputs: [String: String]
    public var tool: ScorecardDocument.Tool
    /// File-name stems of the subjects, when the caller has chosen them (to stay the same
    /// whichever subjects are rendered in a run); nil: ``FileSlug`` stems of `subjects`.
    public var stems: [String]?

    public init(
        preparedness: ReportInput?, subjects: [Subject], compareWith: [Subject], evidence: EvidenceSet, parts: [CardPart],
        inputs: [String: String], tool: ScorecardDocument.Tool, stems: [String]? = nil
    ) {
        self.stems = stems
        self.preparedness = preparedness
        self.subjects = subjects
        self.compareWith = compareWith
        self.evidence = evidence
        self.parts = parts
        self.inputs = inputs
        self.tool = tool
    }
}

/// Renders a system card: per subject, the Preparedness report (as ``ReportRenderer`` does),
/// one file per section (`STEM-SECTION.md`, `.html`), and with `document` the whole card in one
/// file (`STEM-card.md`, `.html`) with a table of contents.
public enum CardRenderer {
    public static func files(for input: CardInput, options: RenderOptions, document: Bool) throws -> [ReportFile] {
        var files: [ReportFile] = []
        let definitions = input.parts.compactMap { part -> SectionDefinition? in
            if case .section(let definition) = part { definition } else { nil }
        }
        let stems = input.stems ?? FileSlug.stems(for: input.subjects, derived: FileSlug.derived(sections: definitions, document: document))
        let formats = options.formats.filter { $0 != .json }
        for (subject, stem) in zip(input.subjects, stems) {
            if var preparedness = input.preparedness, input.parts.contains(.preparedness),
               let assessment = preparedness.assessments.first(where: { $0.subject == subject }) {
                preparedness.assessments = [assessment]
                for format in options.formats {
                    var single = options
                    single.formats = [format]
                    single.naming = .single(fileName: "\(stem).\(format.fileExtension)")
                    files += try ReportRenderer.files(for: preparedness, options: single)
                }
            }
            let others = input.compareWith.filter { $0 != subject }
            let charts = "\(stem).charts"
            let sections = input.parts.compactMap { part -> SectionView? in
                guard case .section(let definition) = part else { return nil }
                let result = SectionAssessor(definition: definition).assess(subjects: [subject] + others, evidence: input.evidence)
                return SectionBuilder(result: result, chartDirectory: charts).build()
            }
            let provenance = ProvenanceView(
                tool: "\(input.tool.name) \(input.tool.version)",
                frameworkID: input.preparedness?.framework.id ?? "none", frameworkVersion: input.preparedness?.framework.version ?? "–",
                frameworkSHA256: input.preparedness?.frameworkSHA256 ?? "–",
                inputs: input.inputs.sorted { $0.key < $1.key }.map { InputFileView(path: $0.key, sha256: $0.value) },
                generatedAt: options.generatedAt)
            let compared = others.isEmpty ? [] : [Formatting.prose(others.map(\.description))]
            for section in sections {
                let page = CardView(
                    title: "\(section.title): \(subject)", subject: subject.description, comparedWith: compared,
                    contents: [], hasContents: false, preparedness: nil, sections: [section], provenance: provenance,
                    headings: .page)
                files += render(page, path: "\(stem)-\(section.anchor.dropFirst("sec-".count))", formats: formats, options: options)
            }
            guard document else { continue }
            let report = input.preparedness.flatMap { input in
                input.assessments.first { $0.subject == subject }.map {
                    ReportRenderer.view(of: $0, input: input, generatedAt: options.generatedAt, chartDirectory: charts, headings: .part)
                }
            }
            var contents: [ContentsEntry] = []
            var sectionIndex = 0
            for part in input.parts {
                switch part {
                case .preparedness where report != nil:
                    contents.append(ContentsEntry(title: "Preparedness scorecard", anchor: "preparedness",
                                                  markdownAnchor: Formatting.markdownAnchor("Preparedness scorecard")))
                case .preparedness:
                    break
                case .section:
                    let section = sections[sectionIndex]
                    sectionIndex += 1
                    contents.append(ContentsEntry(title: section.title, anchor: section.anchor,
                                                  markdownAnchor: Formatting.markdownAnchor(section.title)))
                }
            }
            let card = CardView(
                title: "System card: \(subject)", subject: subject.description, comparedWith: compared, contents: contents,
                hasContents: !contents.isEmpty, preparedness: report, sections: sections, provenance: provenance,
                headings: .page)
            files += render(card, path: "\(stem)-\(FileSlug.documentSuffix)", formats: formats, options: options)
        }
        // A chart shared by the Preparedness report and the card is written once.
        var seen: Set<String> = []
        return files.filter { seen.insert($0.path).inserted }
    }

    /// The card's files in each format, with the Markdown's chart files beside it.
    private static func render(_ card: CardView, path: String, formats: [ReportFormat], options: RenderOptions) -> [ReportFile] {
        let (tree, charts) = MustacheTree.of(card, collecting: ChartView.self)
        let (_, scatters) = MustacheTree.of(card, collecting: ScatterView.self)
        var files: [ReportFile] = []
        for format in formats {
            switch format {
            case .markdown:
                files.append(ReportFile(path: "\(path).md", contents: options.templates.renderMarkdown("card", tree: tree), role: .report(format)))
                for (chart, chartTree) in charts {
                    files.append(ReportFile(path: chart.imagePath, contents: options.templates.renderHTML("chart", tree: chartTree), role: .chart))
                }
                for (scatter, scatterTree) in scatters {
                    files.append(ReportFile(path: scatter.imagePath, contents: options.templates.renderHTML("scatter", tree: scatterTree), role: .chart))
                }
            case .html:
                files.append(ReportFile(path: "\(path).html", contents: options.templates.renderHTML("card", tree: tree), role: .report(format)))
            case .json:
                break
            }
        }
        return files
    }
}
