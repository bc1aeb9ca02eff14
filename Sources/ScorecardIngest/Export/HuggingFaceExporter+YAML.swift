import ScorecardCore
import Yams

/// The two documents, as YAML node trees (Yams emits them: quoting and escaping are its job).
extension HuggingFaceExporter {
    /// `README.md`: the `model-index` front matter and a line saying where it came from.
    static func modelCard(_ subject: Subject, _ records: [EvidenceRecord], sources: [EvidenceRecord.Key: Source], options: Options) -> String {
        // One result per evaluation and source: model-index gives a source per result, not per metric.
        var results: [Node] = []
        var groups: [(evaluation: String, source: Source, records: [EvidenceRecord])] = []
        for record in records {
            guard let source = sources[record.key] else { continue }
            if let index = groups.firstIndex(where: { $0.evaluation == record.evaluation && $0.source == source }) {
                groups[index].records.append(record)
            } else {
                groups.append((record.evaluation, source, [record]))
            }
        }
        for group in groups {
            let dataset = options.datasets[group.evaluation]
            let metrics: [Node] = group.records.map { record in
                var pairs: [(String, Node)] = [("type", text(record.metric)), ("value", number(record.value))]
                pairs.append(("name", text(record.metric + (record.variant.map { " [\($0)]" } ?? ""))))
                return mapping(pairs)
            }
            results.append(mapping([
                ("task", mapping([("type", text(options.taskType))])),
                ("dataset", mapping([("name", text(group.evaluation)), ("type", text(dataset?.id ?? group.evaluation))])),
                ("metrics", .sequence(.init(metrics))),
                ("source", mapping([("name", text(group.source.name)), ("url", text(group.source.url))])),
            ]))
        }
        let index = mapping([("model-index", .sequence(.init([mapping([("name", text(name(subject))), ("results", .sequence(.init(results)))])])))])
        let stage = records.first?.stage ?? ""
        return "---\n" + emit(index) + "---\n\n"
            + "Evaluation results of \(name(subject)) at stage \(stage), exported by Scorecard \(options.toolVersion). "
            + "The same results, with their notes, are in `.eval_results/`.\n"
    }

    /// `.eval_results/<evaluation>.yaml`: one entry per record.
    static func evalResults(_ records: [EvidenceRecord], sources: [EvidenceRecord.Key: Source], options: Options) -> String {
        let entries: [Node] = records.compactMap { record in
            guard let source = sources[record.key] else { return nil }
            let dataset = options.datasets[record.evaluation]
            return mapping([
                ("dataset", mapping([("id", text(dataset?.id ?? record.evaluation)), ("task_id", text(dataset?.taskID ?? record.evaluation))])),
                ("value", number(record.value)),
                ("source", mapping([("url", text(source.url)), ("name", text(source.name))])),
                ("notes", text(notes(record))),
            ])
        }
        return emit(.sequence(.init(entries)))
    }

    /// What the entry's number is: metric, variant, stage, counts, interval, consistency.
    static func notes(_ record: EvidenceRecord) -> String {
        var parts = ["metric \(record.metric)"]
        if let variant = record.variant { parts.append("variant \(variant)") }
        parts.append("stage \(record.stage)")
        if record.unit != .rate { parts.append("unit \(record.unit.rawValue)") }
        if let n = record.n { parts.append(record.k.map { "k = \($0) of n = \(n)" } ?? "n = \(n)") }
        if let interval = record.interval {
            parts.append("\(Format.number(interval.level * 100))% CI [\(Format.number(interval.low)), \(Format.number(interval.high))] (\(interval.method))")
        }
        if let mark = record.consistency { parts.append("marked \(mark.rawValue): \(mark.phrase)") }
        return parts.joined(separator: "; ")
    }

    /// The model-index name: the model, with its snapshot.
    static func name(_ subject: Subject) -> String {
        subject.model + (subject.snapshot.map { "@\($0)" } ?? "")
    }

    static func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (Node.scalar(.init($0.0)), $0.1) }))
    }

    /// A string, always double-quoted: a model or metric name never reads as a number, a date or `null`.
    static func text(_ value: String) -> Node {
        .scalar(.init(value, Tag(.str), .doubleQuoted))
    }

    /// A number as our evidence format writes it (shortest round-trip decimal), with a `.` before
    /// any exponent, which YAML 1.1 readers (PyYAML, the Hub's) need to see a float.
    static func number(_ value: Double) -> Node {
        var text = Format.number(value)
        if let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }), !text[..<exponent].contains(".") {
            text.insert(contentsOf: ".0", at: exponent)
        }
        let whole = !text.contains(where: { ".eE".contains($0) })
        return .scalar(.init(text, Tag(whole ? .int : .float), .plain))
    }

    static func emit(_ node: Node) -> String {
        // Emitting a tree built here cannot fail; an empty document is the fallback that keeps this total.
        (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? ""
    }
}
