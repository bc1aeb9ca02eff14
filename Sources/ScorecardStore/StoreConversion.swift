import Foundation
import ScorecardCore

/// Conversions between domain values and store rows, in one place.
///
/// Optional text that identifies a record (snapshot, variant) is stored as "" so unique keys hold.
enum StoreConversion {
    static func row(_ record: EvidenceRecord, file: String) -> ResultRow {
        ResultRow(
            id: nil, fileSha256: file, line: record.location.line, model: record.subject.model,
            snapshot: record.subject.snapshot ?? "", stage: record.stage, eval: record.evaluation, metric: record.metric,
            variant: record.variant ?? "", value: record.value, unit: record.unit.rawValue, lowerIsBetter: record.lowerIsBetter,
            n: record.n, k: record.k,
            ciLow: record.interval?.low, ciHigh: record.interval?.high, ciLevel: record.interval?.level,
            ciMethod: record.interval?.method, source: record.source, sourceSha256: record.sourceSHA256, notes: record.notes,
            consistency: record.consistency?.rawValue)
    }

    static func record(_ row: ResultRow, path: String) -> EvidenceRecord {
        var interval: ConfidenceInterval?
        if let low = row.ciLow, let high = row.ciHigh {
            interval = ConfidenceInterval(low: low, high: high, level: row.ciLevel ?? 0.95, method: row.ciMethod ?? "reported")
        }
        return EvidenceRecord(
            subject: Subject(model: row.model, snapshot: row.snapshot.isEmpty ? nil : row.snapshot), stage: row.stage,
            evaluation: row.eval, metric: row.metric, variant: row.variant.isEmpty ? nil : row.variant, value: row.value,
            unit: ValueUnit(rawValue: row.unit) ?? .rate, lowerIsBetter: row.lowerIsBetter, n: row.n, k: row.k, interval: interval, source: row.source,
            sourceSHA256: row.sourceSha256, notes: row.notes, consistency: row.consistency.flatMap(EvidenceConsistency.init(rawValue:)),
            location: SourceLocation(file: path, line: row.line))
    }

    /// Sample metadata as stored: a JSON object of strings, `{}` when empty.
    static func metadataJSON(_ metadata: [String: String]) -> String {
        guard !metadata.isEmpty else { return "{}" }
        return (try? JSONEncoder.sorted.encode(metadata)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func metadata(_ json: String) -> [String: String] {
        guard json != "{}" else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
    }

    static func row(_ determination: Determination, file: String) -> DeterminationRow {
        DeterminationRow(
            id: nil, fileSha256: file, line: determination.location.line, model: determination.model,
            snapshot: determination.snapshot ?? "", category: determination.category, stage: determination.stage,
            level: determination.level.id, rationale: determination.rationale, author: determination.author,
            date: determination.date, source: determination.source)
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, for stable stored JSON.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
