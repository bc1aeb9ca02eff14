import ScorecardIngest
import ScorecardJSON
import Testing

/// YAML files as the JSON values their schemas describe: YAML 1.2 core scalars, as
/// `scripts/check-schemas` reads them with Python.
@Suite struct YAMLJSONTests {
    @Test(arguments: [
        ("0.10", JSONValue.number(0.1, text: "0.10")), ("-3", .number(-3, text: "-3")), ("1e3", .number(1000, text: "1e3")),
        ("true", .bool(true)), ("False", .bool(false)), ("~", .null), ("null", .null),
        ("yes", .string("yes")), ("on", .string("on")), ("2024-12-05", .string("2024-12-05")),
        ("2025-01-01T00:00:00Z", .string("2025-01-01T00:00:00Z")), ("0x1F", .string("0x1F")), ("1.2.3", .string("1.2.3")),
        ("'1'", .string("1")), ("\"true\"", .string("true")), (".5", .number(0.5, text: ".5")), ("+.", .string("+.")),
    ])
    func scalarsResolveAsTheCoreSchemaSays(_ written: String, _ expected: JSONValue) throws {
        let value = try YAMLJSON.value(of: "key: \(written)\n", file: "x.yaml")
        #expect(value.objectValue?["key"] == expected)
    }

    @Test func mappingsAndListsKeepTheirOrderAndAnEmptyValueIsNull() throws {
        let value = try YAMLJSON.value(of: "\u{FEFF}b: [1, two]\na:\n  c: {d: }\n", file: "x.yaml")
        let object = try #require(value.objectValue)
        #expect(object.members.map(\.key) == ["b", "a"])
        #expect(object["b"] == .array([.number(1, text: "1"), .string("two")]))
        #expect(object["a"]?.objectValue?["c"]?.objectValue?["d"] == .null)
    }

    @Test func brokenYAMLIsRefusedWithItsPlaceAndAliasesAreExpanded() throws {
        do {
            _ = try YAMLJSON.value(of: "a: 1\nb: [1,\n", file: "broken.yaml")
            Issue.record("broken YAML was accepted")
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("broken.yaml:") == true, "\(error.diagnostics)")
            #expect(error.diagnostics.first?.message.contains("YAML syntax") == true)
        }
        // As Python's yaml does: an alias stands for the value it names.
        let value = try YAMLJSON.value(of: "a: &x {n: 1}\nb: *x\n", file: "alias.yaml")
        #expect(value.objectValue?["b"] == value.objectValue?["a"] && value.objectValue?["a"] != nil)
    }
}
