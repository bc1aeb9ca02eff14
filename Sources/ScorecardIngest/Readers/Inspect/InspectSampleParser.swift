import ScorecardCore
import ScorecardJSON

/// Reads one sample record (an `EvalSample`, or a row of a `.eval`'s sample summaries).
///
/// Only `id`, `epoch`, `scores` (value, and answer when consensus needs it), `metadata`,
/// `invalidation` (whether there is one) and `error` are read; `messages`, `output`, `events`, `events_data`, `attachments`, `store` and
/// the rest are skipped without being built.
struct InspectSampleParser {
    /// Whether to read score answers (for cons@k); they are skipped otherwise.
    var readAnswers: Bool
    /// The `.eval` member being read, for messages; nil for `.json`.
    var member: String?

    /// Whether a name of `length` bytes can be one read: `id`, `epoch` or `error`, `scores`, `metadata`, `invalidation`.
    @inline(__always) static func mayBeRead(length: Int) -> Bool {
        switch length {
        case 2, 5, 6, 8, 12: true
        default: false
        }
    }

    func read(_ cursor: inout JSONCursor) throws(JSONError) -> InspectSample {
        cursor.skipWhitespace()
        let start = cursor.offset
        guard try cursor.peekKind() == .object else {
            throw cursor.error("a sample must be an object, found \(cursor.kindDescription())")
        }
        var id: (text: String, isNumber: Bool)?
        var epoch: Int?
        var sample = InspectSample(id: "", idIsNumber: false, epoch: 0, offset: start, member: member)
        var single: [InspectSampleScore] = []
        var object = try cursor.beginObject()
        while let key = try cursor.nextKey(&object) {
            // Most members (messages, output, events, …) are none of the fields read: their length says so.
            if let length = key.plainLength, !Self.mayBeRead(length: length) {
                try cursor.skipValue()
            } else if cursor.key(key, is: "id") {
                id = try cursor.readTextOrNumber("sample id")
            } else if cursor.key(key, is: "epoch") {
                epoch = try cursor.readOptionalCount("sample epoch", atLeast: 1)
            } else if cursor.key(key, is: "scores") {
                sample.scores = try readScores(&cursor)
            } else if cursor.key(key, is: "score") {
                // Log format version 1: one scorer, one `score` per sample, named after the scorer later.
                single = cursor.readNullIfPresent() ? [] : try readScore(named: Self.versionOneScore, &cursor)
            } else if cursor.key(key, is: "metadata") {
                sample.metadata = try cursor.readScalarObject("sample metadata")
                sample.hasMetadataField = true
            } else if cursor.key(key, is: "invalidation") {
                sample.invalidated = !cursor.readNullIfPresent()
                if sample.invalidated { try cursor.skipValue() }
            } else if cursor.key(key, is: "error") {
                sample.error = try InspectHeaderParser.readErrorMessage(&cursor, field: "sample error")
            } else {
                try cursor.skipValue()
            }
        }
        if sample.scores.isEmpty { sample.scores = single }
        guard let id, !id.text.isEmpty else { throw cursor.error("a sample has no id", at: start) }
        guard let epoch else { throw cursor.error("sample \(id.text) has no epoch", at: start) }
        guard epoch >= 1 else { throw cursor.error("sample \(id.text) has epoch \(epoch); epochs start at 1", at: start) }
        if id.isNumber, id.text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            throw cursor.error("sample id \(id.text) must be a whole number or text", at: start)
        }
        sample.id = id.text
        sample.idIsNumber = id.isNumber
        sample.epoch = epoch
        return sample
    }

    /// `scores`: `{name: Score}`; a dict-valued score becomes one entry per key.
    private func readScores(_ cursor: inout JSONCursor) throws(JSONError) -> [InspectSampleScore] {
        var scores: [InspectSampleScore] = []
        try cursor.forEachMember("sample scores") { (cursor: inout JSONCursor, key) throws(JSONError) in
            let name = try cursor.string(of: key)
            if cursor.readNullIfPresent() { return }
            scores += try readScore(named: name, &cursor)
        }
        return scores
    }

    /// The name a version 1 sample's `score` is read under, until the log's scorer names it.
    static let versionOneScore = "score"

    /// One `Score` object; a dict-valued score becomes one entry per key.
    private func readScore(named name: String, _ cursor: inout JSONCursor) throws(JSONError) -> [InspectSampleScore] {
        var scores: [InspectSampleScore] = []
        guard try cursor.peekKind() == .object else {
            throw cursor.error("score '\(name)' must be an object with a value, found \(cursor.kindDescription())")
        }
        let start = cursor.offset
        var value: InspectScoreValue?
        var parts: [(String, InspectScoreValue)]?
        var answer: SampleAnswer?
        var object = try cursor.beginObject()
        while let field = try cursor.nextKey(&object) {
            if cursor.key(field, is: "value") {
                if try cursor.peekKind() == .object {
                    parts = try readDictValue(&cursor)
                } else {
                    value = try readValue(&cursor)
                }
            } else if readAnswers, cursor.key(field, is: "answer") {
                answer = try cursor.readOptionalString("score answer").map(SampleAnswer.init(inspectAnswer:))
            } else {
                try cursor.skipValue()
            }
        }
        if let parts {
            for (part, partValue) in parts { scores.append(InspectSampleScore(name: part, value: partValue, answer: answer)) }
        } else if let value {
            scores.append(InspectSampleScore(name: name, value: value, answer: answer))
        } else {
            throw cursor.error("score '\(name)' has no value", at: start)
        }
        return scores
    }

    /// A scalar (or list) score value.
    private func readValue(_ cursor: inout JSONCursor) throws(JSONError) -> InspectScoreValue {
        switch try cursor.peekKind() {
        case .string: return .string(try cursor.readString())
        case .number: return .number(try cursor.readDouble())
        case .bool: return .bool(try cursor.readBool())
        case .null:
            try cursor.readNull()
            return .null
        case .array:
            var count = 0
            try cursor.forEachElement("score value") { (cursor: inout JSONCursor) throws(JSONError) in
                count += 1
                try cursor.skipValue()
            }
            return .list(count: count)
        case .object:
            try cursor.skipValue()
            return .object
        }
    }

    /// A dict-valued score, key by key (nested objects inside are `.object`).
    private func readDictValue(_ cursor: inout JSONCursor) throws(JSONError) -> [(String, InspectScoreValue)] {
        var parts: [(String, InspectScoreValue)] = []
        try cursor.forEachMember("score value") { (cursor: inout JSONCursor, key) throws(JSONError) in
            parts.append((try cursor.string(of: key), try readValue(&cursor)))
        }
        return parts
    }
}
