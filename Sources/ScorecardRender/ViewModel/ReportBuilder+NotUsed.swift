import ScorecardCore

/// The appendix of evidence no indicator reads, worded for the reader.
extension ReportBuilder {
    func notUsed(_ use: EvidenceUse) -> EvidenceNotUsedView? {
        guard !use.unused.isEmpty || !use.mixedTiers.isEmpty else { return nil }
        let rows = use.unused.map { unused in
            UnusedEvidenceView(
                stage: stageName(unused.stage), evaluation: unused.evaluation,
                metric: unused.metric.map { metric in unused.variant.map { "\(metric) (\($0))" } ?? metric } ?? "per-sample records",
                records: String(unused.records), location: unused.location.description, reason: reason(unused))
        }
        let tierNotes = use.mixedTiers.map { mixed in
            "\(indicatorName(mixed.indicator)) reads one tier, but its samples of \(mixed.evaluation) at \(stageName(mixed.stage)) come from \(mixed.tiers.count) tiers (\(Formatting.prose(mixed.tiers))), all counted as that one (\(mixed.location))."
        }
        let count = rows.count
        let intro = count == 0
            ? "Every record was read by an indicator, but some indicators read samples of several tiers as one."
            : "\(count == 1 ? "This record was" : "These \(count) records were") read from the evidence but no indicator of the framework reads \(count == 1 ? "it" : "them"), so \(count == 1 ? "it does" : "they do") not count towards any level. A misspelt evaluation id or metric shows up here."
        return EvidenceNotUsedView(intro: intro, rows: rows, hasRows: !rows.isEmpty, tierNotes: tierNotes, hasTierNotes: !tierNotes.isEmpty)
    }

    private func reason(_ unused: UnusedEvidence) -> String {
        let hint = unused.suggestion.map { " Did you mean \($0)?" } ?? ""
        switch unused.reason {
        case .evaluationNotRead:
            return "No indicator reads this evaluation.\(hint)"
        case .metricNotRead(let indicators, let metrics, _):
            let names = Formatting.prose(indicators.map(indicatorName))
            return "\(names) read\(indicators.count == 1 ? "s" : "") \(metrics.joined(separator: " or ")), not this metric.\(hint)"
        }
    }

    private func indicatorName(_ id: String) -> String {
        framework.categories.lazy.flatMap(\.indicators).first { $0.id == id }?.name ?? id
    }
}
