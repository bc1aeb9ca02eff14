import Testing
@testable import ScorecardCore

/// Evaluators defined in files join the registry through the builder of their kind, and are then
/// listed, checked and made as the built-ins are.
@Suite struct RegistryDefinitionTests {
    struct Reader: Evaluator {
        static let summary = "reads"
        static let scale = Parameter.number("scale", default: 1, help: "factor")
        static let parameters = [scale.spec]
        init(parameters: ParameterValues) throws(ParameterError) {}
        func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement { .missing(reason: "none") }
    }

    static let limit = ParameterSpec(name: "limit", kind: .wholeNumber(in: 1...5), required: true, help: "how many")

    static func definition(_ name: String, kind: EvaluatorKind = .declarative) -> EvaluatorDefinition {
        let body: EvaluatorDefinition.Body = kind == .declarative
            ? .declarative(.extreme(.worst, of: .init(), variants: []))
            : .external(ExternalProgram(executable: "/bin/true", arguments: [], directory: "/", timeoutSeconds: 1, maxReplyBytes: 1024,
                                        readsSamples: false, alsoReadsParameter: nil))
        return EvaluatorDefinition(
            name: name, version: 2, summary: "defined", parameters: [limit], origin: EvaluatorOrigin(file: "x.yaml", fileSHA256: "ab", line: 3),
            body: body)
    }

    static let builder: EvaluatorRegistry.Builder = { definition, _ in
        EvaluatorRegistry.Entry(description: definition.described) { values in
            Fixture.FixedMeasurer(measurement: .missing(reason: "limit \(values["limit"]?.description ?? "-")"))
        }
    }

    @Test func aDefinitionOfAKindWithoutABuilderIsRefused() throws {
        let registry = try EvaluatorRegistry([Reader.self])
        #expect(throws: DefinitionError(evaluator: "mine", message: "this registry cannot make external evaluators")) {
            try registry.defining([Self.definition("mine", kind: .external)])
        }
        #expect(!registry.supports(.external) && registry.supports(.builtin))
    }

    @Test func aDefinitionCannotTakeABuiltInsName() throws {
        let registry = try EvaluatorRegistry([Reader.self]).supporting(.declarative, with: Self.builder)
        do {
            _ = try registry.defining([Self.definition("reader")])
            Issue.record("a taken name must be refused")
        } catch {
            #expect(error.description.contains("the name is taken by ScorecardCoreTests.RegistryDefinitionTests.Reader"))
        }
        do {
            _ = try registry.defining([Self.definition("twice"), Self.definition("twice")])
            Issue.record("a name defined twice must be refused")
        } catch {
            #expect(error.description.contains("defined twice") && error.description.contains("x.yaml:3"))
        }
    }

    @Test func definedEvaluatorsAreListedCheckedAndMadeAsBuiltInsAre() throws {
        let registry = try EvaluatorRegistry([Reader.self]).supporting(.declarative, with: Self.builder).defining([Self.definition("mine")])
        #expect(registry.names == ["mine", "reader"])
        #expect(registry.descriptions.map(\.kind) == [.declarative, .builtin])
        #expect(registry.description(of: "mine")?.origin?.file == "x.yaml")
        #expect(registry.parameters(of: "mine") == [Self.limit])
        #expect(registry.type(named: "mine") == nil && registry.type(named: "reader") != nil)
        #expect(registry.problems("mine", parameters: .init()).map(\.description)
            == ["evaluator 'mine': parameter 'limit': required but not given (expected a whole number in 1...5)"])
        #expect(registry.problems("mine", parameters: .init(["limit": .number(9)])).count == 1)
        let made = try registry.make("mine", parameters: .init(["limit": .number(3)]))
        let target = IndicatorTarget(evaluation: "e", metrics: ["m"], unit: .rate, direction: .higherIsRiskier)
        #expect(made.measure(target, in: EvidenceSet(records: []).slice(subject: Fixture.subject, stage: "pre")) == .missing(reason: "limit 3"))
        #expect(registry.description(of: "mine")?.helpText
            == "mine (declarative, version 2): defined\n  defined in x.yaml (sha256 ab)\n  limit (a whole number in 1...5; required): how many\n")
    }

    @Test func aRuleReadingAParameterItDoesNotDeclareOrThatMayBeAbsentIsRefused() {
        let rule = DeclarativeRule.ratio(numerator: .init(metric: .parameter("top")), denominator: .init(metric: .parameter("bottom")))
        let declared = [
            ParameterSpec(name: "top", kind: .number(in: nil), default: .number(1), help: "a"),
            ParameterSpec(name: "other", kind: .text, help: "b"),
        ]
        #expect(rule.problems(declared: declared) == [
            "'$top' is read as text, but parameter 'top' is a finite number",
            "'$bottom' names no declared parameter (declared: top, other)",
        ])
        let optional = DeclarativeRule.extreme(.best, of: .init(), variants: [.parameter("other")])
        #expect(optional.problems(declared: declared) == [
            "'$other' reads parameter 'other', which is optional without a default; make it required or give it a default",
        ])
    }
}
