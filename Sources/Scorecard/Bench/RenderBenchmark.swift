import ScorecardCore
import ScorecardIngest
import ScorecardRender

/// Times rendering (`scorecard bench render`): every model's Markdown report (with its chart
/// files) and HTML report, rendered `repeats` times, on synthetic inputs.
public struct RenderBenchmark: Sendable {
    /// The synthetic inputs: models, categories per framework, evaluations (indicators) per
    /// category; two stages.
    public var models: Int
    public var categories: Int
    public var evaluations: Int
    /// Times every report is rendered.
    public var repeats: Int

    /// The sizes a benchmark may have: each one's range, and at most ``maximumIndicators``
    /// indicators in all (models × categories × evaluations), so the synthetic inputs fit in memory.
    public static let limits = (models: 1...10_000, categories: 1...100, evaluations: 1...1_000, repeats: 1...1_000)
    public static let maximumIndicators = 1_000_000

    /// Why the size is refused, naming the option; nil when it is within ``limits``.
    public var sizeProblem: String? {
        let limits = Self.limits
        for (name, value, range) in [
            ("--models", models, limits.models), ("--categories", categories, limits.categories),
            ("--evals", evaluations, limits.evaluations), ("--repeat", repeats, limits.repeats),
        ] where !range.contains(value) {
            return "\(name) must be between \(range.lowerBound) and \(range.upperBound), found \(value)."
        }
        let indicators = models * categories * evaluations
        guard indicators <= Self.maximumIndicators else {
            return "--models × --categories × --evals is \(indicators) indicators; at most \(Self.maximumIndicators) fit in one run."
        }
        return nil
    }

    /// A benchmark of the given size; the defaults are those of `scorecard bench render`.
    public init(models: Int = 100, categories: Int = 4, evaluations: Int = 10, repeats: Int = 3) {
        self.models = models
        self.categories = categories
        self.evaluations = evaluations
        self.repeats = repeats
    }

    /// What one benchmark measured.
    public struct Result: Sendable {
        /// The time of each report rendered, per format.
        public var times: [ReportFormat: [Duration]]
        /// Bytes of every file rendered.
        public var bytes: Int
        /// The whole benchmark, without building its inputs.
        public var total: Duration
    }

    /// Times whole system cards: for each model, its Preparedness report, every built-in section
    /// beside the other models, and the one-file document (8 parts), in Markdown and HTML.
    /// Every evaluation the built-in sections list gets a synthetic result per model.
    public func runCards() throws -> Result {
        var input = try SyntheticScorecards(models: models, categories: categories, evaluations: evaluations).input()
        let sections = try SectionLoader.builtIn()
        var random = SeededGenerator(seed: 7)
        var records = input.evidence.records
        let subjects = input.assessments.map(\.subject)
        for subject in subjects {
            for (index, row) in sections.flatMap(Self.rows).enumerated() {
                let k = Int(random.next() % 400)
                records.append(EvidenceRecord(
                    subject: subject, stage: "post_mitigation", evaluation: row.evaluation, metric: row.metric, value: Double(k) / 400,
                    n: 400, k: k, source: "https://example.com/card", location: SourceLocation(file: "synthetic-card.jsonl", line: index + 1)))
            }
        }
        let evidence = EvidenceSet(records: records)
        input.evidence = evidence
        input.comparisons = input.assessments
        let templates = try TemplateLibrary.builtIn()
        let options = RenderOptions(formats: [.markdown, .html], templates: templates, generatedAt: "2025-01-01T00:00:00Z")
        let parts = [CardPart.preparedness] + sections.map { CardPart.section($0) }
        var times: [ReportFormat: [Duration]] = [.markdown: []]
        let clock = ContinuousClock()
        let start = clock.now
        var bytes = 0
        for _ in 0..<repeats {
            for subject in subjects {
                let card = CardInput(
                    preparedness: input, subjects: [subject], compareWith: subjects, evidence: evidence, parts: parts,
                    inputs: input.inputs, tool: input.tool)
                let began = clock.now
                let files = try CardRenderer.files(for: card, options: options, document: true)
                times[.markdown, default: []].append(clock.now - began)
                bytes += files.reduce(0) { $0 + $1.contents.utf8.count }
            }
        }
        return Result(times: times, bytes: bytes, total: clock.now - start)
    }

    /// The evaluations and metrics a section shows, for synthetic results.
    private static func rows(_ section: SectionDefinition) -> [SectionRow] {
        section.tables.flatMap { table -> [SectionRow] in
            switch table.kind {
            case .rows(let rows): rows
            case .threeWayGrades(let evaluations):
                evaluations.flatMap { [SectionRow(evaluation: $0, metric: "accuracy", label: ""), SectionRow(evaluation: $0, metric: "incorrect", label: "")] }
            case .benchmarks(let patterns):
                patterns.map { SectionRow(evaluation: $0.replacingOccurrences(of: "*", with: "x"), metric: "accuracy", label: "") }
            }
        } + section.tradeoffs.flatMap { [$0.x, $0.y] }
    }

    /// Builds the synthetic inputs, assesses them, then renders and times every report.
    public func run() throws -> Result {
        let input = try SyntheticScorecards(models: models, categories: categories, evaluations: evaluations).input()
        let templates = try TemplateLibrary.builtIn()
        var times: [ReportFormat: [Duration]] = [.markdown: [], .html: []]
        let clock = ContinuousClock()
        let start = clock.now
        var bytes = 0
        for _ in 0..<repeats {
            for assessment in input.assessments {
                var single = input
                single.assessments = [assessment]
                for format in [ReportFormat.markdown, .html] {
                    let options = RenderOptions(formats: [format], templates: templates, generatedAt: "2025-01-01T00:00:00Z")
                    let began = clock.now
                    let files = try ReportRenderer.files(for: single, options: options)
                    times[format, default: []].append(clock.now - began)
                    bytes += files.reduce(0) { $0 + $1.contents.utf8.count }
                }
            }
        }
        return Result(times: times, bytes: bytes, total: clock.now - start)
    }
}
