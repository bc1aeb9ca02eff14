import ScorecardCore

/// A declarative evaluator: a ``DeclarativeRule`` from a framework's `evaluators:` section,
/// interpreted over the evidence with the parameters of one indicator.
///
/// Every result a rule reads is a summary record; when several variants match, the worst case
/// is read (as the built-ins do), except by `best_of`, which exists to take the safest. A result
/// that is not there makes the measurement missing, naming it: a rule never fills a gap.
public struct DeclarativeEvaluator: Measuring {
    let name: String
    let rule: DeclarativeRule
    let values: ParameterValues

    /// Makes declarative evaluators from their definitions: the registry's builder for `declarative`.
    public static let builder: EvaluatorRegistry.Builder = { definition, _ throws(DefinitionError) in
        guard case .declarative(let rule) = definition.body else {
            throw DefinitionError(evaluator: definition.name, message: "is not a declarative evaluator")
        }
        if let problem = rule.problems(declared: definition.parameters).first {
            throw DefinitionError(evaluator: definition.name, message: problem)
        }
        let name = definition.name
        return EvaluatorRegistry.Entry(description: definition.described) { values in
            DeclarativeEvaluator(name: name, rule: rule, values: values)
        }
    }

    public func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement {
        do throws(MissingEvidence) {
            return .measured(try compute(target, evidence))
        } catch {
            return .missing(reason: "\(name) (\(rule.shape)): \(error.reason)")
        }
    }

    private func compute(_ target: IndicatorTarget, _ evidence: EvidenceSlice) throws(MissingEvidence) -> IndicatorScore {
        switch rule {
        case .ratio(let numerator, let denominator):
            let top = try read(numerator, target, evidence), bottom = try read(denominator, target, evidence)
            guard bottom.value != 0 else { throw MissingEvidence(reason: "the denominator \(bottom.label) is 0; the ratio is undefined") }
            let value = top.value / bottom.value
            return combined(
                value, from: [top, bottom], n: top.record.n,
                note: "ratio \(top.label) ÷ \(bottom.label) = \(Format.short(value, places: 4))")
        case .difference(let operand, let reference):
            return try difference(operand, reference, target, evidence)
        case .weightedMean(let terms):
            var total = 0.0, weights = 0.0, read: [Read] = []
            for term in terms {
                let result = try self.read(term.operand, target, evidence)
                guard let weight = term.number.resolve(values), weight >= 0 else {
                    throw MissingEvidence(reason: "the weight of \(result.label) is not a non-negative number")
                }
                total += weight * result.value
                weights += weight
                read.append(result)
            }
            guard weights > 0 else { throw MissingEvidence(reason: "the weights add up to 0") }
            let value = total / weights
            let parts = zip(terms, read).map { term, result in "\(Format.number(term.number.resolve(values) ?? 0)) × \(result.label)" }
            return combined(value, from: read, n: nil, note: "weighted mean (\(parts.joined(separator: " + "))) ÷ \(Format.number(weights)) = \(Format.short(value, places: 4))")
        case .countAbove(let terms, let inclusive):
            let comparison = ThresholdComparison(direction: target.direction, inclusive: inclusive)
            var met: [String] = [], read: [Read] = []
            for term in terms {
                let result = try self.read(term.operand, target, evidence)
                guard let bar = term.number.resolve(values) else { throw MissingEvidence(reason: "the bar of \(result.label) is not a number") }
                if comparison.meets(result.value, bar) { met.append("\(result.label) \(comparison.symbol) \(Format.number(bar))") }
                read.append(result)
            }
            let note = "\(met.count) of \(terms.count) results at or past their bars" + (met.isEmpty ? "" : ": " + met.joined(separator: "; "))
            return IndicatorScore(
                value: Double(met.count), interval: nil, n: terms.count, k: met.count, metric: "count_above", basis: .summary,
                sources: read.map(\.record.location), notes: read.flatMap(\.notes) + Self.cautions(read) + [note],
                consistency: Self.worst(read))
        case .extreme(let end, let operand, let variants):
            return try extreme(end, operand, variants, target, evidence)
        }
    }

