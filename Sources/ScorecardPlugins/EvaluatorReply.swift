import ScorecardCore
import ScorecardJSON

/// Reads and checks an external evaluator's reply (protocol version 1) against the request.
///
/// The reply is untrusted. It must parse as JSON, hold no NaN or infinity, follow the reply
/// schema (`schemas/evaluator-reply-v1.schema.json`, compiled in), answer every item exactly once
/// for the indicator it was asked about, and give values the indicator's unit allows, intervals
/// that contain them, `k <= n`, and only refs of records it was sent.
enum EvaluatorReply {
    /// What went wrong with a reply as a whole: every item of the call fails with it.
    struct Problem: Error {
        let message: String
    }

    static let schema: JSONSchema = {
        // The schema is compiled in and checked against the committed file by a test.
        (try? JSONSchema(bytes: Array(ProtocolSchemas.reply.utf8))) ?? JSONSchema(.bool(false))
    }()

    /// Each item's measurement (by item id), or the problem that voids the whole reply.
    static func measurements(_ bytes: [UInt8], items: [PreparedItem]) -> Result<[String: Measurement], Problem> {
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            return .failure(Problem(message: "wrote nothing on standard output"))
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .failure(Problem(message: "wrote a reply that is not JSON (\(error)): \(ProgramRunner.printable(Array(bytes.prefix(120))))"))
        }
        if let path = nonFinite(value, "$") {
            return .failure(Problem(message: "gave a number that is not finite (NaN or infinity) at \(path)"))
        }
        let violations = schema.errors(value)
        guard violations.isEmpty else {
            return .failure(Problem(message: "wrote a reply that does not follow protocol version 1: \(violations.prefix(3).joined(separator: "; "))"))
        }
        guard let object = value.objectValue else { return .failure(Problem(message: "wrote a reply that is not an object")) }
        if let error = object["error"]?.stringValue {
            return .failure(Problem(message: "reported an error: \(ProgramRunner.printable(Array(error.utf8)))"))
        }
        guard case .array(let results)? = object["results"] else { return .failure(Problem(message: "gave no results")) }
        let byID = Dictionary(items.map { ($0.payload.id, $0) }) { first, _ in first }
        var measurements: [String: Measurement] = [:]
        for result in results {
            guard let fields = result.objectValue, let id = fields["id"]?.stringValue else { continue }
            guard let item = byID[id] else {
                return .failure(Problem(message: "answered item '\(ProgramRunner.printable(Array(id.utf8)))', which the request does not have"))
            }
            guard measurements[id] == nil else { return .failure(Problem(message: "answered item '\(id)' twice")) }
            measurements[id] = measurement(fields, item)
        }
        return .success(measurements)
    }

    /// One result, checked against the item it answers.
    private static func measurement(_ fields: JSONObject, _ item: PreparedItem) -> Measurement {
        let indicator = fields["indicator"]?.stringValue ?? ""
        guard indicator == item.target.indicator else {
            return invalid("answered for indicator '\(ProgramRunner.printable(Array(indicator.utf8)))' instead", item)
        }
        switch fields["status"]?.stringValue {
        case "missing":
            return .missing(reason: "found nothing to measure: \(ProgramRunner.printable(Array((fields["reason"]?.stringValue ?? "").utf8)))")
        case "error":
            return .missing(reason: "failed: \(ProgramRunner.printable(Array((fields["message"]?.stringValue ?? "").utf8)))")
        default:
            return measured(fields, item)
        }
    }

    private static func measured(_ fields: JSONObject, _ item: PreparedItem) -> Measurement {
        let unit = item.target.unit
        guard let value = fields["value"]?.numberValue else { return invalid("gave no value", item) }
        if let problem = unit.problem(with: value) { return invalid("gave a value out of range for unit \(unit.rawValue): \(problem)", item) }
        var interval: ConfidenceInterval?
        if let bounds = fields["interval"]?.objectValue, let low = bounds["low"]?.numberValue, let high = bounds["high"]?.numberValue,
           let level = bounds["level"]?.numberValue, let method = bounds["method"]?.stringValue {
            let candidate = ConfidenceInterval(low: low, high: high, level: level, method: method)
            guard low <= high, candidate.contains(value) else {
                return invalid("gave an interval [\(Format.number(low)), \(Format.number(high))] that does not contain its value \(Format.number(value))", item)
            }
            if let problem = unit.problem(with: low) ?? unit.problem(with: high) { return invalid("gave an interval out of range: \(problem)", item) }
            interval = candidate
        }
        let n = fields["n"]?.integerValue, k = fields["k"]?.integerValue
        if let n, let k, k > n { return invalid("gave k = \(k) greater than n = \(n)", item) }
        let basis: IndicatorScore.Basis = fields["basis"]?.stringValue == "samples" ? .samples : .summary
        if basis == .samples && item.payload.problems.isEmpty {
            return invalid("says it computed from per-sample records, but none were sent", item)
        }
        var used: [EvidenceRecord] = []
        if case .array(let refs)? = fields["used"] {
            for case .string(let ref) in refs {
                guard let record = item.records[ref] else {
                    return invalid("cites evidence '\(ProgramRunner.printable(Array(ref.utf8)))' it was not sent", item)
                }
                if !used.contains(record) { used.append(record) }
            }
        }
        var notes: [String] = []
        if case .array(let list)? = fields["notes"] { notes = list.compactMap(\.stringValue).map { ProgramRunner.printable(Array($0.utf8)) } }
        let single = used.count == 1 && used[0].value == value ? used[0].key : nil
        // Evidence marked as disagreeing with its file is named, whatever the program says about it.
        let mark = used.reduce(basis == .samples ? item.sampleConsistency : nil) { EvidenceConsistency.worst($0, $1.consistency) }
        if let mark { notes.append("CAUTION: the evidence this program measured is marked \(mark.rawValue): \(mark.phrase)") }
        return .measured(IndicatorScore(
            value: value, interval: interval, n: n, k: k, metric: fields["metric"]?.stringValue ?? "", basis: basis,
            sources: used.map(\.location) + (basis == .samples ? item.sampleSources : []), record: single, notes: notes,
            consistency: mark))
    }

    private static func invalid(_ problem: String, _ item: PreparedItem) -> Measurement {
        .missing(reason: "gave an invalid result: \(problem)")
    }

    /// The path of the first NaN or infinity in `value`.
    private static func nonFinite(_ value: JSONValue, _ path: String) -> String? {
        switch value {
        case .number(let number, _): return number.isFinite ? nil : path
        case .array(let items):
            for (index, item) in items.enumerated() { if let found = nonFinite(item, "\(path)[\(index)]") { return found } }
            return nil
        case .object(let object):
            for member in object.members { if let found = nonFinite(member.value, "\(path).\(member.key)") { return found } }
            return nil
        default: return nil
        }
    }
}
