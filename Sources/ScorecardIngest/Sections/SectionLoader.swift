import ScorecardCore

/// Reads system-card section definitions (YAML): the tables and charts of a section beside the
/// Preparedness scorecard.
///
/// ```yaml
/// schema_version: 1
/// id: fairness
/// title: Fairness and bias
/// stage: post_mitigation          # optional: only records of this stage
/// names: {bbq_ambiguous: BBQ}     # optional: the names shown for evaluation ids
/// tables:
///   - id: bbq
///     title: BBQ
///     chart: true
///     rows:                         # kind: rows (default) | three_way_grades (evals) | benchmarks (evals, with *)
///       - {eval: bbq_ambiguous, metric: accuracy, label: "Ambiguous questions: accuracy"}
/// tradeoffs:
///   - {id: t, title: ..., x: {eval: ..., metric: ..., label: ...}, y: {...}, variant: ...}
/// ```
/// Every problem is reported with file, line and column; unknown keys are refused with a suggestion.
public enum SectionLoader {
    static let topKeys = ["schema_version", "id", "title", "summary", "stage", "names", "tables", "tradeoffs"]
    static let tableKeys = ["id", "title", "summary", "kind", "rows", "evals", "chart"]
    static let rowKeys = ["eval", "metric", "label", "lower_is_better"]
    static let tradeoffKeys = ["id", "title", "summary", "x", "y", "variant"]

    /// The sections built into the binary (a copy of `sections/`), by identifier.
    public static func builtIn() throws(InputError) -> [SectionDefinition] {
        var diagnostics: [Diagnostic] = []
        var sections: [SectionDefinition] = []
        for file in BuiltinSections.files {
            do throws(InputError) { sections.append(try parse(file.text, file: "sections/\(file.name)")) } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw InputError(diagnostics) }
        return sections
    }

    /// Reads the section file at `path`; `name` (the path as the user wrote it, relative to a
    /// card's root) is what messages and the recorded `file` show, `path` when nil.
    public static func load(path: String, name: String? = nil) throws(InputError) -> SectionDefinition {
        let bytes = try InputFile.read(path)
        let name = name ?? path
        guard let text = String(validating: bytes, as: UTF8.self) else { throw InputError(file: name, "the file is not UTF-8 text") }
        var definition = try parse(text, file: name)
        definition.file = name
        return definition
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> SectionDefinition {
        var log = DiagnosticLog(file: file)
        guard let root = YAMLValue.parse(text, log: &log), let map = root.map(&log) else { throw InputError(log.diagnostics) }
        if let version = map.required("schema_version", &log), let n = version.integer(&log), n != 1 {
            version.log("unsupported schema_version \(n) (supported: 1)", &log)
        }
        let idNode = map.required("id", &log)
        let id = idNode?.string(&log) ?? ""
        if let idNode, id.lowercased() == "card" {
            idNode.log("section id 'card' is taken: the whole-card document is written as MODEL-card.md; choose another id", &log)
        }
        let title = map.required("title", &log)?.string(&log) ?? id
        let summary = map.optional("summary")?.string(&log)
        let stageNode = map.optional("stage")
        let stage = stageNode?.string(&log)
        var names: [String: String] = [:]
        for (key, value) in map.optional("names")?.map(&log)?.all() ?? [] {
            if let name = value.string(&log) { names[key] = name }
        }
        var tables: [SectionTable] = []
        var seen: [String: Int] = [:]
        for item in map.required("tables", &log)?.list(&log) ?? [] {
            guard let table = readTable(item, &log) else { continue }
            if let first = seen[table.id] {
                item.log("duplicate table id '\(table.id)' (first defined at line \(first))", &log)
            }
            seen[table.id] = seen[table.id] ?? item.line ?? 0
            tables.append(table)
        }
        let tradeoffs = (map.optional("tradeoffs")?.list(&log) ?? []).compactMap { readTradeoff($0, &log) }
        map.finish(known: topKeys, &log)
        try log.check()
        var definition = SectionDefinition(id: id, title: title, summary: summary, stage: stage, tables: tables, tradeoffs: tradeoffs)
        definition.names = names
        definition.stageLine = stageNode?.line
        return definition
    }

    static func readTable(_ node: YAMLValue, _ log: inout DiagnosticLog) -> SectionTable? {
        guard let map = node.map(&log) else { return nil }
        defer { map.finish(known: tableKeys, &log) }
        let id = map.required("id", &log)?.string(&log) ?? ""
        let title = map.required("title", &log)?.string(&log) ?? id
        let kindNode = map.optional("kind")
        let kindName = kindNode?.string(&log) ?? "rows"
        let kind: SectionTable.Kind
        switch kindName {
        case "rows":
            let rows = (map.required("rows", &log)?.list(&log) ?? []).compactMap { readRow($0, &log) }
            if rows.isEmpty { node.log("table '\(id)' lists no rows", &log) }
            kind = .rows(rows)
        case "three_way_grades", "benchmarks":
            let evals = map.required("evals", &log)?.strings(&log) ?? []
            if evals.isEmpty { node.log("table '\(id)' lists no evals", &log) }
            kind = kindName == "benchmarks" ? .benchmarks(patterns: evals) : .threeWayGrades(evaluations: evals)
        default:
            kindNode?.log("unknown table kind '\(kindName)' (known: rows, three_way_grades, benchmarks)", &log)
            // Not reported as unknown keys too: the kind is what is wrong.
            _ = (map.optional("rows"), map.optional("evals"), map.optional("summary"), map.optional("chart"))
            return nil
        }
        var table = SectionTable(
            id: id, title: title, summary: map.optional("summary")?.string(&log), kind: kind,
            chart: map.optional("chart")?.bool(&log) ?? false)
        table.line = node.line
        return table
    }

    static func readRow(_ node: YAMLValue, _ log: inout DiagnosticLog) -> SectionRow? {
        guard let map = node.map(&log) else { return nil }
        defer { map.finish(known: rowKeys, &log) }
        guard let evaluation = map.required("eval", &log)?.string(&log),
              let metric = map.required("metric", &log)?.string(&log) else { return nil }
        var row = SectionRow(
            evaluation: evaluation, metric: metric, label: map.optional("label")?.string(&log) ?? "\(evaluation) \(metric)",
            lowerIsBetter: map.optional("lower_is_better")?.bool(&log) ?? false)
        row.line = node.line
        return row
    }

    static func readTradeoff(_ node: YAMLValue, _ log: inout DiagnosticLog) -> TradeoffChart? {
        guard let map = node.map(&log) else { return nil }
        defer { map.finish(known: tradeoffKeys, &log) }
        let id = map.required("id", &log)?.string(&log) ?? ""
        guard let x = map.required("x", &log).flatMap({ readRow($0, &log) }),
              let y = map.required("y", &log).flatMap({ readRow($0, &log) }) else { return nil }
        var chart = TradeoffChart(
            id: id, title: map.required("title", &log)?.string(&log) ?? id, summary: map.optional("summary")?.string(&log),
            x: x, y: y, variant: map.optional("variant")?.string(&log))
        chart.line = node.line
        return chart
    }
}
