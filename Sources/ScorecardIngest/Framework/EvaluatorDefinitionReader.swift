import Foundation
import ScorecardCore

/// Reads a framework's `evaluators:` section: declarative and external evaluator definitions,
/// written in the framework or in definition files it names (`{file: PATH}`).
///
/// Paths are resolved against the framework's folder (`directory`) and recorded relative to it.
/// A definition file's problems are reported with its own name, line and column.
struct EvaluatorDefinitionReader {
    static let keys = ["kind", "version", "summary", "params", "command", "program", "timeout_s", "max_reply_bytes", "reads"]
        + DeclarativeRuleReader.shapes
    static let fileKeys = ["schema_version"] + keys
    /// The `schema_version` values of definition files this build reads.
    static let supportedFileVersions = [1]
    static let defaultTimeout = 30.0
    static let defaultReplyBytes = 8 << 20

    /// The folder relative paths are resolved against, and how the framework file is named.
    let directory: String
    let frameworkFile: String

    /// One definition with where it was written.
    struct Read {
        let definition: EvaluatorDefinition
        let line: Int?
        let column: Int?
        /// The file holding the definition as diagnostics name it (the framework, or a definition file).
        let file: String
    }

    /// The definitions of `node`, logging the framework's problems in `log` and a definition
    /// file's in `other`.
    func read(_ node: YAMLValue, _ log: inout DiagnosticLog, other: inout [Diagnostic]) -> [Read] {
        var found: [Read] = []
        for (name, value) in node.map(&log)?.all() ?? [] {
            guard Self.isName(name) else {
                value.log("evaluator name '\(name)' must be lower-case letters, digits and underscores, starting with a letter", &log)
                continue
            }
            guard let map = value.map(&log) else { continue }
            if map.keys.contains("file") {
                guard let pathNode = map.required("file", &log), let path = pathNode.string(&log) else { continue }
                map.finish(known: ["file"], &log)
                if let definition = readFile(name, path: path, at: pathNode, &log, other: &other) { found.append(definition) }
            } else {
                let reader = DefinitionBody(name: name, folder: directory, prefix: nil)
                if let definition = reader.read(map, origin: EvaluatorOrigin(line: value.line), &log) {
                    found.append(Read(definition: definition, line: value.line, column: value.column, file: frameworkFile))
                }
                map.finish(known: Self.keys, &log)
            }
        }
        return found
    }

    /// The name an evaluator written on indicator `id` is defined under: `inline_` and the id,
    /// lower-cased, with any other character than a letter, digit or underscore as `_`.
    static func inlineName(indicator id: String) -> String {
        "inline_" + String(String.UnicodeScalarView(id.lowercased().unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? scalar : "_"
        }))
    }

    /// The evaluators written on indicators (`evaluator: {command: [...]}`), each defined under
    /// its ``inlineName(indicator:)``: external when it has a `command`, declarative when it has
    /// a shape; `kind` and `summary` may be left out. `taken` are the names `evaluators:` defines.
    func readInline(_ indicators: [IndicatorDocument], taken: Set<String>, _ log: inout DiagnosticLog) -> [Read] {
        var found: [Read] = []
        var seen = taken
        for indicator in indicators {
            guard let node = indicator.inlineEvaluator, let name = indicator.evaluator?.value, let map = node.map(&log) else { continue }
            guard seen.insert(name).inserted else {
                node.log("indicator '\(indicator.id.value)': its evaluator is defined as '\(name)', a name evaluators: or another indicator already uses", &log)
                continue
            }
            let reader = DefinitionBody(name: name, folder: directory, prefix: nil, inlineOn: indicator.id.value)
            let definition = reader.read(map, origin: EvaluatorOrigin(line: node.line), &log)
            if let definition {
                found.append(Read(definition: definition, line: node.line, column: node.column, file: frameworkFile))
            }
            // Keys are checked once the kind is known: without one, the missing command or shape is the problem.
            if definition != nil || map.keys.contains("kind") || map.keys.contains("command")
                || DeclarativeRuleReader.shapes.contains(where: map.keys.contains) {
                map.finish(known: Self.keys, &log)
            }
        }
        return found
    }

    /// A definition file: read, hashed, parsed with its own diagnostics.
    private func readFile(
        _ name: String, path: String, at node: YAMLValue, _ log: inout DiagnosticLog, other: inout [Diagnostic]
    ) -> Read? {
        let relative = PathText.normalized(path)
        let absolute = PathText.join(directory, relative)
        let shown = PathText.join(PathText.folder(of: frameworkFile), relative)
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(absolute)
        } catch {
            node.log("evaluator '\(name)': definition file \(shown): \(error.diagnostics.first?.message ?? "cannot read")", &log)
            return nil
        }
        var fileLog = DiagnosticLog(file: shown)
        defer { other += fileLog.diagnostics }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            fileLog.add("the file is not UTF-8 text")
            return nil
        }
        guard let root = YAMLValue.parse(text, log: &fileLog), let map = root.map(&fileLog) else { return nil }
        defer { map.finish(known: Self.fileKeys, &fileLog) }
        if let versionNode = map.required("schema_version", &fileLog), let version = versionNode.integer(&fileLog),
           !Self.supportedFileVersions.contains(version) {
            versionNode.log("unsupported schema_version \(version) for an evaluator definition (supported: 1)", &fileLog)
        }
        let origin = EvaluatorOrigin(file: relative, fileSHA256: SHA256.hex(of: bytes), line: root.line)
        let reader = DefinitionBody(name: name, folder: PathText.folder(of: absolute), prefix: PathText.folder(of: relative))
        guard let definition = reader.read(map, origin: origin, &fileLog) else { return nil }
        return Read(definition: definition, line: root.line, column: root.column, file: shown)
    }

    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// The keys of one definition, wherever it is written.
