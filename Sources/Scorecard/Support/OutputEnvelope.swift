import Foundation
import ScorecardCore

/// The versioned JSON envelope of `check`, `history`, `diff`, `export` and `frameworks list`
/// (`--format json`), like the scorecard document `assess` prints: `format_version`, the tool,
/// the command and its result.
/// Every key is present; absent values are `null`.
public struct OutputEnvelope<Result: Encodable & Sendable>: Encodable, Sendable {
    /// Changes whenever the shape of any command's result does.
    /// 2: `check`'s result is an object (scorecards, history, inputs on disk), not a list.
    /// 3: `export` prints the envelope (it printed `{"files": [...]}`).
    public static var currentFormatVersion: Int { 3 }

    public let formatVersion: Int
    public let tool: ScorecardDocument.Tool
    /// `check`, `history` or `diff`.
    public let command: String
    public let result: Result

    public init(command: String, result: Result) {
        formatVersion = Self.currentFormatVersion
        tool = ToolIdentity.document
        self.command = command
        self.result = result
    }

    /// Pretty-printed, sorted JSON ending with a newline.
    public func encoded() throws -> Data { try JSONOutput.encode(self) }
}

/// One checked scorecard as JSON (`check --format json`).
public struct CheckReport: Encodable, Sendable {
    /// Where a re-derived document first differs from the stored one.
    public struct Difference: Codable, Hashable, Sendable {
        @Nullable public var category: String? = nil
        @Nullable public var stage: String? = nil
        public var field: String
        public var stored: String
        public var rederived: String
        /// The line of the pretty-printed JSON where the documents first differ.
        public var line: Int
        public var storedBy: String
        public var rederivedBy: String
    }

    public var id: Int64
    public var model: String
    @Nullable public var snapshot: String? = nil
    /// `unchanged`, `differs`, `evaluator_changed`, `no_longer_produced`, `failed` or `stored_inputs_altered`.
    public var outcome: String
    @Nullable public var difference: Difference? = nil
    @Nullable public var error: String? = nil
    /// What is wrong with the stored inputs (`stored_inputs_altered`); empty otherwise.
    public var alterations: [String] = []
    /// Review flags as the report words them.
    public var flags: [String]

    public init(_ result: CheckResult) {
        id = result.scorecard.id
        model = result.scorecard.subject.model
        snapshot = result.scorecard.subject.snapshot
        flags = result.flagLines
        switch result.outcome {
        case .unchanged:
            outcome = "unchanged"
        case .differs(let found):
            outcome = "differs"
            difference = Difference(
                category: found.place?.category, stage: found.place?.stage, field: found.place?.field ?? "line \(found.line)",
                stored: found.place?.stored ?? found.stored, rederived: found.place?.rederived ?? found.rederived,
                line: found.line, storedBy: found.storedBy, rederivedBy: found.rederivedBy)
        case .evaluatorsChanged(let changes, let storedBy):
            // The first change, as a difference whose field names the evaluator and what changed.
            outcome = "evaluator_changed"
            difference = changes.first.map { change in
                Difference(
                    category: nil, stage: nil, field: "evaluator '\(change.evaluator)' \(change.part.rawValue)", stored: change.recorded,
                    rederived: change.current, line: 0, storedBy: storedBy, rederivedBy: ToolIdentity.version)
            }
        case .noLongerProduced:
            outcome = "no_longer_produced"
        case .failed(let failure):
            outcome = "failed"
            error = "\(failure)"
        case .storedInputsAltered(let problems):
            outcome = "stored_inputs_altered"
            alterations = problems
        }
    }
}


