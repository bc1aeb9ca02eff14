/// What an evaluator is: compiled into the tool, written as data, or a program it runs.
public enum EvaluatorKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A Swift type listed in `BuiltinEvaluators`.
    case builtin
    /// A rule written in YAML (ratio, difference, weighted mean, count above a bar, worst or best of variants).
    case declarative
    /// A program the tool runs, speaking the evaluator protocol on standard input and output.
    case external
}

/// Where an evaluator defined in a file comes from, and the hashes its results depend on.
///
/// Paths are relative to the framework file's folder (absolute when written so), so the same
/// checkout gives the same record wherever it lies.
public struct EvaluatorOrigin: Hashable, Sendable, Codable {
    /// The definition file, or nil when the definition is written in the framework file itself.
    public var file: String?
    /// SHA-256 of the definition file's bytes; nil with `file`.
    public var fileSHA256: String?
    /// Line of the definition (in `file`, else in the framework).
    public var line: Int?
    /// For an external evaluator: the command as written (no shell; run in the definition's folder).
    public var command: [String]
    /// For an external evaluator: the program whose bytes decide its results (the script an
    /// interpreter runs, or the executable), and their SHA-256.
    public var program: String?
    public var programSHA256: String?

    public init(
        file: String? = nil, fileSHA256: String? = nil, line: Int? = nil, command: [String] = [], program: String? = nil,
        programSHA256: String? = nil
    ) {
        self.file = file
        self.fileSHA256 = fileSHA256
        self.line = line
        self.command = command
        self.program = program
        self.programSHA256 = programSHA256
    }

    /// Lines for `scorecard evaluators`: where it is defined, what it runs.
    public var helpLines: [String] {
        var lines: [String] = []
        if let file {
            lines.append("defined in \(file) (sha256 \(String((fileSHA256 ?? "").prefix(12))))")
        } else {
            lines.append("defined in the framework file")
        }
        if !command.isEmpty { lines.append("runs: \(command.joined(separator: " ")) (no shell)") }
        if let program { lines.append("program \(program) (sha256 \(String((programSHA256 ?? "").prefix(12))))") }
        return lines
    }
}

/// An evaluator a framework defines (declarative or external), as read from its file.
///
/// The registry turns a definition into an evaluator with the builder for its kind: declarative
/// rules are interpreted by `ScorecardEvaluators`; external programs are run by
/// `ScorecardPlugins`. Core only holds the data.
public struct EvaluatorDefinition: Hashable, Sendable {
    /// What the evaluator does.
    public enum Body: Hashable, Sendable {
        case declarative(DeclarativeRule)
        case external(ExternalProgram)
    }

    /// The name indicators use, such as `uplift_ratio`.
    public var name: String
    public var version: Int
    public var summary: String
    /// The parameters it takes, declared as a built-in's are.
    public var parameters: [ParameterSpec]
    public var origin: EvaluatorOrigin
    public var body: Body

    public init(
        name: String, version: Int, summary: String, parameters: [ParameterSpec], origin: EvaluatorOrigin, body: Body
    ) {
        self.name = name
        self.version = version
        self.summary = summary
        self.parameters = parameters
        self.origin = origin
        self.body = body
    }

    public var kind: EvaluatorKind {
        switch body {
        case .declarative: .declarative
        case .external: .external
        }
    }

    /// The evaluator as the registry lists it.
    public var described: EvaluatorDescription {
        EvaluatorDescription(name: name, version: version, summary: summary, parameters: parameters, kind: kind, origin: origin)
    }
}

/// How to run an external evaluator: resolved when the definition is loaded.
public struct ExternalProgram: Hashable, Sendable {
    /// The folders a bare `command[0]` (such as `python3`) is looked up in, and the `PATH` the
    /// program runs with: the user's own `PATH` is not used, so the same framework runs the same
    /// interpreter for every user of a machine.
    public static let searchPath = ["/usr/local/bin", "/usr/bin", "/bin"]

    /// Absolute path of the executable (`command[0]`, looked up on the clean `PATH` when it is a bare name).
    public var executable: String
    /// The remaining arguments, as written.
    public var arguments: [String]
    /// Absolute path of the folder the program runs in: the definition's folder.
    public var directory: String
    /// Seconds before the program is killed.
    public var timeoutSeconds: Double
    /// Largest reply read; a larger one is refused.
    public var maxReplyBytes: Int
    /// Whether requests carry per-sample records (problems with their attempts).
    public var readsSamples: Bool
    /// A list-of-text parameter naming further evaluations whose records requests carry.
    public var alsoReadsParameter: String?

    public init(
        executable: String, arguments: [String], directory: String, timeoutSeconds: Double, maxReplyBytes: Int,
        readsSamples: Bool, alsoReadsParameter: String?
    ) {
        self.executable = executable
        self.arguments = arguments
        self.directory = directory
        self.timeoutSeconds = timeoutSeconds
        self.maxReplyBytes = maxReplyBytes
        self.readsSamples = readsSamples
        self.alsoReadsParameter = alsoReadsParameter
    }
}

/// Where one indicator uses an evaluator defined in its framework: lets an external evaluator
/// measure every indicator that names it in one call.
public struct EvaluatorUse: Hashable, Sendable {
    public var target: IndicatorTarget
    public var parameters: ParameterValues

    public init(target: IndicatorTarget, parameters: ParameterValues) {
        self.target = target
        self.parameters = parameters
    }
}

/// What a builder knows about the framework a definition comes from.
public struct DefinitionContext: Hashable, Sendable {
    /// Every indicator that names the evaluator, with its checked parameters.
    public var uses: [EvaluatorUse]
    /// The framework's stage ids.
    public var stages: [String]

    public init(uses: [EvaluatorUse] = [], stages: [String] = []) {
        self.uses = uses
        self.stages = stages
    }
}

/// Why a definition cannot become an evaluator.
public struct DefinitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public let evaluator: String
    public let message: String

    public init(evaluator: String, message: String) {
        self.evaluator = evaluator
        self.message = message
    }

    public var description: String { "evaluator '\(evaluator)': \(message)" }
}
