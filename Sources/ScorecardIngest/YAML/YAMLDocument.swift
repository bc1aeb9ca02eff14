import Foundation
import ScorecardCore
import Yams

/// A YAML node with its position, read through typed accessors that log every problem.
///
/// Yams' decoder loses positions, and our errors must name line and column, so framework and
/// determination files are read from Yams' node tree instead. A `YAMLMap` remembers which keys
/// were read; `finish()` reports the rest as unknown, naming the known ones.
struct YAMLValue {
    let node: Node
    /// Dotted path for messages, such as `categories[1].indicators[0]`.
    let path: String

    var line: Int? { node.mark?.line }
    var column: Int? { node.mark?.column }

    /// Parses `text` into its root node, or logs the syntax error.
    ///
    /// A leading byte-order mark (U+FEFF) is not part of the document and is dropped.
    static func parse(_ text: String, log: inout DiagnosticLog) -> YAMLValue? {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.add("the file is empty")
                return nil
            }
            return YAMLValue(node: node, path: "")
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                log.add("YAML syntax: \(problem)", line: mark.line, column: mark.column)
            case .reader(let problem, _, _, _):
                log.add("cannot read the file as text: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
                log.add("duplicate key \(keys) in one mapping; keep one", line: context.mark.line, column: context.mark.column)
            default:
                log.add("YAML: \(error)")
            }
        } catch {
            log.add("YAML: \(error)")
        }
        return nil
    }

    func child(_ node: Node, _ suffix: String) -> YAMLValue {
        YAMLValue(node: node, path: path.isEmpty ? suffix : (suffix.hasPrefix("[") ? path + suffix : path + "." + suffix))
    }

    func log(_ message: String, _ log: inout DiagnosticLog) {
        log.add(message, line: line, column: column)
    }

    /// The scalar text, or nil (logged) when the node is not a scalar.
    func scalar(_ what: String, _ log: inout DiagnosticLog) -> String? {
        guard case .scalar(let scalar) = node else {
            self.log("\(path) must be \(what)", &log)
            return nil
        }
        return scalar.string
    }

    func string(_ log: inout DiagnosticLog) -> String? {
        guard let text = scalar("text", &log) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            self.log("\(path) must not be empty", &log)
            return nil
        }
        return trimmed
    }

    func number(_ log: inout DiagnosticLog) -> Double? {
        guard let text = scalar("a number", &log) else { return nil }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            self.log("\(path) must be a finite number, found '\(text)'", &log)
            return nil
        }
        return value
    }

    func integer(_ log: inout DiagnosticLog) -> Int? {
        guard let text = scalar("a whole number", &log) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Int(trimmed) else {
            let digits = trimmed.hasPrefix("-") || trimmed.hasPrefix("+") ? trimmed.dropFirst() : Substring(trimmed)
            if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                self.log("\(path) is out of range: at most \(Int.max), found '\(text)'", &log)
            } else {
                self.log("\(path) must be a whole number, found '\(text)'", &log)
            }
            return nil
        }
        return value
    }

    func bool(_ log: inout DiagnosticLog) -> Bool? {
        guard let text = scalar("true or false", &log) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            self.log("\(path) must be true or false, found '\(text)'", &log)
            return nil
        }
    }

    func list(_ log: inout DiagnosticLog) -> [YAMLValue]? {
        guard case .sequence(let sequence) = node else {
            self.log("\(path) must be a list", &log)
            return nil
        }
        return sequence.enumerated().map { child($0.element, "[\($0.offset)]") }
    }

    func map(_ log: inout DiagnosticLog) -> YAMLMap? {
        guard case .mapping(let mapping) = node else {
            self.log("\(path.isEmpty ? "the document" : path) must be a mapping of keys to values", &log)
            return nil
        }
        return YAMLMap(value: self, mapping: mapping)
    }

    /// Text or a list of texts.
    func strings(_ log: inout DiagnosticLog) -> [String]? {
        if case .sequence = node {
            guard let items = list(&log) else { return nil }
            let texts = items.compactMap { $0.string(&log) }
            return texts.count == items.count ? texts : nil
        }
        return string(&log).map { [$0] }
    }
}

/// A YAML mapping whose keys are read one by one; unread keys are reported as unknown.
final class YAMLMap {
    let value: YAMLValue
    private var entries: [(key: String, line: Int?, column: Int?, value: YAMLValue)] = []
    private var read: Set<String> = []

    /// Yams refuses duplicate keys when it composes the tree, so every key here is unique.
    init(value: YAMLValue, mapping: Node.Mapping) {
        self.value = value
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? "\(keyNode)"
            entries.append((key, keyNode.mark?.line, keyNode.mark?.column, value.child(valueNode, key)))
        }
    }

    var keys: [String] { entries.map(\.key) }

    /// The value for `key`, marking it read; logs when it is required and absent.
    func optional(_ key: String) -> YAMLValue? {
        read.insert(key)
        return entries.first { $0.key == key }?.value
    }

    func required(_ key: String, _ log: inout DiagnosticLog) -> YAMLValue? {
        guard let found = optional(key) else {
            value.log("\(value.path.isEmpty ? "the document" : value.path) is missing '\(key)'", &log)
            return nil
        }
        return found
    }

    /// All entries, marking every key read.
    func all() -> [(key: String, value: YAMLValue)] {
        read.formUnion(entries.map(\.key))
        return entries.map { ($0.key, $0.value) }
    }

    /// Logs every key that was never read, listing the known keys.
    func finish(known: [String], _ log: inout DiagnosticLog) {
        for entry in entries where !read.contains(entry.key) {
            let suggestion = closest(to: entry.key, in: known).map { "; did you mean '\($0)'?" } ?? ""
            log.add("unknown key '\(entry.key)' in \(value.path.isEmpty ? "the document" : value.path)\(suggestion) (known: \(known.joined(separator: ", ")))",
                    line: entry.line, column: entry.column)
        }
    }
}

/// The candidate nearest to `word` (see ``NearestName``).
func closest(to word: String, in candidates: [String]) -> String? {
    NearestName.closest(to: word, in: candidates)
}
