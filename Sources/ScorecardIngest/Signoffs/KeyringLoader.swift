import Foundation
import ScorecardCore

/// Reads a keyring: reviewers' Ed25519 public keys by name (YAML, or JSON, which YAML includes).
///
/// ```yaml
/// schema_version: 1
/// reviewers:
///   Demo Reviewer: 3q2+7w...=          # standard base64 of the key's 32 bytes
/// ```
/// A key that is not base64 of 32 bytes, a name given twice, an empty name, a name that does not
/// read as written or reads like another (``ReviewerName``) and unknown keys are errors with file
/// and line. `scorecard keygen --keyring FILE` writes entries in this form.
public enum KeyringLoader {
    /// Reads the keyring at `path`; `name` (default: the path) is how messages refer to it.
    public static func load(path: String, name: String? = nil) throws(InputError) -> Keyring {
        let bytes = try InputFile.read(path)
        let name = name ?? path
        guard let text = String(validating: bytes, as: UTF8.self) else { throw InputError(file: name, "the file is not UTF-8 text") }
        return try parse(text, file: name)
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> Keyring {
        var log = DiagnosticLog(file: file)
        guard let root = YAMLValue.parse(text, log: &log), let map = root.map(&log) else { throw InputError(log.diagnostics) }
        if let version = map.required("schema_version", &log), let n = version.integer(&log), n != 1 {
            version.log("unsupported schema_version \(n) (supported: 1)", &log)
        }
        var keys: [String: Ed25519.PublicKey] = [:]
        if let reviewers = map.required("reviewers", &log)?.map(&log) {
            for (reviewer, value) in reviewers.all() {
                guard let text = value.string(&log) else { continue }
                if reviewer.trimmingCharacters(in: .whitespaces).isEmpty {
                    value.log("a reviewer's name is empty", &log)
                } else if let problem = ReviewerName.problem(reviewer, among: keys.keys) {
                    value.log(problem, &log)
                } else if keys[reviewer] != nil {
                    value.log("the reviewer '\(reviewer)' is named twice; keep one key per reviewer", &log)
                } else if let key = Ed25519.PublicKey(base64: text) {
                    keys[reviewer] = key
                } else {
                    value.log("the key of '\(reviewer)' is not standard base64 of 32 bytes (an Ed25519 public key), found '\(text)'", &log)
                }
            }
        }
        map.finish(known: ["schema_version", "reviewers"], &log)
        try log.check()
        return Keyring(keys: keys)
    }

    /// The text of a keyring holding `keyring`'s keys, sorted by name, names quoted.
    public static func text(_ keyring: Keyring) -> String {
        var out = "# Reviewers' Ed25519 public keys (standard base64 of the 32 raw bytes), by name; see docs/signoff.md.\n"
        out += "schema_version: 1\nreviewers:\n"
        for (name, key) in keyring.keys.sorted(by: { $0.key < $1.key }) {
            out += "  \(quoted(name)): \(key.base64)\n"
        }
        return out
    }

    /// A YAML double-quoted scalar (JSON string escapes are YAML's too).
    public static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reads and writes a file of signed sign-off records: JSON Lines, one ``Signoff`` per line.
///
/// The records are the portable form of sign-offs (a card's `signoffs:` file, committed beside
/// it): `regenerate` imports those it does not hold yet into the store. Each line is checked for
/// its fields and version; signatures are checked by the caller, against the card's keyring.
public enum SignoffFile {
    /// The records of the file at `path` with their line numbers; a missing file has none.
    public static func load(path: String, name: String? = nil) throws(InputError) -> [(signoff: Signoff, line: Int)] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let bytes = try InputFile.read(path)
        let name = name ?? path
        guard let text = String(validating: bytes, as: UTF8.self) else { throw InputError(file: name, "the file is not UTF-8 text") }
        return try parse(text, file: name)
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> [(signoff: Signoff, line: Int)] {
        var records: [(signoff: Signoff, line: Int)] = []
        var problems: [Diagnostic] = []
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            do {
                let signoff = try decoder.decode(Signoff.self, from: Data(trimmed.utf8))
                if signoff.version != Signoff.recordVersion {
                    problems.append(Diagnostic(file: file, line: index + 1, message: "unsupported sign-off version \(signoff.version) (supported: \(Signoff.recordVersion))"))
                } else {
                    records.append((signoff, index + 1))
                }
            } catch {
                problems.append(Diagnostic(file: file, line: index + 1, message: "not a sign-off record: \(DecodingProblem.describe(error))"))
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return records
    }

    /// One record as a line of the file (compact JSON, keys sorted, newline-terminated).
    public static func line(_ signoff: Signoff) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(signoff)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
