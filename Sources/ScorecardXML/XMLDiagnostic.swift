/// One problem libxml2 found in a document, with its 1-based position.
///
/// Positions are those libxml2 reports: the line and column where the parser noticed the
/// problem, which for an unclosed element is usually the end tag that did not match rather than
/// the start tag that was never closed (libxml2 names that start tag's line in the message).
public struct XMLDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the problem.
    public let line: Int
    /// The 1-based column of the problem, in characters; 1 when libxml2 gives none.
    public let column: Int
    /// libxml2's message, without its trailing newline.
    public let message: String

    /// Creates a diagnostic; positions below 1 are raised to 1.
    ///
    /// - Parameters:
    ///   - line: The 1-based line.
    ///   - column: The 1-based column.
    ///   - message: What is wrong.
    public init(line: Int, column: Int, message: String) {
        self.line = max(1, line)
        self.column = max(1, column)
        self.message = message
    }

    /// `LINE:COLUMN: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// A document that is not well-formed XML, with every problem libxml2 reported.
///
/// Its description has one `file:line:column: message` line per diagnostic, the form compilers
/// and editors recognise.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name of the document, as given to the parser (usually its path).
    public let file: String
    /// Every problem found, in document order (the parser never throws this with none).
    public let diagnostics: [XMLDiagnostic]

    /// Creates an error for `file`.
    ///
    /// - Parameters:
    ///   - file: The name of the document.
    ///   - diagnostics: The problems found.
    public init(file: String, diagnostics: [XMLDiagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }

    /// One `file:line:column: message` line per diagnostic.
    public var description: String {
        diagnostics.map { "\(file):\($0)" }.joined(separator: "\n")
    }
}