    /// `value − reference`, shifting the value's interval when the reference is a fixed number.
    private func difference(
        _ operand: DeclarativeRule.Operand, _ reference: DeclarativeRule.Reference, _ target: IndicatorTarget, _ evidence: EvidenceSlice
    ) throws(MissingEvidence) -> IndicatorScore {
        let value = try read(operand, target, evidence)
        let subtracted: (value: Double, label: String, read: Read?)
        switch reference {
        case .result(let other):
            let result = try read(other, target, evidence)
            subtracted = (result.value, result.label, result)
        case .baseline(let text):
            guard let name = text.resolve(values), let baseline = target.baselines.first(where: { $0.name == name }) else {
                let known = target.baselines.map(\.name).joined(separator: ", ")
                throw MissingEvidence(reason: "the indicator has no baseline named '\(text.resolve(values) ?? "")' (known: \(known.isEmpty ? "none" : known))")
            }
            subtracted = (baseline.value, "\(baseline.name) (\(Format.number(baseline.value)))", nil)
        case .model(let model, let snapshot):
            guard let name = model.resolve(values) else { throw MissingEvidence(reason: "no reference model given") }
            let subject = Subject(model: name, snapshot: snapshot?.resolve(values))
            let result = try read(operand, target, evidence.other(subject), owner: subject.description)
            subtracted = (result.value, result.label, result)
        case .number(let number):
            guard let fixed = number.resolve(values) else { throw MissingEvidence(reason: "the number to subtract is not given") }
            subtracted = (fixed, Format.number(fixed), nil)
        }
        let difference = value.value - subtracted.value
        let note = "difference \(value.label) − \(subtracted.label) = \(Format.short(difference, places: 4))"
        guard subtracted.read == nil else {
            return combined(difference, from: [value] + [subtracted.read].compactMap { $0 }, n: value.record.n, note: note)
        }
        let score = value.score
        let shift = subtracted.value
        return IndicatorScore(
            value: difference,
            interval: score.interval.map { .init(low: $0.low - shift, high: $0.high - shift, level: $0.level, method: $0.method) },
            n: score.n, k: score.k, metric: "\(score.metric) − \(subtracted.label)", basis: .summary, sources: score.sources,
            notes: score.notes + [note], consistency: score.consistency)
    }

    /// The worst or best of an operand's variants (only the listed ones when `variants` names some; each must be there).
    private func extreme(
        _ end: DeclarativeRule.Extreme, _ operand: DeclarativeRule.Operand, _ variants: [TextValue], _ target: IndicatorTarget,
        _ evidence: EvidenceSlice
    ) throws(MissingEvidence) -> IndicatorScore {
        var candidates = try records(operand, target, evidence)
        if !variants.isEmpty {
            let wanted = variants.compactMap { $0.resolve(values) }
            for variant in wanted where !candidates.contains(where: { $0.variant == variant }) {
                let found = candidates.map { $0.variant ?? "(none)" }.joined(separator: ", ")
                throw MissingEvidence(reason: "no result for variant '\(variant)' of '\(candidates.first?.evaluation ?? target.evaluation)' (found: \(found))")
            }
            candidates = candidates.filter { $0.variant.map(wanted.contains) ?? false }
        }
        let direction: Direction = switch (end, target.direction) {
        case (.worst, let direction): direction
        case (.best, .higherIsRiskier): .lowerIsRiskier
        case (.best, .lowerIsRiskier): .higherIsRiskier
        }
        let (chosen, notes) = SummaryReading.worstCase(candidates, direction: direction)
        let renamed = notes.map { end == .best ? $0.replacingOccurrences(of: "worst case", with: "best case") : $0 }
        return SummaryReading.score(chosen, notes: renamed + ["\(end.rawValue) of \(candidates.count) variant\(candidates.count == 1 ? "" : "s")"])
    }

    /// A value computed from several results: their sources and notes, no interval; the worst of their consistency marks.
    private func combined(_ value: Double, from read: [Read], n: Int?, note: String) -> IndicatorScore {
        IndicatorScore(
            value: value, interval: nil, n: n, k: nil, metric: rule.shape, basis: .summary, sources: read.map(\.record.location),
            notes: read.flatMap(\.notes) + Self.cautions(read) + [note], consistency: Self.worst(read))
    }

    /// The worst consistency mark among the records read.
    static func worst(_ read: [Read]) -> EvidenceConsistency? {
        read.reduce(nil) { EvidenceConsistency.worst($0, $1.record.consistency) }
    }

    /// What each marked record read means, as ``ConsistencyNote`` says it.
    static func cautions(_ read: [Read]) -> [String] {
        read.compactMap { item in item.record.consistency.map { ConsistencyNote.summary($0, record: item.record) } }
    }
}
