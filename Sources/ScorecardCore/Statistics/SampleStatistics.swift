/// Statistics over per-sample results: a mean or solve rate with its denominators, unbiased
/// pass@k, cons@k, and their intervals.
///
/// Input is one list of attempts per problem (a sample's epochs). Errored attempts follow a
/// stated policy (failures by default), but a set with no scored attempt at all gives no
/// estimate: errors alone are no evidence of failure. Unscored attempts (a scorer's NaN) are left out of every
/// denominator, as Inspect leaves them out. Intervals: Wilson for a proportion (one 0/1 attempt
/// per problem, and cons@k), a percentile bootstrap over problems otherwise, and a two-level
/// bootstrap over problems and attempts when problems have several attempts.
public enum SampleStatistics {
    /// One attempt at a problem.
    public enum Attempt: Hashable, Sendable {
        case scored(Double, answer: SampleAnswer)
        case errored
        case unscored
    }

    /// What an errored attempt counts as.
    public enum ErroredPolicy: String, Hashable, Sendable, CaseIterable {
        /// A failed attempt, scored 0: errors never raise a rate (the default).
        case failure
        /// Left out of the denominators.
        case exclude

        /// How the policy reads in notes.
        public var phrase: String {
            self == .failure ? "errored samples count as failures" : "errored samples are excluded"
        }
    }

    /// A computed value with its sample size and interval.
    public struct Estimate: Hashable, Sendable {
        public let value: Double
        /// Problems the value is averaged over.
        public let n: Int
        /// Successes, for a proportion.
        public let k: Int?
        public let interval: ConfidenceInterval?
        /// The two-level bootstrap interval (problems and attempts), when attempts were resampled.
        public let twoLevel: ConfidenceInterval?
    }

    /// Everything computed for one set of problems.
    public struct Summary: Hashable, Sendable {
        public var problems = 0
        public var attempts = 0
        public var scored = 0
        public var errored = 0
        public var unscored = 0
        /// Problems with no usable attempt (every one unscored, or errored and excluded).
        public var problemsWithoutUsableAttempts = 0
        /// Whether every usable attempt is 0 or 1.
        public var binary = false
        /// Whether every scored value lies in [0, 1] (the mean is then a rate).
        public var unitInterval = false
        /// Nil when no attempt is usable, or none was scored.
        public var mean: Estimate?
        /// pass@k for k = the requested attempts, and how many problems had fewer usable attempts.
        public var passAtK: Estimate?
        public var passAtKExcluded = 0
        public var consensus: Estimate?
        /// Why cons@k was not computed, when it was asked for.
        public var consensusUnavailable: String?
        /// Problems where attempts giving the consensus answer were scored differently (counted as failures).
        public var consensusInconsistent = 0
    }

