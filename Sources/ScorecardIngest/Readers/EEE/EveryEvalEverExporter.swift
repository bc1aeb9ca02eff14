import Foundation
import ScorecardCore

/// Writes evidence records as Every Eval Ever (EEE) 0.3.0 aggregate records.
///
/// One file per model, snapshot and stage: EEE's unit is one model from one source, and a
/// post-mitigation model is, for EEE, a different configuration from the pre-mitigation one. The
/// stage and snapshot go into `model_info.additional_details` (`scorecard_stage`,
/// `scorecard_snapshot`), which ``EveryEvalEverReader`` reads back. Files are laid out as EEE's
/// datastore does, `<developer>/<model>/<uuid>.json` (developer: the part of the model name
/// before a `/`, else `unknown`), under the directory the caller chooses; the UUID is derived from
/// the model, snapshot and stage, so exporting again replaces the same file.
///
/// Each record becomes one result: `evaluation_name` = eval, `metric_id` = metric, the value as
/// `score` on the record's scale (rates on [0, 1], ratios and counts on [0, Infinity], scores with
/// no declared bounds), the interval as `confidence_interval` with its level and method, n as
/// `num_samples`, and k, source, hash, variant and notes as string `details`.
/// `lower_is_better` is the record's ``EvidenceRecord/lowerIsBetter``, false where that is unknown
/// (EEE requires a value), with `scorecard_direction: unknown` in the metric's details, which the
/// reader honours. Per-sample records are not exported: EEE instance rows require the
/// prompt and output, which Scorecard does not keep.
public enum EveryEvalEverExporter {
    /// How `source_metadata.additional_details.exported_by` begins in a record Scorecard wrote
    /// (the tool's version follows); the reader trusts such a record's `details` for sources.
    static let exportedBy = "scorecard "

    /// `source_metadata.evaluator_relationship`: who produced the figures, relative to the model's developer.
    public enum Relationship: String, CaseIterable, Sendable {
        case firstParty = "first_party", thirdParty = "third_party", collaborative, other
    }

    /// What the records do not say about themselves.
    public struct Options: Sendable {
        /// `source_metadata.source_organization_name`: who publishes the exported figures.
        public var organization: String
        /// `source_metadata.evaluator_relationship`.
        public var relationship: Relationship
        /// `retrieved_timestamp`, in Unix seconds; fix it (e.g. from `SOURCE_DATE_EPOCH`) for byte-identical output.
        public var retrievedAt: Int
        /// The exporting tool's version, recorded in `source_metadata.additional_details`.
        public var toolVersion: String

        /// Options; the organization and relationship default to `unknown` and `other`, which EEE allows.
        public init(organization: String = "unknown", relationship: Relationship = .other, retrievedAt: Int, toolVersion: String) {
            self.organization = organization
            self.relationship = relationship
            self.retrievedAt = retrievedAt
            self.toolVersion = toolVersion
        }
    }

    /// One exported record file.
    public struct File: Sendable, Equatable {
        /// Path under the output directory, `<developer>/<model>/<uuid>.json`.
        public let relativePath: String
        /// Pretty-printed JSON with sorted keys and a final newline.
        public let contents: [UInt8]
        /// The model and snapshot the file is about.
        public let subject: Subject
        /// The stage of every result in the file.
        public let stage: String
        /// How many evidence records became results.
        public let resultCount: Int
    }

