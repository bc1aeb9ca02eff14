import GRDB
import ScorecardCore

/// Why the store cannot be used, in words that say what to do.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The file exists but is not a SQLite database (or is damaged).
        case notADatabase
        /// The database was written by a newer version of the tool.
        case newerSchema
        /// Another process holds the database.
        case busy
        /// Any other SQLite failure.
        case sqlite
        /// No database at the path, and creating one was not asked for.
        case missing
    }

    public let kind: Kind
    public let path: String
    public let message: String

    public var description: String { "\(path): \(message)" }

    static func wrap(_ error: any Error, path: String, waited: Double) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return StoreError(kind: .sqlite, path: path, message: "\(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(
                kind: .notADatabase, path: path,
                message: "not a usable scorecard database (\(error.message ?? "corrupt")); it was left untouched. Move it aside or pass another --store")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                kind: .busy, path: path,
                message: "the database is busy: another process has held a write transaction on it for more than \(Format.short(waited)) s; try again later")
        default:
            var text = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            if let sql = error.sql { text += " (while running: \(sql))" }
            return StoreError(kind: .sqlite, path: path, message: text)
        }
    }
}
