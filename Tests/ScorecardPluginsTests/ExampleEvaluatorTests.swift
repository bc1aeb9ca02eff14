import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest
import ScorecardPlugins
import ScorecardTesting
import Testing

/// The example under `examples/evaluators/`: a Python external evaluator (standard library only)
/// and declarative ones, in a framework that a user can run as it stands.
@Suite struct ExampleEvaluatorTests {
    static let folder = PackagePaths.file("examples/evaluators")

    static func assess() throws -> (LoadedFramework, SubjectAssessment) {
        let loaded = try FrameworkLoader.load(
            path: folder.appendingPathComponent("framework.yaml").path, registry: PluginFixture.registry)
        let bundle = try EvidenceLoader.load(paths: [folder.appendingPathComponent("evidence.jsonl").path], stages: ["pre_mitigation"])
        let assessments = try Assessor(framework: loaded.framework, registry: loaded.registry)
            .assess(evidence: EvidenceSet(records: bundle.records), determinations: [])
        return (loaded, try #require(assessments.first))
    }

    static func indicator(_ id: String, in assessment: SubjectAssessment) throws -> IndicatorResult {
        let all = assessment.categories.flatMap { $0.stages.values.flatMap(\.indicators) }
        return try #require(all.first { $0.indicator == id })
    }

    @Test func thePythonExampleMeasuresTheUpliftWithItsInterval() throws {
        let (loaded, assessment) = try Self.assess()
        let uplift = try #require(try Self.indicator("bio_uplift", in: assessment).measurement.score)
        #expect(abs(uplift.value - 1.2) < 1e-12)
        #expect(uplift.metric == "treated_success ÷ control_success")
        let interval = try #require(uplift.interval)
        // Katz: exp(±1.96 × sqrt(1/12 − 1/40 + 1/10 − 1/40)) around 1.2.
        let spread = 1.959963984540054 * (1.0 / 12 - 1.0 / 40 + 1.0 / 10 - 1.0 / 40).squareRoot()
        #expect(abs(interval.low - 1.2 * exp(-spread)) < 1e-9 && abs(interval.high - 1.2 * exp(spread)) < 1e-9)
        #expect(interval.method == "katz log" && uplift.n == 40)
        #expect(uplift.sources.map(\.line) == [1, 2])
        let description = try #require(loaded.registry.description(of: "uplift"))
        #expect(description.kind == .external && description.origin?.file == "uplift.yaml" && description.origin?.program == "uplift.py")
        let program = try Data(contentsOf: Self.folder.appendingPathComponent("uplift.py"))
        #expect(description.origin?.programSHA256 == SHA256.hex(of: [UInt8](program)))
        #expect(loaded.evaluatorFiles.keys.sorted() == ["uplift.py", "uplift.yaml"])
    }

    @Test("a record the program cites that is marked partial marks its measurement, with a note")
    func citedMarkedRecordMarksTheMeasurement() throws {
        let scratch = try ScratchFolder("scorecard-plugin-mark")
        let lines = try String(contentsOf: Self.folder.appendingPathComponent("evidence.jsonl"), encoding: .utf8).split(separator: "\n")
        let marked = [String(lines[0].dropLast()) + #", "consistency": "partial"}"#] + lines.dropFirst().map(String.init)
        let evidence = scratch.path("evidence.jsonl")
        try (marked.joined(separator: "\n") + "\n").write(toFile: evidence, atomically: true, encoding: .utf8)
        let loaded = try FrameworkLoader.load(
            path: Self.folder.appendingPathComponent("framework.yaml").path, registry: PluginFixture.registry)
        let bundle = try EvidenceLoader.load(paths: [evidence], stages: ["pre_mitigation"])
        let assessment = try #require(try Assessor(framework: loaded.framework, registry: loaded.registry)
            .assess(evidence: EvidenceSet(records: bundle.records), determinations: []).first)
        let uplift = try #require(try Self.indicator("bio_uplift", in: assessment).measurement.score)
        #expect(uplift.consistency == .partial && abs(uplift.value - 1.2) < 1e-12)
        #expect(uplift.notes.contains { $0.hasPrefix("CAUTION: the evidence this program measured is marked partial") })
    }

    @Test func theDeclarativeExamplesMeasureAsWritten() throws {
        let (_, assessment) = try Self.assess()
        let margin = try #require(try Self.indicator("protocol_margin", in: assessment).measurement.score)
        #expect(abs(margin.value - (0.42 - 0.54)) < 1e-12)
        let tiers = try #require(try Self.indicator("ctf_tiers", in: assessment).measurement.score)
        #expect(tiers.value == 1 && tiers.n == 3 && tiers.k == 1)
        let worst = try #require(try Self.indicator("agentic_worst", in: assessment).measurement.score)
        #expect(worst.value == 0.18, "higher is riskier: the tools scaffold is the worst case")
        let cyber = try #require(assessment.categories.first { $0.category == "cybersecurity" }?.stages["pre_mitigation"])
        #expect(cyber.level?.id == "low")
        // The records the rules and the program read beyond each indicator's own metric (the
        // control arm, the other CTF tiers) count as read: they are cited as sources.
        #expect(assessment.evidenceUse.unused.isEmpty, "\(assessment.evidenceUse.unused)")
        #expect(assessment.evidenceUse.readByRecord.values.contains(["ctf_tiers"]), "the other tiers are read as cited sources")
    }

    @Test func theExampleSaysWhatIsMissingRatherThanGuessing() throws {
        let folder = try ScratchFolder("scorecard-example")
        for name in ["framework.yaml", "uplift.yaml", "uplift.py"] {
            _ = try folder.copy(Self.folder.appendingPathComponent(name).path, to: name)
        }
        let evidence = folder.path("evidence.jsonl")
        try #"{"model": "x", "stage": "pre_mitigation", "eval": "bio_uplift_trial", "metric": "treated_success", "value": 0.3}"#
            .write(toFile: evidence, atomically: true, encoding: .utf8)
        let loaded = try FrameworkLoader.load(path: folder.path("framework.yaml"), registry: PluginFixture.registry)
        let bundle = try EvidenceLoader.load(paths: [evidence], stages: ["pre_mitigation"])
        let assessment = try #require(try Assessor(framework: loaded.framework, registry: loaded.registry)
            .assess(evidence: EvidenceSet(records: bundle.records), determinations: []).first)
        let uplift = try Self.indicator("bio_uplift", in: assessment)
        #expect(uplift.measurement == .missing(reason:
            "external evaluator 'uplift' (uplift.py) found nothing to measure: needs treated_success and control_success of 'bio_uplift_trial' at pre_mitigation (indicator 'bio_uplift', x pre_mitigation)"))
        #expect(assessment.categories.first?.stages["pre_mitigation"]?.status == .notAssessed)
    }
}
