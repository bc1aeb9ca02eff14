import Mustache

/// The output formats of templates, each with the escaping that `{{value}}` applies.
///
/// swift-mustache escapes `{{value}}` through the content type in force, chosen with a
/// `{{% CONTENT_TYPE: NAME }}` pragma; it resets to HTML at the start of every partial. The
/// template loader therefore puts the pragma of the file's format at the top of every template
/// and partial it parses, so `{{value}}` is escaped for the right format everywhere and no
/// template needs `{{{value}}}`.
public enum ReportContentType: String, Sendable, CaseIterable {
    /// GitHub-flavoured Markdown: ``Escaping/markdown(_:)``.
    case markdown = "SCORECARD_MARKDOWN"
    /// HTML, and SVG (XML): ``Escaping/html(_:)``.
    case html = "SCORECARD_HTML"

    /// The pragma that selects this content type, followed by a newline (a standalone tag, which
    /// renders as nothing).
    var pragmaLine: String { "{{% CONTENT_TYPE: \(rawValue) }}\n" }

    /// Registers both content types with swift-mustache, once per process.
    static func registerAll() { _ = registration }

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownEscaper(), named: ReportContentType.markdown.rawValue)
        MustacheContentTypes.register(HTMLEscaper(), named: ReportContentType.html.rawValue)
    }()
}

struct MarkdownEscaper: MustacheContentType {
    func escapeText(_ text: String) -> String { Escaping.markdown(text) }
}

/// Like swift-mustache's HTML escaping, plus visible control and bidirectional characters.
struct HTMLEscaper: MustacheContentType {
    func escapeText(_ text: String) -> String { Escaping.html(text) }
}
