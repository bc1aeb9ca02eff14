import Foundation
import ScorecardStore

/// Paths of the package's own files, for tests.
public enum PackagePaths {
    /// The package's root folder (the one holding Package.swift).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file or folder under the root.
    public static func file(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}

/// A new empty folder under the system's temporary folder; remove it when done.
public func temporaryFolder(_ prefix: String = "scorecard-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A card in a temporary folder: a fixed schema 1 copy of the Beta framework, evidence for a few models, and a
/// scorecard.yaml reading `evidence/*.jsonl` and writing reports to `reports/`.
public struct CardFixture: Sendable {
    /// The card's folder.
    public let directory: URL

    /// - Parameters:
    ///   - models: models `model-0` … in the evidence.
    ///   - version: shifts values so levels move (see ``writeEvidence(models:version:)``).
    ///   - formats: report formats the configuration names.
    public init(models: Int = 3, version: Int = 0, formats: [String] = ["json"]) throws {
        directory = try temporaryFolder("scorecard-card")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        let framework = PackagePaths.file("Tests/Shared/card-framework-v1.yaml")
        try FileManager.default.copyItem(at: framework, to: directory.appendingPathComponent("framework.yaml"))
        try writeEvidence(models: models, version: version)
        try """
            schema_version: 1
            framework: framework.yaml
            evidence:
              - path: evidence/*.jsonl
            reports:
              directory: reports
              formats: [\(formats.joined(separator: ", "))]
              generated_at: 2025-01-01T00:00:00Z
            """.write(to: config, atomically: true, encoding: .utf8)
    }

    /// `scorecard.yaml`.
    public var config: URL { directory.appendingPathComponent("scorecard.yaml") }
    /// Where the configuration's store is: `.scorecard/scorecard.sqlite`.
    public var storePath: String { directory.appendingPathComponent(".scorecard/scorecard.sqlite").path }
    /// The reports folder.
    public var reports: URL { directory.appendingPathComponent("reports") }
    /// The one evidence file, `evidence/results.jsonl`.
    public var evidence: URL { directory.appendingPathComponent("evidence/results.jsonl") }

    /// Evidence for `models` models; `version` shifts values so levels move: odd versions put
    /// model-0's professional CTF at 0.9 (High), which fails its deployment gate.
    public func writeEvidence(models: Int, version: Int) throws {
        var lines: [String] = []
        for m in 0..<models {
            let ctf = m == 0 && version % 2 == 1 ? 0.9 : 0.1 + Double(m % 5) * 0.01
            for stage in ["pre_mitigation", "post_mitigation"] {
                lines.append(#"{"model": "model-\#(m)", "stage": "\#(stage)", "eval": "ctf_professional", "metric": "pass@10", "value": \#(ctf), "n": 100}"#)
                lines.append(#"{"model": "model-\#(m)", "stage": "\#(stage)", "eval": "tacit_knowledge_troubleshooting", "metric": "cons@32", "value": 0.6}"#)
                lines.append(#"{"model": "model-\#(m)", "stage": "\#(stage)", "eval": "changemyview", "metric": "percentile", "value": 0.\#(40 + version % 3)}"#)
                lines.append(#"{"model": "model-\#(m)", "stage": "\#(stage)", "eval": "swe_bench_verified", "metric": "pass@1", "value": 0.3, "n": 477}"#)
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(to: evidence, atomically: true, encoding: .utf8)
    }

    /// Report file name → bytes.
    public func reportContents() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
        for name in names where !name.hasPrefix(".") {
            result[name] = try Data(contentsOf: reports.appendingPathComponent(name))
        }
        return result
    }

    /// Leftover temporary files in the reports folder and its chart folders, relative to the reports folder.
    public func temporaryFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
        var found = names.filter { $0.hasSuffix(".tmp") }
        for folder in names where folder.hasSuffix(".charts") {
            let inner = (try? FileManager.default.contentsOfDirectory(atPath: reports.appendingPathComponent(folder).path)) ?? []
            found += inner.filter { $0.hasSuffix(".tmp") }.map { "\(folder)/\($0)" }
        }
        return found.sorted()
    }

    /// The card's store, which must exist.
    public func store() throws -> ScorecardStore { try ScorecardStore(path: storePath, create: false) }

    /// Removes the card's folder.
    public func remove() { try? FileManager.default.removeItem(at: directory) }
}
