import ScorecardCore

/// A value read from a file together with where it was.
struct Located<Value> {
    let value: Value
    let line: Int?
    let column: Int?

    init(_ value: Value, at node: YAMLValue) {
        self.value = value
        line = node.line
        column = node.column
    }
}

/// A framework file as written, before validation: every value keeps its position.
struct FrameworkDocument {
    var schemaVersion: Located<Int>?
    var id: Located<String>?
    var name: Located<String>?
    var version: Located<String>?
    var source: String?
    var summary: String?
    var levels: [LevelDocument] = []
    var stages: [StageDocument] = []
    var aggregation: Located<String>?
    var uncertainty: Located<String>?
    var earlyWarningMargin: Located<Double>?
    var categories: [CategoryDocument] = []
    var gates: [GateDocument] = []
    /// The `evaluators:` section (schema 2), read by `EvaluatorDefinitionReader`.
    var evaluatorsNode: YAMLValue?

    /// The names the `evaluators:` section defines.
    var sectionEvaluatorNames: [String] {
        guard let node = evaluatorsNode, case .mapping(let mapping) = node.node else { return [] }
        return mapping.keys.compactMap(\.string)
    }

    /// The names the framework defines evaluators under: the `evaluators:` section's and those
    /// of evaluators written on indicators.
    var definedEvaluatorNames: [String] {
        sectionEvaluatorNames + categories.flatMap(\.indicators).filter { $0.inlineEvaluator != nil }.compactMap(\.evaluator?.value)
    }
}

struct LevelDocument {
    let id: Located<String>
    let name: String
    let summary: String?
}

struct StageDocument {
    let id: Located<String>
    let name: String
    let summary: String?
    /// The stage this one is the mitigated form of.
    var mitigates: Located<String>? = nil
}

struct CategoryDocument {
    let id: Located<String>
    var name: String = ""
    var summary: String?
    var required = true
    var levelDefinitions: [(level: Located<String>, text: String)] = []
    var combine: Located<String> = .init("any", line: nil, column: nil)
    var atLeast: Int?
    var minimumIndicators: Located<Int>?
    var indicators: [IndicatorDocument] = []
    var gating: Located<Bool>?
    /// Where `rule_out` was written (schema 2 only), and its sets.
    var ruleOutNode: Located<Void>?
    var ruleOut: [RuleOutDocument] = []
}

struct RuleOutDocument {
    let level: Located<String>
    var require: Located<String> = .init("all", line: nil, column: nil)
    var atLeast: Int?
    var entries: [RuleOutEntryDocument] = []
    var rationale: String?
}

struct RuleOutEntryDocument {
    let indicator: Located<String>
    let bar: Located<Double>?
}

struct RelativeDocument {
    let node: Located<Void>
    var model: String?
    var snapshot: String?
    var stage: Located<String>?
    var ratio: Located<Double>?
    var difference: Located<Double>?
}

struct IndicatorDocument {
    let id: Located<String>
    var name: String = ""
    var evaluator: Located<String>?
    /// An evaluator written on the indicator itself (`evaluator: {command: [...], timeout_s: 30}`),
    /// defined under the name in ``evaluator``.
    var inlineEvaluator: YAMLValue?
    var parameters: Located<EvaluatorParameters> = .init(.init(), line: nil, column: nil)
    var evaluation: String = ""
    var metrics: [String] = []
    var unit: Located<String> = .init("rate", line: nil, column: nil)
    var direction: Located<String> = .init("higher", line: nil, column: nil)
    var inclusive = true
    var required = false
    var earlyWarningMargin: Located<Double>?
    var thresholds: [ThresholdDocument] = []
    var baselines: [BaselineDocument] = []
}

struct ThresholdDocument {
    let level: Located<String>
    /// Nil for a relative threshold.
    let value: Located<Double>?
    let relative: RelativeDocument?
    let rationale: String?
}

struct BaselineDocument {
    let name: String
    let value: Located<Double>
    let source: String?
}

struct GateDocument {
    let id: Located<String>
    var name: String = ""
    var summary: String?
    var stage: Located<String>?
    var kind: Located<String>?
    var level: Located<String>?
    /// Where `categories` was written (schema 3 only), and the category ids it names.
    var categoriesNode: Located<Void>?
    var categories: [Located<String>] = []
}

extension Located {
    init(_ value: Value, line: Int?, column: Int?) {
        self.value = value
        self.line = line
        self.column = column
    }
}
