/// A JSON Schema checker for the keywords Scorecard's own schemas and the formats it reads use.
///
/// Covers `type`, `enum`, `const`, `required`, `properties`, `additionalProperties` (a boolean
/// or a schema), `propertyNames`, `dependentRequired`, `items`, `minItems`, `maxItems`,
/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength`,
/// `pattern`, `oneOf`, `anyOf`, `allOf`, `not`, `if`/`then`/`else`, boolean schemas and `$ref`
/// (`#/$defs/…`, `#/definitions/…`, and `other.schema.json#/$defs/…` into a schema given with
/// `referencing:`, named relative to the `$id` of the one referring), which is what draft-07 and
/// draft 2020-12 share for these documents. Under draft 2020-12 (a `$schema` naming it) the keywords beside a `$ref`
/// apply too; under draft-07 they are ignored, as that draft says. Other keywords
/// (`description`, `title`, `default`, `$schema`, `$id`) are ignored, as validators do. Tests
/// compare its verdicts with Python's `jsonschema` on the same files. Hand-written: no JSON
/// Schema validator is in the package mirror.
public struct JSONSchema: Sendable {
    /// The schema document.
    public let root: JSONValue
    /// Schemas a `$ref` may name, by `$id` (the root's own included).
    private let documents: [String: JSONValue]

    /// Whether keywords beside `$ref` apply (draft 2019-09 and later) or are ignored (draft-07).
    let refHasSiblings: Bool
    /// Every `pattern` of the schemas, compiled once (a Swift regex takes about a millisecond to compile).
    let patterns: CompiledPatterns

    /// A checker of `root`, whose `$ref`s may name the schemas `others` by their `$id`.
    public init(_ root: JSONValue, referencing others: [JSONValue] = []) {
        self.root = root
        var documents: [String: JSONValue] = [:]
        for document in [root] + others {
            if let id = document.objectValue?["$id"]?.stringValue { documents[id] = documents[id] ?? document }
        }
        self.documents = documents
        let draft = root.objectValue?["$schema"]?.stringValue ?? ""
        refHasSiblings = draft.contains("2020-12") || draft.contains("2019-09")
        patterns = CompiledPatterns([root] + others)
    }

    /// Parses a schema document.
    public init(bytes: [UInt8]) throws(JSONError) {
        self.init(try JSONParser.parse(bytes))
    }

    /// The schema with `additionalProperties: false` added to every `"type": "object"` schema
    /// that lists `properties` and says nothing of other members (conditions and branches, which
    /// carry no type, are left as they are).
    ///
    /// Output schemas leave other members open, as their readers ignore them; the closed schema
    /// checks that what Scorecard writes has no member its schema does not describe.
    public var closed: JSONSchema {
        JSONSchema(Self.closing(root), referencing: documents.values.filter { $0 != root }.map(Self.closing))
    }

    private static func closing(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var members = object.members.map { JSONObject.Member(key: $0.key, value: closing($0.value), offset: $0.offset) }
            if object["type"] == .string("object"), object["properties"] != nil, object["additionalProperties"] == nil {
                members.append(JSONObject.Member(key: "additionalProperties", value: .bool(false), offset: 0))
            }
            return .object(JSONObject(members: members, offset: object.offset))
        case .array(let items):
            return .array(items.map(closing))
        default:
            return value
        }
    }

    /// Every violation of `value`, as `path: problem` (`$` is the whole value), in document order.
    public func errors(_ value: JSONValue) -> [String] { errors(value, root, "$", in: root) }

    /// The violations of `value` (at `path`) of `schema`, a part of `document`, which its `$ref`s are resolved in.
    func errors(_ value: JSONValue, _ schema: JSONValue, _ path: String, in document: JSONValue) -> [String] {
        if case .bool(let accepts) = schema { return accepts ? [] : ["\(path): no value is allowed here"] }
        guard case .object(let rules) = schema else { return [] }
        var found: [String] = []
        if case .string(let reference)? = rules["$ref"] {
            guard let (target, targetDocument) = resolve(reference, in: document) else { return ["\(path): unresolved $ref \(reference)"] }
            found = errors(value, target, path, in: targetDocument)
            guard refHasSiblings else { return found }
        }
        if let type = rules["type"] {
            let allowed: [String] = switch type {
            case .string(let name): [name]
            case .array(let names): names.compactMap(\.stringValue)
            default: []
            }
            if !allowed.contains(where: { Self.has(value, type: $0) }) {
                found.append("\(path): expected \(allowed.joined(separator: " or ")), found \(value.kindName)")
            }
        }
        if case .array(let options)? = rules["enum"], !options.contains(where: { Self.same($0, value) }) {
            found.append("\(path): \(value.shortDescription) is not one of the allowed values")
        }
        if let constant = rules["const"], !Self.same(constant, value) { found.append("\(path): must be \(constant.shortDescription)") }
        if case .object(let object) = value { found += objectErrors(object, rules, path, in: document) }
        if case .array(let items) = value {
            if let itemSchema = rules["items"] {
                for (index, item) in items.enumerated() { found += errors(item, itemSchema, "\(path)[\(index)]", in: document) }
            }
            if let minimum = rules["minItems"]?.integerValue, items.count < minimum { found.append("\(path): fewer than \(minimum) items") }
            if let maximum = rules["maxItems"]?.integerValue, items.count > maximum { found.append("\(path): more than \(maximum) items") }
        }
        if case .number(let number, _) = value { found += numberErrors(number, rules, path) }
        if case .string(let text) = value {
            let length = text.unicodeScalars.count
            if let minimum = rules["minLength"]?.integerValue, length < minimum { found.append("\(path): shorter than \(minimum) characters") }
            if let maximum = rules["maxLength"]?.integerValue, length > maximum { found.append("\(path): longer than \(maximum) characters") }
            if case .string(let pattern)? = rules["pattern"], !patterns.matches(pattern, text) {
                found.append("\(path): \(value.shortDescription) does not match \(pattern)")
            }
        }
        found += combinationErrors(value, rules, path, in: document)
        return found
    }

    /// The schema `reference` names from `document`, and the document it is in: `#…` in the same
    /// one, `name.schema.json#…` in the schema whose `$id` that names beside `document`'s.
    private func resolve(_ reference: String, in document: JSONValue) -> (JSONValue, JSONValue)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var target = document
        if let address = parts.first, !address.isEmpty {
            var absolute = String(address)
            if !absolute.contains(":"), let base = document.objectValue?["$id"]?.stringValue, let slash = base.lastIndex(of: "/") {
                absolute = base[...slash] + absolute
            }
            guard let found = documents[absolute] else { return nil }
            target = found
        }
        let fragment = parts.count > 1 ? parts[1] : ""
        guard fragment.isEmpty || fragment.hasPrefix("/") else { return nil }
        var current: JSONValue? = target
        for part in fragment.split(separator: "/") { current = current?.objectValue?[String(part)] }
        return current.map { ($0, target) }
    }
}
