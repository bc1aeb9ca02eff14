import ScorecardCore
import ScorecardRender

/// The differences between two scorecards, computed from their documents: levels per category
/// and stage, overall levels, gates, indicator values and inputs, determinations.
public struct ScorecardDiff: Encodable, Sendable {
    /// One category (or `overall`) and stage: its level on each side; nil is not assessed.
    public struct LevelRow: Encodable, Sendable {
        public var category: String
        public var stage: String
        @Nullable public var a: String? = nil
        @Nullable public var b: String? = nil
        public var changed: Bool
    }

    /// One gate: passed on each side; nil where the framework has no such gate.
    public struct GateRow: Encodable, Sendable {
        public var gate: String
        /// `ceiling` or `trigger`, from the side that has the gate.
        @Nullable public var kind: Gate.Kind? = nil
        @Nullable public var a: Bool? = nil
        @Nullable public var b: Bool? = nil
        /// Each side's decision in the report's words ("Allowed", "Required", …; "—" without the gate).
        public var aDecision: String
        public var bDecision: String
    }

    /// Something that differs (an indicator value, an input hash, a determination), described on each side.
    public struct Change: Encodable, Sendable {
        public var what: String
        @Nullable public var a: String? = nil
        @Nullable public var b: String? = nil
    }

    public var a: String
    public var b: String
    public var frameworks: [String]
    public var levels: [LevelRow] = []
    public var overall: [LevelRow] = []
    public var gates: [GateRow] = []
    public var evidence: [Change] = []
    public var determinations: [Change] = []

    /// Compares `left` (A, the earlier) with `right` (B, the later).
    public init(_ left: ScorecardReference, _ right: ScorecardReference) {
        a = left.label
        b = right.label
        frameworks = [left.document.framework, right.document.framework].map { "\($0.id) \($0.version)" }
        let stages = Self.union(left.document.framework.stages, right.document.framework.stages)
        let categories = Self.union(left.card.categories.map(\.id), right.card.categories.map(\.id))
        func category(_ card: ScorecardDocument.ModelScorecard, _ id: String) -> ScorecardDocument.CategoryScorecard? {
            card.categories.first { $0.id == id }
        }
        for id in categories {
            for stage in stages {
                let l = category(left.card, id)?.stages[stage], r = category(right.card, id)?.stages[stage]
                guard l != nil || r != nil else { continue }
                levels.append(LevelRow(category: id, stage: stage, a: l?.level, b: r?.level, changed: l?.level != r?.level))
                compareIndicators(id, stage, l, r)
                let dl = l?.determination.map { "\($0.level): \($0.rationale) (\($0.author), \($0.date))" }
                let dr = r?.determination.map { "\($0.level): \($0.rationale) (\($0.author), \($0.date))" }
                if dl != dr { determinations.append(Change(what: "\(id) \(stage)", a: dl, b: dr)) }
            }
        }
        for stage in stages {
            let l = left.card.overall[stage] ?? nil, r = right.card.overall[stage] ?? nil
            overall.append(LevelRow(category: "overall", stage: stage, a: l, b: r, changed: l != r))
        }
        for id in Self.union(left.card.gates.map(\.id), right.card.gates.map(\.id)) {
            let l = left.card.gates.first { $0.id == id }, r = right.card.gates.first { $0.id == id }
            gates.append(GateRow(
                gate: id, kind: l?.kind ?? r?.kind, a: l?.passed, b: r?.passed,
                aDecision: GateWording.decision(kind: l?.kind, passed: l?.passed),
                bDecision: GateWording.decision(kind: r?.kind, passed: r?.passed)))
        }
        for path in Self.union(left.document.inputs.keys.sorted(), right.document.inputs.keys.sorted()) {
            let l = left.document.inputs[path], r = right.document.inputs[path]
            if l != r { evidence.append(Change(what: "input \(path)", a: l.map { String($0.prefix(12)) }, b: r.map { String($0.prefix(12)) })) }
        }
    }

    private mutating func compareIndicators(
        _ category: String, _ stage: String, _ l: ScorecardDocument.StageScorecard?, _ r: ScorecardDocument.StageScorecard?
    ) {
        let ids = Self.union(l?.indicators.map(\.id) ?? [], r?.indicators.map(\.id) ?? [])
        for id in ids {
            let li = l?.indicators.first { $0.id == id }, ri = r?.indicators.first { $0.id == id }
            let lv = li.flatMap(Self.describe), rv = ri.flatMap(Self.describe)
            if lv != rv { evidence.append(Change(what: "\(category) \(stage) \(id)", a: lv, b: rv)) }
        }
    }

    private static func describe(_ indicator: ScorecardDocument.IndicatorEntry) -> String? {
        guard let value = indicator.value, let metric = indicator.metric else { return nil }
        return "\(metric) = \(Format.short(value, places: 4))"
    }

    private static func union(_ a: [String], _ b: [String]) -> [String] {
        a + b.filter { !a.contains($0) }
    }
}
