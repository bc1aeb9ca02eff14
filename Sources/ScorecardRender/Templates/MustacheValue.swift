/// A view-model value as the nested dictionaries and arrays that swift-mustache reads by key.
///
/// swift-mustache looks values up with `Mirror` on every tag, reflecting every field of the value
/// each time (and again for each level of the context stack it climbs): that was two thirds of the
/// rendering time in `scorecard bench render`. Handing it dictionaries instead is several times
/// faster and renders the same text. Nil optionals are left out, which is how the library treats
/// them anyway. The conformances are written out per type (`ReportView+Mustache.swift`,
/// `ChartView+Mustache.swift`); a test checks them against what reflection sees, so a field added
/// to a view model and forgotten there fails the test suite.
protocol MustacheValue {
    /// `[String: Any]` with the same keys as the type's stored properties.
    var mustache: Any { get }
}
