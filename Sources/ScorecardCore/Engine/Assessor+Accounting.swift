/// The accounting of an assessment: every record of a subject is read by an indicator or listed
/// as unused, and indicators that read one tier are checked for samples of several.
extension Assessor {
    /// How `subject`'s evidence was used by `measurements` (per stage id, per indicator id).
    ///
    /// A summary record is read by an indicator when it is of the indicator's evaluation and
    /// either its metric is one the indicator accepts or the indicator's score was read from it
    /// (an evaluator may accept another metric, such as a `pass@K` with more attempts), or the
    /// subject has per-sample records of that evaluation and stage (the summaries an import
    /// computes beside its samples, which evaluators read instead). Per-sample records are read
    /// when an indicator reads their evaluation. A record the indicator's score cites among its
    /// sources is read by it too: evaluators defined in files (a ratio, a count over evaluations,
    /// an external program) read records of other metrics and evaluations, and say which.
    public func account(
        subject: Subject, evidence: EvidenceSet, measurements: [String: [String: Measurement]]
    ) -> EvidenceUse {
        let indicators = framework.categories.flatMap(\.indicators)
        var byEvaluation: [String: [Indicator]] = [:]
        for indicator in indicators { byEvaluation[indicator.evaluation, default: []].append(indicator) }
        let evaluations = Set(byEvaluation.keys)

        struct Slice: Hashable {
            let stage: String
            let evaluation: String
        }
        let groups = evidence.sampleGroups(of: subject)
        let sampled = Set(groups.map { Slice(stage: $0.stage, evaluation: $0.evaluation) })
        struct Cited: Hashable {
            let stage: String
            let location: SourceLocation
        }
        var cited: [Cited: [String]] = [:]
        for indicator in indicators {
            for (stage, byIndicator) in measurements {
                for source in byIndicator[indicator.id]?.score?.sources ?? [] {
                    cited[Cited(stage: stage, location: source), default: []].append(indicator.id)
                }
            }
        }
        var use = EvidenceUse()
        var shownBySections: [EvidenceRecord.Key: [String]] = [:]
        for section in sections {
            for key in SectionAssessor(definition: section).assess(subjects: [subject], evidence: evidence).recordsRead {
                shownBySections[key, default: []].append("section \(section.id)")
            }
        }
        for record in evidence.records(of: subject) {
            if let shown = shownBySections[record.key] {
                use.readByRecord[record.key] = shown
                continue
            }
            let readers = byEvaluation[record.evaluation] ?? []
            let withSamples = sampled.contains(Slice(stage: record.stage, evaluation: record.evaluation))
            // Who reads every record of this metric, and who reads this one because its score came from it.
            let byMetric = readers.filter { withSamples || $0.metrics.contains(record.metric) }
            let reading = readers.filter { indicator in
                byMetric.contains { $0.id == indicator.id } || measurements[record.stage]?[indicator.id]?.score?.record == record.key
            }
            if !reading.isEmpty {
                if reading.count == byMetric.count {
                    use.readByMetric[EvidenceUse.Metric(stage: record.stage, evaluation: record.evaluation, metric: record.metric)] =
                        byMetric.map(\.id)
                } else {
                    use.readByRecord[record.key] = reading.map(\.id)
                }
                continue
            }
            if let citing = cited[Cited(stage: record.stage, location: record.location)] {
                use.readByRecord[record.key] = citing
                continue
            }
            let reason: UnusedEvidence.Reason
            if readers.isEmpty {
                reason = .evaluationNotRead(suggestion: NearestName.closest(to: record.evaluation, in: evaluations))
            } else {
                var metrics: [String] = []
                for metric in readers.flatMap(\.metrics) where !metrics.contains(metric) { metrics.append(metric) }
                reason = .metricNotRead(
                    indicators: readers.map(\.id), metrics: metrics,
                    suggestion: NearestName.closest(to: record.metric, in: metrics))
            }
            use.unused.append(UnusedEvidence(
                stage: record.stage, evaluation: record.evaluation, metric: record.metric, variant: record.variant,
                records: 1, location: record.location, reason: reason))
        }
        for group in groups {
            guard let readers = byEvaluation[group.evaluation] else {
                use.unused.append(UnusedEvidence(
                    stage: group.stage, evaluation: group.evaluation, metric: nil, variant: nil, records: group.records,
                    location: group.location,
                    reason: .evaluationNotRead(suggestion: NearestName.closest(to: group.evaluation, in: evaluations))))
                continue
            }
            let oneTier = readers.filter(readsOneTier)
            guard !oneTier.isEmpty else { continue }
            let problems = evidence.slice(subject: subject, stage: group.stage).problems(evaluation: group.evaluation)
            let tiers = Set(problems.compactMap { $0.metadata["tier"] }).sorted()
            guard tiers.count > 1 else { continue }
            for indicator in oneTier {
                use.mixedTiers.append(MixedTiers(
                    indicator: indicator.id, stage: group.stage, evaluation: group.evaluation, tiers: tiers,
                    location: group.location))
            }
        }
        use.unused.sort { ($0.location, $0.evaluation, $0.metric ?? "") < ($1.location, $1.evaluation, $1.metric ?? "") }
        return use
    }

    /// Whether an indicator's evaluator reads one tier of its evaluation (it takes a `tier`
    /// parameter) while the indicator does not choose one: then every tier counts as its own.
    func readsOneTier(_ indicator: Indicator) -> Bool {
        guard indicator.parameters.values["tier"] == nil, let declared = registry.parameters(of: indicator.evaluator) else { return false }
        return declared.contains { $0.name == "tier" }
    }
}
