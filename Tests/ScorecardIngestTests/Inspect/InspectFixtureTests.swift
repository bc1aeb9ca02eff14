import Foundation
import ScorecardCore
import Testing
@testable import ScorecardIngest

/// Genuine logs from inspect-ai 0.3.285: what the reader extracts equals what Inspect reported.
@Suite struct InspectFixtureTests {
    static let successfulFiles = InspectFixtures.successful.flatMap { name in InspectFixtures.forms.map { "\(name).\($0)" } }

    @Test("header and reported metrics equal Inspect's", arguments: successfulFiles)
    func reportedMetricsMatch(file: String) throws {
        let expected = try #require(InspectFixtures.expected[file])
        let (log, sha256, _) = try InspectReader.load(path: InspectFixtures.path(file), options: InspectFixtures.options())
        #expect(sha256.count == 64)
        #expect(log.header.version == 2)
        #expect(log.header.status == expected["status"] as? String)
        #expect(log.header.task == expected["task"] as? String)
        #expect(log.header.model == expected["model"] as? String)
        #expect(log.header.datasetName == expected["dataset"] as? String)
        #expect(log.header.epochs == expected["epochs"] as? Int)
        #expect(log.header.metadata["category"] == expected["category"] as? String)
        let results = try #require(expected["results"] as? [String: Any])
        let reported = try #require(log.header.results)
        #expect(reported.totalSamples == results["total_samples"] as? Int)
        #expect(reported.completedSamples == results["completed_samples"] as? Int)
        let scores = try #require(results["scores"] as? [[String: Any]])
        try #require(reported.scores.count == scores.count)
        for (ours, theirs) in zip(reported.scores, scores) {
            #expect(ours.name == theirs["name"] as? String)
            #expect(ours.scorer == theirs["scorer"] as? String)
            #expect(ours.reducer == theirs["reducer"] as? String)
            #expect(ours.scoredSamples == theirs["scored_samples"] as? Int)
            #expect(ours.unscoredSamples == theirs["unscored_samples"] as? Int)
            let metrics = try #require(theirs["metrics"] as? [String: Any])
            #expect(Set(ours.metrics.map(\.key)) == Set(metrics.keys))
            for metric in ours.metrics {
                let value = try #require(InspectFixtures.number(metrics[metric.key]))
                #expect(metric.value == value || (metric.value.isNaN && value.isNaN), "\(file) \(metric.key) \(metric.value) vs \(value)")
            }
        }
    }

    @Test("per-sample scores equal Inspect's, read the way value_to_float reads them", arguments: successfulFiles)
    func sampleScoresMatch(file: String) throws {
        let expected = try #require(InspectFixtures.expected[file]?["samples"] as? [[String: Any]])
        let (log, _, _) = try InspectReader.load(path: InspectFixtures.path(file), options: InspectFixtures.options())
        #expect(log.samples.count == expected.count)
        for row in expected {
            let id = "\(row["id"]!)"
            let epoch = try #require(row["epoch"] as? Int)
            let sample = try #require(log.samples.first { $0.id == id && $0.epoch == epoch }, "\(file) sample \(id)")
            #expect(sample.error == row["error"] as? String)
            let scores = try #require(row["scores"] as? [String: Any])
            for (name, value) in scores {
                if let parts = value as? [String: Any] {
                    for (part, partValue) in parts {
                        let ours = try #require(sample.scores.first { $0.name == part })
                        #expect(Self.matches(ours.value, partValue), "\(file) \(id) \(part)")
                    }
                } else {
                    let ours = try #require(sample.scores.first { $0.name == name })
                    #expect(Self.matches(ours.value, value), "\(file) \(id) \(name)")
                }
            }
        }
    }

    static func matches(_ ours: InspectScoreValue, _ theirs: Any) -> Bool {
        switch ours {
        case .string(let a): return (theirs as? String) == a && a != "NaN"
        case .number(let a) where a.isNaN: return (theirs as? String) == "NaN"
        case .number(let a): return InspectFixtures.number(theirs) == a
        case .bool(let a): return (theirs as? Bool) == a
        default: return false
        }
    }

    @Test("accuracy computed from the samples reproduces Inspect's, to the last bits", arguments: [
        ("ctf_small", "ctf_small", 0.5833333333333334),
        ("mixed_scores", "mixed_scores", 0.39285714285714285),
        ("sample_ids", "sample_ids", 0.4),
        ("grouped_metrics", "ctf_grouped", 0.6666666666666666),
        ("dict_scores", "dict_scores", 0.6666666666666666),
        ("epoch_reducers", "ctf_reducers", 0.16666666666666666),
    ])
    func computedAccuracyMatchesInspect(name: String, evaluation: String, accuracy: Double) throws {
        for form in InspectFixtures.forms {
            let evidence = try InspectReader.read(path: InspectFixtures.path("\(name).\(form)"), options: InspectFixtures.options())
            let record = try #require(evidence.record("accuracy", eval: evaluation))
            #expect(abs(record.value - accuracy) < 1e-12, "\(name).\(form)")
            let variant = ["epoch_reducers": "reducer mean", "grouped_metrics": "tier=all"][name]
            let reported = try #require(evidence.record("inspect/accuracy", eval: evaluation, variant: variant))
            #expect(abs(reported.value - accuracy) < 1e-12)
        }
    }

    @Test("a .json log and its .eval twin give the same evidence", arguments: InspectFixtures.successful)
    func twinsAgree(name: String) throws {
        let json = try InspectReader.read(path: InspectFixtures.path("\(name).json"), options: InspectFixtures.options())
        let eval = try InspectReader.read(path: InspectFixtures.path("\(name).eval"), options: InspectFixtures.options())
        #expect(ComparableEvidence(json) == ComparableEvidence(eval))
        #expect(!json.records.isEmpty)
    }

    @Test("reading every samples/* member gives what summaries.json gives", arguments: InspectFixtures.successful)
    func membersAgreeWithSummaries(name: String) throws {
        let path = InspectFixtures.path("\(name).eval")
        let fromSummaries = try InspectReader.read(path: path, options: InspectFixtures.options())
        let fromMembers = try InspectReader.read(path: path, options: InspectFixtures.options(exactMetadata: true))
        #expect(ComparableEvidence(fromSummaries) == ComparableEvidence(fromMembers))
    }

    @Test("every record carries the file's path and SHA-256; sample records too")
    func recordsCarryTheirSource() throws {
        let path = InspectFixtures.path("ctf_small.eval")
        let evidence = try InspectReader.read(path: path, options: InspectFixtures.options())
        let digest = try FileDigest.sha256(path: path)
        #expect(digest == SHA256.hex(of: try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(evidence.records.allSatisfy { $0.source == path && $0.sourceSHA256 == digest })
        #expect(evidence.samples.allSatisfy { $0.source == path && $0.sourceSHA256 == digest })
        #expect(evidence.samples.count == 12)
        #expect(evidence.samples.allSatisfy { $0.subject.model == "mockllm/model" && $0.stage == "pre_mitigation" })
        #expect(evidence.samples.first { $0.sampleID == "1" }?.metadata == ["tier": "professional"])
    }
}
