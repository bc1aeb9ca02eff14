import Foundation

/// The versioned JSON form of a scorecard: what `--format json` prints and what the store keeps.
///
/// Field names are snake_case; absent values are written as `null` rather than left out, so
/// scripts can rely on every key being present. `format_version` changes whenever the shape does.
public struct ScorecardDocument: Codable, Hashable, Sendable {
    public static let currentFormatVersion = 4
    /// Versions `decode` reads: version 1 documents (stored before rule-out semantics), version 2
    /// ones (before the accounting of unused evidence) and version 3 ones (before evaluators'
    /// kinds and files were recorded) read with the new fields empty.
    public static let readableFormatVersions = [1, 2, 3, 4]

    public var formatVersion: Int
    public var tool: Tool
    public var framework: FrameworkSummary
    /// Input file path → SHA-256 of its bytes.
    public var inputs: [String: String]
    /// How the evidence's stages were mapped onto the framework's (format version 3); empty
    /// when the evidence names the framework's stages.
    @Defaulted public var stageMap: [StageMapEntry] = []
    /// The system-card sections shown beside the scorecard (their records count as used).
    @Defaulted public var sections: [SectionEntry] = []
    public var models: [ModelScorecard]

    /// A section by identifier, and the file it was read from when not built in.
    public struct SectionEntry: Codable, Hashable, Sendable {
        public var id: String
        @Nullable public var file: String? = nil

        public init(id: String, file: String?) {
            self.id = id
            self.file = file
        }
    }

    /// One evidence stage and the framework stage it was assessed as; `to` null: left out.
    public struct StageMapEntry: Codable, Hashable, Sendable {
        public var from: String
        @Nullable public var to: String? = nil

        public init(from: String, to: String?) {
            self.from = from
            self.to = to
        }
    }

    public struct Tool: Codable, Hashable, Sendable {
        public var name: String
        public var version: String

        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    public struct FrameworkSummary: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var version: String
        public var schemaVersion: Int
        @Nullable public var source: String? = nil
        public var levels: [String]
        public var stages: [String]
    }

    public struct ModelScorecard: Codable, Hashable, Sendable {
        public var model: String
        @Nullable public var snapshot: String? = nil
        /// Stage id → overall level id, or null when not assessed.
        public var overall: [String: String?]
        public var categories: [CategoryScorecard]
        public var gates: [GateScorecard]
        public var flags: [FlagEntry]
        /// Evidence of this model that no indicator reads (format version 3).
        @Defaulted public var unusedEvidence: [UnusedEvidenceEntry] = []
        /// Indicators that read one tier given samples of several (format version 3).
        @Defaulted public var mixedTiers: [MixedTiersEntry] = []
    }

    public struct UnusedEvidenceEntry: Codable, Hashable, Sendable {
        public var stage: String
        public var eval: String
        /// Null for per-sample records.
        @Nullable public var metric: String? = nil
        @Nullable public var variant: String? = nil
        public var records: Int
        public var location: String
        /// `evaluation_not_read` or `metric_not_read`.
        public var reason: String
        /// The nearest name an indicator reads.
        @Nullable public var suggestion: String? = nil
        public var message: String
    }

    public struct MixedTiersEntry: Codable, Hashable, Sendable {
        public var indicator: String
        public var stage: String
        public var eval: String
        public var tiers: [String]
        public var location: String
    }

