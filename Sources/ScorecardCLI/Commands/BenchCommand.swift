import ArgumentParser
import Scorecard
import ScorecardCore
import ScorecardRender

/// `scorecard bench`: speed and memory measurements (benchmarks, not tests; use a release build).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed and memory (benchmarks, not tests; use a release build).",
        subcommands: [BenchImport.self, BenchMemoryCommand.self, BenchRenderCommand.self]
    )
}

/// `scorecard bench render`: time to render each model's Markdown and HTML reports.
struct BenchRenderCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render Markdown and HTML reports for synthetic models and report the time per report.",
        discussion: """
            Builds a synthetic framework (CATEGORIES categories of EVALS evaluations each, two \
            stages) and evidence for MODELS models, assesses them, then renders every model's \
            Markdown report (with its chart files) and HTML report REPEAT times. Prints the median \
            and fastest time per report and the total. Build with `swift build -c release` first.

            With --card, times whole system cards instead: per model, the Preparedness report, \
            every built-in section with the other models beside it, and the one-file document \
            (8 parts), in Markdown and HTML; the time is per card. Example:
              scorecard bench render --card --models 5 --repeat 5
            """
    )

    @Option(help: "Number of models (1–10000).") var models = 100
    @Option(help: "Categories per framework (1–100).") var categories = 4
    @Option(help: "Evaluations (indicators) per category (1–1000).") var evals = 10
    @Option(help: "Times every report is rendered (1–1000).") var `repeat` = 3
    @Flag(help: "Time whole system cards (8 parts, every model beside the others) instead of single reports.") var card = false

    func validate() throws {
        if let problem = RenderBenchmark(models: models, categories: categories, evaluations: evals, repeats: `repeat`).sizeProblem {
            throw ValidationError(problem)
        }
    }

    mutating func execute() throws -> ExitStatus {
        let benchmark = RenderBenchmark(models: models, categories: categories, evaluations: evals, repeats: `repeat`)
        let result = card ? try benchmark.runCards() : try benchmark.run()
        #if DEBUG
        Console.error("warning: this is a debug build; measure with `swift build -c release` and .build/release/scorecard")
        #endif
        var out = "bench render: \(models) models × \(categories) categories × \(evals) evaluations, 2 stages, repeat \(`repeat`)\n"
        if card { out = "bench render --card: \(models) models, each a card of 8 parts beside the other models, repeat \(`repeat`)\n" }
        let labels = card ? [("card (Markdown + charts + HTML, every part and the document)", ReportFormat.markdown)]
            : [("markdown (+ chart files)", ReportFormat.markdown), ("html", .html)]
        for (label, format) in labels {
            let sorted = (result.times[format] ?? []).sorted()
            guard let fastest = sorted.first else { continue }
            out += "  \(label): median \(Self.milliseconds(sorted[sorted.count / 2])) ms, min \(Self.milliseconds(fastest)) ms per report\n"
        }
        let reports = result.times.values.reduce(0) { $0 + $1.count }
        out += "  total: \(reports) reports (\(result.bytes / 1_000_000) MB) in \(Self.milliseconds(result.total)) ms\n"
        try Console.write(out)
        return .success
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return Format.short(ms, places: 2)
    }
}
