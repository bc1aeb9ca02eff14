import ScorecardCore

/// What moved between a subject's previous scorecard and its new one.
public struct ModelChange: Codable, Hashable, Sendable {
    /// A level of one category and stage that moved; nil is not assessed.
    public struct LevelChange: Codable, Hashable, Sendable {
        public var category: String
        public var stage: String
        public var from: String?
        public var to: String?
    }

    /// A gate whose decision changed: passed before (`from`) and now (`to`).
    public struct GateChange: Codable, Hashable, Sendable {
        public var gate: String
        /// `ceiling` or `trigger`: says which words name the decision (Allowed, Required, …).
        public var kind: Gate.Kind?
        public var from: Bool
        public var to: Bool
    }

    /// An early warning that is new: the level this category and stage is approaching.
    public struct Warning: Codable, Hashable, Sendable {
        public var category: String
        public var stage: String
        public var approaching: String
    }

    /// A review flag that questions a level (``ReviewFlag/Kind/questionsLevel``) and was not
    /// raised for this category and stage before: a determination the evidence no longer carries,
    /// a stale determination, a stage below its mitigated stage.
    public struct Flag: Codable, Hashable, Sendable {
        public var kind: ReviewFlag.Kind
        public var category: String
        public var stage: String
        public var message: String
    }

    public var model: String
    public var snapshot: String?
    /// `new` (first scorecard), `changed`, or `unchanged`.
    public var status = "new"
    public var levels: [LevelChange] = []
    public var gates: [GateChange] = []
    public var newWarnings: [Warning] = []
    @Defaulted public var newFlags: [Flag] = []
    /// The level the evidence indicates, where a determination holds the level at both runs and
    /// the evidence beneath it moved: the determination was made on other evidence.
    @Defaulted public var indicatedUnderDetermination: [LevelChange] = []

    /// Compares two scorecards of one subject; `old` nil means the first one.
    public init(old: ScorecardDocument.ModelScorecard?, new: ScorecardDocument.ModelScorecard) {
        model = new.model
        snapshot = new.snapshot
        guard let old else {
            status = "new"
            return
        }
        let oldCategories = Dictionary(old.categories.map { ($0.id, $0) }) { first, _ in first }
        for category in new.categories {
            for (stage, result) in category.stages.sorted(by: { $0.key < $1.key }) {
                let previous = oldCategories[category.id]?.stages[stage]
                if previous?.level != result.level {
                    levels.append(LevelChange(category: category.id, stage: stage, from: previous?.level, to: result.level))
                }
                if let near = result.approaching, previous?.approaching != near {
                    newWarnings.append(Warning(category: category.id, stage: stage, approaching: near))
                }
                if let previous, previous.determination != nil, result.determination != nil,
                   previous.indicatedLevel != result.indicatedLevel {
                    indicatedUnderDetermination.append(LevelChange(
                        category: category.id, stage: stage, from: previous.indicatedLevel, to: result.indicatedLevel))
                }
            }
        }
        newFlags = Self.newFlags(old: old.flags, new: new.flags)
        let oldGates = Dictionary(old.gates.map { ($0.id, $0.passed) }) { first, _ in first }
        for gate in new.gates {
            if let before = oldGates[gate.id], before != gate.passed {
                gates.append(GateChange(gate: gate.id, kind: gate.kind, from: before, to: gate.passed))
            }
        }
        status = levels.isEmpty && gates.isEmpty && newWarnings.isEmpty && !needsReview ? "unchanged" : "changed"
    }

    /// Flags that question a level and are new for their kind, category and stage.
    private static func newFlags(old: [ScorecardDocument.FlagEntry], new: [ScorecardDocument.FlagEntry]) -> [Flag] {
        let before = Set(old.map { FlagKey(kind: $0.kind, category: $0.category, stage: $0.stage) })
        return new.filter { $0.kind.questionsLevel && !before.contains(FlagKey(kind: $0.kind, category: $0.category, stage: $0.stage)) }
            .map { Flag(kind: $0.kind, category: $0.category, stage: $0.stage, message: $0.message) }
    }

    private struct FlagKey: Hashable {
        var kind: ReviewFlag.Kind
        var category: String
        var stage: String
    }

    /// Whether a gate that passed no longer does.
    public var gateFlippedToFailed: Bool { gates.contains { $0.from && !$0.to } }

    /// Whether a level a reviewer accepted is newly in question, though it did not move.
    public var needsReview: Bool { !newFlags.isEmpty || !indicatedUnderDetermination.isEmpty }
}

/// The outcome of one `regenerate`: what was read, what moved, what was written.
public struct RunSummary: Codable, Sendable {
    /// Evidence files the configuration names, by what happened to them since the last run.
    public struct EvidenceCounts: Codable, Sendable {
        public var files = 0
        public var new = 0
        public var changed = 0
        public var unchanged = 0
    }

    public var nothingChanged: Bool
    public var evidence = EvidenceCounts()
    public var models: [ModelChange] = []
    public var reportsWritten: [String] = []
    public var reportsUnchanged = 0
    /// Warnings about the inputs: evidence no indicator reads, tiers counted as one, a file the
    /// card's `models:` leave out entirely, readers' warnings about the files read in this run.
    public var warnings: [InputWarning] = []
    /// What the card's `models:` and stage map left out on purpose.
    public var notes: [String] = []
    public var exitCode: Int32 = 0
    /// The completed run whose summary was never delivered (its process was killed, or its output
    /// could not be written), when this summary repeats its alert: levels and gates are compared
    /// with the last run whose summary was delivered.
    @Nullable public var repeatsAlertOf: Int64? = nil
    /// Sign-offs that covered a subject's scorecard of the last delivered run and do not cover
    /// the current one: the change made them stale (exit 9 unless 5, 4 or 11 applies).
    @Defaulted public var signoffsMadeStale: [StaleSignoff] = []

    /// The exit status a scheduler acts on: a gate that stopped passing beats a moved level, which
    /// beats a level newly in question, which beats a sign-off made stale (the summary lists
    /// stale sign-offs whatever the status).
    public var status: ExitStatus {
        if models.contains(where: \.gateFlippedToFailed) { return .gateFlipped }
        if models.contains(where: { !$0.levels.isEmpty && $0.status == "changed" }) { return .levelsChanged }
        if models.contains(where: { $0.needsReview && $0.status == "changed" }) { return .reviewNeeded }
        if !signoffsMadeStale.isEmpty { return .signoffStale }
        return .success
    }
}