struct DefinitionBody {
    let name: String
    /// Absolute folder of the file holding the definition: where an external program runs.
    let folder: String
    /// That folder relative to the framework's (nil for the framework itself), to record program paths.
    let prefix: String?
    /// The indicator an evaluator written on it belongs to: its `kind` follows from its keys and
    /// its `summary` may be left out.
    var inlineOn: String? = nil

    func read(_ map: YAMLMap, origin: EvaluatorOrigin, _ log: inout DiagnosticLog) -> EvaluatorDefinition? {
        var origin = origin
        let kindNode = inlineOn == nil ? map.required("kind", &log) : map.optional("kind")
        var kindText = kindNode?.string(&log)
        if kindText == nil, let indicator = inlineOn {
            if map.keys.contains("command") {
                kindText = "external"
            } else if DeclarativeRuleReader.shapes.contains(where: map.keys.contains) {
                kindText = "declarative"
            } else {
                map.value.log(
                    "indicator '\(indicator)': an evaluator written on the indicator needs a command (an external program) "
                        + "or one of the declarative shapes (\(DeclarativeRuleReader.shapes.joined(separator: ", "))), or a name", &log)
                return nil
            }
        }
        let version = map.optional("version").flatMap { node in
            node.integer(&log).flatMap { value in
                guard value >= 1 else { node.log("version must be 1 or more, found \(value)", &log); return nil }
                return value
            }
        } ?? 1
        let summary = inlineOn.map { indicator in map.optional("summary")?.string(&log) ?? "written on indicator \(indicator)" }
            ?? map.required("summary", &log)?.string(&log) ?? ""
        let parameters = ParameterDeclarationReader.read(map.optional("params"), &log)
        let body: EvaluatorDefinition.Body?
        switch kindText {
        case "declarative":
            body = DeclarativeRuleReader.read(map, at: map.value, &log).map { .declarative($0) }
            for key in ["command", "program", "timeout_s", "max_reply_bytes", "reads"] {
                map.optional(key)?.log("'\(key)' is for external evaluators; this one is declarative", &log)
            }
        case "external":
            body = readExternal(map, origin: &origin, parameters: parameters, &log).map { .external($0) }
            for shape in DeclarativeRuleReader.shapes {
                map.optional(shape)?.log("'\(shape)' is a declarative shape; this evaluator is external", &log)
            }
        case let other?:
            kindNode?.log("unknown evaluator kind '\(other)' (known: declarative, external)", &log)
            body = nil
        case nil:
            body = nil
        }
        guard let body else { return nil }
        return EvaluatorDefinition(name: name, version: version, summary: summary, parameters: parameters, origin: origin, body: body)
    }

