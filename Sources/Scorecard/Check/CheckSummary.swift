import ScorecardCore
import ScorecardStore

/// Everything `scorecard check` found (``Checker/summary(all:card:config:)``).
public struct CheckSummary {
    /// Each checked scorecard, re-derived.
    public let results: [CheckResult]
    /// The history's hash chains and references, walked end to end.
    public let history: HistoryVerification
    /// Stored framework and determinations texts that no longer hash to their keys.
    public let storedTexts: [String]
    /// Inputs on disk that differ from what the card's current scorecards were made from.
    public let disk: [DiskChange]

    /// 7 when the store does not prove its scorecards (a scorecard does not re-derive, the history
    /// or a stored input was altered); else 8 when inputs on disk changed; else 0.
    public var status: ExitStatus {
        if !results.allSatisfy(\.matches) || !history.isWhole || !storedTexts.isEmpty { return .checkFailed }
        if !disk.isEmpty { return .inputsChanged }
        return .success
    }
}

/// An input of the current scorecards whose file on disk is not what they were made from.
public struct DiskChange: Sendable {
    /// The path as scorecards record it (relative to the card's root).
    public let path: String
    /// The SHA-256 the scorecards record.
    public let stored: String
    /// The SHA-256 of the file on disk now; nil when the file is gone.
    public let onDisk: String?
    /// The ids of the current scorecards made from it.
    public let scorecards: [Int64]
}

/// `check --format json`'s result: every scorecard checked, the history, and inputs on disk.
public struct CheckSummaryJSON: Encodable, Sendable {
    /// One card's chain.
    public struct Chain: Encodable, Sendable {
        /// The card's key; null for a store's history from before cards were kept apart.
        @Nullable public var card: String? = nil
        public var rows: Int
        public var head: String
    }

    /// An input on disk that differs.
    public struct Input: Encodable, Sendable {
        public var path: String
        public var stored: String
        /// null when the file is gone.
        @Nullable public var onDisk: String? = nil
        public var scorecards: [Int64]
    }

    public var scorecards: [CheckReport]
    /// Whether the history is whole; `problems` says what is wrong when it is not.
    public var historyWhole: Bool
    public var chains: [Chain]
    public var problems: [String]
    public var inputsOnDisk: [Input]
    /// The exit status `check` gives: 0, 7 or 8.
    public var exitCode: Int32

    public init(_ summary: CheckSummary) {
        scorecards = summary.results.map(CheckReport.init)
        problems = summary.history.problems + summary.storedTexts
        historyWhole = problems.isEmpty
        chains = summary.history.chains.map { Chain(card: $0.card.key, rows: $0.rows, head: $0.head) }
        inputsOnDisk = summary.disk.map { Input(path: $0.path, stored: $0.stored, onDisk: $0.onDisk, scorecards: $0.scorecards) }
        exitCode = summary.status.rawValue
    }
}
