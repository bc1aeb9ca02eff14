import ScorecardCore
import ScorecardJSON

/// Who an lm-eval results file is about: the model name, a snapshot, and what was given where.
///
/// lm-eval derives `model_name` from `config.model_args`, taking the first of `peft=`, `delta=`,
/// `pretrained=`, `model=`, `path=`, `engine=`; with none of them it writes a random 8-character id.
/// `config.model` is only the backend (`hf`, `vllm`, `dummy`), never the model.
struct LMEvalModel {
    /// The model name, or nil when the file has no usable one.
    let name: String?
    /// The weights' commit (`config.model_sha`) or a pinned `revision=` that is not a branch name.
    let snapshot: String?
    /// What the reader should say about the identity in each record's notes.
    let notes: [String]
    /// Why there is no name, for the error when the user gives none either.
    let problem: String?

    /// Keys of `model_args` that name the model, in lm-eval's order of preference.
    static let nameKeys = ["peft", "delta", "pretrained", "model", "path", "engine"]

    init(root: JSONObject) {
        let config = root["config"]?.objectValue
        let arguments = Self.arguments(config?["model_args"])
        let fromArguments = Self.nameKeys.lazy.compactMap { arguments[$0] }.first
        let modelName = ImportRules.nonEmpty(root["model_name"]?.stringValue)
        var notes: [String] = []
        if let fromArguments {
            name = modelName ?? fromArguments
            problem = nil
            if let adapter = arguments["peft"] ?? arguments["delta"], let base = arguments["pretrained"], adapter != base {
                notes.append("adapter \(adapter) on base model \(base)")
            }
        } else if config == nil {
            name = nil
            problem = "not an lm-eval results file as lm-eval writes it: it has 'results' in lm-eval's shape but no 'config' (a summary another script wrote?), so the model is unknown"
        } else {
            name = nil
            let random = modelName.map { " (model_name '\($0)' is lm-eval's random id)" } ?? ""
            problem = "no model name: config.model_args has none of \(Self.nameKeys.map { $0 + "=" }.joined(separator: ", "))\(random)"
        }
        if let backend = ImportRules.nonEmpty(config?["model"]?.stringValue) { notes.append("backend \(backend)") }
        let sha = ImportRules.nonEmpty(config?["model_sha"]?.stringValue)
        let revision = arguments["revision"].flatMap { ["main", "master", "HEAD"].contains($0) ? nil : $0 }
        snapshot = sha ?? revision
        self.notes = notes
    }

    /// `model_args` as key → value: a `"k=v,k=v"` string (older files) or an object (0.4.11+ CLI runs).
    static func arguments(_ value: JSONValue?) -> [String: String] {
        var result: [String: String] = [:]
        switch value {
        case .string(let text)?:
            for part in text.split(separator: ",") {
                guard let equals = part.firstIndex(of: "=") else { continue }
                let key = part[..<equals].trimmingCharacters(in: .whitespaces)
                let value = part[part.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                if !key.isEmpty, !value.isEmpty, result[key] == nil { result[key] = value }
            }
        case .object(let object)?:
            for member in object.members {
                switch member.value {
                case .string(let text) where ImportRules.nonEmpty(text) != nil: result[member.key] = text
                case .number(_, let text): result[member.key] = text
                default: break
                }
            }
        default:
            break
        }
        return result
    }

    /// The subject for records: the name given at import wins over the file's.
    func subject(options: ImportOptions, file: String, line: Int?) throws(InputError) -> (Subject, [String]) {
        if let given = ImportRules.nonEmpty(options.model) {
            let note = name.flatMap { $0 == given ? nil : "model given at import; the file names '\($0)'" }
            return (Subject(model: given, snapshot: snapshot), notes + (note.map { [$0] } ?? []))
        }
        guard let name else {
            throw InputError(file: file, line: line, "\(problem ?? "no model name"); give the model name at import")
        }
        return (Subject(model: name, snapshot: snapshot), notes)
    }
}
