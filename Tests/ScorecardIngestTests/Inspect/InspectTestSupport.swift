import Foundation
import ScorecardCore
@testable import ScorecardIngest
import ScorecardJSON

/// The genuine Inspect logs in Fixtures/inspect, written by inspect-ai 0.3.285 (`mockllm/model`,
/// offline) through scripts/fixtures/make_inspect_fixtures.py, and what Inspect itself reported
/// for each (`expected.json`, from scripts/fixtures/describe_fixtures.py).
enum InspectFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/inspect")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Logs of runs that finished.
    static let successful = ["ctf_small", "grouped_metrics", "epoch_reducers", "mixed_scores", "dict_scores",
                             "sample_errors", "sample_ids", "nan_metrics"]
    /// Logs of runs that did not finish, with their status.
    static let unfinished = [("run_failed", "error"), ("run_cancelled", "cancelled"), ("run_killed", "started")]
    static let forms = ["json", "eval"]

    /// `expected.json`: file name → what Inspect reported. NaN and Infinity are the strings "NaN", "Infinity".
    ///
    /// Parsed with our own parser: Foundation's `JSONSerialization` on Linux rounds some doubles
    /// (0.1536590742882148 reads as 0.15365907428821476), which would make exact comparisons lie.
    nonisolated(unsafe) static let expected: [String: [String: Any]] = {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("expected.json")),
              let value = try? JSONParser.parse([UInt8](data)),
              let object = plain(value) as? [String: [String: Any]]
        else { return [:] }
        return object
    }()

    /// A parsed value as Foundation-style objects: Double, Bool, String, arrays, dictionaries, NSNull.
    static func plain(_ value: JSONValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let flag): return flag
        case .number(let number, let text): return text.contains(where: { ".eE".contains($0) }) ? number : Int(number) as Any
        case .string(let text): return text
        case .array(let items): return items.map(plain)
        case .object(let object):
            var result: [String: Any] = [:]
            for member in object.members { result[member.key] = plain(member.value) }
            return result
        }
    }

    /// A number from expected.json, where non-finite values are strings.
    static func number(_ value: Any?) -> Double? {
        switch value {
        case let number as Double: return number
        case let number as Int: return Double(number)
        case let text as String where text == "NaN": return .nan
        case let text as String where text == "Infinity": return .infinity
        case let text as String where text == "-Infinity": return -.infinity
        default: return nil
        }
    }

    /// Options used by most tests: a stage, B = 2000 to stay quick.
    static func options(
        allowIncomplete: Bool = false, errored: SampleStatistics.ErroredPolicy = .failure, exactMetadata: Bool = false
    ) -> ImportOptions {
        ImportOptions(stage: "pre_mitigation", allowedStages: ["pre_mitigation", "post_mitigation"],
                      allowIncomplete: allowIncomplete, erroredSamples: errored,
                      bootstrap: .init(resamples: 2_000, seed: 0), exactMetadata: exactMetadata)
    }

    /// The messages of an input error, or [] when `body` succeeds.
    static func problems(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["unexpected error: \(error)"]
        }
    }
}

/// Temporary files for tests that build or damage logs; removed when the value goes.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` and returns the path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Evidence reduced to what must agree between a `.json` log and its `.eval` twin: everything
/// but the file's path and hash and the run's own ids and timestamps (the twins are two runs).
struct ComparableEvidence: Equatable, CustomStringConvertible {
    struct Record: Equatable {
        let key: String, value: Double, n: Int?, k: Int?, low: Double?, high: Double?, unit: ValueUnit, method: String?
    }

    struct Sample: Equatable {
        let evaluation: String, id: String, epoch: Int, score: Double?, metadata: [String: String], error: String?
    }

    let records: [Record]
    let samples: [Sample]

    init(_ evidence: ImportedEvidence) {
        records = evidence.records.map {
            Record(key: $0.key.description, value: $0.value, n: $0.n, k: $0.k, low: $0.interval?.low,
                   high: $0.interval?.high, unit: $0.unit, method: $0.interval?.method)
        }
        samples = evidence.samples.map {
            Sample(evaluation: $0.evaluation, id: $0.sampleID, epoch: $0.epoch, score: $0.score, metadata: $0.metadata,
                   error: $0.error)
        }
    }

    var description: String { "\(records.count) records, \(samples.count) samples" }
}

extension ImportedEvidence {
    /// The record with this metric (and variant), in this evaluation.
    func record(_ metric: String, eval evaluation: String? = nil, variant: String? = nil) -> EvidenceRecord? {
        records.first { $0.metric == metric && (evaluation == nil || $0.evaluation == evaluation) && $0.variant == variant }
    }
}
