extension ScorecardDocument {
    /// The document for `assessments` under `framework`.
    ///
    /// - Parameters:
    ///   - inputs: input path → SHA-256, as hashed by whoever read the files.
    ///   - registry: used to stamp each indicator with its evaluator's kind, version and, for one
    ///     defined in a file, the file and program with their hashes.
    ///   - stageMap: how the evidence's stages were mapped onto the framework's.
    public init(
        framework: Framework, assessments: [SubjectAssessment], inputs: [String: String], registry: EvaluatorRegistry,
        tool: Tool, stageMap: [StageMapEntry] = [], sections: [SectionEntry] = []
    ) {
        formatVersion = Self.currentFormatVersion
        self.tool = tool
        self.framework = FrameworkSummary(
            id: framework.id, name: framework.name, version: framework.version, schemaVersion: framework.schemaVersion,
            source: framework.source, levels: framework.scale.levels.map(\.id), stages: framework.stages.map(\.id))
        self.inputs = inputs
        models = assessments.map { ModelScorecard($0, framework: framework, registry: registry) }
        self.stageMap = stageMap
        self.sections = sections
    }
}

extension ScorecardDocument.ModelScorecard {
    init(_ assessment: SubjectAssessment, framework: Framework, registry: EvaluatorRegistry) {
        model = assessment.subject.model
        overall = assessment.overall.mapValues { $0.level?.id }
        categories = zip(framework.categories, assessment.categories).map { category, result in
            ScorecardDocument.CategoryScorecard(
                id: category.id, name: category.name,
                stages: result.stages.mapValues { .init($0, category: category, registry: registry) })
        }
        gates = zip(framework.gates, assessment.gates).map { gate, decision in
            ScorecardDocument.GateScorecard(
                id: gate.id, name: gate.name, kind: gate.kind, stage: gate.stage, level: gate.level.id,
                passed: decision.passed, reason: decision.reason)
        }
        flags = assessment.flags.map {
            ScorecardDocument.FlagEntry(kind: $0.kind, category: $0.category, stage: $0.stage, message: $0.message)
        }
        snapshot = assessment.subject.snapshot
        unusedEvidence = assessment.evidenceUse.unused.map { unused in
            let reason = switch unused.reason {
            case .evaluationNotRead: "evaluation_not_read"
            case .metricNotRead: "metric_not_read"
            }
            return ScorecardDocument.UnusedEvidenceEntry(
                stage: unused.stage, eval: unused.evaluation, metric: unused.metric, variant: unused.variant,
                records: unused.records, location: unused.location.description, reason: reason, suggestion: unused.suggestion,
                message: unused.why)
        }
        mixedTiers = assessment.evidenceUse.mixedTiers.map {
            ScorecardDocument.MixedTiersEntry(
                indicator: $0.indicator, stage: $0.stage, eval: $0.evaluation, tiers: $0.tiers, location: $0.location.description)
        }
    }
}

extension ScorecardDocument.StageScorecard {
    init(_ result: CategoryStageResult, category: Category, registry: EvaluatorRegistry) {
        status = result.status
        lowered = result.lowered
        indicators = zip(category.indicators, result.indicators).map { .init($1, indicator: $0, registry: registry) }
        trace = result.trace
        level = result.level?.id
        indicatedLevel = result.indicatedLevel?.id
        reachedLevel = result.reachedLevel?.id
        notRuledOut = result.notRuledOut.map(\.id)
        ruleOut = result.ruleOutChecks.map { check in
            .init(level: check.level.id, require: check.requirement.description, needed: check.needed, ruledOut: check.ruledOut,
                  indicators: check.entries.map { .init(id: $0.indicator, bar: $0.bar, value: $0.value, safe: $0.safe) })
        }
        notAssessedReason = result.notAssessedReason?.description
        approaching = result.approaching?.id
        determination = result.determination.map {
            .init(level: $0.level.id, rationale: $0.rationale, author: $0.author, date: $0.date, source: $0.source,
                  location: $0.location.description)
        }
    }
}

extension ScorecardDocument.IndicatorEntry {
    init(_ result: IndicatorResult, indicator: Indicator, registry: EvaluatorRegistry) {
        id = indicator.id
        evaluator = indicator.evaluator
        let described = registry.description(of: indicator.evaluator)
        evaluatorVersion = described?.version ?? 0
        parameters = indicator.parameters.values.mapValues(\.description)
        straddles = result.straddles.map(\.id)
        let score = result.measurement.score
        status = score == nil ? "missing" : "measured"
        sources = score?.sources.map(\.description) ?? []
        notes = score?.notes ?? []
        thresholds = result.thresholds.map(ScorecardDocument.ThresholdEntry.init)
        unresolvedReason = result.unresolved
        level = result.level?.id
        decidingValue = result.decidingValue
        approaching = result.approaching?.id
        switch result.measurement {
        case .missing(let reason):
            missingReason = reason
        case .measured(let score):
            metric = score.metric
            value = score.value
            ciLow = score.interval?.low
            ciHigh = score.interval?.high
            ciLevel = score.interval?.level
            ciMethod = score.interval?.method
            n = score.n
            k = score.k
            basis = score.basis.rawValue
        }
        evaluatorKind = described?.kind.rawValue
        evaluatorFile = described?.origin?.file
        evaluatorFileSha256 = described?.origin?.fileSHA256
        evaluatorProgram = described?.origin?.program
        evaluatorProgramSha256 = described?.origin?.programSHA256
    }
}

extension ScorecardDocument.ThresholdEntry {
    init(_ threshold: ResolvedThreshold) {
        level = threshold.level.id
        value = threshold.value
        reference = threshold.reference.map { reference in
            let subject = reference.bound.reference.subject
            return ScorecardDocument.ReferenceEntry(
                model: subject.model, snapshot: subject.snapshot, stage: reference.stage, measured: reference.measured,
                used: reference.used, formula: reference.bound.formula(subject.description))
        }
    }
}
