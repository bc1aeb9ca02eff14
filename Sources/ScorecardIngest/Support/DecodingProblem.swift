import Foundation

/// What a `DecodingError` from a JSON file says, in the file's own words: the field (as its key
/// is written, snake_case, with `[N]` for array items) and what is wrong with it, never Swift's
/// coding keys and debug descriptions.
public enum DecodingProblem {
    /// "the field models[0].format_version is missing", "not valid JSON", …; for an error that is
    /// not a `DecodingError`, its description.
    public static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "the field \(path(context.codingPath + [key])) is missing"
        case DecodingError.valueNotFound(_, let context):
            "the field \(path(context.codingPath)) is null"
        case DecodingError.typeMismatch(let type, let context):
            context.codingPath.isEmpty
                ? "expected \(kind(type)) at the top"
                : "the field \(path(context.codingPath)) has the wrong type (expected \(kind(type)))"
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty {
                context.underlyingError != nil || context.debugDescription.contains("not valid JSON") ? "not valid JSON" : context.debugDescription
            } else {
                "the field \(path(context.codingPath)) holds an unknown value"
            }
        default: "\(error)"
        }
    }

    /// `models[0].format_version`: keys snake_cased as they are written, array positions as `[N]`.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + snakeCased(key.stringValue)
            }
        }
        return text.isEmpty ? "(the top)" : text
    }

    /// `documentSha256` → `document_sha256`.
    static func snakeCased(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// "a string", "a number", … for the type a field was expected to hold.
    static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Double.Type, is UInt64.Type: "a number"
        default:
            "\(type)".hasPrefix("Array") ? "an array" : "\(type)".hasPrefix("Dictionary") ? "an object" : "a value of another type"
        }
    }
}
