import Foundation
import Mustache

/// The report templates, parsed: the built-in defaults, each optionally replaced by a user's file.
///
/// File names say the format: `NAME.md.mustache` (Markdown), `NAME.html.mustache` (HTML),
/// `NAME.svg.mustache` (SVG, used by HTML reports and as the Markdown reports' chart files), and
/// `NAME.mustache` (shared inline prose without its final newline, escaped for whichever format
/// includes it). A partial
/// `{{> NAME}}` resolves to the file of the including format, else to the shared one.
///
/// Every template is parsed with the content-type pragma of its format put in front, so
/// `{{value}}` is escaped for Markdown in Markdown templates and for HTML in HTML and SVG ones.
public struct TemplateLibrary: Sendable {
    /// One template file's text and where it came from.
    public struct Source: Sendable, Equatable {
        /// File name, such as `report.md.mustache`.
        public var name: String
        public var text: String
        /// Shown in errors: the override's path, or `templates/NAME (built in)`.
        public var origin: String
    }

    public let sources: [Source]
    private let markdown: MustacheLibrary
    private let html: MustacheLibrary

    /// The built-in templates (a copy of `templates/` embedded in the binary).
    public static func builtIn() throws(TemplateError) -> TemplateLibrary {
        try TemplateLibrary(sources: builtInSources)
    }

    /// The built-in templates' sources, unparsed.
    public static var builtInSources: [Source] {
        DefaultTemplates.files.map { Source(name: $0.name, text: $0.text, origin: "templates/\($0.name) (built in)") }
    }

    /// The built-in templates with every file in `directory` replacing the one of the same name.
    ///
    /// Hidden files are ignored; any other file whose name is not a built-in template's is an
    /// error that lists the known names.
    public static func loading(overrides directory: String) throws(TemplateError) -> TemplateLibrary {
        try TemplateLibrary(sources: sources(overrides: directory))
    }

