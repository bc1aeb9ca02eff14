/// A view model as the nested dictionaries and arrays that swift-mustache reads by key, derived
/// once per render from the model's `Encodable` conformance.
///
/// swift-mustache looks values up with `Mirror` on every tag, reflecting every field of the value
/// each time (and again for each level of the context stack it climbs): that was two thirds of the
/// rendering time in `scorecard bench render`. Walking the view model once into `[String: Any]`
/// (which the library reads by key) renders the same text several times faster. The walk uses
/// the conformance the compiler synthesises, so a field added to a view model needs no second
/// edit. (A `Mirror` walk was tried first and doubled the rendering time; this one costs a few
/// per cent over dictionaries written out by hand.) Nil optionals are left out, which is how the
/// library treats them anyway. A test renders both trees and compares the bytes.
enum MustacheTree {
    /// `value` with every keyed value turned into `[String: Any]`, every list into `[Any]`, and
    /// scalars kept as they are.
    static func of<Value: Encodable>(_ value: Value) -> Any {
        tree(value, collector: nil)
    }

    /// `value`'s tree, and each `Part` inside it with its own subtree, in order: to render the
    /// parts on their own too (a report's charts) without walking them twice.
    static func of<Value: Encodable, Part: Encodable>(
        _ value: Value, collecting part: Part.Type
    ) -> (tree: Any, parts: [(part: Part, tree: Any)]) {
        let collector = Collector<Part>()
        return (tree(value, collector: collector), collector.parts)
    }

    fileprivate static func tree<Value: Encodable>(_ value: Value, collector: AnyCollector?) -> Any {
        // Strings and flags are most leaves; comparing types is cheaper than a failed cast.
        if Value.self == String.self || Value.self == Bool.self { return value }
        let node = Node(collector: collector)
        // The containers below never throw; only a custom `encode(to:)` could, and then the
        // values it wrote before throwing are kept.
        try? value.encode(to: TreeEncoder(node: node))
        let tree = node.resolved()
        if let collector, ObjectIdentifier(Value.self) == collector.part { collector.take(value, tree) }
        return tree
    }
}

/// Keeps the values of one type met in a walk, with their trees.
private class AnyCollector {
    /// The type kept.
    let part: ObjectIdentifier

    init(part: ObjectIdentifier) {
        self.part = part
    }

    func take(_ value: Any, _ tree: Any) {}
}

private final class Collector<Part>: AnyCollector {
    var parts: [(part: Part, tree: Any)] = []

    init() {
        super.init(part: ObjectIdentifier(Part.self))
    }

    override func take(_ value: Any, _ tree: Any) {
        if let part = value as? Part { parts.append((part, tree)) }
    }
}

/// One value under construction: a scalar, a keyed value or a list.
private final class Node {
    let collector: AnyCollector?
    var scalar: Any?
    var fields: [String: Any]?
    var items: [Any]?
    /// Children opened with `nestedContainer` or `superEncoder`, resolved at the end.
    var pending: [(slot: Slot, node: Node)] = []

    enum Slot {
        case key(String)
        case index(Int)
    }

    init(collector: AnyCollector?) {
        self.collector = collector
    }

    /// The tree of a value inside this one.
    func tree<Value: Encodable>(_ value: Value) -> Any {
        MustacheTree.tree(value, collector: collector)
    }

    func resolved() -> Any {
        for (slot, child) in pending {
            switch slot {
            case .key(let key): fields?[key] = child.resolved()
            case .index(let index): items?[index] = child.resolved()
            }
        }
        pending = []
        if let fields { return fields }
        if let items { return items }
        return scalar ?? [String: Any]()
    }
}

private struct TreeEncoder: Encoder {
    let node: Node
    /// Not tracked: nothing here throws, so no error needs the path.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Room for most view models' fields at once: growing a dictionary rehashes it.
        if node.fields == nil { node.fields = Dictionary(minimumCapacity: 8) }
        return KeyedEncodingContainer(KeyedTree<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return UnkeyedTree(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTree(node: node)
    }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    func put(_ value: Any, _ key: Key) { node.fields?[key.stringValue] = value }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: Bool, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: String, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { put(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { put(node.tree(value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        child(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { child(nil) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }

    private func child(_ key: Key?) -> TreeEncoder {
        let child = Node(collector: node.collector)
        node.pending.append((.key(key?.stringValue ?? "super"), child))
        return TreeEncoder(node: child)
    }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.items?.count ?? 0 }

    func add(_ value: Any) { node.items?.append(value) }

    mutating func encodeNil() { add(Optional<Any>.none as Any) }
    mutating func encode(_ value: Bool) { add(value) }
    mutating func encode(_ value: String) { add(value) }
    mutating func encode(_ value: Double) { add(value) }
    mutating func encode(_ value: Float) { add(value) }
    mutating func encode(_ value: Int) { add(value) }
    mutating func encode(_ value: Int8) { add(value) }
    mutating func encode(_ value: Int16) { add(value) }
    mutating func encode(_ value: Int32) { add(value) }
    mutating func encode(_ value: Int64) { add(value) }
    mutating func encode(_ value: UInt) { add(value) }
    mutating func encode(_ value: UInt8) { add(value) }
    mutating func encode(_ value: UInt16) { add(value) }
    mutating func encode(_ value: UInt32) { add(value) }
    mutating func encode(_ value: UInt64) { add(value) }
    mutating func encode<T: Encodable>(_ value: T) { add(node.tree(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        child().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { child().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { child() }

    private func child() -> TreeEncoder {
        let child = Node(collector: node.collector)
        node.pending.append((.index(count), child))
        add([String: Any]())
        return TreeEncoder(node: child)
    }
}

private struct SingleTree: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { node.scalar = Optional<Any>.none as Any }
    mutating func encode(_ value: Bool) { node.scalar = value }
    mutating func encode(_ value: String) { node.scalar = value }
    mutating func encode(_ value: Double) { node.scalar = value }
    mutating func encode(_ value: Float) { node.scalar = value }
    mutating func encode(_ value: Int) { node.scalar = value }
    mutating func encode(_ value: Int8) { node.scalar = value }
    mutating func encode(_ value: Int16) { node.scalar = value }
    mutating func encode(_ value: Int32) { node.scalar = value }
    mutating func encode(_ value: Int64) { node.scalar = value }
    mutating func encode(_ value: UInt) { node.scalar = value }
    mutating func encode(_ value: UInt8) { node.scalar = value }
    mutating func encode(_ value: UInt16) { node.scalar = value }
    mutating func encode(_ value: UInt32) { node.scalar = value }
    mutating func encode(_ value: UInt64) { node.scalar = value }
    mutating func encode<T: Encodable>(_ value: T) { node.scalar = node.tree(value) }
}
