import ScorecardCore
import ScorecardRender

extension Renderer {
    /// Renders each subject under every framework of `inputs`, side by side: one file per subject
    /// and format (Markdown, HTML; JSON is skipped, as each framework's document stands alone).
    ///
    /// `assessments` holds each framework's assessments, in the order of `inputs`.
    public func renderComparison(
        _ inputs: [Inputs], assessments: [[SubjectAssessment]], formats: [ReportFormat], out: String
    ) throws -> RenderedReports {
        let reports = zip(inputs, assessments).map { $0.reportInput($1) }
        let subjects = ComparisonRenderer.subjects(reports)
        guard !subjects.isEmpty else { throw RenderError.noModels }
        var seen: Set<ReportFormat> = []
        let formats = formats.filter { $0 != .json && seen.insert($0).inserted }
        let (directory, naming) = try Self.layout(out: out, reports: subjects.count * formats.count)
        let options = RenderOptions(formats: formats, templates: templates, generatedAt: generatedAt, naming: naming)
        return RenderedReports(directory: directory, files: ComparisonRenderer.files(for: reports, options: options))
    }
}

extension InputReview {
    /// One review of an evidence set assessed under several frameworks: a record counts as
    /// unused only when no framework reads it; every other warning and note appears once.
    public static func combined(_ reviews: [InputReview]) -> InputReview {
        guard let first = reviews.first else { return InputReview() }
        func key(_ warning: InputWarning) -> String { "\(warning.file ?? ""):\(warning.line ?? 0)" }
        let unusedEverywhere = reviews.dropFirst().reduce(Set(first.warnings.filter { $0.kind == .unusedEvidence }.map(key))) {
            $0.intersection($1.warnings.filter { $0.kind == .unusedEvidence }.map(key))
        }
        var combined = InputReview()
        var seenWarnings: Set<String> = [], seenNotes: Set<String> = []
        for review in reviews {
            for warning in review.warnings {
                if warning.kind == .unusedEvidence {
                    guard unusedEverywhere.contains(key(warning)), seenWarnings.insert("unused " + key(warning)).inserted else { continue }
                } else if !seenWarnings.insert(warning.description).inserted {
                    continue
                }
                combined.warnings.append(warning)
            }
            for note in review.notes where seenNotes.insert(note).inserted { combined.notes.append(note) }
        }
        return combined
    }
}
