import Foundation
import Testing
import ScorecardCore

/// An evaluator declaring one parameter of every kind, as a plugin author would.
private struct KitchenSinkEvaluator: Evaluator {
    enum Mode: String, CaseIterable, Sendable { case fast, slow }

    static let summary = "every kind of parameter"
    static let label = Parameter.text("label", help: "a label")
    static let control = Parameter.text("control", help: "metric of the control arm").required()
    static let scale = Parameter.number("scale", in: 0...10, default: 1, help: "a scale")
    static let k = Parameter.wholeNumber("k", in: 1...5, default: 2, help: "attempts")
    static let strict = Parameter.boolean("strict", default: false, help: "be strict")
    static let mode = Parameter.choice("mode", default: Mode.fast, help: "how")
    static let metrics = Parameter.textList("metrics", help: "metrics to read")
    static let parameters = [label.spec, control.spec, scale.spec, k.spec, strict.spec, mode.spec, metrics.spec]

    let values: (label: String?, control: String, scale: Double, k: Int, strict: Bool, mode: Mode, metrics: [String])

    init(parameters: ParameterValues) throws(ParameterError) {
        values = (
            try parameters[Self.label], try parameters[Self.control], try parameters[Self.scale], try parameters[Self.k],
            try parameters[Self.strict], try parameters[Self.mode], try parameters[Self.metrics])
    }

    func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> ScorecardCore.Measurement { .missing(reason: "none") }
}

/// Reads a parameter it never declared: a mistake that must be an error, not a trap.
private struct ForgetfulEvaluator: Evaluator {
    static let summary = "reads what it does not declare"
    static let k = Parameter.wholeNumber("k", in: 1...5, default: 2, help: "attempts")

    init(parameters: ParameterValues) throws(ParameterError) { _ = try parameters[Self.k] }
    func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> ScorecardCore.Measurement { .missing(reason: "none") }
}

private struct OtherKitchenSink: Evaluator {
    static let name = "kitchen_sink"
    static let summary = "a second evaluator under a taken name"
    init(parameters: ParameterValues) throws(ParameterError) {}
    func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> ScorecardCore.Measurement { .missing(reason: "none") }
}

@Suite struct ParameterTests {
    private static func make(_ given: [String: ParameterValue]) throws(ParameterError) -> KitchenSinkEvaluator {
        try KitchenSinkEvaluator(checking: EvaluatorParameters(given))
    }

    @Test func valuesAreTypedAndDefaultsFilledIn() throws {
        let evaluator = try Self.make(["control": .string("placebo"), "mode": .string("slow"), "metrics": .list([.string("a")])])
        #expect(evaluator.values.label == nil)
        #expect(evaluator.values.control == "placebo")
        #expect(evaluator.values.scale == 1 && evaluator.values.k == 2 && !evaluator.values.strict)
        #expect(evaluator.values.mode == .slow)
        #expect(evaluator.values.metrics == ["a"])
    }

    static let refusals: [([String: ParameterValue], String, String)] = [
        ([:], "control", "required but not given (expected text)"),
        (["control": .number(3)], "control", "expected text, found 3"),
        (["control": .string("c"), "scale": .number(11)], "scale", "expected a number in [0, 10], found 11"),
        (["control": .string("c"), "k": .number(2.5)], "k", "expected a whole number in 1...5, found 2.5"),
        (["control": .string("c"), "k": .string("two")], "k", "expected a whole number in 1...5, found two"),
        (["control": .string("c"), "strict": .string("yes")], "strict", "expected true or false, found yes"),
        (["control": .string("c"), "mode": .string("quick")], "mode", "unknown value 'quick' (known: fast, slow)"),
        (["control": .string("c"), "metrics": .string("a")], "metrics", "expected a list, each item text, found a"),
        (["control": .string("c"), "metrics": .list([.string("a"), .bool(true)])], "metrics", "item 2: expected text, found true"),
        (["control": .string("c"), "kk": .number(1)], "kk",
         "unknown parameter 'kk' (known: control, k, label, metrics, mode, scale, strict)"),
    ]

    @Test(arguments: refusals)
    func badValuesAreRefusedNamingTheKeyAndTheExpectedKind(given: [String: ParameterValue], key: String, message: String) {
        #expect(throws: ParameterError(key: key, message: message)) { try Self.make(given) }
    }

    @Test func everyProblemIsListedUnknownNamesFirst() {
        let problems = ParameterValues.problems(
            EvaluatorParameters(["zz": .number(1), "k": .number(9)]), declared: KitchenSinkEvaluator.parameters)
        #expect(problems.map(\.key) == ["zz", "control", "k"])
    }

