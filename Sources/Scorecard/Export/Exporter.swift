import Foundation
import ScorecardCore
import ScorecardIngest

/// Writes evidence in another tool's format (`scorecard export`): Every Eval Ever 0.3.0 records,
/// one per model, snapshot and stage, in EEE's datastore layout.
public enum Exporter {
    /// Who published the figures, and when they were retrieved.
    public struct Options: Sendable {
        /// `source_organization_name`.
        public var organization: String
        /// `evaluator_relationship`.
        public var relationship: EveryEvalEverExporter.Relationship
        /// `retrieved_timestamp` in Unix seconds; nil: `$SOURCE_DATE_EPOCH`, else now.
        public var retrievedAt: Int?

        /// Options for an export; by default the publisher is `unknown`.
        public init(organization: String = "unknown", relationship: EveryEvalEverExporter.Relationship = .other, retrievedAt: Int? = nil) {
            self.organization = organization
            self.relationship = relationship
            self.retrievedAt = retrievedAt
        }
    }

    /// One file written; as JSON (`export --format json`): path, model, snapshot, stage, results.
    public struct WrittenFile: Encodable, Sendable {
        public let path: String
        public let subject: Subject
        public let stage: String
        public let resultCount: Int

        enum CodingKeys: String, CodingKey { case path, model, snapshot, stage, results }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(subject.model, forKey: .model)
            try container.encode(subject.snapshot, forKey: .snapshot)
            try container.encode(stage, forKey: .stage)
            try container.encode(resultCount, forKey: .results)
        }
    }

    /// What `export --format json` prints inside the output envelope.
    public struct Report: Encodable, Sendable {
        public let files: [WrittenFile]
        /// Per-sample records read but not exported.
        public let skippedSamples: Int

        public init(files: [WrittenFile], skippedSamples: Int) {
            self.files = files
            self.skippedSamples = skippedSamples
        }
    }

    /// What an export wrote.
    public struct Result: Sendable {
        /// Every file written, in the exporter's order.
        public let files: [WrittenFile]
        /// Per-sample records read but not exported (EEE instance rows need prompts and outputs).
        public let skippedSamples: Int
    }

    /// Reads the evidence files and writes their records as EEE files under `out`, each atomically.
    ///
    /// - Parameter importOptions: how evaluation logs among the evidence become records (their
    ///   stage above all: logs do not record one).
    public static func exportEEE(
        evidence: [String], out: String, options: Options, importOptions: ImportOptions = .init(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Result {
        let bundle = try EvidenceLoader.load(paths: evidence, stages: nil, options: importOptions)
        let timestamp = options.retrievedAt
            ?? environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
            ?? Int(Date().timeIntervalSince1970)
        let exportOptions = EveryEvalEverExporter.Options(
            organization: options.organization, relationship: options.relationship, retrievedAt: timestamp,
            toolVersion: ToolIdentity.version)
        let files = try EveryEvalEverExporter.export(bundle.records, options: exportOptions)
        let directory = URL(fileURLWithPath: out)
        var written: [WrittenFile] = []
        for file in files {
            let target = directory.appendingPathComponent(file.relativePath)
            try AtomicFile.write(Data(file.contents), to: target.path)
            written.append(WrittenFile(path: target.path, subject: file.subject, stage: file.stage, resultCount: file.resultCount))
        }
        return Result(files: written, skippedSamples: bundle.samples.count)
    }

    /// What a Hugging Face export wrote.
    public struct HubResult: Sendable {
        /// Every file written: per model a model card and a results file per evaluation.
        public let files: [WrittenFile]
        /// Per-sample records read but not exported (the Hub keeps summary figures only).
        public let skippedSamples: Int
    }

    /// Reads the evidence files and writes, under `out`, each model's Hub files (a `model-index`
    /// model card and `.eval_results/*.yaml`), each atomically.
    public static func exportHuggingFace(
        evidence: [String], out: String, options: HuggingFaceExporter.Options, importOptions: ImportOptions = .init()
    ) throws -> HubResult {
        let bundle = try EvidenceLoader.load(paths: evidence, stages: nil, options: importOptions)
        let files = try HuggingFaceExporter.export(bundle.records, options: options)
        let directory = URL(fileURLWithPath: out)
        var written: [WrittenFile] = []
        for file in files {
            let target = directory.appendingPathComponent(file.relativePath)
            try AtomicFile.write(Data(file.contents), to: target.path)
            written.append(WrittenFile(path: target.path, subject: file.subject, stage: options.stage ?? bundle.records.first?.stage ?? "",
                                       resultCount: file.resultCount))
        }
        return HubResult(files: written, skippedSamples: bundle.samples.count)
    }
}
