import ArgumentParser
import Foundation
import Scorecard
import ScorecardCore
import ScorecardIngest
import ScorecardRender
import ScorecardStore

/// A command whose body returns an exit status; its errors are printed and mapped to codes by
/// ``ErrorReport``.
protocol ScorecardSubcommand: ParsableCommand {
    mutating func execute() throws -> ExitStatus
}

extension ScorecardSubcommand {
    public mutating func run() throws {
        let status: ExitStatus
        do {
            status = try execute()
        } catch {
            status = try ErrorReport.report(error)
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// Errors → messages on standard error and exit statuses: the one place they are mapped.
enum ErrorReport {
    /// Prints `error` and returns its exit status. Rethrows ArgumentParser's own errors (usage,
    /// exit codes), usage problems found late (as usage errors), and errors of other types, which
    /// ArgumentParser prints and exits 1 for.
    static func report(_ error: any Error) throws -> ExitStatus {
        switch error {
        case let error as InputError:
            Console.error(lines(error.diagnostics))
            return .invalidInput
        case let error as ImportError:
            switch error {
            case .refused(let problems, let out):
                Console.error(lines(problems))
                Console.error(terminalSafe("nothing was written to \(out)"))
            case .nothingToImport:
                Console.error(message(error))
            }
            return .invalidInput
        case let error as RenderError:
            switch error {
            case .outNamesAFile(let out, let reports):
                throw ValidationError("--out '\(terminalSafe(out))' names a file, but \(reports) reports are written: give a directory")
            case .noModels, .preparednessNeedsFramework:
                Console.error(message(error))
                return .invalidInput
            }
        case let error as CardTemplateError:
            Console.error(message(error))
            return .invalidInput
        case let error as StrictError:
            InputReviewText.warnings(error.warnings)
            Console.error(message(error))
            return .invalidInput
        case let error as TemplateError:
            // Its description is the message, then the template's line and a caret under the column.
            Console.error(multiline(error))
            return .invalidInput
        case is GenerationTime.InvalidTime, is RegistryError, is InputsError, is CardPartsError:
            Console.error(message(error))
            return .invalidInput
        case let error as LookupError:
            Console.error(message(error))
            if case .emptyScorecard = error { return .failure }
            return .invalidInput
        case let error as CheckError:
            Console.error(message(error))
            if case .nothingToCheck = error { return .invalidInput }
            return .failure
        case let error as SignatureError:
            Console.error(message(error))
            return .invalidInput
        case let error as SignoffError:
            Console.error(message(error))
            return .invalidInput
        case is RegenerateError:
            Console.error(message(error))
            return .busy
        case let error as StoreError:
            Console.error(message(error))
            return error.kind == .busy ? .busy : .failure
        case is FileError, is OutputError:
            Console.error(message(error))
            return .failure
        default:
            throw error
        }
    }

    /// `error: …` for `error`, escaped: messages quote names and paths from the inputs.
    static func message(_ error: any Error) -> String { terminalSafe("error: \(error)") }

    /// ``message(_:)`` for an error whose description has lines of its own: each line is escaped,
    /// and the line breaks between them are kept.
    static func multiline(_ error: any Error) -> String {
        "error: \(error)".split(separator: "\n", omittingEmptySubsequences: false).map { terminalSafe(String($0)) }.joined(separator: "\n")
    }

    /// Diagnostics one per line. Messages quote values from input files: their control
    /// characters are kept visible, not live.
    static func lines(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { terminalSafe($0.description) }.joined(separator: "\n")
    }
}
