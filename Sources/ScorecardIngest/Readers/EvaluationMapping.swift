/// `--map` entries (and a card's `map:`): `TASK=ID` names a task's evaluation id, and
/// `TASK[KEY=VALUE]=ID` gives the samples of TASK whose metadata KEY is VALUE an evaluation of
/// their own (`--map cybench[tier=professional]=ctf_professional`), with summary records computed
/// from those samples alone. TASK may be `TASK/SCORE` for a log's other scores.
///
/// Both kinds live in ``ImportOptions/evaluationMap``; a filtered entry's key keeps its brackets
/// (`cybench[tier=professional]`).
public enum EvaluationMapping {
    /// A filtered entry: the task, the metadata key and value its samples must have, and their evaluation id.
    public struct SampleFilter: Hashable, Sendable {
        public let task: String
        public let key: String
        public let value: String
        public let evaluation: String

        /// `TASK[KEY=VALUE]`.
        public var name: String { "\(task)[\(key)=\(value)]" }
    }

    /// `TASK=ID` or `TASK[KEY=VALUE]=ID` as (key, id); nil when malformed.
    public static func parse(_ entry: String) -> (task: String, id: String)? {
        let bracket = entry.firstIndex(of: "["), equals = entry.firstIndex(of: "=")
        if let bracket, let equals, bracket < equals {
            guard let close = entry[bracket...].firstIndex(of: "]") else { return nil }
            let key = String(entry[...close])
            let rest = entry[entry.index(after: close)...]
            guard rest.hasPrefix("="), filter(key) != nil else { return nil }
            let id = String(rest.dropFirst())
            return id.isEmpty ? nil : (key, id)
        }
        guard let equals else { return nil }
        let task = String(entry[..<equals]), id = String(entry[entry.index(after: equals)...])
        return task.isEmpty || id.isEmpty ? nil : (task, id)
    }

    /// Entries as task (or filtered task) → evaluation id; a task mapped twice takes the last.
    public static func map(_ entries: [String]) -> [String: String] {
        Dictionary(entries.compactMap(parse), uniquingKeysWith: { _, last in last })
    }

    /// The message for a malformed entry.
    public static func usage(_ entry: String) -> String {
        "--map '\(entry)' must be TASK=EVAL_ID or TASK[KEY=VALUE]=EVAL_ID, e.g. --map ctf_small=ctf_professional or --map cybench[tier=professional]=ctf_professional"
    }

    /// A filtered key `TASK[KEY=VALUE]` apart; nil for a plain task name or a malformed key.
    public static func filter(_ key: String) -> (task: String, key: String, value: String)? {
        guard key.hasSuffix("]"), let open = key.firstIndex(of: "[") else { return nil }
        let task = String(key[..<open])
        let inner = key[key.index(after: open)..<key.index(before: key.endIndex)]
        guard !task.isEmpty, let equals = inner.firstIndex(of: "=") else { return nil }
        let name = String(inner[..<equals]), value = String(inner[inner.index(after: equals)...])
        return name.isEmpty || value.isEmpty || value.contains("]") ? nil : (task, name, value)
    }
}

extension ImportOptions {
    /// The filtered entries for `task` (a task, or `TASK/SCORE`), sorted by name.
    public func sampleFilters(for task: String) -> [EvaluationMapping.SampleFilter] {
        evaluationMap.compactMap { key, evaluation in
            guard let parts = EvaluationMapping.filter(key), parts.task == task else { return nil }
            return EvaluationMapping.SampleFilter(task: task, key: parts.key, value: parts.value, evaluation: evaluation)
        }.sorted { $0.name < $1.name }
    }
}