    private func readExternal(
        _ map: YAMLMap, origin: inout EvaluatorOrigin, parameters: [ParameterSpec], _ log: inout DiagnosticLog
    ) -> ExternalProgram? {
        guard let commandNode = map.required("command", &log) else { return nil }
        guard case .sequence = commandNode.node, let command = commandNode.strings(&log), let first = command.first else {
            commandNode.log("command must be a list: the program and its arguments, such as [python3, uplift.py] (no shell)", &log)
            return nil
        }
        let timeout = map.optional("timeout_s").flatMap { node in
            node.number(&log).flatMap { value in
                guard value > 0, value <= 3600 else { node.log("timeout_s must be in (0, 3600], found \(Format.number(value))", &log); return nil }
                return value
            }
        } ?? EvaluatorDefinitionReader.defaultTimeout
        let replyBytes = map.optional("max_reply_bytes").flatMap { node in
            node.integer(&log).flatMap { value in
                guard value >= 1024, value <= 1 << 30 else { node.log("max_reply_bytes must be in 1024...1073741824, found \(value)", &log); return nil }
                return value
            }
        } ?? EvaluatorDefinitionReader.defaultReplyBytes
        var samples = false
        var alsoReads: String?
        if let reads = map.optional("reads")?.map(&log) {
            samples = reads.optional("samples")?.bool(&log) ?? false
            if let node = reads.optional("evaluations_from"), let name = node.string(&log) {
                if parameters.first(where: { $0.name == name })?.kind != .list(of: .text) {
                    node.log("reads.evaluations_from names '\(name)', which is not a declared parameter of kind text_list", &log)
                } else {
                    alsoReads = name
                }
            }
            reads.finish(known: ["samples", "evaluations_from"], &log)
        }
        guard let executable = resolveExecutable(first, at: commandNode, &log) else { return nil }
        // The program is what decides results: the script an interpreter runs, else the executable.
        let programNode = map.optional("program")
        let programText = programNode.flatMap { $0.string(&log) }
            ?? (first.contains("/") ? first : command.dropFirst().first { !$0.hasPrefix("-") }) ?? first
        let programPath = PathText.join(folder, programText)
        guard let bytes = try? InputFile.read(programPath) else {
            (programNode ?? commandNode).log(
                "evaluator '\(name)': program '\(programText)' is not a file (looked for \(programPath)); name the script or executable with program:", &log)
            return nil
        }
        origin.command = command
        origin.program = prefix.map { PathText.join($0, programText) } ?? PathText.normalized(programText)
        origin.programSHA256 = SHA256.hex(of: bytes)
        return ExternalProgram(
            executable: executable, arguments: Array(command.dropFirst()), directory: folder, timeoutSeconds: timeout,
            maxReplyBytes: replyBytes, readsSamples: samples, alsoReadsParameter: alsoReads)
    }

    /// `command[0]`: a path relative to the definition's folder, or a bare name on the clean `PATH`.
    private func resolveExecutable(_ first: String, at node: YAMLValue, _ log: inout DiagnosticLog) -> String? {
        let manager = FileManager.default
        if first.contains("/") {
            let path = PathText.join(folder, first)
            guard manager.isExecutableFile(atPath: path) else {
                node.log("evaluator '\(name)': '\(first)' is not an executable file (looked for \(path))", &log)
                return nil
            }
            return path
        }
        for directory in ExternalProgram.searchPath {
            let path = directory + "/" + first
            if manager.isExecutableFile(atPath: path) { return path }
        }
        node.log("evaluator '\(name)': '\(first)' is not on the evaluators' PATH (\(ExternalProgram.searchPath.joined(separator: ":"))); give its path", &log)
        return nil
    }
}

/// Lexical path arithmetic for paths written in files (no file-system access).
enum PathText {
    /// `a/./b/../c` as `a/c`; an absolute path stays absolute.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `path` resolved against `folder` (unless absolute), normalised.
    static func join(_ folder: String, _ path: String) -> String {
        path.hasPrefix("/") || folder.isEmpty || folder == "." ? normalized(path) : normalized(folder + "/" + path)
    }

    /// The folder of a file path: `.` for a bare name.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
