import Foundation
@testable import Scorecard
import ScorecardIngest
import ScorecardTesting
import Testing

@Suite struct SupportTests {
    @Test func workersHandResultsBackInItemOrder() {
        for jobs in [1, 3] {
            var delivered: [Int] = []
            OrderedWorkers.run(count: 50, jobs: jobs, window: 4, work: { index in
                usleep(UInt32((index * 7919) % 5) * 200)
                return index * index
            }) { index, result in
                #expect(result == index * index)
                delivered.append(index)
            }
            #expect(delivered == Array(0..<50), "jobs \(jobs)")
        }
        var none = 0
        OrderedWorkers.run(count: 0, jobs: 2, work: { $0 }) { _, _ in none += 1 }
        #expect(none == 0)
    }

    @Test func theFirstDifferingLineIsFoundAndEqualTextsHaveNone() {
        #expect(TextDifference.firstLine("a\nb\nc", "a\nb\nc") == (0, "", ""))
        #expect(TextDifference.firstLine("a\nb\nc", "a\nB\nc") == (2, "b", "B"))
        #expect(TextDifference.firstLine("a\nb", "a\nb\nc") == (3, "<end>", "c"))
    }

    @Test func benchmarksMeasureEveryReportAndEveryRepeat() throws {
        let render = try RenderBenchmark(models: 2, categories: 2, evaluations: 3, repeats: 2).run()
        #expect(render.times[.markdown]?.count == 4 && render.times[.html]?.count == 4)
        #expect(render.bytes > 0)

        let options = ImportOptions(stage: "pre_mitigation", bootstrap: .init(resamples: 200, seed: 0))
        let benchmark = try ImportBenchmark(inputs: [Fixtures.inspect("ctf_small.json")], options: options, jobs: 1, repeats: 3)
        let result = try benchmark.run()
        #expect(result.rows.count == 3 && result.rows.allSatisfy { $0.sampleRecords == 12 && $0.summaryRecords == 5 })
        #expect(result.median.sampleRecords == 12 && result.bootstrapSeconds >= 0)
        #expect(throws: InputError.self) {
            try ImportBenchmark(inputs: [Fixtures.inspect("ctf_small.json")], options: .init(), repeats: 1).run()
        }
    }
}
