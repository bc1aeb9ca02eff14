import ScorecardIngest
import ScorecardStore

/// A card: its configuration file (`scorecard.yaml`) and the store it names.
public enum Card {
    /// Loads and validates the configuration at `path`, accepting the evidence formats this build reads.
    public static func load(path: String) throws(InputError) -> CardConfig {
        try CardConfigLoader.load(path: path, formats: EvidenceFormats.names)
    }

    /// Opens an existing store: the one at `store` when given, else the one the configuration at
    /// `config` names. Never creates one.
    public static func openStore(_ store: String?, config: String) throws -> ScorecardStore {
        let path = try store ?? load(path: config).store
        return try ScorecardStore(path: path, create: false)
    }
}
