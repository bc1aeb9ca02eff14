/// SimpleQA-style grades: every question is answered correctly, answered incorrectly, or not
/// attempted. The derived rates follow the SimpleQA paper's definitions.
///
/// Built from per-sample grades when present, else from published shares; published derived
/// figures (hallucination rate, correct given attempted, F-score) are checked against the parts.
public struct ThreeWayGrades: Hashable, Sendable {
    /// Shares of all questions; they sum to 1.
    public let correct: Double
    public let incorrect: Double
    public let notAttempted: Double
    /// Questions graded, when known.
    public let n: Int?

    /// Grades from shares; `notAttempted` is whatever the other two leave. Nil when the shares
    /// are not proportions or sum past 1 (beyond rounding).
    public init?(correct: Double, incorrect: Double, notAttempted: Double? = nil, n: Int? = nil, tolerance: Double = 0.015) {
        guard (0...1).contains(correct), (0...1).contains(incorrect) else { return nil }
        let rest = notAttempted ?? max(0, 1 - correct - incorrect)
        guard (0...1).contains(rest), abs(correct + incorrect + rest - 1) <= tolerance else { return nil }
        self.correct = correct
        self.incorrect = incorrect
        self.notAttempted = rest
        self.n = n
    }

    /// Grades counted from per-question grades.
    public init?(counts correct: Int, incorrect: Int, notAttempted: Int) {
        let total = correct + incorrect + notAttempted
        guard total > 0, correct >= 0, incorrect >= 0, notAttempted >= 0 else { return nil }
        self.correct = Double(correct) / Double(total)
        self.incorrect = Double(incorrect) / Double(total)
        self.notAttempted = Double(notAttempted) / Double(total)
        n = total
    }

    /// Share of all questions answered correctly (SimpleQA's "overall correct").
    public var accuracy: Double { correct }
    /// Share of all questions answered incorrectly.
    public var hallucinationRate: Double { incorrect }
    /// Share of attempted questions answered correctly; nil when nothing was attempted.
    public var correctGivenAttempted: Double? {
        let attempted = correct + incorrect
        return attempted > 0 ? correct / attempted : nil
    }
    /// Harmonic mean of overall correct and correct given attempted; nil when undefined.
    public var fScore: Double? {
        guard let given = correctGivenAttempted, correct + given > 0 else { return nil }
        return 2 * correct * given / (correct + given)
    }

    /// The derived figure a metric name stands for, as this tool names them.
    public func value(of metric: DerivedMetric) -> Double? {
        switch metric {
        case .accuracy: accuracy
        case .incorrect, .hallucinationRate: incorrect
        case .notAttempted: notAttempted
        case .correctGivenAttempted: correctGivenAttempted
        case .fScore: fScore
        }
    }

    /// The metrics of three-way grades, by the evidence's metric names.
    public enum DerivedMetric: String, CaseIterable, Hashable, Sendable {
        case accuracy
        case incorrect
        case notAttempted = "not_attempted"
        case hallucinationRate = "hallucination_rate"
        case correctGivenAttempted = "correct_given_attempted"
        case fScore = "f_score"
    }
}

/// Whether a published figure follows from the parts it is derived from, within its rounding.
public enum PublishedFigure {
    /// The rounding a published value carries: half a unit of its last decimal (0.38 → 0.005),
    /// plus a little for binary representation.
    public static func tolerance(of published: Double) -> Double {
        var scale = 1.0
        for _ in 0..<6 {
            let scaled = published * scale
            if abs(scaled - scaled.rounded()) < 1e-9 { break }
            scale *= 10
        }
        return 0.5 / scale + 1e-9
    }

    /// True when `published` and `derived` agree within the published figure's rounding (and
    /// the rounding of the parts it came from, `partsTolerance`).
    public static func agrees(_ published: Double, with derived: Double, partsTolerance: Double = 0) -> Bool {
        abs(published - derived) <= tolerance(of: published) + partsTolerance
    }
}
