import Foundation
import ScorecardCore

/// Interprets raw records as result or sample records, checking every field.
///
/// A record with `sample_id` is a per-sample record; any other is a result record.
struct EvidenceRowParser {
    static let resultFields = [
        "model", "snapshot", "stage", "eval", "metric", "variant", "value", "unit", "lower_is_better", "n", "k", "ci_low",
        "ci_high", "ci_level", "source", "source_sha256", "notes", "consistency",
    ]
    static let sampleFields = [
        "model", "snapshot", "stage", "eval", "sample_id", "epoch", "score", "metadata", "error", "source", "source_sha256",
        "consistency",
    ]

    let file: String
    /// Allowed stage ids; nil accepts any.
    let stages: [String]?

    enum Parsed {
        case result(EvidenceRecord)
        case sample(SampleRecord)
    }

    func parse(_ raw: RawRecord, _ log: inout DiagnosticLog) -> Parsed? {
        let isSample = raw.field("sample_id") != nil
        let known = isSample ? Self.sampleFields : Self.resultFields
        for field in raw.fields where !known.contains(field.name) {
            let hint = closest(to: field.name, in: known).map { "; did you mean '\($0)'?" } ?? ""
            log.add("unknown field '\(field.name)'\(hint) (known: \(known.joined(separator: ", ")))", line: field.line)
        }
        let before = log.diagnostics.count
        let subject = Subject(model: text("model", raw, &log) ?? "", snapshot: optionalText("snapshot", raw, &log))
        let stage = stageField(raw, &log)
        let evaluation = text("eval", raw, &log) ?? ""
        let result: Parsed? = isSample
            ? sample(raw, subject, stage, evaluation, &log).map(Parsed.sample)
            : record(raw, subject, stage, evaluation, &log).map(Parsed.result)
        return log.diagnostics.count == before ? result : nil
    }

    private func record(
        _ raw: RawRecord, _ subject: Subject, _ stage: String, _ evaluation: String, _ log: inout DiagnosticLog
    ) -> EvidenceRecord? {
        let metric = text("metric", raw, &log) ?? ""
        var unit = ValueUnit.rate
        if let name = optionalText("unit", raw, &log) {
            if let parsed = ValueUnit(rawValue: name) {
                unit = parsed
            } else {
                log.add("unknown unit '\(name)' (known: \(ValueUnit.allCases.map(\.rawValue).joined(separator: ", ")))",
                        line: raw.field("unit")?.line)
            }
        }
        guard let value = number("value", raw, &log, required: true) else { return nil }
        if let problem = unit.problem(with: value) { log.add(problem, line: raw.field("value")?.line) }
        let n = integer("n", raw, &log, minimum: 1)
        let k = integer("k", raw, &log, minimum: 0)
        if let k, n == nil {
            log.add("k (\(k) successes) needs n, the number of trials", line: raw.field("k")?.line)
        } else if let k, let n, k > n {
            log.add("k = \(k) successes is more than n = \(n) trials", line: raw.field("k")?.line)
        } else if let k, let n, n > 0, unit == .rate, abs(Double(k) / Double(n) - value) > Self.rateTolerance(n: n) {
            // An interval computed from k and n would not be the value's: it could decide a level below it.
            log.add("k/n = \(k)/\(n) = \(Format.number(Double(k) / Double(n))) does not give the value \(Format.number(value)) "
                        + "(a rate's k successes of n trials are its value, to within rounding): correct k or n, or leave k out",
                    line: raw.field("k")?.line)
        }
        let interval = interval(raw, value: value, unit: unit, &log)
        let notes = optionalText("notes", raw, &log)
        let lowerIsBetter = raw.field("lower_is_better") == nil
            ? Self.legacyLowerIsBetter(notes: notes) : flag("lower_is_better", raw, &log)
        return EvidenceRecord(
            subject: subject, stage: stage, evaluation: evaluation, metric: metric,
            variant: optionalText("variant", raw, &log), value: value, unit: unit, lowerIsBetter: lowerIsBetter,
            n: n, k: k, interval: interval,
            source: optionalText("source", raw, &log), sourceSHA256: hash("source_sha256", raw, &log),
            notes: notes, consistency: consistency(raw, &log), location: SourceLocation(file: file, line: raw.line))
    }

    /// How far a rate may be from k/n: half a success, or half a percentage point (a published
    /// figure rounded to whole percents), whichever is larger.
    static func rateTolerance(n: Int) -> Double { max(0.5 / Double(n), 0.005) + 1e-9 }

