/// A problem in an input file, with where it is and what to do about it.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, leaving out what is unknown.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(message)"
    }

    /// The same problem, its file called `name` when it is `path`.
    public func renamingFile(_ path: String, to name: String) -> Diagnostic {
        file == path ? Diagnostic(file: name, line: line, column: column, message: message) : self
    }

    /// File order, then line and column; notes about a whole file come after its placed problems.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line ?? .max, lhs.column ?? 0, lhs.message) < (rhs.file, rhs.line ?? .max, rhs.column ?? 0, rhs.message)
    }
}

/// Input that cannot be used: every problem found, in file order.
///
/// Loaders report all problems they can find in one pass rather than stopping at the first, so
/// a user fixes a file in one round.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.init([Diagnostic(file: file, line: line, column: column, message: message)])
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// The same problems, the file at `path` called `name`.
    public func renamingFile(_ path: String, to name: String) -> InputError {
        name == path ? self : InputError(diagnostics.map { $0.renamingFile(path, to: name) })
    }
}

/// Collects diagnostics while a loader works through a file.
struct DiagnosticLog {
    /// The most problems listed per file before the rest are summarised.
    static let maximumPerFile = 50

    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Problems that do not stop the file from loading, such as a level no evidence can rule out.
    private(set) var warnings: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func add(_ message: String, line: Int? = nil, column: Int? = nil) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    mutating func warn(_ message: String, line: Int? = nil, column: Int? = nil) {
        warnings.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    var isEmpty: Bool { diagnostics.isEmpty }

    /// The problems, at most ``maximumPerFile`` of them (the first in file order) and a line counting the rest.
    var capped: [Diagnostic] {
        guard diagnostics.count > Self.maximumPerFile else { return diagnostics }
        return Array(diagnostics.sorted().prefix(Self.maximumPerFile))
            + [Diagnostic(file: file, message: "\(diagnostics.count - Self.maximumPerFile) more problems not shown")]
    }

    /// Throws the collected diagnostics, if any.
    func check() throws(InputError) {
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
    }
}

/// An input file that was refused and, because the caller asked to skip invalid files
/// (`--skip-invalid`, a card's `skip_invalid`), left out while the others were read.
public struct RefusedInput: Sendable, Hashable {
    /// The file as it was named.
    public let path: String
    /// Why it was refused, with places.
    public let problems: [Diagnostic]

    public init(path: String, problems: [Diagnostic]) {
        self.path = path
        self.problems = problems
    }

    /// The reasons as warnings that say the file was skipped.
    public var warnings: [Diagnostic] {
        problems.map { Diagnostic(file: $0.file, line: $0.line, column: $0.column, message: "refused and skipped: \($0.message)") }
    }
}
