/// The rows of one three-way-graded evaluation (SimpleQA, PersonQA) for a set of models.
///
/// Per model: grades counted from per-sample records whose metadata has a `grade` (`correct`,
/// `incorrect`, `not_attempted`), else the published shares (`accuracy`, and `incorrect` or
/// `hallucination_rate`). Each derived figure is shown as published when it is, checked against
/// the grades, and derived (marked) when it is not.
struct ThreeWayTable {
    let index: SectionAssessor.Index
    let subjects: [Subject]
    let evaluation: String
    let variant: String?

    static let rows: [(ThreeWayGrades.DerivedMetric, String, Bool)] = [
        (.accuracy, "Correct (accuracy)", false),
        (.incorrect, "Incorrect (hallucination rate)", true),
        (.notAttempted, "Not attempted", false),
        (.correctGivenAttempted, "Correct given attempted", false),
        (.fScore, "F-score", false),
    ]

    func rows() -> (rows: [SectionRowResult], inconsistencies: [Inconsistency]) {
        var cells: [[SectionCell]] = Array(repeating: [], count: Self.rows.count)
        var inconsistencies: [Inconsistency] = []
        for subject in subjects {
            let model = Model(subject: subject, table: self)
            if let excess = model.partsExceedingWhole { inconsistencies.append(excess) }
            for (row, spec) in Self.rows.enumerated() {
                let (cell, inconsistency) = model.cell(spec.0)
                cells[row].append(cell)
                if let inconsistency { inconsistencies.append(inconsistency) }
            }
        }
        let rows = Self.rows.enumerated().map { row, spec in
            SectionRowResult(
                label: spec.1, evaluation: evaluation, metric: spec.0.rawValue, variant: variant, lowerIsBetter: spec.2,
                cells: cells[row])
        }
        return (rows, inconsistencies)
    }

    /// One model's grades and published figures.
    struct Model {
        let subject: Subject
        let table: ThreeWayTable
        let published: [ThreeWayGrades.DerivedMetric: EvidenceRecord]
        let grades: ThreeWayGrades?
        let fromSamples: Int?

        init(subject: Subject, table: ThreeWayTable) {
            self.subject = subject
            self.table = table
            var published: [ThreeWayGrades.DerivedMetric: EvidenceRecord] = [:]
            for record in table.index.records(subject, table.evaluation) where record.variant == table.variant {
                if let metric = ThreeWayGrades.DerivedMetric(rawValue: record.metric), published[metric] == nil {
                    published[metric] = record
                }
            }
            // `hallucination_rate` and `incorrect` are the same share; keep whichever is published.
            if published[.incorrect] == nil, let rate = published[.hallucinationRate] { published[.incorrect] = rate }
            self.published = published
            let counted = Self.countGrades(subject: subject, table: table)
            fromSamples = counted?.n
            if let counted {
                grades = counted
            } else if let correct = published[.accuracy]?.value, let incorrect = published[.incorrect]?.value {
                grades = ThreeWayGrades(
                    correct: correct, incorrect: incorrect, notAttempted: published[.notAttempted]?.value,
                    n: published[.accuracy]?.n)
            } else {
                grades = nil
            }
        }

        /// Published shares of all questions that add up to more than all of them (beyond rounding):
        /// no grades have them, so nothing is derived, and the figures are flagged.
        var partsExceedingWhole: Inconsistency? {
            guard fromSamples == nil, grades == nil, let correct = published[.accuracy], let incorrect = published[.incorrect] else { return nil }
            let parts = [correct, incorrect] + (published[.notAttempted].map { [$0] } ?? [])
            let sum = parts.reduce(0) { $0 + $1.value }
            let rounding = parts.reduce(0) { $0 + PublishedFigure.tolerance(of: $1.value) }
            guard sum > 1 + rounding else { return nil }
            var found = Inconsistency(
                subject: subject, evaluation: table.evaluation, variant: table.variant,
                metric: parts.map(\.metric).joined(separator: " + "), published: sum, derived: 1, location: correct.location)
            found.problem = .partsExceedWhole
            return found
        }

