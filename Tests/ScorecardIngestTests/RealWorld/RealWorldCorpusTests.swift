import Foundation
import ScorecardCore
@testable import ScorecardIngest
import ScorecardJSON
import Testing

/// Files other people's tools wrote, committed in public repositories (Fixtures/realworld, with
/// MANIFEST.md giving each file's repository, path and commit): each imports, or is refused for a
/// reason that is the file's own, as ``RealWorldCorpus`` states.
@Suite struct RealWorldCorpusTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/realworld")

    /// The units of the manifest: each file, except that an lm-eval run is its folder.
    static func manifestUnits() throws -> [String] {
        let text = try String(contentsOf: directory.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        var units: [String] = []
        for line in text.split(separator: "\n") {
            guard case .object(let entry) = try JSONParser.parse(Array(line.utf8)), let local = entry["local"]?.stringValue else { continue }
            let unit = local.hasPrefix("lm-eval/") ? (local as NSString).deletingLastPathComponent : local
            if !units.contains(unit) { units.append(unit) }
        }
        return units
    }

    static func load(_ unit: String, errored: SampleStatistics.ErroredPolicy = .failure) throws(InputError) -> EvidenceBundle {
        let options = ImportOptions(
            stage: "pre_mitigation", model: unit.hasPrefix("junit/") ? "m" : nil, erroredSamples: errored)
        return try EvidenceLoader.load(paths: [directory.appendingPathComponent(unit).path], stages: nil, options: options)
    }

    @Test("the table lists every file (every lm-eval folder) of the manifest, once")
    func tableCoversTheManifest() throws {
        let units = try Self.manifestUnits()
        #expect(units.count == 86)
        let listed = RealWorldCorpus.table.map(\.unit)
        #expect(Set(listed).count == listed.count, "a unit is listed twice")
        #expect(Set(listed) == Set(units), "missing: \(Set(units).subtracting(listed).sorted()); extra: \(Set(listed).subtracting(units).sorted())")
    }

    @Test("each file imports or is refused as the table says, for the reason it gives", arguments: RealWorldCorpus.table)
    func outcome(_ expected: RealWorldCorpus.Expectation) throws {
        switch expected.outcome {
        case .refused(let reason):
            do {
                _ = try Self.load(expected.unit)
                Issue.record("\(expected.unit) imported; expected it refused because \(expected.why)")
            } catch {
                #expect(error.diagnostics.contains { $0.message.contains(reason) }, "\(error.diagnostics)")
            }
        case .imported(let summary, let samples, let warnings, let marks):
            let bundle: EvidenceBundle
            do {
                bundle = try Self.load(expected.unit)
            } catch {
                Issue.record("\(expected.unit) was refused (\(error)); expected it imported: \(expected.why)")
                return
            }
            #expect(bundle.records.count == summary && bundle.samples.count == samples,
                    "\(bundle.records.count) summary and \(bundle.samples.count) per-sample records (\(expected.why))")
            #expect(bundle.warnings.count == warnings, "\(bundle.warnings.map(\.description)) (\(expected.why))")
            var found: [EvidenceConsistency: Int] = [:]
            for mark in bundle.records.compactMap(\.consistency) + bundle.samples.compactMap(\.consistency) { found[mark, default: 0] += 1 }
            #expect(found == marks, "\(expected.why)")
        }
    }

    /// Complete logs: imported (not refused), and nothing of theirs marked.
    static var completeInspectLogs: [String] {
        RealWorldCorpus.inspect.compactMap { expectation in
            if case .imported(_, _, _, let marks) = expectation.outcome, marks.isEmpty { return expectation.unit }
            return nil
        }
    }

    /// Inspect's own accuracy/mean (reducer mean, or none recorded) beside the one recomputed from the log's samples.
    static func accuracyPairs(_ unit: String) throws -> [(evaluation: String, inspect: Double, recomputed: Double)] {
        let bundle = try load(unit, errored: .exclude)
        var computed: [String: EvidenceRecord] = [:]
        for record in bundle.records where ["accuracy", "mean"].contains(record.metric) && record.variant == nil {
            computed[record.evaluation] = computed[record.evaluation] ?? record
        }
        return bundle.records.compactMap { reported in
            guard ["inspect/accuracy", "inspect/mean"].contains(reported.metric),
                  reported.variant == nil || reported.variant == "reducer mean",
                  let ours = computed[reported.evaluation] else { return nil }
            return (reported.evaluation, reported.value, ours.value)
        }
    }

    @Test("for every complete Inspect log, the recomputed accuracy equals Inspect's own, errored samples left out as Inspect leaves them",
          arguments: completeInspectLogs)
    func recomputedAccuracyEqualsInspects(_ unit: String) throws {
        for pair in try Self.accuracyPairs(unit) {
            #expect(abs(pair.inspect - pair.recomputed) <= 1e-9, "\(pair.evaluation): Inspect \(pair.inspect), recomputed \(pair.recomputed)")
        }
    }

    @Test("the comparison covers the complete logs that report an accuracy or mean: 16 figures in 14 logs")
    func accuracyComparisonsHappen() throws {
        let pairs = try Self.completeInspectLogs.map { try Self.accuracyPairs($0) }
        #expect(pairs.filter { !$0.isEmpty }.count == 14 && pairs.joined().count == 16)
    }

    @Test("the corpus counts: files imported, refused and warned")
    func counts() throws {
        let refused = RealWorldCorpus.table.filter { if case .refused = $0.outcome { true } else { false } }
        let warned = RealWorldCorpus.table.filter { if case .imported(_, _, let warnings, _) = $0.outcome { warnings > 0 } else { false } }
        #expect(RealWorldCorpus.table.count - refused.count == 81 && refused.count == 5 && warned.count == 58)
    }
}
