import Foundation
import ScorecardCore

/// A framework with the text it was read from, that text's hash, and the evaluators it may name.
public struct LoadedFramework: Sendable {
    public let framework: Framework
    public let path: String
    public let text: String
    public let sha256: String
    /// What `frameworks lint` reports without refusing the file: levels no evidence can rule out,
    /// and how a `schema_version: 1` file's levels are ruled out.
    public let warnings: [Diagnostic]
    /// The registry the framework was checked against, with the evaluators its `evaluators:`
    /// section defines added: what its indicators are measured with.
    public let registry: EvaluatorRegistry
    /// Every file besides the framework that measurements depend on (evaluator definition files
    /// and external programs), relative to the framework's folder → SHA-256: a change to one is a
    /// change of the assessment's inputs.
    public let evaluatorFiles: [String: String]
}

/// Loads framework files: YAML → document → validation → `Framework`.
///
/// Every problem is reported with file, line and column in one `InputError`.
public enum FrameworkLoader {
    /// The `schema_version` values this build reads.
    public static var supportedSchemaVersions: [Int] { FrameworkValidator.supportedSchemaVersions }

    /// Reads and validates the framework at `path`.
    public static func load(path: String, registry: EvaluatorRegistry) throws(InputError) -> LoadedFramework {
        let bytes = try InputFile.read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(file: path, "the file is not UTF-8 text")
        }
        return try read(text, file: path, registry: registry, sha256: SHA256.hex(of: bytes))
    }

    /// Validates framework `text`; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String, registry: EvaluatorRegistry) throws(InputError) -> Framework {
        try read(text, file: file, registry: registry).framework
    }

    /// Validates framework `text` read from elsewhere (a store); `file` names it in diagnostics,
    /// and the evaluator definitions and programs it names are looked for relative to
    /// `directory` (by default the folder of `file`).
    public static func read(
        _ text: String, file: String, registry: EvaluatorRegistry, directory: String? = nil, sha256: String? = nil
    ) throws(InputError) -> LoadedFramework {
        var log = DiagnosticLog(file: file)
        guard let root = YAMLValue.parse(text, log: &log) else { throw InputError(log.diagnostics) }
        let doc = FrameworkReader.read(root, &log)
        var other: [Diagnostic] = []
        let folder = directory ?? PathText.folder(of: file)
        let (extended, files) = define(doc, file: file, folder: folder, registry: registry, &log, other: &other)
        var validator = FrameworkValidator(doc: doc, registry: extended)
        validator.failedDefinitions = Set(
            doc.definedEvaluatorNames.filter { extended.description(of: $0) == nil })
        validator.run(&log)
        if !log.isEmpty || !other.isEmpty { throw InputError(log.diagnostics + other) }
        return LoadedFramework(
            framework: build(doc), path: file, text: text, sha256: sha256 ?? SHA256.hex(of: Array(text.utf8)),
            warnings: log.warnings.sorted(), registry: extended, evaluatorFiles: files)
    }

    /// The registry with the framework's own evaluators added, and the files they depend on.
    private static func define(
        _ doc: FrameworkDocument, file: String, folder: String, registry: EvaluatorRegistry, _ log: inout DiagnosticLog,
        other: inout [Diagnostic]
    ) -> (EvaluatorRegistry, [String: String]) {
        let indicatorDocuments = doc.categories.flatMap(\.indicators)
        guard doc.evaluatorsNode != nil || indicatorDocuments.contains(where: { $0.inlineEvaluator != nil }) else { return (registry, [:]) }
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        let reader = EvaluatorDefinitionReader(directory: absolute, frameworkFile: file)
        var read = doc.evaluatorsNode.map { reader.read($0, &log, other: &other) } ?? []
        read += reader.readInline(indicatorDocuments, taken: Set(doc.sectionEvaluatorNames), &log)
        var files: [String: String] = [:]
        var extended = registry
        let hinted = build(doc)
        let indicators = hinted.categories.flatMap(\.indicators)
        for item in read {
            let definition = item.definition
            if let path = definition.origin.file, let hash = definition.origin.fileSHA256 { files[path] = hash }
            if let path = definition.origin.program, let hash = definition.origin.programSHA256 { files[path] = hash }
            do {
                extended = try extended.defining([definition]) { definition in
                    DefinitionContext(
                        uses: indicators.filter { $0.evaluator == definition.name }.compactMap { indicator in
                            (try? ParameterValues(indicator.parameters, declared: definition.parameters))
                                .map { EvaluatorUse(target: indicator.target, parameters: $0) }
                        },
                        stages: hinted.stages.map(\.id))
                }
            } catch {
                let diagnostic = Diagnostic(file: item.file, line: item.line, column: item.column, message: error.description)
                if item.file == file { log.add(diagnostic.message, line: item.line, column: item.column) } else { other.append(diagnostic) }
            }
        }
        return (extended, files)
    }

    private static func threshold(_ level: Level, _ doc: ThresholdDocument) -> Threshold {
        let rationale = doc.rationale ?? ""
        guard let relative = doc.relative else {
            return Threshold(level: level, value: doc.value?.value ?? 0, rationale: rationale)
        }
        let reference = ReferenceSubject(
            subject: Subject(model: relative.model ?? "", snapshot: relative.snapshot), stage: relative.stage?.value)
        let operation: RelativeBound.Operation = relative.ratio.map { .ratio($0.value) } ?? .difference(relative.difference?.value ?? 0)
        return Threshold(level: level, bound: .relative(RelativeBound(reference: reference, operation: operation)), rationale: rationale)
    }

    private static func requirement(_ set: RuleOutDocument) -> RuleOutSet.Requirement {
        switch set.require.value {
        case "any": .any
        case "at_least": .atLeast(set.atLeast ?? 1)
        default: .all
        }
    }

    /// Converts a validated document into the domain value.
    static func build(_ doc: FrameworkDocument) -> Framework {
        let scale = LevelScale(doc.levels.map { LevelDefinition(id: $0.id.value, name: $0.name, summary: $0.summary) })
        func level(_ id: String) -> Level { scale.level(id) ?? scale.floor }
        let categories = doc.categories.map { category in
            let indicators = category.indicators.map { indicator in
                Indicator(
                    id: indicator.id.value, name: indicator.name, evaluator: indicator.evaluator?.value ?? "",
                    parameters: indicator.parameters.value, evaluation: indicator.evaluation, metrics: indicator.metrics,
                    unit: ValueUnit(rawValue: indicator.unit.value) ?? .rate,
                    direction: Direction(rawValue: indicator.direction.value) ?? .higherIsRiskier,
                    inclusive: indicator.inclusive, required: indicator.required,
                    earlyWarningMargin: indicator.earlyWarningMargin?.value,
                    thresholds: indicator.thresholds.map { threshold(level($0.level.value), $0) }.sorted { $0.level < $1.level },
                    baselines: indicator.baselines.map { Baseline(name: $0.name, value: $0.value.value, source: $0.source) })
            }
            let combine: Combination = switch category.combine.value {
            case "all": .all
            case "at_least": .atLeast(category.atLeast ?? 1)
            default: .any
            }
            let ruleOut: RuleOutPolicy = (doc.schemaVersion?.value ?? 1) < 2 ? .aboveIndicated : .sets(
                category.ruleOut.map { set in
                    RuleOutSet(
                        level: level(set.level.value), requirement: requirement(set),
                        entries: set.entries.map { RuleOutSet.Entry(indicator: $0.indicator.value, bar: $0.bar?.value) },
                        rationale: set.rationale ?? "")
                }.sorted { $0.level < $1.level })
            return ScorecardCore.Category(
                id: category.id.value, name: category.name, summary: category.summary, required: category.required,
                gating: category.gating?.value ?? true,
                levelDefinitions: Dictionary(category.levelDefinitions.map { ($0.level.value, $0.text) }) { first, _ in first },
                combine: combine, minimumIndicators: category.minimumIndicators?.value ?? 1, indicators: indicators,
                ruleOut: ruleOut)
        }
        let gates = doc.gates.map { gate in
            Gate(
                id: gate.id.value, name: gate.name, summary: gate.summary,
                kind: gate.kind?.value == "trigger" ? .trigger : .ceiling, stage: gate.stage?.value ?? "",
                level: level(gate.level?.value ?? ""), categories: gate.categoriesNode == nil ? nil : gate.categories.map(\.value))
        }
        return Framework(
            schemaVersion: doc.schemaVersion?.value ?? 1, id: doc.id?.value ?? "", name: doc.name?.value ?? "",
            version: doc.version?.value ?? "", source: doc.source, summary: doc.summary, scale: scale,
            stages: doc.stages.map { StageDefinition(id: $0.id.value, name: $0.name, summary: $0.summary, mitigates: $0.mitigates?.value) },
            categories: categories, aggregation: Aggregation(rawValue: doc.aggregation?.value ?? "max") ?? .max,
            uncertainty: UncertaintyPolicy(rawValue: doc.uncertainty?.value ?? "point") ?? .point,
            earlyWarningMargin: doc.earlyWarningMargin?.value ?? 0, gates: gates)
    }
}
