import ArgumentParser
import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardRender
import ScorecardStore

/// The documented exit codes, decided in one place.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// Something unexpected: an I/O failure, a bug.
    case failure = 1
    /// Input files are invalid: framework, evidence, determinations, configuration.
    case invalidInput = 2
    /// A gate did not pass and `--fail-on-gate` was given.
    case gateFailed = 3
    /// `regenerate`: a level moved since the last completed run.
    case levelsChanged = 4
    /// `regenerate`: a gate that passed in the last completed run no longer passes.
    case gateFlipped = 5
    /// `regenerate`: another run held the store's lock past the wait timeout.
    case busy = 6
    /// `check`: a stored scorecard does not re-derive from its stored inputs.
    case checkFailed = 7
}

/// A command whose body returns an exit status; errors are printed and mapped to codes here.
protocol ScorecardSubcommand: ParsableCommand {
    mutating func execute() throws -> ExitStatus
}

extension ScorecardSubcommand {
    public mutating func run() throws {
        let status: ExitStatus
        do {
            status = try execute()
        } catch let error as InputError {
            // Messages quote values from input files: keep their control characters visible, not live.
            Console.error(error.diagnostics.map { terminalSafe($0.description) }.joined(separator: "\n"))
            status = .invalidInput
        } catch let error as TemplateError {
            Console.error("error: \(error)")
            status = .invalidInput
        } catch let error as GenerationTime.InvalidTime {
            Console.error("error: \(error)")
            status = .invalidInput
        } catch let error as StoreError {
            Console.error("error: \(error)")
            status = .failure
        } catch let error as RegistryError {
            Console.error("error: \(error)")
            status = .invalidInput
        } catch let error as CommandError {
            Console.error("error: \(error.message)")
            status = error.status
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

/// A failure with a message and the exit status it maps to.
struct CommandError: Error {
    let message: String
    let status: ExitStatus

    init(_ message: String, status: ExitStatus = .failure) {
        self.message = message
        self.status = status
    }
}

/// Writing to the terminal.
enum Console {
    /// Writes a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes text to standard output as is.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
