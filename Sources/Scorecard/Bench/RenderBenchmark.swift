import ScorecardCore
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
