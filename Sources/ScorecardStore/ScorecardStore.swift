import Foundation
import GRDB
import ScorecardCore

/// The SQLite store of evidence, frameworks, determinations, scorecards and runs (GRDB, WAL mode).
///
/// Opening migrates an older database and refuses a newer one or a file that is not a database,
/// never overwriting it. Writes that belong together happen in one transaction.
public final class ScorecardStore: Sendable {
    public let path: String
    let pool: DatabasePool
    let clock: @Sendable () -> Date
    /// Seconds a statement waits for another process's write transaction before the store is busy.
    public let busyTimeout: Double

    /// The longest busy timeout SQLite can take (its milliseconds are a 32-bit integer).
    static let longestBusyTimeout = Double(Int32.max / 1000)

    /// Opens (and migrates) the database at `path`; with `create`, makes it and its folder if absent.
    ///
    /// - Parameter busyTimeout: seconds to wait for another process's write transaction (at most
    ///   about 24 days); then a ``StoreError`` of kind ``StoreError/Kind/busy``.
    public init(
        path: String, create: Bool = true, busyTimeout: Double = 10, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(StoreError) {
        self.path = path
        self.clock = clock
        let busyTimeout = busyTimeout.isFinite ? min(max(busyTimeout, 0), Self.longestBusyTimeout) : Self.longestBusyTimeout
        self.busyTimeout = busyTimeout
        try Self.checkKind(path)
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists {
            guard create else { throw StoreError(kind: .missing, path: path, message: "no scorecard database here") }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(kind: .sqlite, path: path, message: "cannot create the folder \(folder): \(error.localizedDescription)")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            if exists { try Self.checkHeader(path) }
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Migrations.migrator
            let superseded = try pool.read { try migrator.hasBeenSuperseded($0) }
            if superseded {
                let unknown = try pool.read { db in try migrator.appliedIdentifiers(db).subtracting(migrator.migrations) }
                throw StoreError(
                    kind: .newerSchema, path: path,
                    message: "written by a newer version of scorecard (unknown migrations: \(unknown.sorted().joined(separator: ", "))); upgrade the tool or use another --store")
            }
            try migrator.migrate(pool)
        } catch {
            throw StoreError.wrap(error, path: path, waited: busyTimeout)
        }
    }

    /// Refuses a store path that names something other than a regular file (a folder, a device,
    /// a FIFO, a socket), before SQLite opens it and writes its journal and lock files beside it;
    /// an absent path is fine.
    public static func checkKind(_ path: String) throws(StoreError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: kind = "a folder"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFIFO: kind = "a FIFO"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        throw StoreError(
            kind: .notADatabase, path: path,
            message: "is \(kind), not a database file; it was left untouched. Pass another --store (or the card's store:)")
    }

    /// SQLite opens any file lazily; read the header so a non-database fails here, untouched.
    private static func checkHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(kind: .sqlite, path: path, message: "cannot read the database file")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw StoreError(
                kind: .notADatabase, path: path,
                message: "not a scorecard database (no SQLite header); it was left untouched. Move it aside or pass another --store")
        }
    }

    /// The current time as ISO 8601 with seconds, UTC.
    func now() -> String { Self.timestamp(clock()) }

    static func timestamp(_ date: Date) -> String {
        var formatter = Date.ISO8601FormatStyle()
        formatter.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return date.formatted(formatter)
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch { throw StoreError.wrap(error, path: path, waited: busyTimeout) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError.wrap(error, path: path, waited: busyTimeout) }
    }

    /// Problems `PRAGMA integrity_check` reports; empty when the database is consistent.
    public func integrityProblems() throws(StoreError) -> [String] {
        let rows = try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        return rows == ["ok"] ? [] : rows
    }

    /// The names of the migrations applied, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try Migrations.migrator.appliedMigrations(db) }
    }
}
