import Foundation
import ScorecardCore

/// Human determinations and mitigation notes read from a file, with the file's hash.
public struct DeterminationBundle: Sendable {
    public var determinations: [Determination] = []
    public var mitigations: [Mitigation] = []
    /// Models the file says are assessed from determinations alone (`models_without_evidence:`):
    /// without this, a determination whose model has no evidence is taken for a typo.
    public var modelsWithoutEvidence: [(model: String, location: SourceLocation)] = []
    public var inputs: [(path: String, sha256: String)] = []

    public init() {}

    /// A warning for each determination dated after `latest` (`YYYY-MM-DD`): a decision recorded
    /// in the future is most likely a mistyped date. The caller names the latest day it accepts
    /// (tomorrow, by its clock), so reading a file needs no clock.
    public func dated(after latest: String) -> [Diagnostic] {
        determinations.filter { $0.date > latest }.map { determination in
            Diagnostic(
                file: determination.location.file, line: determination.location.line,
                message: "the determination for \(determination.model) \(determination.category) \(determination.stage) is dated \(determination.date), in the future (after \(latest)); check its date")
        }
    }
}

/// Reads determination files (YAML, or JSON, which YAML includes).
///
/// ```yaml
/// schema_version: 1
/// determinations:
///   - {model: o1, category: cbrn, stage: post_mitigation, level: medium,
///      rationale: "...", author: "...", date: 2024-12-05, source: "https://..."}
/// mitigations:
///   - {model: o1, category: cbrn, text: "Refusal training for biological threat creation."}
/// models_without_evidence: [gpt-4]   # optional: models assessed from determinations alone
/// ```
/// Categories, stages and levels are checked against the framework; a rationale, an author and an
/// ISO date are required; two determinations for the same model, snapshot, category and stage are
/// an error.
public enum DeterminationLoader {
    static let determinationKeys = ["model", "snapshot", "category", "stage", "level", "rationale", "author", "date", "source", "made_on"]

    /// Reads the file at `path`; `name` (default: the path) is how records and messages refer to it.
    public static func load(path: String, name: String? = nil, framework: Framework) throws(InputError) -> DeterminationBundle {
        let bytes = try InputFile.read(path)
        let name = name ?? path
        guard let text = String(validating: bytes, as: UTF8.self) else { throw InputError(file: name, "the file is not UTF-8 text") }
        var bundle = try parse(text, file: name, framework: framework)
        bundle.inputs = [(path, SHA256.hex(of: bytes))]
        return bundle
    }

    public static func parse(_ text: String, file: String, framework: Framework) throws(InputError) -> DeterminationBundle {
        var log = DiagnosticLog(file: file)
        guard let root = YAMLValue.parse(text, log: &log), let map = root.map(&log) else { throw InputError(log.diagnostics) }
        var bundle = DeterminationBundle()
        if let version = map.required("schema_version", &log), let n = version.integer(&log), n != 1 {
            version.log("unsupported schema_version \(n) (supported: 1)", &log)
        }
        for item in map.optional("determinations")?.list(&log) ?? [] {
            if let determination = readDetermination(item, file: file, framework: framework, &log) {
                bundle.determinations.append(determination)
            }
        }
        for item in map.optional("mitigations")?.list(&log) ?? [] {
            guard let m = item.map(&log) else { continue }
            let model = m.required("model", &log)?.string(&log)
            let category = categoryID(m, framework, &log)
            let text = m.required("text", &log)?.string(&log)
            m.finish(known: ["model", "category", "text"], &log)
            if let model, let category, let text {
                bundle.mitigations.append(Mitigation(
                    model: model, category: category, text: text, location: SourceLocation(file: file, line: item.line ?? 0)))
            }
        }
        if let node = map.optional("models_without_evidence") {
            for item in node.list(&log) ?? [] {
                if let model = item.string(&log) {
                    bundle.modelsWithoutEvidence.append((model, SourceLocation(file: file, line: item.line ?? node.line ?? 0)))
                }
            }
        }
        map.finish(known: ["schema_version", "determinations", "mitigations", "models_without_evidence"], &log)
        checkDuplicates(bundle.determinations, &log)
        try log.check()
        return bundle
    }

    static func readDetermination(
        _ item: YAMLValue, file: String, framework: Framework, _ log: inout DiagnosticLog
    ) -> Determination? {
        guard let m = item.map(&log) else { return nil }
        defer { m.finish(known: determinationKeys, &log) }
        let model = m.required("model", &log)?.string(&log)
        let snapshot = m.optional("snapshot")?.string(&log)
        let category = categoryID(m, framework, &log)
        var stage: String?
        if let node = m.required("stage", &log), let id = node.string(&log) {
            if framework.stage(id) == nil {
                node.log("unknown stage '\(id)' (known: \(framework.stages.map(\.id).joined(separator: ", ")))", &log)
            } else {
                stage = id
            }
        }
        var level: Level?
        if let node = m.required("level", &log), let id = node.string(&log) {
            level = framework.scale.level(id)
            if level == nil {
                node.log("unknown level '\(id)' (known: \(framework.scale.levels.map(\.id).joined(separator: ", ")))", &log)
            }
        }
        let rationale = m.required("rationale", &log)?.string(&log)
        let author = m.required("author", &log)?.string(&log)
        var date: String?
        if let node = m.required("date", &log), let text = node.string(&log) {
            if let problem = CalendarDate.dateProblem(text) {
                node.log("date must be a calendar date written YYYY-MM-DD, found '\(text)': \(problem)", &log)
            } else {
                date = text
            }
        }
        let source = m.optional("source")?.string(&log)
        var madeOn: String?
        if let node = m.optional("made_on"), let text = node.string(&log) {
            if SHA256.isHexDigest(text) {
                madeOn = text
            } else {
                node.log("made_on must be the 64 lowercase hex digits of a SHA-256 (as `scorecard explain` prints it), found '\(text)'", &log)
            }
        }
        guard let model, let category, let stage, let level, let rationale, let author, let date else { return nil }
        return Determination(
            model: model, snapshot: snapshot, category: category, stage: stage, level: level, rationale: rationale,
            author: author, date: date, source: source, location: SourceLocation(file: file, line: item.line ?? 0), madeOn: madeOn)
    }

    static func categoryID(_ m: YAMLMap, _ framework: Framework, _ log: inout DiagnosticLog) -> String? {
        guard let node = m.required("category", &log), let id = node.string(&log) else { return nil }
        guard framework.category(id) != nil else {
            let ids = framework.categories.map(\.id)
            let hint = closest(to: id, in: ids).map { "; did you mean '\($0)'?" } ?? ""
            node.log("unknown category '\(id)'\(hint) (known: \(ids.joined(separator: ", ")))", &log)
            return nil
        }
        return id
    }

    static func checkDuplicates(_ determinations: [Determination], _ log: inout DiagnosticLog) {
        var seen: [String: Int] = [:]
        for d in determinations {
            let key = [d.model, d.snapshot ?? "", d.category, d.stage].joined(separator: "\u{1F}")
            if let first = seen[key] {
                log.add("second determination for \(d.model) \(d.category) \(d.stage) (first at line \(first)); keep one",
                        line: d.location.line)
            } else {
                seen[key] = d.location.line
            }
        }
    }
}
