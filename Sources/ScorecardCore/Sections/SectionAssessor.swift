/// Measures a section for a set of models: a pure function of the definition and the evidence.
///
/// Values are the published figures; intervals are the records' own, or Wilson intervals from n
/// (and k) for rates. Three-way grades are counted from per-sample grades when present, else
/// derived from the published shares, and published derived figures are checked against them.
public struct SectionAssessor: Sendable {
    public let definition: SectionDefinition

    public init(definition: SectionDefinition) {
        self.definition = definition
    }

    /// The section for `subjects` (the report's subject first, then the models compared with it).
    public func assess(subjects: [Subject], evidence: EvidenceSet) -> SectionResult {
        let index = Index(evidence: evidence, stage: definition.stage, subjects: subjects)
        var tables: [SectionTableResult] = []
        var inconsistencies: [Inconsistency] = []
        for table in definition.tables {
            switch table.kind {
            case .rows(let rows):
                let results = rows.flatMap { row in
                    index.variants(row.evaluation, metric: row.metric).map { variant in
                        SectionRowResult(
                            label: row.label, evaluation: row.evaluation, metric: row.metric, variant: variant,
                            lowerIsBetter: row.lowerIsBetter,
                            cells: subjects.map { index.cell($0, row.evaluation, row.metric, variant) })
                    }
                }
                tables.append(SectionTableResult(table: table, rows: results, evaluation: nil, variant: nil))
            case .benchmarks(let patterns):
                let results = index.benchmarkRows(patterns).map { key in
                    SectionRowResult(
                        label: definition.name(of: key.evaluation), evaluation: key.evaluation, metric: key.metric, variant: key.variant,
                        lowerIsBetter: index.lowerIsBetter(key),
                        cells: subjects.map { index.cell($0, key.evaluation, key.metric, key.variant) })
                }
                tables.append(SectionTableResult(table: table, rows: results, evaluation: nil, variant: nil))
            case .threeWayGrades(let evaluations):
                for evaluation in evaluations {
                    for variant in index.variants(evaluation, metric: nil) {
                        let grades = ThreeWayTable(index: index, subjects: subjects, evaluation: evaluation, variant: variant)
                        let (rows, found) = grades.rows()
                        inconsistencies += found
                        tables.append(SectionTableResult(table: table, rows: rows, evaluation: evaluation, variant: variant))
                    }
                }
            }
        }
        let tradeoffs = definition.tradeoffs.map { chart in tradeoff(chart, subjects: subjects, index: index) }
        return SectionResult(
            definition: definition, subjects: subjects, tables: tables, tradeoffs: tradeoffs,
            inconsistencies: inconsistencies, recordsRead: index.read)
    }

    private func tradeoff(_ chart: TradeoffChart, subjects: [Subject], index: Index) -> TradeoffResult {
        var points: [TradeoffResult.Point] = []
        var missing: [Subject] = []
        for subject in subjects {
            let x = index.cell(subject, chart.x.evaluation, chart.x.metric, chart.variant)
            let y = index.cell(subject, chart.y.evaluation, chart.y.metric, chart.variant)
            if x.value != nil, y.value != nil {
                points.append(.init(subject: subject, x: x, y: y))
            } else {
                missing.append(subject)
            }
        }
        let frontier = ParetoFrontier.frontier(
            points.compactMap { point in point.x.value.flatMap { x in point.y.value.map { ParetoFrontier.Point(id: point.subject, x: x, y: $0) } } },
            higherXIsBetter: !chart.x.lowerIsBetter, higherYIsBetter: !chart.y.lowerIsBetter)
        return TradeoffResult(chart: chart, points: points, missing: missing, frontier: frontier.map(\.id))
    }
}
