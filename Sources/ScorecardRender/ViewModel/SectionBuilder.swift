import ScorecardCore

/// Builds a system-card section's view: models side by side in every table, charts, the
/// trade-off chart, and the published figures that contradict their own parts.
struct SectionBuilder {
    let result: SectionResult
    /// Where the Markdown report's chart files go, relative to it.
    let chartDirectory: String

    var slug: String { FileSlug.suffix(of: result.definition) }

    func names() -> [Subject: String] {
        Dictionary(result.subjects.map { ($0, $0.description) }) { first, _ in first }
    }

    func build() -> SectionView {
        let models = result.subjects.map(\.description)
        let tables = result.tables.enumerated().map { index, table in self.table(table, index: index, models: models) }
        let tradeoffs = result.tradeoffs.map { tradeoff -> TradeoffView in
            let id = "\(slug)-\(Formatting.slug(tradeoff.chart.id))"
            let chart = ScatterLayout.chart(tradeoff, names: names(), id: "chart-\(id)", imagePath: "\(chartDirectory)/\(id).svg")
            var points = tradeoff.points.map { point in
                "\(point.subject): \(tradeoff.chart.x.label) \(cell(point.x).value), \(tradeoff.chart.y.label) \(cell(point.y).value)"
                    + (tradeoff.frontier.contains(point.subject) ? " (on the frontier)" : "")
            }
            if !tradeoff.missing.isEmpty {
                points.append("Without a result on both axes\(tradeoff.chart.variant.map { " (\($0))" } ?? ""): \(Formatting.prose(tradeoff.missing.map(\.description))).")
            }
            return TradeoffView(
                anchor: "tradeoff-\(id)", title: tradeoff.chart.title, summary: tradeoff.chart.summary.map { [$0] } ?? [],
                charts: chart.map { [$0] } ?? [], points: points)
        }
        let flags = result.inconsistencies.map { item in
            let what = result.definition.name(of: item.evaluation) + (item.variant.map { " (\($0))" } ?? "")
            let metric = item.metric.replacingOccurrences(of: "_", with: " ")
            switch item.problem {
            case .doesNotFollow:
                return "\(item.subject), \(what): the published \(metric), \(Formatting.value(item.published, unit: .rate)), does not follow from its own parts, which give \(Formatting.value(item.derived, unit: .rate)) (\(EvidenceRows.location(item.location)))."
            case .partsExceedWhole:
                return "\(item.subject), \(what): the published shares \(metric) add up to \(Formatting.value(item.published, unit: .rate)) of the questions, more than all of them; nothing is derived from them (\(EvidenceRows.location(item.location)))."
            }
        }
        return SectionView(
            anchor: "sec-\(slug)", title: result.definition.title, summary: result.definition.summary.map { [$0] } ?? [], models: models,
            tables: tables, tradeoffs: tradeoffs, flags: flags, hasFlags: !flags.isEmpty)
    }

    private func table(_ table: SectionTableResult, index: Int, models: [String]) -> SideBySideTableView {
        let id = "\(slug)-\(Formatting.slug(table.table.id).isEmpty ? "table" : Formatting.slug(table.table.id))-\(index + 1)"
        let rows = table.rows.map { row in
            SideBySideRowView(label: row.label + (row.lowerIsBetter ? " (lower is better)" : ""), variant: row.variant ?? Formatting.none,
                              cells: row.cells.map(cell))
        }
        let cells = table.rows.flatMap(\.cells)
        var legend: [String] = []
        if cells.contains(where: { if case .derived = $0.origin { true } else { false } }) {
            legend.append("“derived”: computed here from the other published figures of the same model and source")
        }
        if cells.contains(where: \.contradicts) {
            legend.append("“does not follow”: a published figure its own parts contradict (see the flags below)")
        }
        if cells.contains(where: \.intervalComputed) {
            legend.append("“computed”: a 95% Wilson interval from the published n")
        }
        if cells.contains(where: { $0.value == nil }) {
            legend.append("“—”: no result published for that model (not zero)")
        }
        return SideBySideTableView(
            anchor: id, title: title(table), summary: table.table.summary.map { [$0] } ?? [], labelHeader: "Evaluation", headers: models,
            rows: rows, hasRows: !rows.isEmpty,
            charts: table.table.chart ? chart(table, id: id).map { [$0] } ?? [] : [],
            legend: legend.isEmpty ? [] : [legend.joined(separator: "; ") + "."])
    }