    /// The legacy path: a record without `lower_is_better`, written before the field existed, whose
    /// notes carry the importers' words for it ("lower is better", alone or followed by `:` and
    /// more, as one of the `;`-separated notes) is lower-is-better; any other such record is
    /// unknown (nil). The only place where notes are read for meaning.
    static func legacyLowerIsBetter(notes: String?) -> Bool? {
        guard let notes else { return nil }
        let marked = notes.split(separator: ";").contains {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix(ImportRules.lowerIsBetter)
        }
        return marked ? true : nil
    }

    private func interval(
        _ raw: RawRecord, value: Double, unit: ValueUnit, _ log: inout DiagnosticLog
    ) -> ConfidenceInterval? {
        let low = number("ci_low", raw, &log, required: false)
        let high = number("ci_high", raw, &log, required: false)
        let level = number("ci_level", raw, &log, required: false)
        switch (low, high) {
        case (nil, nil):
            if level != nil { log.add("ci_level is given without ci_low and ci_high", line: raw.field("ci_level")?.line) }
            return nil
        case (let low?, let high?):
            for (name, bound) in [("ci_low", low), ("ci_high", high)] {
                if let problem = unit.problem(with: bound) { log.add("\(name): \(problem)", line: raw.field(name)?.line) }
            }
            if let level, !(level > 0 && level < 1) {
                log.add("ci_level \(Format.number(level)) must be between 0 and 1 (0.95 for a 95% interval)",
                        line: raw.field("ci_level")?.line)
            }
            let interval = ConfidenceInterval(low: low, high: high, level: level ?? 0.95, method: "reported")
            if low > high {
                log.add("ci_low \(Format.number(low)) is above ci_high \(Format.number(high))", line: raw.field("ci_low")?.line)
            } else if !interval.contains(value) {
                log.add("the interval [\(Format.number(low)), \(Format.number(high))] does not contain the value \(Format.number(value))",
                        line: raw.field("value")?.line)
            }
            return interval
        default:
            log.add("give both ci_low and ci_high, or neither", line: (raw.field("ci_low") ?? raw.field("ci_high"))?.line)
            return nil
        }
    }

    private func sample(
        _ raw: RawRecord, _ subject: Subject, _ stage: String, _ evaluation: String, _ log: inout DiagnosticLog
    ) -> SampleRecord? {
        var sampleID = ""
        if let (value, line) = raw.field("sample_id") {
            switch value {
            case .text(let s) where !s.isEmpty: sampleID = s
            case .number(let n, let text) where n == n.rounded(): sampleID = text
            default: log.add("sample_id must be text or a whole number", line: line)
            }
        }
        let epoch = integer("epoch", raw, &log, minimum: 1) ?? 1
        if raw.field("epoch") == nil { log.add("sample record is missing 'epoch'", line: raw.line) }
        var score: Double?
        let errorText = optionalText("error", raw, &log)
        switch raw.field("score") {
        case nil where errorText == nil:
            log.add("sample record is missing 'score' (use null with an 'error' for an errored attempt)", line: raw.line)
        case nil, (.null, _)?:
            if errorText == nil { log.add("score is null but no 'error' says why", line: raw.field("score")?.line) }
        case (.bool(let b), _)?:
            score = b ? 1 : 0
        case (.number(let n, _), let line)?:
            if let problem = ValueUnit.rate.problem(with: n) { log.add("score: \(problem)", line: line) }
            score = n
        case (_, let line)?:
            log.add("score must be a number in [0, 1], true or false, or null", line: line)
        }
        if score != nil, errorText != nil {
            log.add("a sample with an 'error' must have a null score", line: raw.field("error")?.line)
        }
        var metadata: [String: String] = [:]
        if let (value, line) = raw.field("metadata") {
            if case .object(let flat) = value { metadata = flat } else { log.add("metadata must be an object", line: line) }
        }
        return SampleRecord(
            subject: subject, stage: stage, evaluation: evaluation, sampleID: sampleID, epoch: epoch, score: score,
            metadata: metadata, error: errorText, source: optionalText("source", raw, &log),
            sourceSHA256: hash("source_sha256", raw, &log), consistency: consistency(raw, &log),
            location: SourceLocation(file: file, line: raw.line))
    }

    // MARK: Fields

    private func stageField(_ raw: RawRecord, _ log: inout DiagnosticLog) -> String {
        guard let stage = text("stage", raw, &log) else { return "" }
        if let stages, !stages.contains(stage) {
            let hint = closest(to: stage, in: stages).map { "; did you mean '\($0)'?" } ?? ""
            log.add("unknown stage '\(stage)'\(hint) (known: \(stages.joined(separator: ", ")))", line: raw.field("stage")?.line)
        }
        return stage
    }

