import ArgumentParser
import Foundation
import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardRender

/// `scorecard frameworks`: check and show framework files.
struct FrameworksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frameworks",
        abstract: "Check and show framework definitions.",
        subcommands: [List.self, Lint.self, Show.self]
    )

    struct List: ScorecardSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "List framework files: their ids, versions and stages.",
            discussion: """
                Lists the .yaml files of the folders given, or else of the folders where frameworks \
                ship: frameworks/ in the current folder, and beside the executable frameworks/, \
                ../share/scorecard/frameworks and (for a binary built in a checkout) the \
                checkout's frameworks/. A file that does not load is listed with its first problem.

                Example:
                  scorecard frameworks list
                """)

        @Argument(help: ArgumentHelp("Folders to list (default: where frameworks ship).", valueName: "folder"))
        var folders: [String] = []

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        mutating func execute() throws -> ExitStatus {
            let searched = folders.isEmpty ? Frameworks.defaultFolders() : folders
            let listings = Frameworks.list(in: searched)
            switch format {
            case .json:
                try Console.write(try OutputEnvelope(command: "frameworks list", result: listings).encoded())
            case .text:
                guard !listings.isEmpty else {
                    Console.error("error: no framework files in \(searched.map(terminalSafe).joined(separator: ", "))")
                    return .invalidInput
                }
                var table = TextTable()
                table.add(["id", "version", "schema", "stages", "file"])
                for listing in listings {
                    let relative = RelativePath.from(FileManager.default.currentDirectoryPath, to: listing.path)
                    let file = terminalSafe(relative.hasPrefix("..") ? listing.path : relative)
                    if let error = listing.error {
                        table.add(["(does not load)", "", "", "", "\(file): \(terminalSafe(error))"])
                    } else {
                        table.add([listing.id, listing.version, listing.schemaVersion.map(String.init), listing.stages.joined(separator: ", "), file]
                            .map { terminalSafe($0 ?? "") })
                    }
                }
                try Console.write(table.render())
            }
            return listings.contains { $0.error != nil } ? .invalidInput : .success
        }
    }

    struct Lint: ScorecardSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate framework files and report every problem with file, line and column.",
            discussion: """
                Also warns, without refusing the file, about levels that no evidence can ever rule \
                out (a category that can never be at the floor), and tells a schema_version 1 file \
                how its levels are ruled out. Exits 0 when every file is valid and 2 otherwise.
                """)

        @Argument(help: ArgumentHelp("Framework files (YAML).", valueName: "file"))
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("Give at least one framework file.") }
        }

        mutating func execute() throws -> ExitStatus {
            var status = ExitStatus.success
            for file in files {
                let line: String
                do {
                    let loaded = try Frameworks.load(path: file)
                    let framework = loaded.framework
                    let indicators = framework.categories.flatMap(\.indicators)
                    let ruleOutSets = framework.categories.reduce(0) { count, category in
                        if case .sets(let sets) = category.ruleOut { return count + sets.count }
                        return count
                    }
                    for warning in loaded.warnings { Console.error("warning: \(terminalSafe(warning.description))") }
                    func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
                    var summary = "\(count(framework.categories.count, "category", "categories")), \(count(indicators.count, "indicator", "indicators")), "
                    summary += "\(indicators.filter(\.isDecisive).count) with thresholds, \(count(ruleOutSets, "rule-out set", "rule-out sets")), "
                    summary += count(framework.gates.count, "gate", "gates")
                    if !loaded.warnings.isEmpty { summary += ", \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s")" }
                    line = terminalSafe("\(file): ok (\(framework.name), \(framework.version): \(summary))") + "\n"
                } catch {
                    Console.error(ErrorReport.lines(error.diagnostics))
                    status = .invalidInput
                    continue
                }
                try Console.write(line)
            }
            return status
        }
    }

    struct Show: ScorecardSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a framework: levels, stages, categories, indicators with thresholds and their rationale, gates.")

        @Argument(help: ArgumentHelp("Framework file (YAML).", valueName: "file"))
        var file: String

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        mutating func execute() throws -> ExitStatus {
            let loaded = try Frameworks.load(path: file)
            switch format {
            case .text: try Console.write(FrameworkText(framework: loaded.framework).render())
            case .json: try Console.write(try FrameworkJSON.encode(loaded.framework, sha256: loaded.sha256))
            }
            return .success
        }
    }
}