    public struct CategoryScorecard: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var stages: [String: StageScorecard]
    }

    public struct StageScorecard: Codable, Hashable, Sendable {
        @Nullable public var level: String? = nil
        @Nullable public var indicatedLevel: String? = nil
        @Nullable public var reachedLevel: String? = nil
        @Defaulted public var notRuledOut: [String] = []
        @Defaulted public var ruleOut: [RuleOutCheckEntry] = []
        public var status: AssessmentStatus
        @Nullable public var notAssessedReason: String? = nil
        @Nullable public var approaching: String? = nil
        public var lowered: Bool
        @Nullable public var determination: DeterminationEntry? = nil
        public var indicators: [IndicatorEntry]
        public var trace: [String]
    }

    public struct RuleOutCheckEntry: Codable, Hashable, Sendable {
        public var level: String
        public var require: String
        public var needed: Int
        public var ruledOut: Bool
        public var indicators: [RuleOutIndicatorEntry]
    }

    public struct RuleOutIndicatorEntry: Codable, Hashable, Sendable {
        public var id: String
        @Nullable public var bar: Double? = nil
        @Nullable public var value: Double? = nil
        /// True below the bar, false at or above it, null without evidence.
        @Nullable public var safe: Bool? = nil
    }

    public struct ThresholdEntry: Codable, Hashable, Sendable {
        public var level: String
        public var value: Double
        /// For a relative threshold: the reference model, its stage and the value used.
        @Nullable public var reference: ReferenceEntry? = nil
    }

    public struct ReferenceEntry: Codable, Hashable, Sendable {
        public var model: String
        @Nullable public var snapshot: String? = nil
        public var stage: String
        public var measured: Double
        public var used: Double
        public var formula: String
    }

    public struct DeterminationEntry: Codable, Hashable, Sendable {
        public var level: String
        public var rationale: String
        public var author: String
        public var date: String
        @Nullable public var source: String? = nil
        public var location: String
    }

    public struct IndicatorEntry: Codable, Hashable, Sendable {
        public var id: String
        public var evaluator: String
        public var evaluatorVersion: Int
        /// `builtin`, `declarative` or `external` (format version 4; null in older documents).
        @Nullable public var evaluatorKind: String? = nil
        /// The definition file of a declarative or external evaluator, relative to the framework's
        /// folder, and its SHA-256; null for a built-in or a definition written in the framework.
        @Nullable public var evaluatorFile: String? = nil
        @Nullable public var evaluatorFileSha256: String? = nil
        /// The program an external evaluator runs, relative to the framework's folder, and its SHA-256.
        @Nullable public var evaluatorProgram: String? = nil
        @Nullable public var evaluatorProgramSha256: String? = nil
        public var parameters: [String: String]
        public var status: String
        @Nullable public var missingReason: String? = nil
        @Nullable public var metric: String? = nil
        @Nullable public var value: Double? = nil
        @Nullable public var ciLow: Double? = nil
        @Nullable public var ciHigh: Double? = nil
        @Nullable public var ciLevel: Double? = nil
        @Nullable public var ciMethod: String? = nil
        @Nullable public var n: Int? = nil
        @Nullable public var k: Int? = nil
        @Nullable public var basis: String? = nil
        @Nullable public var level: String? = nil
        @Nullable public var decidingValue: Double? = nil
        @Nullable public var approaching: String? = nil
        public var straddles: [String]
        /// The thresholds as they applied (relative ones resolved).
        @Defaulted public var thresholds: [ThresholdEntry] = []
        @Nullable public var unresolvedReason: String? = nil
        public var sources: [String]
        public var notes: [String]
    }

    public struct GateScorecard: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        public var kind: Gate.Kind
        public var stage: String
        public var level: String
        public var passed: Bool
        public var reason: String
    }

    public struct FlagEntry: Codable, Hashable, Sendable {
        public var kind: ReviewFlag.Kind
        public var category: String
        public var stage: String
        public var message: String
    }

    /// Encodes as pretty-printed JSON with sorted keys: the same scorecard always gives the same bytes.
    public func encoded() throws -> Data { try JSONOutput.encode(self) }

    /// Decodes a document, refusing format versions this build does not know.
    public static func decode(_ data: Data) throws -> ScorecardDocument {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let document = try decoder.decode(ScorecardDocument.self, from: data)
        guard readableFormatVersions.contains(document.formatVersion) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: [], debugDescription: "scorecard format_version \(document.formatVersion) is not supported (supported: \(readableFormatVersions.map(String.init).joined(separator: ", ")))"))
        }
        return document
    }
}

/// Encodes an absent value as `null` instead of leaving the key out; decodes a missing key as nil.
@propertyWrapper
public struct Nullable<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

/// An array that is always written, and read as empty when an older document lacks the key.
@propertyWrapper
public struct Defaulted<Element: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var wrappedValue: [Element]

    public init(wrappedValue: [Element]) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode([Element].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// A missing key decodes to an empty array, so older documents without a field still read.
    public func decode<Element>(_ type: Defaulted<Element>.Type, forKey key: Key) throws -> Defaulted<Element> {
        try decodeIfPresent(type, forKey: key) ?? Defaulted(wrappedValue: [])
    }

    /// A missing key decodes to nil, so older documents without a field still read.
    public func decode<Value>(_ type: Nullable<Value>.Type, forKey key: Key) throws -> Nullable<Value> {
        try decodeIfPresent(type, forKey: key) ?? Nullable(wrappedValue: nil)
    }
}

/// How Scorecard writes JSON for people and scripts: snake_case keys, sorted, pretty-printed,
/// ending with a newline, so the same value always gives the same bytes.
public enum JSONOutput {
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