    @Test func anEvaluatorWithoutParametersSaysSo() {
        #expect(throws: ParameterError(key: "k", message: "unknown parameter 'k' (this evaluator takes no parameters)")) {
            try OtherKitchenSink(checking: EvaluatorParameters(["k": .number(1)]))
        }
    }

    @Test func readingAnUndeclaredParameterIsAnErrorNotATrap() {
        #expect(throws: ParameterError(key: "k", message: "is read by the evaluator but not among the parameters it declares")) {
            try ForgetfulEvaluator(checking: EvaluatorParameters())
        }
    }

    @Test func helpComesFromTheDeclaration() {
        #expect(KitchenSinkEvaluator.parameters.map(\.helpLine) == [
            "label (text; optional): a label",
            "control (text; required): metric of the control arm",
            "scale (a number in [0, 10]; default 1): a scale",
            "k (a whole number in 1...5; default 2): attempts",
            "strict (true or false; default false): be strict",
            "mode (one of fast, slow; default fast): how",
            "metrics (a list, each item text; default []): metrics to read",
        ])
        #expect(KitchenSinkEvaluator.parameters.allSatisfy { $0.declarationProblem == nil })
        #expect(ParameterSpec(name: "k", kind: .wholeNumber(in: 1...5), default: .number(9), help: "").declarationProblem
            == "the default of parameter 'k': expected a whole number in 1...5, found 9")
    }

    @Test func namesVersionAndParametersDefaultSensibly() {
        #expect(KitchenSinkEvaluator.name == "kitchen_sink")
        #expect(KitchenSinkEvaluator.version == 1)
        #expect(OtherKitchenSink.parameters.isEmpty)
        #expect(["CTFEvaluator", "BenchmarkVsBaselineEvaluator", "HTTPScoreEvaluator", "Pass2Rate", "Evaluator"]
            .map(EvaluatorDescription.name(forType:)) == ["ctf", "benchmark_vs_baseline", "http_score", "pass2_rate", "evaluator"])
    }

    @Test func declarationsRoundTripThroughJSON() throws {
        let description = KitchenSinkEvaluator.described
        let data = try JSONEncoder().encode(description)
        #expect(try JSONDecoder().decode(EvaluatorDescription.self, from: data) == description)
        let value = ParameterValue.map(["a": .list([.number(1), .bool(true), .string("x")])])
        #expect(String(decoding: try JSONEncoder().encode(value), as: UTF8.self) == #"{"a":[1,true,"x"]}"#)
        #expect(try JSONDecoder().decode(ParameterValue.self, from: JSONEncoder().encode(value)) == value)
    }
}

@Suite struct EvaluatorRegistryTests {
    @Test func aDuplicateNameIsRefusedNamingBothTypes() {
        #expect(throws: DuplicateEvaluatorName(
            name: "kitchen_sink", first: String(reflecting: KitchenSinkEvaluator.self), second: String(reflecting: OtherKitchenSink.self))) {
            try EvaluatorRegistry([KitchenSinkEvaluator.self, OtherKitchenSink.self])
        }
        let error = DuplicateEvaluatorName(name: "ctf", first: "A.CTFEvaluator", second: "B.CTFEvaluator")
        #expect(error.description == "two evaluators are named 'ctf': A.CTFEvaluator and B.CTFEvaluator; give one another name (static let name = \"…\")")
    }

    @Test func makeChecksParametersAndProblemsListsThemAll() throws {
        let registry = try EvaluatorRegistry([KitchenSinkEvaluator.self])
        #expect(throws: RegistryError.invalidParameter(
            evaluator: "kitchen_sink", ParameterError(key: "control", message: "required but not given (expected text)"))) {
            try registry.make("kitchen_sink", parameters: EvaluatorParameters())
        }
        #expect(registry.problems("kitchen_sink", parameters: EvaluatorParameters(["k": .number(0)])).map(\.description) == [
            "evaluator 'kitchen_sink': parameter 'control': required but not given (expected text)",
            "evaluator 'kitchen_sink': parameter 'k': expected a whole number in 1...5, found 0",
        ])
        #expect(registry.problems("kitchen_sink", parameters: EvaluatorParameters(["control": .string("c")])).isEmpty)
        #expect(registry.problems("sink", parameters: EvaluatorParameters()) == [.unknownEvaluator("sink", known: ["kitchen_sink"])])
        #expect(registry.descriptions.map(\.name) == ["kitchen_sink"])
    }
}
