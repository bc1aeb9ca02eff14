import Foundation
import ScorecardCore
import ScorecardEvaluators
import ScorecardIngest
import ScorecardStore

/// Brings a card's scorecards and reports up to date with its inputs, touching nothing when
/// nothing changed.
///
/// Two runs on one store take turns: ``run(wait:waiting:progress:)`` holds the store's lock
/// (`STORE.lock`) for the whole run, waiting for another run up to a timeout.
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

    /// Takes the store's lock, then imports, assesses, stores and renders what changed.
    ///
    /// - Parameters:
    ///   - wait: seconds to wait for another run holding the lock; then ``RegenerateError/busy(lock:waited:)``.
    ///   - waiting: called once when the lock is held by another run and this one starts waiting.
    ///   - progress: evidence files being read.
    ///   - strict: fail with ``StrictError`` on any warning about the inputs, before writing
    ///     anything (also when the card says `strict: true`).
    public func run(
        wait: Double = 60, waiting: () -> Void = {}, strict: Bool = false, progress: (ProgressEvent) -> Void = { _ in }
    ) throws -> RunSummary {
        let lockPath = storePath + ".lock"
        guard let lock = try FileLock(path: lockPath, timeout: wait, waiting: waiting) else {
            throw RegenerateError.busy(lock: lockPath, waited: wait)
        }
        let store = try ScorecardStore(path: storePath)
        return try withExtendedLifetime(lock) {
            try RegenerationRun(config: config, store: store, registry: registry, strict: strict || config.strict)
                .run(progress: progress)
        }
    }
}

/// Why a regeneration did not start.
public enum RegenerateError: Error, Sendable, CustomStringConvertible {
    /// Another run held the store's lock for the whole wait.
    case busy(lock: String, waited: Double)

    public var description: String {
        switch self {
        case .busy(let lock, let waited): "another scorecard run still holds \(lock) after \(Int(waited)) s; try again later"
        }
    }
}
