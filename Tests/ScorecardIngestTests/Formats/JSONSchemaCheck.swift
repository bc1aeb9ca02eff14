import Foundation
import ScorecardJSON

/// The library's JSON Schema checker on a schema file, for the EEE tests.
struct JSONSchemaCheck {
    let schema: JSONSchema

    init(schemaPath: String) throws {
        schema = try JSONSchema(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: schemaPath))))
    }

    /// Every violation, as `path: problem`.
    func errors(_ value: JSONValue) -> [String] { schema.errors(value) }
}
