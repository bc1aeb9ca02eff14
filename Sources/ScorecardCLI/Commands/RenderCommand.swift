import ArgumentParser
import Foundation
import ScorecardCore
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

            Example:
              scorecard render --framework frameworks/openai-preparedness-beta.yaml \\
                --evidence examples/demo/evidence.jsonl --determinations examples/demo/determinations.yaml \\
                --format md --format html --out reports/demo
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

    func validate() throws {
        if format.isEmpty { throw ValidationError("Give at least one --format (md, html or json).") }
        if let generatedAt, (try? GenerationTime.resolve(option: generatedAt, environment: [:])) == nil {
            throw ValidationError("--generated-at '\(generatedAt)' is not a valid time: use ISO 8601 such as 2024-12-05T00:00:00Z")
        }
    }

    mutating func execute() throws -> ExitStatus {
        let generated = try GenerationTime.resolve(option: generatedAt, environment: ProcessInfo.processInfo.environment)
        let library = try templates.map { try TemplateLibrary.loading(overrides: $0) } ?? TemplateLibrary.builtIn()
        let loaded = try LoadedInputs.load(inputs)
        let assessments = try loaded.assess(models: inputs.model)
        guard !assessments.isEmpty else { throw CommandError("no models to render", status: .invalidInput) }

        let formats = format.map(\.reportFormat).uniqued()
        let (directory, naming) = try layout(reports: assessments.count * formats.count)
        let options = RenderOptions(formats: formats, templates: library, generatedAt: generated, naming: naming)
        let files = try ReportRenderer.files(for: loaded.reportInput(assessments), options: options)
        for problem in files.flatMap(WellFormedness.problems) {
            Console.error("warning: not well-formed XML: \(problem)")
        }
        try Self.write(files, into: directory)
        for file in files where file.role != .chart {
            Console.write((directory as NSString).appendingPathComponent(file.path) + "\n")
        }
        return .success
    }

    /// Where files go and how they are named, from `--out` and the number of reports.
    private func layout(reports: Int) throws -> (directory: String, naming: RenderOptions.Naming) {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory)
        let name = (out as NSString).lastPathComponent
        let looksLikeFile = !(exists && isDirectory.boolValue) && name.contains(".") && !name.hasPrefix(".")
        if looksLikeFile {
            guard reports == 1 else {
                throw ValidationError("--out '\(out)' names a file, but \(reports) reports are written: give a directory")
            }
            let parent = (out as NSString).deletingLastPathComponent
            return (parent.isEmpty ? "." : parent, .single(fileName: name))
        }
        return (out, .slugs)
    }

    /// Creates the directories and writes every file atomically.
    static func write(_ files: [ReportFile], into directory: String) throws {
        for file in files {
            try AtomicFile.write(Data(file.contents.utf8), to: (directory as NSString).appendingPathComponent(file.path))
        }
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

extension LoadedInputs {
    /// The renderer's input: Core values and the input hashes.
    func reportInput(_ assessments: [SubjectAssessment]) -> ReportInput {
        ReportInput(
            framework: framework.framework, frameworkSHA256: framework.sha256, assessments: assessments,
            evidence: evidence.evidenceSet, mitigations: determinations.mitigations, inputs: inputHashes,
            registry: registry, tool: .init(name: "scorecard", version: ScorecardCommand.version))
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
