import Foundation
import GRDB
import ScorecardCore

/// Conversions between domain values and store rows, in one place.
///
/// Optional text that identifies a record (snapshot, variant) is stored as "" so unique keys hold.
enum StoreConversion {
    /// The values of one `result` row, in the column order of ``EvidenceWriter``'s insert and
    /// ``record(_:path:)``'s select (after `file_sha256`: `line`, `model`, … `consistency`).
    static func arguments(_ record: EvidenceRecord, file: String) -> StatementArguments {
        [
            file, record.location.line, record.subject.model, record.subject.snapshot ?? "", record.stage, record.evaluation,
            record.metric, record.variant ?? "", record.value, record.unit.rawValue, record.lowerIsBetter, record.n, record.k,
            record.interval?.low, record.interval?.high, record.interval?.level, record.interval?.method, record.source,
            record.sourceSHA256, record.notes, record.consistency?.rawValue,
        ]
    }

    /// The columns ``record(_:path:)`` reads, in order.
    static let resultColumns = """
        line, model, snapshot, stage, eval, metric, variant, value, unit, lower_is_better, n, k, ci_low, ci_high, ci_level,
        ci_method, source, source_sha256, notes, consistency
        """

    /// A record from a row of ``resultColumns``, read by position (no per-row decoding machinery:
    /// a store can hold millions).
    static func record(_ row: Row, path: String) -> EvidenceRecord {
        var interval: ConfidenceInterval?
        let low: Double? = row[12], high: Double? = row[13]
        if let low, let high {
            interval = ConfidenceInterval(low: low, high: high, level: row[14] ?? 0.95, method: row[15] ?? "reported")
        }
        let snapshot: String = row[2], variant: String = row[6], unit: String = row[8], consistency: String? = row[19]
        return EvidenceRecord(
            subject: Subject(model: row[1], snapshot: snapshot.isEmpty ? nil : snapshot), stage: row[3],
            evaluation: row[4], metric: row[5], variant: variant.isEmpty ? nil : variant, value: row[7],
            unit: ValueUnit(rawValue: unit) ?? .rate, lowerIsBetter: row[9], n: row[10], k: row[11], interval: interval,
            source: row[16], sourceSHA256: row[17], notes: row[18], consistency: consistency.flatMap(EvidenceConsistency.init(rawValue:)),
            location: SourceLocation(file: path, line: row[0]))
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
