import ScorecardCore
import ScorecardIngest

/// Options meant for one of several frameworks (`render --framework A --framework B`), written
/// `FRAMEWORK_ID:VALUE`: `--map-stage openai-preparedness-v2:pre_mitigation=capability`,
/// `--determinations anthropic-rsp-v2.2:determinations.yaml`.
public enum FrameworkQualifier {
    /// A qualified option whose qualifier names none of the frameworks given.
    public struct UnknownFramework: Error, Sendable, CustomStringConvertible {
        public var option: String
        public var value: String
        public var qualifier: String
        public var known: [String]

        public var description: String {
            "\(option) '\(value)': unknown framework '\(qualifier)'\(NearestName.hint(qualifier, in: known)) (given: \(known.joined(separator: ", ")))"
        }
    }

    /// The stage-map entries for framework `id`: unqualified ones (meant for every framework) and
    /// those qualified with `id`. An entry is qualified when a `:` comes before its `=`; a
    /// qualifier that names no framework of `ids` is an error.
    public static func stageMap(_ entries: [String], for id: String, ids: [String]) throws(UnknownFramework) -> [String] {
        var kept: [String] = []
        for entry in entries {
            guard let colon = entry.firstIndex(of: ":"), entry.firstIndex(of: "=").map({ colon < $0 }) ?? true else {
                kept.append(entry)
                continue
            }
            let qualifier = String(entry[..<colon])
            guard ids.contains(qualifier) else {
                throw UnknownFramework(option: "--map-stage", value: entry, qualifier: qualifier, known: ids)
            }
            if qualifier == id { kept.append(String(entry[entry.index(after: colon)...])) }
        }
        return kept
    }

    /// The determinations file for framework `id`, from `FRAMEWORK_ID:FILE` values; nil when none
    /// names it. A value whose prefix before `:` names no framework of `ids` is an error, since
    /// with several frameworks a file must say which one it is for.
    public static func determinations(_ values: [String], for id: String, ids: [String]) throws(UnknownFramework) -> String? {
        var found: String?
        for value in values {
            guard let colon = value.firstIndex(of: ":"), ids.contains(String(value[..<colon])) else {
                let qualifier = value.firstIndex(of: ":").map { String(value[..<$0]) } ?? ""
                throw UnknownFramework(option: "--determinations", value: value, qualifier: qualifier, known: ids)
            }
            if String(value[..<colon]) == id { found = String(value[value.index(after: colon)...]) }
        }
        return found
    }
}
