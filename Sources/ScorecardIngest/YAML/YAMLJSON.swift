import ScorecardJSON
import Yams

/// A YAML file as the JSON value its schema describes (`schemas/*.schema.json`).
///
/// Plain scalars resolve as YAML 1.2's core schema does: `null`, `~` or nothing is null, `true`
/// and `false` (any of their three spellings) are booleans, decimal integers and floats are
/// numbers; every other scalar, quoted ones and plain dates included, is text. An alias stands
/// for the value it names (Yams expands it when it composes the tree). Python's
/// `scripts/check-schemas` reads YAML the same way, so both validators see the same value.
public enum YAMLJSON {
    /// The JSON value of `text`, or the YAML problems with line and column (`file` names it).
    public static func value(of text: String, file: String) throws(InputError) -> JSONValue {
        var log = DiagnosticLog(file: file)
        guard let root = YAMLValue.parse(text, log: &log), let value = convert(root, &log), log.isEmpty else {
            throw InputError(log.diagnostics)
        }
        return value
    }

    private static func convert(_ value: YAMLValue, _ log: inout DiagnosticLog) -> JSONValue? {
        switch value.node {
        case .scalar(let scalar):
            return scalar.style == .plain ? plain(scalar.string) : .string(scalar.string)
        case .sequence:
            var items: [JSONValue] = []
            for item in value.list(&log) ?? [] {
                guard let converted = convert(item, &log) else { return nil }
                items.append(converted)
            }
            return .array(items)
        case .mapping(let mapping):
            var members: [JSONObject.Member] = []
            for (key, node) in mapping {
                guard case .scalar(let name) = key else {
                    value.log("\(value.path.isEmpty ? "the document" : value.path) has a key that is not text", &log)
                    return nil
                }
                guard let converted = convert(value.child(node, name.string), &log) else { return nil }
                members.append(JSONObject.Member(key: name.string, value: converted, offset: 0))
            }
            return .object(JSONObject(members: members, offset: 0))
        case .alias:
            value.log("\(value.path): YAML aliases are not supported", &log)
            return nil
        }
    }

    /// A plain scalar under the core schema.
    static func plain(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity, text: text)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity, text: text)
        case ".nan", ".NaN", ".NAN": return .number(.nan, text: text)
        default:
            guard isCoreNumber(text), let number = Double(text) else { return .string(text) }
            return .number(number, text: text)
        }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, checked by hand (no regex to compile).
    static func isCoreNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let whole = digits()
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = digits()
            if whole == 0 && fraction == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
