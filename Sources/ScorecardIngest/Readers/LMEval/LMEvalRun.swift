import Foundation
import ScorecardJSON

/// The run-level tables of an lm-eval results file that the per-metric mapping consults.
///
/// Every table is optional in lm-eval's own schema (`result_schema.EvalResults` is `total=False`)
/// and differs between 0.4.x releases, so each is read leniently; a present table of the wrong
/// shape is an error with its line.
struct LMEvalRun {
    /// `n-samples[task]`: documents in the split and documents evaluated (leaf tasks only).
    var documents: [String: (original: Int?, effective: Int)] = [:]
    /// `group_subtasks`: group → members (leaf tasks map to `[]`).
    var subtasks: [String: [String]] = [:]
    /// Names in `groups` (0.4.0+), a subset of `results`.
    var groupNames: Set<String> = []
    /// `higher_is_better[task][metric]`: true, false, or nil when subtasks disagree (JSON null).
    var higherIsBetter: [String: [String: Bool?]] = [:]
    /// `configs[task].metric_list[].aggregation` by metric.
    var aggregations: [String: [String: String]] = [:]
    var version: String?
    var limit: String?
    /// `date`: when `simple_evaluate` started, as UTC ISO 8601.
    var started: String?

    init(root: JSONObject, source: JSONSource, _ log: inout DiagnosticLog) {
        if let table = root["n-samples"], table.objectValue == nil {
            log.add("'n-samples' is \(table.kindName), expected an object of tasks", line: source.line(of: "n-samples", in: root))
        }
        if let object = root["n-samples"]?.objectValue {
            for member in object.members {
                guard let entry = member.value.objectValue, let effective = entry["effective"]?.integerValue, effective >= 0,
                      entry["original"]?.integerValue.map({ $0 >= 0 }) ?? true else {
                    log.add("n-samples of '\(member.key)' must be {\"original\": count, \"effective\": count}, found \(member.value.shortDescription)",
                            line: source.line(member.offset))
                    continue
                }
                documents[member.key] = (entry["original"]?.integerValue, effective)
            }
        }
        for member in root["group_subtasks"]?.objectValue?.members ?? [] {
            guard case .array(let items) = member.value else { continue }
            subtasks[member.key] = items.compactMap(\.stringValue)
        }
        groupNames = Set(root["groups"]?.objectValue?.members.map(\.key) ?? [])
        for task in root["higher_is_better"]?.objectValue?.members ?? [] {
            var directions: [String: Bool?] = [:]
            for metric in task.value.objectValue?.members ?? [] {
                switch metric.value {
                case .bool(let flag): directions[metric.key] = .some(flag)
                case .null: directions[metric.key] = .some(nil)
                default: break
                }
            }
            higherIsBetter[task.key] = directions
        }
        for task in root["configs"]?.objectValue?.members ?? [] {
            guard case .array(let list)? = task.value.objectValue?["metric_list"] else { continue }
            var byMetric: [String: String] = [:]
            for item in list {
                guard let entry = item.objectValue, let metric = entry["metric"]?.stringValue else { continue }
                if let aggregation = entry["aggregation"]?.stringValue { byMetric[metric] = aggregation }
            }
            aggregations[task.key] = byMetric
        }
        version = root["lm_eval_version"]?.stringValue
        let config = root["config"]?.objectValue
        if let limit = config?["limit"], limit != .null { self.limit = limit.shortDescription }
        if let date = root["date"]?.numberValue, date.isFinite, abs(date) < 1e11 {
            started = Date(timeIntervalSince1970: date).formatted(.iso8601)
        }
    }

    /// Whether `name` is a group (an aggregate over other tasks) rather than a leaf task.
    func isGroup(_ name: String) -> Bool {
        groupNames.contains(name) || !(subtasks[name] ?? []).isEmpty
    }

    /// The leaf tasks under `name`, depth first; a leaf is its own only leaf. Cycles are cut.
    func leaves(of name: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        func visit(_ task: String, depth: Int) {
            guard depth < 64, seen.insert(task).inserted else { return }
            let children = subtasks[task] ?? []
            if children.isEmpty {
                result.append(task)
            } else {
                for child in children { visit(child, depth: depth + 1) }
            }
        }
        visit(name, depth: 0)
        return result
    }

    /// The direction lm-eval records for a metric: true, false, nil (subtasks disagree), or absent.
    func direction(task: String, metric: String) -> Bool?? {
        higherIsBetter[task]?[metric]
    }
}
