import Foundation
import ScorecardCore

/// The request of protocol version 1, as Scorecard writes it on an external evaluator's
/// standard input (see `docs/evaluator-protocol.md` and `schemas/evaluator-request-v1.schema.json`).
struct EvaluatorRequest: Encodable {
    static let protocolName = "scorecard-evaluator"
    static let protocolVersion = 1

    struct Evaluator: Encodable {
        let name: String
        let version: Int
    }

    let `protocol` = protocolName
    let protocolVersion = EvaluatorRequest.protocolVersion
    let evaluator: Evaluator
    let items: [Item]

    /// One indicator to measure on one subject's evidence at one stage.
    struct Item: Encodable {
        var id: String
        let indicator: Indicator
        let subject: SubjectPayload
        let stage: String
        let records: [Record]
        let problems: [ProblemPayload]
    }

    struct Indicator: Encodable {
        let id: String
        let eval: String
        let metrics: [String]
        let unit: String
        let direction: String
        let baselines: [BaselinePayload]
        let params: [String: ParameterValue]
    }

    struct SubjectPayload: Encodable {
        let model: String
        let snapshot: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(model, forKey: .model)
            try container.encode(snapshot, forKey: .snapshot)
        }

        enum CodingKeys: String, CodingKey { case model, snapshot }
    }

    struct BaselinePayload: Encodable {
        let name: String
        let value: Double
        let source: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(value, forKey: .value)
            try container.encode(source, forKey: .source)
        }

        enum CodingKeys: String, CodingKey { case name, value, source }
    }

    struct IntervalPayload: Encodable {
        let low: Double
        let high: Double
        let level: Double
        let method: String
    }

    /// A summary record; `ref` is what a reply's `used` names it by.
    struct Record: Encodable {
        let ref: String
        let eval: String
        let metric: String
        let variant: String?
        let value: Double
        let unit: String
        let n: Int?
        let k: Int?
        let interval: IntervalPayload?
        let lowerIsBetter: Bool?
        let source: String?
        let notes: String?

        init(_ record: EvidenceRecord) {
            ref = record.location.description
            eval = record.evaluation
            metric = record.metric
            variant = record.variant
            value = record.value
            unit = record.unit.rawValue
            n = record.n
            k = record.k
            interval = record.interval.map { IntervalPayload(low: $0.low, high: $0.high, level: $0.level, method: $0.method) }
            lowerIsBetter = record.lowerIsBetter
            source = record.source
            notes = record.notes
        }

        // Every key is written, absent values as null.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ref, forKey: .ref)
            try container.encode(eval, forKey: .eval)
            try container.encode(metric, forKey: .metric)
            try container.encode(variant, forKey: .variant)
            try container.encode(value, forKey: .value)
            try container.encode(unit, forKey: .unit)
            try container.encode(n, forKey: .n)
            try container.encode(k, forKey: .k)
            try container.encode(interval, forKey: .interval)
            try container.encode(lowerIsBetter, forKey: .lowerIsBetter)
            try container.encode(source, forKey: .source)
            try container.encode(notes, forKey: .notes)
        }

        enum CodingKeys: String, CodingKey { case ref, eval, metric, variant, value, unit, n, k, interval, lowerIsBetter, source, notes }
    }

    /// A problem's attempts, in epoch order (`null`: an errored attempt).
    struct ProblemPayload: Encodable {
        let eval: String
        let id: String
        let scores: [Double?]
        let metadata: [String: String]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(eval, forKey: .eval)
            try container.encode(id, forKey: .id)
            var scoreList = container.nestedUnkeyedContainer(forKey: .scores)
            for score in scores {
                if let score { try scoreList.encode(score) } else { try scoreList.encodeNil() }
            }
            try container.encode(metadata, forKey: .metadata)
        }

        enum CodingKeys: String, CodingKey { case eval, id, scores, metadata }
    }
}

/// One item ready to send, with what checking its answer needs.
struct PreparedItem {
    var payload: EvaluatorRequest.Item
    let target: IndicatorTarget
    /// Record ref → the record, for the reply's `used`.
    let records: [String: EvidenceRecord]
    /// Where the per-sample records sent came from.
    let sampleSources: [SourceLocation]
    /// The worst consistency mark of the per-sample records sent (``EvidenceConsistency``).
    let sampleConsistency: EvidenceConsistency?
    /// What identifies the item's content (everything but its id), for remembering answers.
    let key: String

    init(target: IndicatorTarget, values: ParameterValues, evidence: EvidenceSlice, program: ExternalProgram) {
        self.target = target
        var evaluations = [target.evaluation]
        if let name = program.alsoReadsParameter, case .list(let items)? = values[name] {
            for case .string(let evaluation) in items where !evaluations.contains(evaluation) { evaluations.append(evaluation) }
        }
        let records = evaluations.flatMap { evidence.records(evaluation: $0) }
        let problems = program.readsSamples
            ? evaluations.flatMap { evaluation in
                evidence.problems(evaluation: evaluation).map {
                    EvaluatorRequest.ProblemPayload(eval: evaluation, id: $0.id, scores: $0.scores, metadata: $0.metadata)
                }
            }
            : []
        self.records = Dictionary(records.map { ($0.location.description, $0) }) { first, _ in first }
        sampleSources = program.readsSamples ? evaluations.flatMap { evidence.sampleSources(evaluation: $0) } : []
        sampleConsistency = program.readsSamples
            ? evaluations.reduce(nil) { EvidenceConsistency.worst($0, evidence.sampleConsistency(evaluation: $1)) } : nil
        payload = EvaluatorRequest.Item(
            id: "",
            indicator: .init(
                id: target.indicator, eval: target.evaluation, metrics: target.metrics, unit: target.unit.rawValue,
                direction: target.direction.rawValue,
                baselines: target.baselines.map { .init(name: $0.name, value: $0.value, source: $0.source) }, params: values.values),
            subject: .init(model: evidence.subject.model, snapshot: evidence.subject.snapshot), stage: evidence.stage,
            records: records.map(EvaluatorRequest.Record.init), problems: problems)
        key = SHA256.hex(of: Array((try? WireJSON.encoder.encode(payload)) ?? Data()))
    }
}

/// How requests are written: compact, sorted keys, snake_case, so equal content gives equal bytes.
enum WireJSON {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
