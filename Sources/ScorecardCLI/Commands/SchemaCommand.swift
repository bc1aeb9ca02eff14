import ArgumentParser
import Scorecard
import ScorecardCore
import ScorecardRender

/// `scorecard schema`: print one of the JSON Schemas of Scorecard's formats, or list them.
struct SchemaCommand: ScorecardSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of one of Scorecard's formats, or list them.",
        discussion: """
            The schemas are those committed in schemas/, compiled into the binary: framework files \
            and the evaluator definition files they name, evidence records, determinations, card configurations, keyrings and sign-off records, \
            scorecard documents (assess --format json), the output envelope of the other commands' --format json, and the \
            external evaluator protocol. A YAML file is described as the JSON value of its YAML. \
            NAME is a format's name (its newest version), NAME-vN, or the file name. Without NAME, \
            or with --list, lists every schema with its version and title.

            Examples:
              scorecard schema --list
              scorecard schema framework
            """)

    @Argument(help: ArgumentHelp("The schema to print, such as framework or evidence-record.", valueName: "name"))
    var name: String?

    @Flag(name: .long, help: "List the schemas with their versions and titles.")
    var list = false

    func validate() throws {
        if list, name != nil { throw ValidationError("Give a schema name or --list, not both.") }
        if let name, PublishedSchemas.named(name) == nil {
            let known = PublishedSchemas.names
            let hint = NearestName.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("Unknown schema '\(terminalSafe(name))'\(hint) (known: \(known.joined(separator: ", "))).")
        }
    }

    mutating func execute() throws -> ExitStatus {
        guard let name, let schema = PublishedSchemas.named(name) else {
            var table = TextTable()
            for schema in PublishedSchemas.all { table.add([schema.name, "v\(schema.version)", schema.file, schema.title]) }
            try Console.write(table.render())
            return .success
        }
        try Console.write(schema.text + "\n")
        return .success
    }
}
