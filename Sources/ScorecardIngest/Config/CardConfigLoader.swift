import Foundation
import ScorecardCore

/// Reads and checks `scorecard.yaml`: unknown keys and paths that do not exist are errors with
/// file and line.
public enum CardConfigLoader {
    static let topKeys = [
        "schema_version", "root", "framework", "store", "models", "evidence", "determinations", "templates", "reports", "stages",
        "strict", "sections", "compare_with", "rehash", "signoffs", "keyring",
    ]

    /// Loads the configuration at `path`. `formats` are the evidence reader names besides `auto`.
    public static func load(path: String, formats: [String]) throws(InputError) -> CardConfig {
        let bytes = try InputFile.read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw InputError(file: path, "the file is not UTF-8 text") }
        return try parse(text, path: path, sha256: SHA256.hex(of: bytes), formats: formats)
    }

    public static func parse(_ text: String, path: String, sha256: String, formats: [String]) throws(InputError) -> CardConfig {
        var log = DiagnosticLog(file: path)
        guard let root = YAMLValue.parse(text, log: &log), let map = root.map(&log) else { throw InputError(log.diagnostics) }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : URL(fileURLWithPath: directory).appendingPathComponent(relative).standardized.path
        }
        func existingFile(_ key: String, required: Bool) -> String? {
            guard let node = required ? map.required(key, &log) : map.optional(key), let value = node.string(&log) else { return nil }
            let resolved = resolve(value)
            if !FileManager.default.fileExists(atPath: resolved) {
                node.log("\(key) '\(value)' does not exist (looked for \(resolved))", &log)
            }
            return resolved
        }

        if let version = map.required("schema_version", &log), let n = version.integer(&log), n != 1 {
            version.log("unsupported schema_version \(n) (supported: 1)", &log)
        }
        let framework = existingFile("framework", required: true)
        let determinations = existingFile("determinations", required: false)
        let templates = existingFile("templates", required: false)
        let store = map.optional("store")?.string(&log).map(resolve) ?? resolve(".scorecard/scorecard.sqlite")
        var displayRoot = directory
        if let node = map.optional("root"), let value = node.string(&log) {
            displayRoot = resolve(value)
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: displayRoot, isDirectory: &isDirectory) || !isDirectory.boolValue {
                node.log("root '\(value)' is not a folder (looked for \(displayRoot))", &log)
            }
        }
        let rehash = map.optional("rehash")?.bool(&log) ?? false
        let models = readModels(map.optional("models"), &log)
        let evidence = readEvidence(map.required("evidence", &log), formats: formats, resolve: resolve, &log)
        let reports = readReports(map.optional("reports"), resolve: resolve, &log)
        let stagesNode = map.optional("stages")
        let stages = readStages(stagesNode, &log)
        let strict = map.optional("strict")?.bool(&log) ?? false
        let sectionsNode = map.optional("sections")
        let sections = (sectionsNode?.strings(&log) ?? []).map { name in
            name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? resolve(name) : name
        }
        let compareNode = map.optional("compare_with")
        let compareWith = compareNode?.strings(&log) ?? []
        // The sign-off records may not exist yet: `scorecard signoff` writes the file.
        let signoffs = map.optional("signoffs")?.string(&log).map(resolve)
        let keyring = existingFile("keyring", required: false)
        map.finish(known: topKeys, &log)
        try log.check()
        var config = CardConfig(
            path: path, directory: directory, root: displayRoot, sha256: sha256, framework: framework ?? "", store: store, models: models,
            evidence: evidence, determinations: determinations, templates: templates,
            reportDirectory: reports.directory, reportFormats: reports.formats, generatedAt: reports.generatedAt,
            stages: stages, stagesLine: stagesNode?.line, strict: strict)
        config.sections = sections
        config.sectionsLine = sectionsNode?.line
        config.compareWith = compareWith
        config.compareWithLine = compareNode?.line
        config.document = reports.document
        config.rehash = rehash
        config.signoffs = signoffs
        config.keyring = keyring
        return config
    }

    /// `stages: {pre_mitigation: capability, post_mitigation: ~}`: evidence stage → framework stage,
    /// null (or empty) to leave a stage's records out. Checked against the framework when it is loaded.
    static func readStages(_ node: YAMLValue?, _ log: inout DiagnosticLog) -> [String: String?] {
        guard let node, let map = node.map(&log) else { return [:] }
        var stages: [String: String?] = [:]
        for (stage, value) in map.all() {
            if case .scalar(let scalar) = value.node, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                stages[stage] = .some(nil)
            } else if let target = value.string(&log) {
                stages[stage] = target
            }
        }
        return stages
    }

    static func readModels(_ node: YAMLValue?, _ log: inout DiagnosticLog) -> [CardConfig.ModelSelection] {
        guard let node else { return [] }
        guard let items = node.list(&log) else { return [] }
        if items.isEmpty {
            // An empty list would select nothing; reading it as "every model" would be a guess.
            node.log("models: is an empty list; name the models to assess, or leave the key out for every model in the evidence", &log)
        }
        var models: [CardConfig.ModelSelection] = []
        for item in items {
            if case .scalar = item.node, let name = item.string(&log) {
                models.append(.init(name: name, snapshots: [], line: item.line))
                continue
            }
            guard let m = item.map(&log) else { continue }
            if let name = m.required("name", &log)?.string(&log) {
                models.append(.init(name: name, snapshots: m.optional("snapshots")?.strings(&log) ?? [], line: item.line))
            }
            m.finish(known: ["name", "snapshots"], &log)
        }
        return models
    }

    static func readEvidence(
        _ node: YAMLValue?, formats: [String], resolve: (String) -> String, _ log: inout DiagnosticLog
    ) -> [CardConfig.EvidenceSource] {
        var sources: [CardConfig.EvidenceSource] = []
        for item in node?.list(&log) ?? [] {
            var pattern: String?
            var format = "auto", stage: String?, model: String?, mapping: [String: String] = [:], skipInvalid = false
            if case .scalar = item.node {
                pattern = item.string(&log)
            } else if let m = item.map(&log) {
                pattern = m.required("path", &log)?.string(&log)
                if let node = m.optional("format"), let name = node.string(&log) {
                    let known = ["auto"] + formats
                    if known.contains(name) { format = name } else {
                        node.log("unknown evidence format '\(name)' (known: \(known.joined(separator: ", ")))", &log)
                    }
                }
                stage = m.optional("stage")?.string(&log)
                model = m.optional("model")?.string(&log)
                if let map = m.optional("map")?.map(&log) {
                    for (task, value) in map.all() { if let id = value.string(&log) { mapping[task] = id } }
                }
                skipInvalid = m.optional("skip_invalid")?.bool(&log) ?? false
                m.finish(known: ["path", "format", "stage", "model", "map", "skip_invalid"], &log)
            }
            guard let pattern else { continue }
            let resolved = resolve(pattern)
            if FileGlob.expand(resolved).isEmpty {
                item.log("evidence '\(pattern)' matches no file (looked for \(resolved))", &log)
            }
            var source = CardConfig.EvidenceSource(
                pattern: pattern, resolvedPattern: resolved, format: format, stage: stage, map: mapping, model: model, line: item.line)
            source.skipInvalid = skipInvalid
            sources.append(source)
        }
        if sources.isEmpty, node != nil { node?.log("evidence lists no files", &log) }
        return sources
    }

    static func readReports(
        _ node: YAMLValue?, resolve: (String) -> String, _ log: inout DiagnosticLog
    ) -> (directory: String, formats: [String], generatedAt: String?, document: Bool) {
        var result = (directory: resolve("reports"), formats: ["md", "html"], generatedAt: String?.none, document: false)
        guard let node, let m = node.map(&log) else { return result }
        if let directory = m.optional("directory")?.string(&log) { result.directory = resolve(directory) }
        if let formatsNode = m.optional("formats"), let formats = formatsNode.strings(&log) {
            let unknown = formats.filter { !CardConfig.knownReportFormats.contains($0) }
            if !unknown.isEmpty {
                formatsNode.log("unknown report format '\(unknown[0])' (known: \(CardConfig.knownReportFormats.joined(separator: ", ")))", &log)
            } else {
                result.formats = formats
            }
        }
        if let stamp = m.optional("generated_at"), let text = stamp.string(&log) {
            if let problem = CalendarDate.timeProblem(text) {
                stamp.log("generated_at must be an ISO 8601 time such as 2024-12-05T00:00:00Z, found '\(text)': \(problem)", &log)
            } else if (try? Date.ISO8601FormatStyle().parse(text)) == nil {
                stamp.log("generated_at must be an ISO 8601 time such as 2024-12-05T00:00:00Z, found '\(text)'", &log)
            } else {
                result.generatedAt = text
            }
        }
        result.document = m.optional("document")?.bool(&log) ?? false
        m.finish(known: ["directory", "formats", "generated_at", "document"], &log)
        return result
    }
}