    /// Computes the summary; `k` is the attempts per problem for pass@k and cons@k (skipped when 1).
    public static func summarize(
        _ problems: [[Attempt]], k: Int, errored: ErroredPolicy, bootstrap: Bootstrap.Settings
    ) -> Summary {
        var summary = Summary()
        summary.problems = problems.count
        var usable: [[Double]] = []
        var usableAnswers: [[SampleAnswer?]] = []
        var allUnit = true
        for attempts in problems {
            var values: [Double] = []
            var answers: [SampleAnswer?] = []
            for attempt in attempts {
                summary.attempts += 1
                switch attempt {
                case .scored(let value, let answer):
                    summary.scored += 1
                    if !(0...1).contains(value) { allUnit = false }
                    values.append(value)
                    answers.append(answer)
                case .errored:
                    summary.errored += 1
                    if errored == .failure {
                        values.append(0)
                        answers.append(nil)
                    }
                case .unscored:
                    summary.unscored += 1
                }
            }
            if values.isEmpty {
                summary.problemsWithoutUsableAttempts += 1
            } else {
                usable.append(values)
                usableAnswers.append(answers)
            }
        }
        // A run that scored nothing (every attempt errored or unscored) measures nothing, whatever
        // errored attempts count as: its failures are the harness's, not the model's.
        guard !usable.isEmpty, summary.scored > 0 else { return summary }
        summary.unitInterval = allUnit
        summary.binary = usable.allSatisfy { $0.allSatisfy { $0 == 0 || $0 == 1 } }
        let means = usable.map { $0.reduce(0, +) / Double($0.count) }
        let value = means.reduce(0, +) / Double(means.count)
        let singleAttempts = usable.allSatisfy { $0.count == 1 }

        var passValues: [Double] = []
        if k > 1 {
            for values in usable {
                let successes = values.filter { $0 >= 1 }.count
                if let estimate = PassAtK.estimate(attempts: values.count, successes: successes, k: k) {
                    passValues.append(estimate)
                } else {
                    summary.passAtKExcluded += 1
                }
            }
        }
        let passOnSameProblems = !passValues.isEmpty && passValues.count == usable.count
        if summary.binary, singleAttempts {
            let successes = means.filter { $0 == 1 }.count
            summary.mean = Estimate(
                value: value, n: means.count, k: successes,
                interval: Proportion.wilson(successes: successes, trials: means.count), twoLevel: nil)
        } else {
            let columns = passOnSameProblems ? [means, passValues] : [means]
            let intervals = ProblemBootstrap(settings: bootstrap)
                .intervals(columns: columns, attempts: singleAttempts ? nil : usable)
            summary.mean = Estimate(
                value: value, n: means.count, k: nil, interval: intervals?.columns.first, twoLevel: intervals?.twoLevel)
            if passOnSameProblems {
                summary.passAtK = Estimate(
                    value: passValues.reduce(0, +) / Double(passValues.count), n: passValues.count, k: nil,
                    interval: intervals?.columns.last, twoLevel: nil)
            }
        }
        if !passValues.isEmpty, !passOnSameProblems {
            let interval = ProblemBootstrap(settings: bootstrap).intervals(columns: [passValues])?.columns.first
            summary.passAtK = Estimate(
                value: passValues.reduce(0, +) / Double(passValues.count), n: passValues.count, k: nil,
                interval: interval, twoLevel: nil)
        }
        if k > 1 { consensus(usable, usableAnswers, k: k, into: &summary) }
        return summary
    }

    /// cons@k: the share of problems whose most frequent answer is correct.
    ///
    /// Needs 0/1 scores and an answer for every scored attempt. Ties go to the answer given
    /// first (in epoch order); an errored attempt counted as a failure votes for no answer.
    static func consensus(_ usable: [[Double]], _ answers: [[SampleAnswer?]], k: Int, into summary: inout Summary) {
        guard summary.binary else {
            summary.consensusUnavailable = "scores are not all 0 or 1"
            return
        }
        var correct = 0
        for (values, votes) in zip(usable, answers) {
            // Few attempts per problem: a list of distinct answers beats hashing long strings.
            var tally: [(answer: SampleAnswer?, count: Int, allCorrect: Bool)] = []
            for (value, answer) in zip(values, votes) {
                switch answer {
                case .missing?:
                    summary.consensusUnavailable = "some scored samples have no answer"
                    return
                case .incomparable?:
                    summary.consensusUnavailable = "some answers are too long to compare"
                    return
                case .text?, nil:
                    break
                }
                let isCorrect = answer != nil && value == 1
                if let index = tally.firstIndex(where: { $0.answer == answer }) {
                    tally[index].count += 1
                    tally[index].allCorrect = tally[index].allCorrect && isCorrect
                } else {
                    tally.append((answer, 1, isCorrect))
                }
            }
            // The most votes; among equals, the answer given first (the earliest in the list).
            guard var winner = tally.first else { continue }
            for entry in tally.dropFirst() where entry.count > winner.count { winner = entry }
            if winner.answer == nil { continue }
            if winner.allCorrect {
                correct += 1
            } else if zip(values, votes).contains(where: { $0.1 == winner.answer && $0.0 == 1 }) {
                summary.consensusInconsistent += 1
            }
        }
        summary.consensus = Estimate(
            value: Double(correct) / Double(usable.count), n: usable.count, k: correct,
            interval: Proportion.wilson(successes: correct, trials: usable.count), twoLevel: nil)
    }
}

/// A sample's answer for consensus voting.
public enum SampleAnswer: Hashable, Sendable {
    /// No answer was recorded.
    case missing
    /// The answer, in whatever normal form the reader compares.
    case text(String)
    /// An answer that cannot be compared reliably (for example one a log stores shortened).
    case incomparable
}
