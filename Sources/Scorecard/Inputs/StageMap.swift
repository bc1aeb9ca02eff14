import ScorecardCore
import ScorecardIngest

/// Evidence stages mapped onto a framework's (`--map-stage pre_mitigation=capability`, or a card's
/// `stages:`), so one evidence set can be assessed under frameworks whose stages differ.
///
/// A stage mapped to nothing (`--map-stage post_mitigation=`, or `~` in a card) leaves its
/// records out, and the assessment says how many. Determinations are not mapped: they are
/// decisions made under one framework and name its stages.
public struct StageMap: Sendable, Hashable {
    /// Evidence stage → framework stage; nil leaves the stage's records out.
    public var entries: [String: String?]

    public init(_ entries: [String: String?] = [:]) {
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// `FROM=TO` entries (`FROM=` to leave a stage out); nil with the bad entry when one is malformed.
    public static func parse(_ options: [String]) -> Result<StageMap, StageMapSyntaxError> {
        var entries: [String: String?] = [:]
        for option in options {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                return .failure(StageMapSyntaxError(entry: option))
            }
            let target = String(option[option.index(after: equals)...])
            entries[String(option[..<equals])] = target.isEmpty ? .some(nil) : target
        }
        return .success(StageMap(entries))
    }

    /// The stage ids evidence may carry: the framework's and the mapped ones.
    public func accepted(by framework: Framework) -> [String] {
        framework.stages.map(\.id) + entries.keys.sorted().filter { framework.stage($0) == nil }
    }

    /// Entries whose target is not a stage of `framework`, as problems of `source` (the option or
    /// the card's line).
    public func problems(_ framework: Framework, source: String, line: Int? = nil) -> [Diagnostic] {
        let known = framework.stages.map(\.id)
        return entries.keys.sorted().compactMap { from in
            guard case .some(.some(let to)) = entries[from], framework.stage(to) == nil else { return nil }
            return Diagnostic(
                file: source, line: line,
                message: "stage map \(from) → \(to): unknown stage '\(to)'\(NearestName.hint(to, in: known)) (known: \(known.joined(separator: ", ")))")
        }
    }

    /// The records with their stages mapped, and how many records of each stage were left out.
    public func apply(records: [EvidenceRecord], samples: [SampleRecord]) -> Applied {
        guard !isEmpty else { return Applied(records: records, samples: samples) }
        var applied = Applied(records: [], samples: [])
        for record in records {
            guard let target = entries[record.stage] else { applied.records.append(record); continue }
            guard let stage = target else { applied.leftOut[record.stage, default: 0] += 1; continue }
            applied.records.append(record.restaged(stage))
        }
        for sample in samples {
            guard let target = entries[sample.stage] else { applied.samples.append(sample); continue }
            guard let stage = target else { applied.leftOut[sample.stage, default: 0] += 1; continue }
            applied.samples.append(sample.restaged(stage))
        }
        for from in entries.keys where !records.contains(where: { $0.stage == from }) && !samples.contains(where: { $0.stage == from }) {
            applied.unmatched.append(from)
        }
        applied.unmatched.sort()
        return applied
    }

    /// The stage records of `stage` are assessed at; nil when the map leaves them out.
    public func target(of stage: String) -> String? {
        guard let entry = entries[stage] else { return stage }
        return entry
    }

    /// For evidence read from the store, whose stages are mapped as it is read: how many records
    /// of each stage the map leaves out, and which of its entries match no record, given the
    /// records (result and per-sample) per stored stage.
    public func accounting(stageCounts: [String: Int]) -> (leftOut: [String: Int], unmatched: [String]) {
        var leftOut: [String: Int] = [:]
        for (stage, count) in stageCounts where count > 0 {
            if case .some(.none) = entries[stage] { leftOut[stage, default: 0] += count }
        }
        let unmatched = entries.keys.filter { (stageCounts[$0] ?? 0) == 0 }.sorted()
        return (leftOut, unmatched)
    }

    /// Evidence after mapping.
    public struct Applied: Sendable {
        public var records: [EvidenceRecord]
        public var samples: [SampleRecord]
        /// Evidence stage → records (summary and per-sample) left out by an entry mapping it to nothing.
        public var leftOut: [String: Int] = [:]
        /// Mapped stages no record has: names that match nothing.
        public var unmatched: [String] = []
    }

    /// The map as `from → to` lines for documents and messages, sorted.
    public var pairs: [(from: String, to: String?)] {
        entries.keys.sorted().map { ($0, entries[$0] ?? nil) }
    }
}

/// A `--map-stage` entry that is not `FROM=TO`.
public struct StageMapSyntaxError: Error, Sendable, CustomStringConvertible {
    public let entry: String
    public var description: String { "--map-stage '\(entry)' must be FROM=TO (or FROM= to leave a stage out), e.g. --map-stage pre_mitigation=capability" }
}
