import ArgumentParser
import ScorecardCLI
import Testing

/// Every command's `--help`, compared with its golden file: a change to any option or help text
/// shows up in a diff.
@Suite struct HelpTests {
    /// Every command path below `scorecard`, e.g. `["frameworks", "lint"]`, walking the command tree
    /// (`_commandName` is the name ArgumentParser derives when a configuration names none).
    static func commandPaths(_ command: any ParsableCommand.Type = ScorecardCommand.self, prefix: [String] = []) -> [[String]] {
        command.configuration.subcommands.flatMap { subcommand -> [[String]] in
            let path = prefix + [subcommand._commandName]
            return [path] + commandPaths(subcommand, prefix: path)
        }
    }

    @Test func everyCommandAndSubcommandHasAGoldenHelp() throws {
        let paths = Self.commandPaths()
        #expect(paths.count == 24, "\(paths)")
        for path in [[]] + paths {
            let result = try CLI.run(path + ["--help"])
            #expect(result.status == 0, "\(path): \(result.stderr)")
            try Golden.check(result.stdout, (["help"] + path).joined(separator: "-") + ".txt")
        }
    }
}