    func cell(_ cell: SectionCell) -> ValueCellView {
        guard let value = cell.value else {
            return ValueCellView(value: "—", interval: [], note: [], missing: true, flagged: false)
        }
        var interval = cell.interval.map { Formatting.interval($0, unit: cell.unit) }
        if cell.intervalComputed, let text = interval { interval = text + " (computed)" }
        var note: String?
        switch cell.origin {
        case .derived: note = "derived"
        case .samples(let count): note = "from \(count) graded samples"
        case .published, .missing: break
        }
        if cell.contradicts, let derived = cell.derived {
            note = "does not follow from its parts (\(Formatting.value(derived, unit: cell.unit)))"
        }
        return ValueCellView(value: Formatting.value(value, unit: cell.unit), interval: interval.map { [$0] } ?? [], note: note.map { [$0] } ?? [],
                             missing: false, flagged: cell.contradicts)
    }

    /// A table's title; a three-way table is one per evaluation (and source), named after it.
    private func title(_ table: SectionTableResult) -> String {
        guard let evaluation = table.evaluation else { return table.table.title }
        return "\(table.table.title): \(result.definition.name(of: evaluation))" + (table.variant.map { " (\($0))" } ?? "")
    }

    /// A panel per row, a bar per model.
    private func chart(_ table: SectionTableResult, id: String) -> ChartView? {
        guard table.rows.contains(where: { $0.cells.contains { $0.value != nil } }) else { return nil }
        typealias T = Coordinate
        let heading = ChartText(x: T.text(PanelLayout.margin), y: T.text(PanelLayout.margin + 13), text: title(table), anchor: "start")
        var y = PanelLayout.margin + 24
        let series = result.subjects.enumerated().map { (label: $0.element.description, fill: ChartPalette.fill(model: $0.offset, stage: 0)) }
        let (legend, height) = PanelLayout.legend(series: series, lines: [("95% interval", "#1a1a1a", "none", "1.5")], y: y)
        y += height
        var panels: [ChartPanelView] = []
        var sentences: [String] = []
        for row in table.rows where row.cells.contains(where: { $0.value != nil }) {
            let unit = row.cells.first { $0.value != nil }?.unit ?? .rate
            let bars = zip(result.subjects, row.cells).enumerated().map { index, pair in
                var bar = PanelLayout.Bar(
                    label: pair.0.description, fill: ChartPalette.fill(model: index, stage: 0), value: pair.1.value,
                    interval: pair.1.interval, missing: "no result")
                if case .derived = pair.1.origin { bar.note = "derived" }
                if pair.1.contradicts { bar.note = "does not follow from its parts" }
                return bar
            }
            let title = row.label + (row.variant.map { " · \($0)" } ?? "")
            let (panel, sentence) = PanelLayout.panel(
                title: PanelLayout.clipped(title, to: 100), unit: unit, marks: [], bars: bars, y: &y)
            panels.append(panel)
            sentences.append(sentence)
        }
        return ChartView(
            id: "chart-\(id)", title: title(table), heading: heading,
            description: (["A panel per evaluation, a bar per model with its interval where known."] + sentences).joined(separator: " "),
            alt: "Chart of \(title(table)). " + sentences.joined(separator: " "), imagePath: "\(chartDirectory)/\(id).svg",
            width: T.text(PanelLayout.width), height: T.text(y + PanelLayout.margin - 14), legend: legend, panels: panels)
    }
}
