import Foundation
import ScorecardIngest
import ScorecardStore

/// A card: its configuration file (`scorecard.yaml`) and the store it names.
public enum Card {
    /// Loads and validates the configuration at `path`, accepting the evidence formats this build reads.
    public static func load(path: String) throws(InputError) -> CardConfig {
        try CardConfigLoader.load(path: path, formats: EvidenceFormats.names)
    }

    /// The key that keeps a card's history apart from other cards sharing its store: the
    /// configuration's path relative to the store's folder (`../scorecard.yaml` for the default
    /// store), so it stays the same when the folder holding both moves or is checked out elsewhere.
    /// Renaming or moving the configuration relative to its store starts a new history.
    public static func key(config: String, store: String) -> String {
        let folder = URL(fileURLWithPath: store).deletingLastPathComponent().path
        return RelativePath.from(folder, to: URL(fileURLWithPath: config).standardized.path)
    }

    /// Opens an existing store for reading (never creates one), and says whose history to read.
    ///
    /// With `store` alone: that store, every card in it. Otherwise the configuration at `config`
    /// (default `scorecard.yaml`): the store it names (or `store`), and only that card's history.
    public static func open(config: String?, store: String?) throws -> CardStore {
        if let store, config == nil {
            return CardStore(store: try ScorecardStore(path: store, create: false), config: nil, key: nil)
        }
        let loaded = try load(path: config ?? "scorecard.yaml")
        let path = store ?? loaded.store
        return CardStore(store: try ScorecardStore(path: path, create: false), config: loaded, key: key(config: loaded.path, store: path))
    }
}

/// A store opened for reading, with the card whose history is read.
public struct CardStore: Sendable {
    /// The store.
    public let store: ScorecardStore
    /// The card's configuration, when one was given (or found as `scorecard.yaml`).
    public let config: CardConfig?
    /// The card's key in the store (``Card/key(config:store:)``); nil reads every card.
    public let key: String?
}