    private func text(_ name: String, _ raw: RawRecord, _ log: inout DiagnosticLog) -> String? {
        guard raw.field(name) != nil else {
            log.add("record is missing '\(name)'", line: raw.line)
            return nil
        }
        return optionalText(name, raw, &log)
    }

    private func optionalText(_ name: String, _ raw: RawRecord, _ log: inout DiagnosticLog) -> String? {
        guard let (value, line) = raw.field(name) else { return nil }
        switch value {
        case .text(let s):
            // Only text that starts or ends with whitespace needs the (slow) Foundation trim.
            let blank = s.isEmpty || ((s.first?.isWhitespace ?? false) || (s.last?.isWhitespace ?? false))
                && s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            if blank { log.add("\(name) is empty", line: line) }
            return blank ? nil : s
        case .number(_, let text): return text
        case .null: return nil
        default:
            log.add("\(name) must be text", line: line)
            return nil
        }
    }

    /// `true` or `false`: a JSON boolean, or that text in CSV (any case); null is unknown.
    private func flag(_ name: String, _ raw: RawRecord, _ log: inout DiagnosticLog) -> Bool? {
        guard let (value, line) = raw.field(name) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .null: return nil
        case .text(let text) where ["true", "false"].contains(text.trimmingCharacters(in: .whitespaces).lowercased()):
            return text.trimmingCharacters(in: .whitespaces).lowercased() == "true"
        case .text(let text): log.add("\(name) must be true or false, found '\(text)'", line: line)
        case .number(_, let text): log.add("\(name) must be true or false, found \(text)", line: line)
        default: log.add("\(name) must be true or false", line: line)
        }
        return nil
    }

    /// `consistency`: `partial` or `contradicts`; absent, null or an empty CSV cell is none.
    private func consistency(_ raw: RawRecord, _ log: inout DiagnosticLog) -> EvidenceConsistency? {
        guard let (value, line) = raw.field("consistency") else { return nil }
        if case .text(let text) = value, text.isEmpty { return nil }
        guard let name = optionalText("consistency", raw, &log) else { return nil }
        guard let mark = EvidenceConsistency(rawValue: name) else {
            let known = EvidenceConsistency.allCases.map(\.rawValue)
            let hint = closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
            log.add("unknown consistency '\(name)'\(hint) (known: \(known.joined(separator: ", ")))", line: line)
            return nil
        }
        return mark
    }

    private func hash(_ name: String, _ raw: RawRecord, _ log: inout DiagnosticLog) -> String? {
        guard let text = optionalText(name, raw, &log) else { return nil }
        guard SHA256.isHexDigest(text) else {
            log.add("\(name) must be 64 lowercase hex digits, found '\(text)'", line: raw.field(name)?.line)
            return nil
        }
        return text
    }

    private func number(_ name: String, _ raw: RawRecord, _ log: inout DiagnosticLog, required: Bool) -> Double? {
        guard let (value, line) = raw.field(name) else {
            if required { log.add("record is missing '\(name)'", line: raw.line) }
            return nil
        }
        switch value {
        case .number(let n, let text):
            guard n.isFinite else {
                log.add("\(name) is \(text), not a finite number", line: line)
                return nil
            }
            return n
        case .text(let s):
            let hex = s.trimmingCharacters(in: .whitespaces).drop { $0 == "-" }.lowercased().hasPrefix("0x")
            let hint = s.hasSuffix("%") ? "; write rates as fractions, e.g. 0.46 for 46%"
                : hex ? "; write it in decimal (hexadecimal numbers are not read, as in JSON)" : ""
            log.add("\(name) must be a number, found '\(s)'\(hint)", line: line)
        case .null:
            if required { log.add("\(name) is null", line: line) }
        default:
            log.add("\(name) must be a number", line: line)
        }
        return nil
    }

    private func integer(_ name: String, _ raw: RawRecord, _ log: inout DiagnosticLog, minimum: Int) -> Int? {
        guard let value = number(name, raw, &log, required: false) else { return nil }
        var written = Format.number(value)
        if case .number(_, let text)? = raw.field(name)?.value { written = text }
        guard value == value.rounded(), value >= Double(minimum) else {
            log.add("\(name) must be a whole number of at least \(minimum), found \(written)", line: raw.field(name)?.line)
            return nil
        }
        guard value < 1e15 else {
            log.add("\(name) is out of range: at most 999999999999999, found \(written)", line: raw.field(name)?.line)
            return nil
        }
        return Int(value)
    }
}
