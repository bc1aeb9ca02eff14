import ScorecardCore
import ScorecardXML

/// Pass rates and sample records from the test cases of one JUnit report.
struct JUnitSummary {
    private(set) var records: [EvidenceRecord] = []
    private(set) var samples: [SampleRecord] = []
    private(set) var warnings: [Diagnostic] = []

    init(
        cases: [JUnitCase], suites: [JUnitSuite], file: String, bytes: [UInt8], subject: Subject, stage: String,
        options: ImportOptions, junit: JUnitOptions
    ) {
        // Group by evaluation, keeping first appearance; merge repeated cases keeping the worst outcome.
        var order: [String] = []
        var unique: [String: [String: JUnitCase]] = [:]
        var caseOrder: [String: [String]] = [:]
        var merged: [String: Int] = [:]
        for testCase in cases {
            let evaluation = options.evaluation(for: testCase.suite)
            if unique[evaluation] == nil { order.append(evaluation) }
            if let seen = unique[evaluation]?[testCase.sampleID] {
                merged[evaluation, default: 0] += 1
                if testCase.outcome > seen.outcome { unique[evaluation]?[testCase.sampleID] = testCase }
            } else {
                unique[evaluation, default: [:]][testCase.sampleID] = testCase
                caseOrder[evaluation, default: []].append(testCase.sampleID)
            }
        }
        let sha = SHA256.hex(of: bytes)
        let suitesByName = Dictionary(grouping: suites, by: \.name)
        for evaluation in order {
            let group = (caseOrder[evaluation] ?? []).compactMap { unique[evaluation]?[$0] }
            var counts: [JUnitOutcome: Int] = [:]
            for testCase in group { counts[testCase.outcome, default: 0] += 1 }
            let passed = counts[.passed, default: 0], errors = counts[.error, default: 0]
            let n = passed + counts[.failure, default: 0] + counts[.xfail, default: 0] + (junit.countErrorsAsFailures ? errors : 0)
            let suiteNames = Array(Set(group.map(\.suite))).sorted()
            let suiteElements = suiteNames.flatMap { suitesByName[$0] ?? [] }.sorted { $0.element.line < $1.element.line }
            let line = suiteElements.first?.element.line ?? group.first?.line ?? 1
            for testCase in group where testCase.outcome != .skipped {
                var metadata = ["outcome": testCase.outcome.name, "suite": testCase.suite]
                var score: Double? = testCase.outcome == .passed ? 1 : 0
                if testCase.outcome == .error {
                    if let message = testCase.message { metadata["error"] = message }
                    if !junit.countErrorsAsFailures { score = nil }
                }
                samples.append(SampleRecord(subject: subject, stage: stage, evaluation: evaluation, sampleID: testCase.sampleID,
                                            epoch: 1, score: score, metadata: metadata, location: SourceLocation(file: file, line: testCase.line)))
            }
            guard n > 0 else {
                warnings.append(Diagnostic(file: file, line: line, message: "no attempted test cases for '\(evaluation)' (all skipped or errored): no pass rate"))
                continue
            }
            var notes = ["JUnit suite" + (suiteNames.count > 1 ? "s " : " ") + suiteNames.map { "'\($0)'" }.joined(separator: ", ")]
            let tally = JUnitOutcome.allCases.reversed().map { "\(counts[$0, default: 0]) \($0.name)" }.joined(separator: ", ")
            notes.append("\(group.count) unique test cases: \(tally)")
            notes.append("skipped cases are not attempts; xfail counts as not passed")
            notes.append(junit.countErrorsAsFailures ? "errors count as not passed" : "errors left out of n")
            if let repeats = merged[evaluation] { notes.append("\(repeats) repeated <testcase> elements merged, worst outcome kept") }
            let declared = suiteElements.compactMap { $0.element.attribute("tests").flatMap { Int($0) } }
            if declared.count == suiteElements.count, !declared.isEmpty, let total = ImportRules.sum(declared), total != group.count {
                notes.append("the report declares tests=\(total); counted \(group.count) unique test cases instead")
            }
            if let stamp = suiteElements.compactMap({ $0.element.attribute("timestamp") }).first { notes.append("run at \(stamp)") }
            records.append(EvidenceRecord(
                subject: subject, stage: stage, evaluation: evaluation, metric: "pass_rate", value: Double(passed) / Double(n),
                unit: .rate, n: n, k: passed, interval: ImportRules.wilson(k: passed, n: n), source: file, sourceSHA256: sha,
                notes: notes.joined(separator: "; "), location: SourceLocation(file: file, line: line)))
        }
    }
}
