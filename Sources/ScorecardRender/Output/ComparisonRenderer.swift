import Foundation
import ScorecardCore

/// Renders one subject under several frameworks side by side (`render --framework A --framework B`).
///
/// A pure function of the frameworks' ``ReportInput``s and ``RenderOptions``: per subject and
/// format, `STEM-frameworks.md` or `STEM-frameworks.html` (or the single file name asked for).
/// Markdown and HTML carry the same content; JSON is not offered, since each framework's scorecard
/// document stands on its own (`assess --format json`).
public enum ComparisonRenderer {
    /// The subjects in the order first assessed under any framework.
    public static func subjects(_ reports: [ReportInput]) -> [Subject] {
        var seen: Set<Subject> = []
        return reports.flatMap { $0.assessments.map(\.subject) }.filter { seen.insert($0).inserted }
    }

    /// Every file, with paths relative to the output directory.
    public static func files(for reports: [ReportInput], options: RenderOptions) -> [ReportFile] {
        let subjects = subjects(reports)
        let builder = ComparisonBuilder(reports: reports)
        let tool = reports.first?.tool ?? ScorecardDocument.Tool(name: "scorecard", version: "")
        var files: [ReportFile] = []
        for (subject, stem) in zip(subjects, FileSlug.stems(for: subjects)) {
            let tree = MustacheTree.of(builder.build(subject, generatedAt: options.generatedAt, tool: tool))
            for format in options.formats {
                let path: String
                switch options.naming {
                case .slugs: path = "\(stem)-frameworks.\(format.fileExtension)"
                case .single(let name): path = name
                }
                switch format {
                case .markdown:
                    files.append(ReportFile(path: path, contents: options.templates.renderMarkdown("comparison", tree: tree), role: .report(format)))
                case .html:
                    files.append(ReportFile(path: path, contents: options.templates.renderHTML("comparison", tree: tree), role: .report(format)))
                case .json:
                    continue
                }
            }
        }
        return files
    }
}
