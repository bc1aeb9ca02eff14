import ScorecardCore

public struct UpliftRatioEvaluator: Evaluator {
    public static let summary = "treated ÷ control score of an uplift trial"
    static let control = Parameter.text("control", help: "metric of the control arm").required()
    public static let parameters = [control.spec]

    let control: String

    public init(parameters: ParameterValues) throws(ParameterError) {
        control = try parameters[Self.control]
    }

    public func measure(_ target: IndicatorTarget, in evidence: EvidenceSlice) -> Measurement {
        let records = evidence.records(evaluation: target.evaluation)
        guard let treated = records.first(where: { target.metrics.contains($0.metric) }),
              let control = records.first(where: { $0.metric == control }), control.value > 0 else {
            return .missing(reason: "needs \(target.metrics.joined(separator: "/")) and \(control) for '\(target.evaluation)'")
        }
        return .measured(IndicatorScore(
            value: treated.value / control.value, interval: nil, n: treated.n, k: nil, metric: "uplift",
            basis: .summary, sources: [treated.location, control.location]))
    }
}
