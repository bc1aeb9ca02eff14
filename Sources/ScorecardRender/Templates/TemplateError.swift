import Mustache

/// A template that cannot be used: a parse error, an unknown file or a missing partial.
///
/// Its description reads like a compiler's: `templates/report.md.mustache:12:5: message`, then
/// the offending line and a caret under the column when they are known.
public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The template's path (an override) or `templates/NAME (built in)`.
    public let file: String
    public let line: Int?
    public let column: Int?
    public let message: String
    /// The text of the offending line, when known.
    public let excerpt: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, excerpt: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.excerpt = excerpt
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let line = line, let column, line > 0 { place += ":\(column)" }
        var text = "\(place): \(message)"
        if let excerpt, let column {
            text += "\n    \(excerpt)\n    \(String(repeating: " ", count: max(0, column - 1)))^"
        }
        return text
    }

    /// Describes one of swift-mustache's parser errors.
    static func message(for error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "cannot parse the template: \(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "closing tag does not match the section that is open"
        case .unfinishedName: "unfinished tag: expected a name followed by the closing delimiter"
        case .expectedSectionEnd: "a section is never closed (missing {{/name}})"
        case .invalidSetDelimiter: "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: "only {{$block}} definitions may appear inside a {{<parent}} section"
        case .textInsideInheritSection: "text is not allowed inside a {{<parent}} section"
        case .invalidConfigVariableSyntax: "invalid pragma: expected {{% NAME: value }}"
        case .unrecognisedConfigVariable: "unknown pragma or content type"
        }
    }
}
