import Foundation

/// Where two scorecard documents first differ, named as a reader names it: the category, the
/// stage and the field (`cybersecurity`, `post_mitigation`, `indicators[ctf_professional].value`),
/// rather than a line of JSON.
public struct DocumentDifference: Hashable, Sendable, CustomStringConvertible {
    /// The category, when the difference is inside one.
    public let category: String?
    /// The stage, when the difference is inside one category's stage.
    public let stage: String?
    /// The field below them (or from the document's top when there is no category), such as
    /// `level` or `gates[deployment].passed`.
    public let field: String
    /// The value on each side as JSON; `<absent>` when one side has no such field.
    public let stored: String
    public let rederived: String

    /// "cybersecurity post_mitigation level: stored "low", re-derived "high"".
    public var description: String {
        let place = [category, stage].compactMap { $0 } + [field]
        return "\(place.joined(separator: " ")): stored \(stored), re-derived \(rederived)"
    }

    /// The first difference between two documents' JSON, in document order; nil when equal.
    public static func first(stored: Data, rederived: Data) -> DocumentDifference? {
        guard let left = try? JSONSerialization.jsonObject(with: stored, options: [.fragmentsAllowed]),
              let right = try? JSONSerialization.jsonObject(with: rederived, options: [.fragmentsAllowed]) else { return nil }
        guard let path = firstPath(left, right, path: []) else { return nil }
        var category: String?, stage: String?
        var rest = path.components
        // models[M].categories[C].stages[S].… → category C, stage S.
        if rest.count >= 2, rest[0].hasPrefix("models") { rest.removeFirst() }
        if let first = rest.first, first.key == "categories", let name = first.name {
            category = name
            rest.removeFirst()
            if let next = rest.first, next.key == "stages", let name = next.name {
                stage = name
                rest.removeFirst()
            }
        }
        let field = rest.isEmpty ? "(whole entry)" : rest.map(\.text).joined(separator: ".")
        return DocumentDifference(
            category: category, stage: stage, field: field, stored: render(path.left), rederived: render(path.right))
    }

    /// One step of a path: a key, and the name (id, or dictionary key, or index) of an element below it.
    struct Component {
        let key: String
        let name: String?

        var text: String { name.map { "\(key)[\($0)]" } ?? key }
        func hasPrefix(_ prefix: String) -> Bool { key.hasPrefix(prefix) }
    }

    struct Found {
        var components: [Component]
        var left: Any?
        var right: Any?
    }

    /// Depth-first, keys sorted (the order documents are written in); array elements matched by
    /// their `id` when they have one.
    static func firstPath(_ left: Any?, _ right: Any?, path: [Component]) -> Found? {
        switch (left, right) {
        case (let l as [String: Any], let r as [String: Any]):
            for key in Set(l.keys).union(r.keys).sorted() {
                if let l2 = l[key] as? [Any], let r2 = r[key] as? [Any] {
                    if let found = firstInArray(l2, r2, key: key, path: path) { return found }
                } else if let l2 = l[key] as? [String: Any], let r2 = r[key] as? [String: Any], isKeyedByName(key) {
                    for name in Set(l2.keys).union(r2.keys).sorted() {
                        if let found = firstPath(l2[name], r2[name], path: path + [Component(key: key, name: name)]) { return found }
                    }
                } else if let found = firstPath(l[key], r[key], path: path + [Component(key: key, name: nil)]) {
                    return found
                }
            }
            return nil
        default:
            return same(left, right) ? nil : Found(components: path, left: left, right: right)
        }
    }

    /// Dictionaries whose keys are names (stages by id), shown as `stages[pre_mitigation]`.
    static func isKeyedByName(_ key: String) -> Bool { ["stages", "overall", "inputs"].contains(key) }

    static func firstInArray(_ left: [Any], _ right: [Any], key: String, path: [Component]) -> Found? {
        func name(_ element: Any, _ index: Int) -> String {
            guard let object = element as? [String: Any] else { return String(index) }
            if let id = object["id"] as? String { return id }
            if let model = object["model"] as? String { return model }
            return String(index)
        }
        let leftNames = left.enumerated().map { name($1, $0) }, rightNames = right.enumerated().map { name($1, $0) }
        var names = leftNames
        for name in rightNames where !names.contains(name) { names.append(name) }
        for item in names {
            let l = leftNames.firstIndex(of: item).map { left[$0] }, r = rightNames.firstIndex(of: item).map { right[$0] }
            let component = Component(key: key, name: item)
            if l == nil || r == nil { return Found(components: path + [component], left: l, right: r) }
            if let found = firstPath(l, r, path: path + [component]) { return found }
        }
        return nil
    }

    static func same(_ left: Any?, _ right: Any?) -> Bool { render(left) == render(right) }

    /// A value as compact JSON; `<absent>` for a missing one.
    static func render(_ value: Any?) -> String {
        guard let value else { return "<absent>" }
        if value is NSNull { return "null" }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]) else {
            return "\(value)"
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}
