import ScorecardCore

/// What moved between a subject's previous scorecard and its new one.
struct ModelChange: Codable, Hashable {
    struct LevelChange: Codable, Hashable {
        var category: String
        var stage: String
        var from: String?
        var to: String?
    }

    struct GateChange: Codable, Hashable {
        var gate: String
        var from: Bool
        var to: Bool
    }

    struct Warning: Codable, Hashable {
        var category: String
        var stage: String
        var approaching: String
    }

    var model: String
    var snapshot: String?
    /// `new` (first scorecard), `changed`, or `unchanged`.
    var status: String
    var levels: [LevelChange] = []
    var gates: [GateChange] = []
    var newWarnings: [Warning] = []

    /// Compares two scorecards of one subject; `old` nil means the first one.
    init(old: ScorecardDocument.ModelScorecard?, new: ScorecardDocument.ModelScorecard) {
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
            }
        }
        let oldGates = Dictionary(old.gates.map { ($0.id, $0.passed) }) { first, _ in first }
        for gate in new.gates {
            if let before = oldGates[gate.id], before != gate.passed {
                gates.append(GateChange(gate: gate.id, from: before, to: gate.passed))
            }
        }
        status = levels.isEmpty && gates.isEmpty && newWarnings.isEmpty ? "unchanged" : "changed"
    }

    /// Whether a gate that passed no longer does.
    var gateFlippedToFailed: Bool { gates.contains { $0.from && !$0.to } }
}

/// The outcome of one `regenerate`: what was read, what moved, what was written.
struct RunSummary: Codable {
    struct EvidenceCounts: Codable {
        var files = 0
        var new = 0
        var changed = 0
        var unchanged = 0
    }

    var nothingChanged: Bool
    var evidence = EvidenceCounts()
    var models: [ModelChange] = []
    var reportsWritten: [String] = []
    var reportsUnchanged = 0
    var exitCode: Int32 = 0

    /// The exit status a scheduler acts on: a gate that stopped passing beats a moved level.
    var status: ExitStatus {
        if models.contains(where: \.gateFlippedToFailed) { return .gateFlipped }
        if models.contains(where: { !$0.levels.isEmpty && $0.status == "changed" }) { return .levelsChanged }
        return .success
    }
}