        /// Grades counted from per-sample records (one per question: its first attempt's grade).
        static func countGrades(subject: Subject, table: ThreeWayTable) -> ThreeWayGrades? {
            let stages = table.index.stage.map { [$0] }
                ?? Array(Set(table.index.records(subject, table.evaluation).map(\.stage))).sorted()
            var counts = ["correct": 0, "incorrect": 0, "not_attempted": 0]
            var seen = 0
            for stage in stages {
                for problem in table.index.evidence.slice(subject: subject, stage: stage).problems(evaluation: table.evaluation) {
                    guard let grade = problem.metadata["grade"], counts[grade] != nil else { continue }
                    counts[grade, default: 0] += 1
                    seen += 1
                }
            }
            guard seen > 0 else { return nil }
            return ThreeWayGrades(counts: counts["correct"] ?? 0, incorrect: counts["incorrect"] ?? 0,
                                  notAttempted: counts["not_attempted"] ?? 0)
        }

        func cell(_ metric: ThreeWayGrades.DerivedMetric) -> (SectionCell, Inconsistency?) {
            let derived = grades?.value(of: metric)
            if let record = published[metric] {
                table.index.markRead(record)
                let isPart = metric == .accuracy || metric == .incorrect || metric == .hallucinationRate
                // A share is checked against counted grades; a derived figure against its parts.
                let checkable = fromSamples != nil || !isPart
                let contradicts = checkable && !agrees(record.value, metric)
                let cell = SectionAssessor.Index.cell(record, derived: checkable ? derived : nil, contradicts: contradicts)
                let inconsistency = contradicts ? derived.map {
                    Inconsistency(subject: subject, evaluation: table.evaluation, variant: table.variant, metric: metric.rawValue,
                                  published: record.value, derived: $0, location: record.location)
                } : nil
                return (cell, inconsistency)
            }
            guard let derived else { return (.missing, nil) }
            let origin: SectionCell.Origin = fromSamples.map { .samples(count: $0) } ?? .derived(from: derivedFrom(metric))
            var interval: ConfidenceInterval?
            if let n = fromSamples, metric == .accuracy || metric == .incorrect || metric == .notAttempted {
                interval = Proportion.wilson(successes: Int((derived * Double(n)).rounded()), trials: n)
            }
            return (SectionCell(
                value: derived, unit: .rate, interval: interval, intervalComputed: interval != nil, n: fromSamples,
                k: nil, origin: origin, derived: nil, contradicts: false), nil)
        }

        /// Whether a published figure can follow from the grades: its own rounding interval meets the
        /// range the metric takes over the rounding intervals of the published parts (or the counts).
        private func agrees(_ published: Double, _ metric: ThreeWayGrades.DerivedMetric) -> Bool {
            guard let grades else { return true }
            let own = PublishedFigure.tolerance(of: published)
            guard fromSamples == nil, let c = self.published[.accuracy]?.value, let i = self.published[.incorrect]?.value else {
                return grades.value(of: metric).map { PublishedFigure.agrees(published, with: $0) } ?? true
            }
            let (tc, ti) = (PublishedFigure.tolerance(of: c), PublishedFigure.tolerance(of: i))
            let corners = [(c - tc, i - ti), (c - tc, i + ti), (c + tc, i - ti), (c + tc, i + ti)].compactMap { corner in
                ThreeWayGrades(correct: max(0, corner.0), incorrect: max(0, corner.1), tolerance: 1).flatMap { $0.value(of: metric) }
            }
            guard let low = corners.min(), let high = corners.max() else { return true }
            return published + own >= low && published - own <= high
        }

        private func derivedFrom(_ metric: ThreeWayGrades.DerivedMetric) -> [String] {
            let parts = [published[.accuracy], published[.incorrect], published[.notAttempted]].compactMap { $0?.metric }
            return metric == .notAttempted ? parts.filter { $0 != "not_attempted" } : parts
        }
    }
}
