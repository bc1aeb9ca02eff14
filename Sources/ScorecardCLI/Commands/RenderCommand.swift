import ArgumentParser
import Foundation
import Scorecard
import ScorecardRender

/// `scorecard render`: system-card sections as Markdown, HTML or the JSON envelope, written to files.
struct RenderCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write each model's system-card section as Markdown, HTML or JSON.",
        discussion: """
            For every model: an introduction, the scorecard table, gate decisions, one subsection \
            per category (level definitions, levels, rationale, mitigations, evidence, a chart, \
            early warnings, review flags) and provenance. Markdown charts are written beside the \
            report as SVG files (NAME.charts/CATEGORY.svg); HTML is one self-contained file.

            With one model and one format, --out may name the file (it has an extension and is not \
            a directory); otherwise --out is a directory and files are named from the model. Files \
            are written atomically. The same inputs and --generated-at give byte-identical files.

            Records no indicator reads are listed in an appendix, "Evidence not used".

            With --framework given several times, each model is shown under every framework \
            side by side (NAME-frameworks.md/.html): each framework with its own categories, \
            levels and gates, and no mapping between them. A --map-stage or --determinations \
            meant for one framework is written FRAMEWORK_ID:VALUE (determinations must be); an \
            unqualified --map-stage applies to every framework.

            System-card sections (--section, repeatable and in order; `preparedness` is the \
            scorecard above): disallowed_content, jailbreaks, hallucinations, fairness, \
            instruction_hierarchy, capabilities, or a section file ending in .yaml. Each is \
            written as NAME-SECTION.md/.html; --document also writes the whole card, in the order \
            given, as NAME-card.md/.html with a table of contents. --compare-with shows other models \
            beside each report's model in every table and chart. Without --framework, only \
            sections (not preparedness) can be rendered.

            Example:
              scorecard render --framework frameworks/openai-preparedness-beta.yaml \\
                --evidence examples/demo/evidence.jsonl \\
                --determinations examples/demo/determinations.yaml \\
                --format md --format html --out reports/demo
              scorecard render --framework frameworks/openai-preparedness-beta.yaml \\
                --evidence examples/demo/evidence.jsonl examples/demo/system-card.jsonl \\
                --determinations examples/demo/determinations.yaml --only-model o1 \\
                --section preparedness --section hallucinations --compare-with GPT-4o \\
                --document --format md --format html --out /tmp/o1-card
              scorecard render --evidence examples/capabilities/capabilities.jsonl \\
                --section capabilities --only-model BLOOMZ --compare-with BLOOM \\
                --format md --out /tmp/bloomz
              scorecard render --framework frameworks/anthropic-rsp-v2.yaml \\
                --framework frameworks/google-deepmind-fsf-v3.yaml \\
                --evidence examples/frameworks/anthropic-evidence.jsonl \\
                examples/frameworks/gemini-evidence.jsonl \\
                --format md --format html --out /tmp/frameworks
            """
    )

    @OptionGroup var inputs: InputOptions

    @Option(name: .long, help: ArgumentHelp("Output format (repeatable).", valueName: "format"))
    var format: [RenderFormat] = []

    @Option(name: .long, help: ArgumentHelp("Output file (one model, one format) or directory.", valueName: "path"))
    var out: String

    @Option(name: .long, help: ArgumentHelp(
        "Directory of templates; each file replaces the built-in template of the same name.", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp(
        "Generation time to show (ISO 8601); default $SOURCE_DATE_EPOCH, else the clock.", valueName: "time"))
    var generatedAt: String?

    @Option(name: .long, help: ArgumentHelp(
        "A part of the system card, in order (repeatable): preparedness, a section id, or a section file.", valueName: "name"))
    var section: [String] = []

    @Option(name: .customLong("compare-with"), help: ArgumentHelp(
        "Show this model beside each report's model in every table and chart (repeatable).", valueName: "model"))
    var compareWith: [String] = []

    @Flag(name: .long, help: "Also write the whole card (its parts in order, with contents) as one file per format.")
    var document = false

    @Option(name: .long, help: ArgumentHelp(
        "Signed sign-off records (JSON Lines) to show in the Preparedness reports, each with its standing.", valueName: "file"))
    var signoffs: String?

    @Option(name: .long, help: ArgumentHelp("Reviewers' public keys the --signoffs are checked against.", valueName: "file"))
    var keyring: String?

    func validate() throws {
        if keyring != nil, signoffs == nil { throw ValidationError("--keyring checks --signoffs: give the sign-off records too.") }
        if format.isEmpty { throw ValidationError("Give at least one --format (md, html or json).") }
        if inputs.frameworks.count > 1 {
            if !section.isEmpty || !compareWith.isEmpty || document || signoffs != nil {
                throw ValidationError("--section, --compare-with, --document and --signoffs render one framework's card; with several --framework, give none of them.")
            }
            if format.contains(.json) {
                throw ValidationError("--format json with several --framework: each framework's scorecard is its own document (run assess --format json per framework); use md or html.")
            }
            if Set(inputs.frameworks).count < inputs.frameworks.count {
                throw ValidationError("the same --framework is given twice")
            }
        }
        if inputs.framework == nil, section.isEmpty || section.contains("preparedness") {
            throw ValidationError("Give the --framework to render the Preparedness scorecard (or only --section NAME parts).")
        }
        if let generatedAt {
            do { _ = try GenerationTime.resolve(option: generatedAt, environment: [:]) } catch { throw ValidationError(error.description) }
        }
    }

    mutating func execute() throws -> ExitStatus {
        let renderer = try Renderer(templates: templates, generatedAt: generatedAt)
        let card = section.isEmpty && compareWith.isEmpty && !document
            ? nil : CardOptions(parts: try CardOptions.parts(section.isEmpty ? ["preparedness"] : section),
                                compareWith: compareWith, document: document)
        let rendered: RenderedReports
        if inputs.frameworks.count > 1 {
            rendered = try renderSideBySide(renderer)
        } else if inputs.framework == nil, let card {
            rendered = try renderer.renderSections(
                evidence: inputs.evidence, importOptions: inputs.importOptions, models: inputs.models, card: card,
                formats: format.map(\.reportFormat), out: out)
            try InputReviewText.report(rendered.review, strict: inputs.strict)
        } else {
            var loaded = try inputs.load()
            loaded.sections = card?.sections ?? []
            let assessments = try loaded.assess(models: inputs.models)
            try inputs.review(loaded, assessments, comparedWith: compareWith)
            if let signoffs { try loaded.showSignoffs(file: signoffs, keyring: keyring, for: assessments) }
            rendered = try renderer.render(loaded, assessments: assessments, formats: format.map(\.reportFormat), out: out, card: card)
        }
        for problem in rendered.problems {
            Console.error(terminalSafe("warning: not well-formed XML: \(problem)"))
        }
        let named = inputs.evidence + inputs.frameworks + inputs.determinationFiles + section + [signoffs, keyring].compactMap { $0 }
        for path in try rendered.write(protecting: named) {
            try Console.write(terminalSafe(path) + "\n")
        }
        return .success
    }
}

extension RenderCommand {
    /// Each framework's inputs, assessed for the models asked for, rendered side by side.
    private func renderSideBySide(_ renderer: Renderer) throws -> RenderedReports {
        let sideBySide: SideBySide
        do {
            sideBySide = try SideBySide.load(
                frameworks: inputs.frameworks, files: inputs.files, stageMap: inputs.mapStage,
                determinations: inputs.determinationFiles, models: inputs.models)
        } catch let error as FrameworkQualifier.UnknownFramework {
            throw ValidationError(error.description)
        } catch let error as SideBySide.SameFramework {
            throw ValidationError(error.description)
        }
        try InputReviewText.report(sideBySide.review, strict: inputs.strict)
        return try renderer.renderComparison(
            sideBySide.inputs, assessments: sideBySide.assessments, formats: format.map(\.reportFormat), out: out)
    }
}

/// The `--format` values of `render`.
enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
    case md
    case html
    case json

    var reportFormat: ReportFormat {
        switch self {
        case .md: .markdown
        case .html: .html
        case .json: .json
        }
    }
}
