import ScorecardCore

/// Writes evidence records as JSON Lines in our own evidence format, one record per line.
///
/// Fields come in a fixed order and absent values are left out, so the same record always gives
/// the same bytes (which is how `import` recognises records it already has). Strings are escaped
/// per RFC 8259, so text from a log (quotes, newlines, control characters) can never break a
/// line; non-ASCII is written as UTF-8. ``EvidenceLoader`` reads every line back to the same record.
public enum EvidenceJSONL {
    /// One result record as a line, without the newline.
    public static func line(_ record: EvidenceRecord) -> [UInt8] {
        var out = Output()
        out.begin()
        out.field("model", record.subject.model)
        if let snapshot = record.subject.snapshot { out.field("snapshot", snapshot) }
        out.field("stage", record.stage)
        out.field("eval", record.evaluation)
        out.field("metric", record.metric)
        if let variant = record.variant { out.field("variant", variant) }
        out.field("value", number: record.value)
        if record.unit != .rate { out.field("unit", record.unit.rawValue) }
        if let lowerIsBetter = record.lowerIsBetter { out.field("lower_is_better", bool: lowerIsBetter) }
        if let n = record.n { out.field("n", integer: n) }
        if let k = record.k { out.field("k", integer: k) }
        if let interval = record.interval {
            out.field("ci_low", number: interval.low)
            out.field("ci_high", number: interval.high)
            out.field("ci_level", number: interval.level)
        }
        if let source = record.source { out.field("source", source) }
        if let hash = record.sourceSHA256 { out.field("source_sha256", hash) }
        if let notes = record.notes { out.field("notes", notes) }
        if let consistency = record.consistency { out.field("consistency", consistency.rawValue) }
        out.end()
        return out.bytes
    }

    /// One per-sample record as a line, without the newline.
    public static func line(_ sample: SampleRecord) -> [UInt8] {
        var out = Output()
        out.begin()
        out.field("model", sample.subject.model)
        if let snapshot = sample.subject.snapshot { out.field("snapshot", snapshot) }
        out.field("stage", sample.stage)
        out.field("eval", sample.evaluation)
        out.field("sample_id", sample.sampleID)
        out.field("epoch", integer: sample.epoch)
        if let score = sample.score { out.field("score", number: score) } else { out.nullField("score") }
        if !sample.metadata.isEmpty {
            out.key("metadata")
            out.bytes.append(UInt8(ascii: "{"))
            for (index, key) in sample.metadata.keys.sorted().enumerated() {
                if index > 0 { out.bytes += Array(", ".utf8) }
                out.string(key)
                out.bytes += Array(": ".utf8)
                out.string(sample.metadata[key] ?? "")
            }
            out.bytes.append(UInt8(ascii: "}"))
        }
        if let error = sample.error { out.field("error", error) }
        if let source = sample.source { out.field("source", source) }
        if let hash = sample.sourceSHA256 { out.field("source_sha256", hash) }
        if let consistency = sample.consistency { out.field("consistency", consistency.rawValue) }
        out.end()
        return out.bytes
    }

    /// A JSON string literal for `text`, quotes included.
    public static func quoted(_ text: String) -> String {
        var out = Output()
        out.string(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    struct Output {
        var bytes: [UInt8] = []
        private var first = true

        init() {
            bytes.reserveCapacity(256)
        }

        mutating func begin() { bytes.append(UInt8(ascii: "{")) }
        mutating func end() { bytes.append(UInt8(ascii: "}")) }

        mutating func key(_ name: StaticString) {
            if !first { bytes += [UInt8(ascii: ","), UInt8(ascii: " ")] }
            first = false
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            bytes += [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")]
        }

        mutating func field(_ name: StaticString, _ value: String) {
            key(name)
            string(value)
        }

        mutating func field(_ name: StaticString, number value: Double) {
            key(name)
            bytes += Array(Format.number(value).utf8)
        }

        mutating func field(_ name: StaticString, integer value: Int) {
            key(name)
            bytes += Array(String(value).utf8)
        }

        mutating func field(_ name: StaticString, bool value: Bool) {
            key(name)
            bytes += Array((value ? "true" : "false").utf8)
        }

        mutating func nullField(_ name: StaticString) {
            key(name)
            bytes += Array("null".utf8)
        }

        /// Appends `text` as a JSON string: `"` `\` and control characters escaped.
        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            var text = text
            text.withUTF8 { utf8 in
                // Runs without anything to escape are copied whole.
                var runStart = 0
                for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    appendEscape(byte)
                    runStart = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            }
            bytes.append(UInt8(ascii: "\""))
        }

        private mutating func appendEscape(_ byte: UInt8) {
            let hex = Array("0123456789abcdef".utf8)
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            default:
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
    }
}
