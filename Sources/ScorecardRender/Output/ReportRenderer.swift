import Foundation
import ScorecardCore

/// Renders system-card sections: the files for every subject and format, ready to write.
///
/// A pure function of ``ReportInput`` and ``RenderOptions``: the same inputs give the same bytes.
/// Writing the files (atomically) is the caller's job.
public enum ReportRenderer {
    /// Every file of every subject's reports, with paths relative to the output directory.
    ///
    /// Per subject and format: `STEM.md` plus `STEM.charts/CATEGORY.svg` for each chart,
    /// `STEM.html` (charts inline), `STEM.json` (the scorecard envelope of that subject). STEM is
    /// the subject's ``FileSlug``, or the given file name's stem with ``RenderOptions/Naming/single(fileName:)``.
    public static func files(for input: ReportInput, options: RenderOptions) throws -> [ReportFile] {
        let stems = FileSlug.stems(for: input.assessments.map(\.subject))
        var files: [ReportFile] = []
        for (assessment, slug) in zip(input.assessments, stems) {
            let fileName: (ReportFormat) -> String
            let stem: String
            switch options.naming {
            case .slugs:
                stem = slug
                fileName = { "\(slug).\($0.fileExtension)" }
            case .single(let name):
                stem = (name as NSString).deletingPathExtension.isEmpty ? name : (name as NSString).deletingPathExtension
                fileName = { _ in name }
            }
            let view = view(of: assessment, input: input, generatedAt: options.generatedAt, chartDirectory: "\(stem).charts")
            // The view model as swift-mustache reads it, derived once for every format, with the
            // charts' subtrees for their own files.
            let (tree, charts) = options.formats.allSatisfy { $0 == .json }
                ? ([String: Any](), []) : MustacheTree.of(view, collecting: ChartView.self)
            for format in options.formats {
                switch format {
                case .markdown:
                    files.append(ReportFile(
                        path: fileName(format), contents: options.templates.renderMarkdown("report", tree: tree), role: .report(format)))
                    for (chart, chartTree) in charts {
                        files.append(ReportFile(
                            path: chart.imagePath, contents: options.templates.renderHTML("chart", tree: chartTree), role: .chart))
                    }
                case .html:
                    files.append(ReportFile(
                        path: fileName(format), contents: options.templates.renderHTML("report", tree: tree), role: .report(format)))
                case .json:
                    let document = ScorecardDocument(
                        framework: input.framework, assessments: [assessment], inputs: input.inputs,
                        registry: input.registry, tool: input.tool)
                    files.append(ReportFile(
                        path: fileName(format), contents: String(decoding: try document.encoded(), as: UTF8.self),
                        role: .report(format)))
                }
            }
        }
        return files
    }

    /// The view model of one subject's report.
    public static func view(
        of assessment: SubjectAssessment, input: ReportInput, generatedAt: String, chartDirectory: String,
        headings: HeadingsView = .page
    ) -> ReportView {
        let provenance = ProvenanceView(
            tool: "\(input.tool.name) \(input.tool.version)", frameworkID: input.framework.id,
            frameworkVersion: input.framework.version, frameworkSHA256: input.frameworkSHA256,
            inputs: input.inputs.sorted { $0.key < $1.key }.map { InputFileView(path: $0.key, sha256: $0.value) },
            generatedAt: generatedAt)
        var view = ReportBuilder(framework: input.framework).build(
            assessment, evidence: input.evidence, mitigations: input.mitigations, provenance: provenance,
            chartDirectory: chartDirectory, comparisons: input.comparisons.filter { $0.subject != assessment.subject },
            headings: headings)
        view.signoffs = SignoffWording.view(input.signoffs, subject: assessment.subject)
        return view
    }
}
