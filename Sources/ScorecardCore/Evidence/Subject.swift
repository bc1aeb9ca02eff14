/// The model a scorecard is about: a model name and, optionally, a snapshot of it.
public struct Subject: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let model: String
    public let snapshot: String?

    public init(model: String, snapshot: String? = nil) {
        self.model = model
        self.snapshot = snapshot
    }

    public var description: String { snapshot.map { "\(model) (\($0))" } ?? model }

    public static func < (lhs: Subject, rhs: Subject) -> Bool {
        (lhs.model, lhs.snapshot ?? "") < (rhs.model, rhs.snapshot ?? "")
    }
}

/// Where a record came from: a file and a 1-based line.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let file: String
    public let line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line) < (rhs.file, rhs.line)
    }
}
