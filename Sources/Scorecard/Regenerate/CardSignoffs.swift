import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardStore

/// A sign-off whose version a run replaced: it covered the subject's scorecard of the card's last
/// delivered run and does not cover the new one.
public struct StaleSignoff: Codable, Hashable, Sendable {
    public var model: String
    @Nullable public var snapshot: String? = nil
    public var reviewer: String
    public var decision: SignoffDecision
    public var signedAt: String
    /// The document hash it signed, and the current scorecard's.
    public var signedDocument: String
    public var currentDocument: String
}

/// A card's sign-offs during a run: those stored, those of its `signoffs:` file, and its keyring.
///
/// The file's records are the portable form (committed beside the card): each is checked when it
/// is read (against the keyring when the card names one, else against its own key) and one that
/// does not verify stops the run with its file and line. Those the store does not hold yet are
/// stored with the run's scorecards, against the card's row of the version they signed.
struct CardSignoffs {
    let keyring: Keyring?
    /// Every sign-off of the card, stored ones first, each once.
    let all: [Signoff]
    /// Records of the file the store does not hold yet, with their lines.
    let new: [(signoff: Signoff, line: Int)]
    /// The file as shown in messages.
    let fileName: String?
    /// What changes the reports: each sign-off and the keyring they are checked against.
    let fingerprintLines: [String]

    init(config: CardConfig, store: ScorecardStore, card: String) throws {
        var keyringLine = "keyring -"
        if let path = config.keyring {
            keyring = try KeyringLoader.load(path: path, name: config.display(path))
            keyringLine = "keyring \(SHA256.hex(of: try InputFile.read(path)))"
        } else {
            keyring = nil
        }
        let stored = try store.signoffs(card: card).map(\.signoff)
        var seen = Set(stored.map(\.signature))
        var new: [(signoff: Signoff, line: Int)] = []
        fileName = config.signoffs.map(config.display)
        if let path = config.signoffs, let name = fileName {
            for (signoff, line) in try SignoffRecords.load(path: path, name: name, keyring: keyring)
            where seen.insert(signoff.signature).inserted {
                new.append((signoff, line))
            }
        }
        self.new = new
        all = stored + new.map(\.signoff)
        fingerprintLines = [keyringLine] + all.map { "signoff \($0.signature)" }.sorted()
    }

    /// The sign-offs of `version`'s subject as its report shows them.
    func shown(_ version: Signoff.Version) -> [ShownSignoff] { ShownSignoff.of(all, version: version, keyring: keyring) }

    /// Sign-offs that covered `previous` and do not cover `current`.
    func madeStale(previous: Signoff.Version?, current: Signoff.Version) -> [StaleSignoff] {
        guard let previous, previous != current else { return [] }
        return all.filter { $0.isAbout(previous) && $0.verify(keyring: keyring).isVerified }.map {
            StaleSignoff(model: $0.model, snapshot: $0.snapshot, reviewer: $0.reviewer, decision: $0.decision, signedAt: $0.signedAt,
                         signedDocument: $0.documentSha256, currentDocument: current.documentSHA256)
        }
    }

    /// Warnings for records of the file that name a version the card has no scorecard of (neither
    /// stored nor made by this run): they are not stored.
    func unmatched(current: [Signoff.Version], store: ScorecardStore, card: String) throws -> [InputWarning] {
        var warnings: [InputWarning] = []
        for (signoff, line) in new where !current.contains(where: signoff.isAbout) {
            let stored = try store.scorecards(card: card, subject: signoff.subject, documentSHA256: signoff.documentSha256)
            if stored.isEmpty {
                warnings.append(InputWarning(
                    .unmatchedSignoff, file: fileName, line: line,
                    message: "the sign-off by '\(signoff.reviewer)' of \(signoff.subject) signed document \(signoff.documentSha256.prefix(12)), which this card's store does not hold; it was not imported"))
            }
        }
        return warnings
    }
}
