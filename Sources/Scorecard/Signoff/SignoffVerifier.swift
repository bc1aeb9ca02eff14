import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardStore

/// Where a sign-off stands against the scorecards: whether its version is still the current one.
public enum SignoffStanding {
    /// The version of a stored scorecard a sign-off names: its subject, document hash, framework
    /// hash and determinations hash.
    public static func version(of scorecard: StoredScorecard, store: ScorecardStore) throws -> Signoff.Version {
        Signoff.Version(
            subject: scorecard.subject, documentSHA256: scorecard.documentSHA256, frameworkSHA256: scorecard.frameworkSHA256,
            determinationsSHA256: try store.determinationsSHA256(of: scorecard))
    }

    /// The current version of each subject of the card `card` (every card when nil).
    static func currentVersions(card: String?, store: ScorecardStore) throws -> [Subject: (id: Int64, version: Signoff.Version)] {
        var versions: [Subject: (id: Int64, version: Signoff.Version)] = [:]
        for scorecard in try store.currentScorecards(card: card) {
            versions[scorecard.subject] = (scorecard.id, try version(of: scorecard, store: store))
        }
        return versions
    }
}

/// What `scorecard verify` found: every stored sign-off checked against a keyring and the
/// scorecard it signed, and whether its version is still current.
public struct SignoffReport: Sendable {
    public struct Entry: Sendable {
        public let stored: StoredSignoff
        /// Why the sign-off is refused, one sentence each; empty when it verifies.
        public let refusals: [String]
        /// The current scorecard of the subject, when the sign-off is not about it (stale); nil
        /// when it is current. `currentID` is nil when the subject has no current scorecard.
        public let stale: Bool
        public let currentID: Int64?
        public let currentDocument: String?

        public var verified: Bool { refusals.isEmpty }
    }

    public let keyring: String
    public let entries: [Entry]

    /// 10 when any sign-off is refused; 0 otherwise, stale ones included (they are reported).
    public var status: ExitStatus { entries.allSatisfy(\.verified) ? .success : .signoffRefused }
}

/// Checks stored sign-offs (`scorecard verify`).
public enum SignoffVerifier {
    /// Checks every sign-off of the card `opened.key` (every card when nil) against `keyring`.
    ///
    /// Refused, each with its reason: a reviewer the keyring does not have, a record signed with
    /// another key than the keyring's, a signature that does not match its fields (the sign-off
    /// was altered), and a signed scorecard that was altered (its stored document no longer hashes
    /// to the signed hash, or its row records other hashes than those signed) or is gone.
    public static func verify(_ opened: CardStore, keyring: Keyring, keyringName: String) throws -> SignoffReport {
        let store = opened.store
        let current = try SignoffStanding.currentVersions(card: opened.key, store: store)
        var entries: [SignoffReport.Entry] = []
        for stored in try store.signoffs(card: opened.key) {
            let signoff = stored.signoff
            var refusals: [String] = []
            if let refusal = signoff.verify(keyring: keyring).refusal(reviewer: signoff.reviewer) { refusals.append(refusal) }
            refusals += try scorecardProblems(stored, store: store)
            let now = current[signoff.subject]
            let stale = now.map { !signoff.isAbout($0.version) } ?? true
            entries.append(SignoffReport.Entry(
                stored: stored, refusals: refusals, stale: stale, currentID: stale ? now?.id : nil,
                currentDocument: stale ? now?.version.documentSHA256 : nil))
        }
        return SignoffReport(keyring: keyringName, entries: entries)
    }

    /// What is wrong with the scorecard a sign-off signed, one sentence each.
    static func scorecardProblems(_ stored: StoredSignoff, store: ScorecardStore) throws -> [String] {
        let signoff = stored.signoff
        guard let scorecard = try store.scorecard(id: stored.scorecardID) else {
            return ["the scorecard it signed (#\(stored.scorecardID)) is not in the store: it was deleted"]
        }
        var problems: [String] = []
        let actual = SHA256.hex(of: [UInt8](scorecard.document))
        if actual != signoff.documentSha256 {
            problems.append(
                "the scorecard it signed (#\(scorecard.id)) was altered: its document hashes to \(actual.prefix(12)), not the signed \(signoff.documentSha256.prefix(12))")
        } else if scorecard.documentSHA256 != signoff.documentSha256 {
            problems.append("the scorecard row #\(scorecard.id) records the document hash \(scorecard.documentSHA256.prefix(12)), not the signed \(signoff.documentSha256.prefix(12)): the row was altered")
        }
        if scorecard.frameworkSHA256 != signoff.frameworkSha256 {
            problems.append("the scorecard row #\(scorecard.id) records the framework \(scorecard.frameworkSHA256.prefix(12)), not the signed \(signoff.frameworkSha256.prefix(12)): the row was altered")
        }
        if actual == signoff.documentSha256 {
            let determinations = try store.determinationsSHA256(of: scorecard)
            if determinations != signoff.determinationsSha256 {
                problems.append(
                    "the scorecard #\(scorecard.id) was made with the determinations \(short(determinations)), not the signed \(short(signoff.determinationsSha256))")
            }
        }
        return problems
    }

    private static func short(_ sha256: String?) -> String { sha256.map { String($0.prefix(12)) } ?? "none" }

    /// The keyring to verify with: `path`, else the card's `keyring:`.
    public static func keyring(path: String?, config: CardConfig?) throws -> (keyring: Keyring, name: String) {
        if let path { return (try KeyringLoader.load(path: path), path) }
        guard let path = config?.keyring, let config else { throw SignoffError.noKeyring }
        return (try KeyringLoader.load(path: path, name: config.display(path)), config.display(path))
    }
}
