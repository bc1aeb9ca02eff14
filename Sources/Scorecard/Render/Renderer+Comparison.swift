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
        var rendered = RenderedReports(directory: directory, files: ComparisonRenderer.files(for: reports, options: options))
        rendered.inputs = Set(inputs.flatMap(\.hashes.keys)).sorted()
        return rendered
    }
}

/// One evidence set under several frameworks (`render --framework A --framework B`): each
/// framework's own inputs (its stage map and determinations picked out of the qualified options,
/// see ``FrameworkQualifier``), assessed for the models asked for.
public struct SideBySide: Sendable {
    /// Two framework files with the same id: their qualified options could not be told apart.
    public struct SameFramework: Error, Sendable, CustomStringConvertible {
        public var ids: [String]
        public var description: String { "two --framework files have the same id (\(ids.joined(separator: ", ")))" }
    }

    public let inputs: [Inputs]
    /// Per framework, in the order of ``inputs``.
    public let assessments: [[SubjectAssessment]]
    /// What no framework used (``InputReview/combined(_:)``).
    public let review: InputReview

    /// Loads `frameworks` over `files`' evidence. A model of `models` must have evidence under
    /// one framework at least; under the others it is shown as having none there (a stage map
    /// may leave all of its records out).
    public static func load(
        frameworks: [String], files: InputFiles, stageMap: [String], determinations: [String], models: [String]
    ) throws -> SideBySide {
        let ids = try frameworks.map { try Frameworks.load(path: $0).framework.id }
        if Set(ids).count < ids.count { throw SameFramework(ids: ids) }
        var all: [Inputs] = []
        for (path, id) in zip(frameworks, ids) {
            var files = files
            files.framework = path
            // The entries' syntax was checked with the options; a qualifier naming no framework throws here.
            let entries = try FrameworkQualifier.stageMap(stageMap, for: id, ids: ids)
            files.stageMap = (try? StageMap.parse(entries).get()) ?? StageMap()
            files.determinations = try FrameworkQualifier.determinations(determinations, for: id, ids: ids)
            all.append(try Inputs.load(files))
        }
        for name in models where !all.contains(where: { $0.models.contains(name) }) {
            try all[0].requireModels([name])
        }
        var assessments: [[SubjectAssessment]] = []
        var reviews: [InputReview] = []
        for loaded in all {
            let present = models.filter(loaded.models.contains)
            let assessed = models.isEmpty || !present.isEmpty ? try loaded.assess(models: present) : []
            reviews.append(loaded.review(assessed, models: present))
            assessments.append(assessed)
        }
        return SideBySide(inputs: all, assessments: assessments, review: InputReview.combined(reviews))
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
