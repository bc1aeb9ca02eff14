import Foundation
import ScorecardCore
import ScorecardIngest
import Testing

/// An external call costs a process: indicators of one program are measured in one call per
/// subject, and equal requests are never sent twice in the life of a loaded framework.
@Suite struct BatchingTests {
    @Test func twentyIndicatorsOfOneProgramCostOneCallPerModel() throws {
        let fixture = try PluginFixture(script: "counting.py", indicators: 20, models: ["a", "b"])
        let assessments = try fixture.assess()
        #expect(assessments.count == 2)
        // Per model: 20 indicators × 2 stages in one request.
        #expect(try fixture.calls() == [40, 40])
        for assessment in assessments {
            let result = try #require(assessment.categories.first?.stages["pre"])
            #expect(result.indicators.count == 20)
            #expect(result.indicators.allSatisfy { $0.measurement.score?.value == 0.3 })
            #expect(result.indicators.allSatisfy { $0.measurement.score?.sources.first?.line != nil })
        }
    }

    @Test func aLoadedFrameworkRemembersAnswersButNewEvidenceIsSentAfresh() throws {
        let fixture = try PluginFixture(script: "counting.py", indicators: 3)
        let loaded = try fixture.load()
        let bundle = try EvidenceLoader.load(paths: [fixture.evidence], stages: ["pre", "post"])
        let assessor = Assessor(framework: loaded.framework, registry: loaded.registry)
        let evidence = EvidenceSet(records: bundle.records)
        _ = try assessor.assess(evidence: evidence, determinations: [])
        _ = try assessor.assess(evidence: evidence, determinations: [])
        #expect(try fixture.calls() == [6], "the second assessment is answered from memory")
        let changed = bundle.records.map { record in
            EvidenceRecord(subject: record.subject, stage: record.stage, evaluation: record.evaluation, metric: record.metric,
                           value: record.evaluation == "probe_eval" ? 0.9 : record.value, n: record.n, location: record.location)
        }
        let again = try assessor.assess(evidence: EvidenceSet(records: changed), determinations: [])
        #expect(try fixture.calls() == [6, 2], "only the two items whose evidence changed are sent")
        #expect(again.first?.categories.first?.stages["pre"]?.indicators.first?.measurement.score?.value == 0.9)
    }
}
