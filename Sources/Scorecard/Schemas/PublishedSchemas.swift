import ScorecardJSON

/// One of the JSON Schemas Scorecard publishes in `schemas/`, compiled into the binary.
public struct PublishedSchema: Sendable, Hashable {
    /// The format's name without its version, such as `framework`.
    public let name: String
    /// The version of the format the schema describes (the file's `-vN`).
    public let version: Int
    /// The file in `schemas/`, such as `framework-v3.schema.json`.
    public let file: String
    /// The schema's `title`: one line saying what it describes.
    public let title: String
    /// The schema document, as committed.
    public let text: String

    /// `NAME-vVERSION`, as the file is named.
    public var versionedName: String { "\(name)-v\(version)" }
}

/// The schemas of Scorecard's formats (`scorecard schema`); generated from `schemas/` by
/// `scripts/embed-schemas`, so the list and the texts cannot drift from the committed files.
public enum PublishedSchemas {
    /// The schema called `name`: a format's name (its newest version), `NAME-vN`, or the file name.
    public static func named(_ name: String) -> PublishedSchema? {
        all.filter { $0.name == name }.max { $0.version < $1.version }
            ?? all.first { $0.versionedName == name || $0.file == name }
    }

    /// Every name `named(_:)` takes, for messages: the formats' names.
    public static var names: [String] {
        var seen = Set<String>()
        return all.map(\.name).filter { seen.insert($0).inserted }
    }

    /// A checker of `schema` whose `$ref`s into the other published schemas resolve (a
    /// definition file's schema refers to the framework's).
    public static func checker(_ schema: PublishedSchema) throws(JSONError) -> JSONSchema {
        let others = try all.filter { $0 != schema }.map { other throws(JSONError) in try JSONParser.parse(Array(other.text.utf8)) }
        return JSONSchema(try JSONParser.parse(Array(schema.text.utf8)), referencing: others)
    }
}
