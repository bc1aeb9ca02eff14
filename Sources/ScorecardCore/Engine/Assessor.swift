/// Runs the evaluators of a framework over evidence, then the rules engine, for every subject.
///
/// Evaluators measure and the engine judges; this type only wires the two together.
public struct Assessor: Sendable {
    public let framework: Framework
    public let registry: EvaluatorRegistry
    /// System-card sections shown beside the scorecard: the records they show count as read.
    public let sections: [SectionDefinition]

    public init(framework: Framework, registry: EvaluatorRegistry, sections: [SectionDefinition] = []) {
        self.framework = framework
        self.registry = registry
        self.sections = sections
    }

    /// Assesses every subject that has evidence, sorted by subject, with how its evidence was used.
    ///
    /// A determination applies to the subjects of its model (and snapshot). A model without any
    /// evidence is assessed from its determinations only when `modelsWithoutEvidence` names it: a
    /// determination whose model matches nothing is a typo until said otherwise, and callers
    /// report it (the application does, with file and line) rather than assess a name nobody has.
    ///
    /// - Parameter models: when non-empty, only subjects whose model name is listed.
    public func assess(
        evidence: EvidenceSet, determinations: [Determination], models: [String] = [],
        modelsWithoutEvidence: Set<String> = []
    ) throws(RegistryError) -> [SubjectAssessment] {
        var subjects = Set(evidence.subjects)
        for determination in determinations
        where modelsWithoutEvidence.contains(determination.model) && !subjects.contains(where: { determination.applies(to: $0) }) {
            subjects.insert(Subject(model: determination.model, snapshot: determination.snapshot))
        }
        let chosen = subjects.filter { models.isEmpty || models.contains($0.model) }.sorted()
        let engine = RulesEngine(framework: framework)
        var assessments: [SubjectAssessment] = []
        let references = try measureReferences(evidence: evidence)
        for subject in chosen {
            let measurements = try measure(subject: subject, evidence: evidence)
            let applicable = Determination.applicable(determinations, to: subject)
            var assessment = engine.judge(
                subject: subject, measurements: measurements, references: references, determinations: applicable)
            let use = account(subject: subject, evidence: evidence, measurements: measurements)
            let stale = staleDeterminations(applicable, subject: subject, evidence: evidence, use: use)
            if !stale.isEmpty {
                assessment = SubjectAssessment(
                    subject: subject, categories: assessment.categories, overall: assessment.overall, gates: assessment.gates,
                    flags: assessment.flags + stale)
            }
            assessment.evidenceUse = use
            assessments.append(assessment)
        }
        return assessments
    }

    /// Measures every reference that a relative threshold names, at every stage, with the
    /// indicator's own evaluator: the reference is read exactly as the subject is.
    public func measureReferences(evidence: EvidenceSet) throws(RegistryError) -> ReferenceMeasurements {
        var references: ReferenceMeasurements = [:]
        for category in framework.categories {
            for indicator in category.indicators where indicator.hasRelativeThresholds {
                let evaluator = try registry.make(indicator.evaluator, parameters: indicator.parameters)
                for bound in indicator.thresholds.compactMap(\.relative) {
                    for stage in framework.stages {
                        let readAt = bound.reference.stage(judging: stage.id)
                        let key = ReferenceKey(indicator: indicator.id, subject: bound.reference.subject, stage: readAt)
                        guard references[key] == nil else { continue }
                        let slice = evidence.slice(subject: bound.reference.subject, stage: readAt)
                        references[key] = Self.checked(evaluator.measure(indicator.target, in: slice), indicator, slice)
                    }
                }
            }
        }
        return references
    }

    /// Measures every indicator of the framework for one subject at every stage.
    public func measure(
        subject: Subject, evidence: EvidenceSet
    ) throws(RegistryError) -> [String: [String: Measurement]] {
        var evaluators: [String: any Measuring] = [:]
        for category in framework.categories {
            for indicator in category.indicators {
                evaluators[indicator.id] = try registry.make(indicator.evaluator, parameters: indicator.parameters)
            }
        }
        var result: [String: [String: Measurement]] = [:]
        for stage in framework.stages {
            let slice = evidence.slice(subject: subject, stage: stage.id)
            var byIndicator: [String: Measurement] = [:]
            for category in framework.categories {
                for indicator in category.indicators {
                    guard let evaluator = evaluators[indicator.id] else { continue }
                    byIndicator[indicator.id] = Self.checked(evaluator.measure(indicator.target, in: slice), indicator, slice)
                }
            }
            result[stage.id] = byIndicator
        }
        return result
    }

    /// An evaluator's result as the engine may judge it: a value read as it stands from a record
    /// in another unit than the indicator's (a count of 50 against a rate's 50% bar) is no
    /// evidence, and every interval goes through ``JudgingInterval``.
    static func checked(_ measurement: Measurement, _ indicator: Indicator, _ slice: EvidenceSlice) -> Measurement {
        if let key = measurement.score?.record,
           let record = slice.records(evaluation: key.evaluation).first(where: { $0.key == key }), record.unit != indicator.unit {
            return .missing(reason: "the \(key.metric) result at \(record.location) is in unit '\(record.unit.rawValue)', but this indicator reads '\(indicator.unit.rawValue)': its value cannot be set against the thresholds")
        }
        return JudgingInterval.judged(measurement, unit: indicator.unit)
    }
}
