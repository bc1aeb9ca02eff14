import Foundation
import ScorecardCore

/// Foundation has a `Measurement` too.
typealias Measurement = ScorecardCore.Measurement

/// An external evaluator for one indicator's parameters: asks its program's ``ProgramSession``.
struct ExternalEvaluator: Measuring {
    let session: ProgramSession
    let values: ParameterValues

    func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement {
        session.measure(target, values, evidence)
    }
}

/// Runs one external evaluator's program and remembers its answers.
///
/// Calls are batched: the first measurement of a subject asks, in one call, for every indicator
/// of the framework that names this evaluator at every stage; the others are then answered from
/// memory. Answers are remembered by the content of what was sent (indicator, parameters,
/// evidence), so equal requests are never sent twice in the life of the loaded framework and a
/// different evidence set is always sent afresh.
final class ProgramSession: @unchecked Sendable {
    let definition: EvaluatorDefinition
    let program: ExternalProgram
    let context: DefinitionContext
    /// Guards `answers` (and serialises calls of the program). `Mutex` would need macOS 15.
    private let lock = NSLock()
    private var answers: [String: Measurement] = [:]
    /// Past this many remembered answers, memory is cleared before the next call.
    static let rememberedLimit = 50_000

    init(definition: EvaluatorDefinition, program: ExternalProgram, context: DefinitionContext) {
        self.definition = definition
        self.program = program
        self.context = context
    }

    /// The programs' environment: nothing of the caller's.
    static func environment(for program: ExternalProgram) -> [String: String] {
        [
            "PATH": ExternalProgram.searchPath.joined(separator: ":"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TMPDIR": "/tmp",
            "HOME": program.directory, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8",
            "PYTHONNOUSERSITE": "1", "SCORECARD_EVALUATOR_PROTOCOL": String(EvaluatorRequest.protocolVersion),
        ]
    }

    func measure(_ target: IndicatorTarget, _ values: ParameterValues, _ evidence: EvidenceSlice) -> Measurement {
        let asked = PreparedItem(target: target, values: values, evidence: evidence, program: program)
        lock.lock()
        defer { lock.unlock() }
        if let known = answers[asked.key] { return known }
        if answers.count > Self.rememberedLimit { answers.removeAll() }
        var batch = [asked]
        var keys: Set<String> = [asked.key]
        for use in context.uses {
            for stage in context.stages {
                let item = PreparedItem(target: use.target, values: use.parameters, evidence: evidence.at(stage: stage), program: program)
                if answers[item.key] == nil, keys.insert(item.key).inserted { batch.append(item) }
            }
        }
        for (key, measurement) in call(batch) { answers[key] = measurement }
        return answers[asked.key] ?? .missing(reason: failure("gave no answer", asked))
    }

    /// One run of the program for `batch`: each item's key → its measurement.
    private func call(_ batch: [PreparedItem]) -> [String: Measurement] {
        var items = batch
        for index in items.indices { items[index].payload.id = String(index + 1) }
        let request = EvaluatorRequest(
            evaluator: .init(name: definition.name, version: definition.version), items: items.map(\.payload))
        let bytes = Array((try? WireJSON.encoder.encode(request)) ?? .init())
        let runner = ProgramRunner(
            executable: program.executable, arguments: program.arguments, directory: program.directory,
            environment: Self.environment(for: program), timeout: program.timeoutSeconds, outputLimit: program.maxReplyBytes)
        let outcome = runner.run(input: bytes).mapError { EvaluatorReply.Problem(message: $0.description) }
            .flatMap { EvaluatorReply.measurements($0, items: items) }
        var result: [String: Measurement] = [:]
        for item in items {
            switch outcome {
            case .failure(let problem):
                result[item.key] = .missing(reason: failure(problem.message, item))
            case .success(let measurements):
                switch measurements[item.payload.id] {
                case .measured(let score)?: result[item.key] = .measured(score)
                case .missing(let reason)?: result[item.key] = .missing(reason: failure(reason, item))
                case nil: result[item.key] = .missing(reason: failure("gave no result for it", item))
                }
            }
        }
        return result
    }

    /// A reason naming the evaluator, its program and the indicator.
    private func failure(_ problem: String, _ item: PreparedItem) -> String {
        let program = definition.origin.program.map { " (\($0))" } ?? ""
        return "external evaluator '\(definition.name)'\(program) \(problem) (indicator '\(item.target.indicator)', \(item.payload.subject.model) \(item.payload.stage))"
    }
}

/// External evaluators: programs that frameworks define, run with the evaluator protocol.
public enum ExternalEvaluators {
    /// The protocol version this build speaks.
    public static let protocolVersion = EvaluatorRequest.protocolVersion

    /// Makes external evaluators from their definitions: the registry's builder for `external`.
    public static let builder: EvaluatorRegistry.Builder = { definition, context throws(DefinitionError) in
        guard case .external(let program) = definition.body else {
            throw DefinitionError(evaluator: definition.name, message: "is not an external evaluator")
        }
        let session = ProgramSession(definition: definition, program: program, context: context)
        return EvaluatorRegistry.Entry(description: definition.described) { values in
            ExternalEvaluator(session: session, values: values)
        }
    }

    /// `registry`, able to make external evaluators too.
    public static func supporting(_ registry: EvaluatorRegistry) -> EvaluatorRegistry {
        registry.supporting(.external, with: builder)
    }
}