    /// The files for `records`, ordered by model, snapshot and stage; results keep the records' order.
    public static func export(_ records: [EvidenceRecord], options: Options) throws -> [File] {
        var groups: [Group: [EvidenceRecord]] = [:]
        for record in records { groups[Group(subject: record.subject, stage: record.stage), default: []].append(record) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try groups.keys.sorted().map { group in
            let members = groups[group] ?? []
            let document = self.document(group, members, options)
            let data = try encoder.encode(document)
            let (developer, model) = pathParts(group.subject.model)
            let path = "\(developer)/\(model)/\(uuid(group)).json"
            return File(relativePath: path, contents: Array(data) + [0x0A], subject: group.subject, stage: group.stage,
                        resultCount: members.count)
        }
    }

    struct Group: Hashable, Comparable {
        let subject: Subject
        let stage: String

        static func < (lhs: Group, rhs: Group) -> Bool { (lhs.subject, lhs.stage) < (rhs.subject, rhs.stage) }
    }

    static func document(_ group: Group, _ records: [EvidenceRecord], _ options: Options) -> EEEDocument {
        let subject = group.subject
        let modelID = subject.model
        var modelDetails = ["deployment_type": "unknown", "model_availability": "unknown", "scorecard_stage": group.stage]
        if let snapshot = subject.snapshot { modelDetails["scorecard_snapshot"] = snapshot }
        let fromLogs = records.allSatisfy { $0.sourceSHA256 != nil }
        let identity = modelID + (subject.snapshot.map { "@\($0)" } ?? "")
        return EEEDocument(
            schemaVersion: EveryEvalEverReader.schemaVersion,
            evaluationID: "scorecard/\(identity)/\(group.stage)/\(options.retrievedAt)",
            retrievedTimestamp: String(options.retrievedAt),
            sourceMetadata: .init(
                sourceName: "Scorecard evidence", sourceType: fromLogs ? "evaluation_run" : "documentation",
                sourceOrganizationName: options.organization, evaluatorRelationship: options.relationship.rawValue,
                additionalDetails: ["exported_by": Self.exportedBy + options.toolVersion]),
            evalLibrary: .init(name: "unknown", version: "unknown", additionalDetails: nil),
            modelInfo: .init(name: modelID, id: modelID, developer: modelID.contains("/") ? pathParts(modelID).developer : nil,
                             additionalDetails: modelDetails),
            evaluationResults: records.map(result))
    }

    static func result(_ record: EvidenceRecord) -> EEEDocument.Result {
        let (unit, low, high): (String?, EEEDocument.Bound, EEEDocument.Bound) = switch record.unit {
        case .rate: ("proportion", .value(0), .value(1))
        case .ratio: ("ratio", .value(0), .infinity)
        case .count: ("count", .value(0), .infinity)
        case .score: (nil, .notProvided, .notProvided)
        }
        var details: [String: String] = [:]
        details["k"] = record.k.map(String.init)
        details["source"] = record.source
        details["source_sha256"] = record.sourceSHA256
        details["variant"] = record.variant
        details["notes"] = record.notes
        let interval = record.interval.map {
            EEEDocument.Interval(lower: $0.low, upper: $0.high, confidenceLevel: $0.level, method: $0.method)
        }
        let uncertainty = interval == nil && record.n == nil ? nil : EEEDocument.Uncertainty(confidenceInterval: interval, numSamples: record.n)
        return EEEDocument.Result(
            evaluationResultID: [record.evaluation, record.metric, record.variant].compactMap { $0 }.joined(separator: "/"),
            evaluationName: record.evaluation,
            sourceData: .init(datasetName: record.evaluation),
            metricConfig: .init(metricID: record.metric, metricName: record.metric, metricUnit: unit, lowerIsBetter: record.lowerIsBetter ?? false,
                                minScore: low, maxScore: high,
                                additionalDetails: ["scorecard_unit": record.unit.rawValue].merging(
                                    record.lowerIsBetter == nil ? ["scorecard_direction": "unknown"] : [:]) { first, _ in first }),
            scoreDetails: .init(score: record.value, uncertainty: uncertainty, details: details))
    }

    /// Developer and model directory names, made safe as path components (untrusted names): ASCII
    /// letters, digits and `._-` only, never starting with a dot.
    static func pathParts(_ model: String) -> (developer: String, model: String) {
        func safe(_ text: Substring) -> String {
            let cleaned = String(text.unicodeScalars.map { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            }.prefix(100))
            guard !cleaned.isEmpty, !cleaned.allSatisfy({ $0 == "." }) else { return "_" }
            // A leading dot would hide the folder, and a folder import skips hidden entries.
            let dots = cleaned.prefix { $0 == "." }.count
            return String(repeating: "_", count: dots) + cleaned.dropFirst(dots)
        }
        guard let slash = model.firstIndex(of: "/") else { return ("unknown", safe(Substring(model))) }
        return (safe(model[..<slash]), safe(model[model.index(after: slash)...]))
    }

    /// A version-4-shaped UUID derived from the model, snapshot and stage (stable across exports).
    static func uuid(_ group: Group) -> String {
        var hex = Array(SHA256.hex(of: "scorecard-eee\u{0}\(group.subject.model)\u{0}\(group.subject.snapshot ?? "")\u{0}\(group.stage)").prefix(32))
        hex[12] = "4"
        let variant = Int(String(hex[16]), radix: 16) ?? 0
        hex[16] = Array("89ab")[variant & 3]
        let text = String(hex)
        let cuts = [8, 12, 16, 20]
        var parts: [String] = []
        var start = text.startIndex
        for cut in cuts {
            let end = text.index(text.startIndex, offsetBy: cut)
            parts.append(String(text[start..<end]))
            start = end
        }
        parts.append(String(text[start...]))
        return parts.joined(separator: "-")
    }
}