    /// The sources `loading(overrides:)` would parse: read, not parsed, so callers can tell
    /// whether templates changed without paying for parsing them.
    public static func sources(overrides directory: String) throws(TemplateError) -> [Source] {
        var sources = builtInSources
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw TemplateError(file: directory, message: "cannot read the templates directory (\(error.localizedDescription))")
        }
        let known = sources.map(\.name)
        for entry in entries where !entry.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(entry)
            guard let index = known.firstIndex(of: entry) else {
                throw TemplateError(file: path, message: "unknown template '\(entry)' (known: \(known.joined(separator: ", ")))")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TemplateError(file: path, message: "cannot read the template")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: path, message: "the template is not UTF-8 text")
            }
            sources[index] = Source(name: entry, text: text, origin: path)
        }
        return sources
    }

    /// Parses `sources` into a Markdown and an HTML library and checks every partial reference.
    public init(sources: [Source]) throws(TemplateError) {
        ReportContentType.registerAll()
        self.sources = sources
        markdown = try Self.library(sources, format: "md", contentType: .markdown)
        html = try Self.library(sources, format: "html", contentType: .html, extra: "svg")
    }

    /// Renders the Markdown template `name` (without extensions) with `view`, walked once into
    /// dictionaries (see ``MustacheTree``).
    func renderMarkdown(_ name: String, _ view: some Encodable) -> String {
        renderMarkdown(name, tree: MustacheTree.of(view))
    }

    /// Renders the HTML or SVG template `name` (without extensions) with `view`, walked once into
    /// dictionaries (see ``MustacheTree``).
    func renderHTML(_ name: String, _ view: some Encodable) -> String {
        renderHTML(name, tree: MustacheTree.of(view))
    }

    /// Renders the Markdown template `name` with `tree` as swift-mustache's context, unconverted.
    func renderMarkdown(_ name: String, tree: Any) -> String {
        markdown.render(tree, withTemplate: name) ?? ""
    }

    /// Renders the HTML or SVG template `name` with `tree` as swift-mustache's context, unconverted.
    func renderHTML(_ name: String, tree: Any) -> String {
        html.render(tree, withTemplate: name) ?? ""
    }

    /// The templates of one format (plus shared ones, and `extra`'s), by name without extensions.
    private static func library(
        _ sources: [Source], format: String, contentType: ReportContentType, extra: String? = nil
    ) throws(TemplateError) -> MustacheLibrary {
        var chosen: [String: Source] = [:]
        for source in sources {
            let parts = source.name.split(separator: ".").map(String.init)
            guard parts.count >= 2, parts.last == "mustache" else { continue }
            if parts.count == 2 {
                if chosen[parts[0]] == nil { chosen[parts[0]] = source }
            } else if parts.count == 3, parts[1] == format || parts[1] == extra {
                chosen[parts[0]] = source
            }
        }
        var library = MustacheLibrary()
        for (name, source) in chosen.sorted(by: { $0.key < $1.key }) {
            // Shared partials are inline prose: their file's final newline is not part of the text.
            var text = source.text
            if source.name.split(separator: ".").count == 2, text.hasSuffix("\n") { text.removeLast() }
            do {
                library.register(try MustacheTemplate(string: contentType.pragmaLine + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma line we put in front shifts line numbers by one.
                throw TemplateError(
                    file: source.origin, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                    message: TemplateError.message(for: error.error), excerpt: error.context.line)
            } catch {
                throw TemplateError(file: source.origin, message: "cannot parse the template: \(error)")
            }
        }
        for (_, source) in chosen.sorted(by: { $0.key < $1.key }) {
            try checkPartials(source, known: Set(chosen.keys), format: format)
        }
        try checkCycles(chosen, format: format)
        guard chosen["report"] != nil else {
            throw TemplateError(file: "templates", message: "no report.\(format).mustache template")
        }
        return library
    }

    /// One `{{> name}}` or `{{< name}}` in a template: the partial it names and where.
    private struct Reference {
        let name: String
        let line: Int
        let column: Int
        let text: String
    }

    /// The partials `source` names, in order (dynamic `{{> *name}}` ones left out).
    private static func references(_ source: Source) -> [Reference] {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [Reference] = []
        for (number, line) in lines.enumerated() {
            for match in line.matches(of: /\{\{\s*[><]\s*([^\s}]+)\s*\}\}/) where !match.output.1.hasPrefix("*") {
                let column = line.distance(from: line.startIndex, to: match.range.lowerBound) + 1
                found.append(Reference(name: String(match.output.1), line: number + 1, column: column, text: String(line)))
            }
        }
        return found
    }

    /// Reports a template that includes itself, directly or through other partials.
    ///
    /// swift-mustache expands partials without a depth limit, so such a template recurses until
    /// the stack overflows and the process crashes.
    private static func checkCycles(_ chosen: [String: Source], format: String) throws(TemplateError) {
        let edges = chosen.mapValues(references)
        var done = Set<String>()
        var path: [(name: String, reference: Reference?)] = []
        func visit(_ name: String) -> [(name: String, reference: Reference?)]? {
            if done.contains(name) { return nil }
            if let start = path.firstIndex(where: { $0.name == name }) { return Array(path[start...]) }
            path.append((name, nil))
            for reference in edges[name] ?? [] where chosen[reference.name] != nil {
                path[path.count - 1].reference = reference
                if let cycle = visit(reference.name) { return cycle }
            }
            path.removeLast()
            done.insert(name)
            return nil
        }
        for name in chosen.keys.sorted() {
            guard var cycle = visit(name) else { continue }
            // Named from its alphabetically first template, whichever the walk reached first.
            if let least = cycle.indices.min(by: { cycle[$0].name < cycle[$1].name }) {
                cycle = Array(cycle[least...] + cycle[..<least])
            }
            guard let first = cycle.first, let reference = first.reference, let source = chosen[first.name] else { continue }
            let chain = (cycle.map(\.name) + [first.name]).joined(separator: " → ")
            throw TemplateError(
                file: source.origin, line: reference.line, column: reference.column,
                message: "the \(format) template '\(first.name)' includes itself (\(chain)): a partial may not include itself, directly or through others",
                excerpt: reference.text)
        }
    }

    /// Reports a `{{> name}}` or `{{< name}}` that names no template of the format.
    ///
    /// swift-mustache renders a missing partial as nothing; a report that silently loses a section
    /// is worse than an error. (References written after a set-delimiter tag are not checked.)
    private static func checkPartials(_ source: Source, known: Set<String>, format: String) throws(TemplateError) {
        for reference in references(source) where !known.contains(reference.name) {
            throw TemplateError(
                file: source.origin, line: reference.line, column: reference.column,
                message: "unknown partial '\(reference.name)' in a \(format) template (known: \(known.sorted().joined(separator: ", ")))",
                excerpt: reference.text)
        }
    }
}
