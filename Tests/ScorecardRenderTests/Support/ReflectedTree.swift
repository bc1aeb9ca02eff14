// Test support: an independent conversion by reflection that `MustacheTree` must match.
/// The reference for `MustacheTree`: the view model turned into dictionaries by reflection.
///
/// swift-mustache looks values up with `Mirror` on every tag, which reflects every field of the
/// value each time (and again for each level of the context stack it climbs): two thirds of the
/// rendering time in the benchmark. Reflecting each value once into `[String: Any]` (which the
/// library reads by key) renders the same output several times faster. Nil optionals are left
/// out, which is how the library treats them anyway.
enum ReflectedTree {
    static func convert(_ value: Any) -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { convert($0.value) } as Any
        case .collection, .set:
            return mirror.children.map { convert($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                let field = Mirror(reflecting: child.value)
                if field.displayStyle == .optional {
                    guard let wrapped = field.children.first else { continue }
                    fields[label] = convert(wrapped.value)
                } else {
                    fields[label] = convert(child.value)
                }
            }
            return fields
        default:
            return value
        }
    }
}
