import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest
import ScorecardStore

/// Brings a card's scorecards and reports up to date with its inputs, touching nothing when
/// nothing changed.
///
/// Two runs on one store take turns: ``run(wait:rehash:waiting:progress:deliver:)`` holds the
/// store's lock (`STORE.lock`) for the whole run, waiting for another run up to a timeout. Several
/// cards may share a store: each card's scorecards, runs and alerts are kept apart under its
/// key (``Card/key(config:store:)``).
public struct Regenerator: Sendable {
    /// The card's configuration.
    public let config: CardConfig
    /// The SQLite store: the one given, else the configuration's.
    public let storePath: String
    /// The evaluators the framework's indicators name.
    public let registry: EvaluatorRegistry

    /// Loads the card configuration at `config`; `store` overrides the store it names.
    public init(config: String, store: String? = nil, registry: EvaluatorRegistry = StandardEvaluators.registry) throws(InputError) {
        self.config = try Card.load(path: config)
        self.storePath = store ?? self.config.store
        self.registry = registry
    }

    /// The key of this card's history in the store.
    public var cardKey: String { Card.key(config: config.path, store: storePath) }

    /// Takes the store's lock, then imports, assesses, stores and renders what changed, hands the
    /// summary to `deliver`, and records the alert delivered once `deliver` returns.
    ///
    /// An alert (exit 4 or 5) counts as delivered only when `deliver` has written the summary out:
    /// if it throws (standard output cannot be written) or the process dies first, the next run
    /// compares with the same earlier run and raises the alert again (at least once, never lost).
    ///
    /// - Parameters:
    ///   - wait: seconds to wait for another run holding the lock, and for another process's
    ///     write transaction on the database; then ``RegenerateError/busy(lock:waited:)`` or a
    ///     ``StoreError`` of kind `busy`.
    ///   - rehash: hash every evidence file, trusting no unchanged size and modification time.
    ///   - waiting: called once when the lock is held by another run and this one starts waiting.
    ///   - progress: evidence files being read.
    ///   - strict: fail with ``StrictError`` on any warning about the inputs, before writing
    ///     anything (also when the card says `strict: true`).
    ///   - deliver: writes the summary out; by default nothing, so returning is delivering.
    ///   - delivered: called right after the delivery is recorded, still holding the lock. A
    ///     command-line tool exits here (`exit(summary.status)`), so that nothing — closing the
    ///     database, releasing the lock — sits between recording the delivery and the exit with
    ///     the alert's code: a kill in between would lose the code of an alert counted delivered.
    public func run(
        wait: Double = 60, rehash: Bool = false, waiting: () -> Void = {}, strict: Bool = false,
        progress: (ProgressEvent) -> Void = { _ in }, deliver: (RunSummary) throws -> Void = { _ in },
        delivered: (RunSummary) -> Void = { _ in }
    ) throws -> RunSummary {
        // Before the lock, so a store path that is a device or a folder leaves nothing beside it.
        try ScorecardStore.checkKind(storePath)
        let lockPath = storePath + ".lock"
        guard let lock = try FileLock(path: lockPath, timeout: wait, waiting: waiting) else {
            throw RegenerateError.busy(lock: lockPath, waited: wait)
        }
        return try withExtendedLifetime(lock) {
            let store = try ScorecardStore(path: storePath, busyTimeout: wait)
            let run = RegenerationRun(
                config: config, store: store, registry: registry, cardKey: cardKey, rehash: rehash, strict: strict || config.strict)
            let outcome = try run.run(progress: progress)
            try deliver(outcome.summary)
            CrashPoint.afterPrint.reach()
            if let id = outcome.deliver { try store.markDelivered(id) }
            delivered(outcome.summary)
            return outcome.summary
        }
    }
}

/// Why a regeneration did not start.
public enum RegenerateError: Error, Sendable, CustomStringConvertible {
    /// Another run held the store's lock for the whole wait.
    case busy(lock: String, waited: Double)

    public var description: String {
        switch self {
        case .busy(let lock, let waited):
            "another scorecard run still holds \(lock) after \(Seconds.text(waited)); try again later"
        }
    }
}
