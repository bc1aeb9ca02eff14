import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardStore

/// What `scorecard signoff` is asked to sign.
public struct SignoffRequest: Sendable {
    public var model: String
    public var snapshot: String?
    public var decision: SignoffDecision
    public var reviewer: String
    public var note: String?
    /// The reviewer's private key file.
    public var keyPath: String

    public init(model: String, snapshot: String?, decision: SignoffDecision, reviewer: String, note: String?, keyPath: String) {
        self.model = model
        self.snapshot = snapshot
        self.decision = decision
        self.reviewer = reviewer
        self.note = note
        self.keyPath = keyPath
    }
}

/// A sign-off made and stored, and where its record was appended.
public struct SignedOff: Sendable {
    public let stored: StoredSignoff
    /// The card's `signoffs:` file the record was appended to, when the card names one.
    public let recordFile: String?
}

/// Signs reviewers' decisions on stored scorecards (`scorecard signoff`).
public enum Signing {
    /// Signs `request` on the current scorecard of its model (and snapshot) in `opened`, stores the
    /// sign-off and, when the card names a `signoffs:` file, appends the record to it.
    ///
    /// With a keyring (the card's `keyring:`), the reviewer must be in it with this key: a sign-off
    /// that `verify` would refuse is not made.
    public static func signoff(_ request: SignoffRequest, in opened: CardStore, now: Date = Date()) throws -> SignedOff {
        let key = try KeyGeneration.readPrivateKey(path: request.keyPath)
        // The names of the reviewers who signed before: a new one must read apart from each.
        let signers = Set(try opened.store.signoffs().map(\.signoff.reviewer))
        if let problem = ReviewerName.problem(request.reviewer, among: signers) {
            throw SignoffError.reviewerName(problem + (signers.isEmpty ? "" : " (beside the reviewers who signed in this store)"))
        }
        if let path = opened.config?.keyring {
            let keyring = try KeyringLoader.load(path: path, name: opened.config?.display(path))
            guard let known = keyring.key(of: request.reviewer) else {
                throw SignoffError.keyringRefuses("the reviewer '\(request.reviewer)' is not in the keyring \(opened.config?.display(path) ?? path); add their public key first")
            }
            guard known == key.publicKey else {
                throw SignoffError.keyringRefuses(
                    "the key \(request.keyPath) is \(key.publicKey.fingerprint), but the keyring \(opened.config?.display(path) ?? path) gives '\(request.reviewer)' the key \(known.fingerprint)")
            }
        }
        // Held from storing the sign-off to rewriting the card's `signoffs:` file: two sign-offs at
        // once take turns, so the file keeps every record the store keeps, in the store's order.
        let lock = try opened.config?.signoffs.map { try FileLock.guarding($0) }
        return try withExtendedLifetime(lock) {
            let scorecard = try current(request.model, snapshot: request.snapshot, in: opened)
            let version = try SignoffStanding.version(of: scorecard, store: opened.store)
            let signoff = try Signoff.sign(
                version, decision: request.decision, reviewer: request.reviewer, note: request.note, signedAt: timestamp(now), key: key)
            let stored = try opened.store.saveSignoff(signoff, scorecard: scorecard.id)
            var file: String?
            if let path = opened.config?.signoffs {
                try append(SignoffFile.line(signoff), to: path)
                file = path
            }
            return SignedOff(stored: stored, recordFile: file)
        }
    }

    /// Rewrites the `signoffs:` file at `path` with `line` after what it holds (the caller holds its lock).
    static func append(_ line: String, to path: String) throws {
        let existing = FileManager.default.fileExists(atPath: path) ? try InputFile.read(path) : []
        var text = String(decoding: existing, as: UTF8.self)
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += line
        try AtomicFile.write(Data(text.utf8), to: path)
    }

    /// The current scorecard of `model` (and `snapshot`) in the store's card(s).
    static func current(_ model: String, snapshot: String?, in opened: CardStore) throws -> StoredScorecard {
        let all = try opened.store.currentScorecards(card: opened.key)
        let ofModel = all.filter { $0.subject.model == model }
        guard !ofModel.isEmpty else {
            let models = Set(all.map(\.subject.model)).sorted()
            throw SignoffError.noScorecard(model: model, known: models)
        }
        let chosen = ofModel.filter { snapshot == nil || $0.subject.snapshot == snapshot }
        guard chosen.count == 1, let scorecard = chosen.first else {
            if chosen.isEmpty { throw SignoffError.noSnapshot(model: model, snapshot: snapshot ?? "", known: ofModel.map(\.subject.description)) }
            throw SignoffError.ambiguous(model: model, candidates: chosen.map { "#\($0.id) \($0.subject)" })
        }
        return scorecard
    }

    /// `2024-12-05T10:00:00Z`: ISO 8601, UTC, whole seconds.
    static func timestamp(_ date: Date) -> String {
        var style = Date.ISO8601FormatStyle()
        style.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return date.formatted(style)
    }
}

/// Why a sign-off was not made.
public enum SignoffError: Error, Sendable, CustomStringConvertible {
    case noScorecard(model: String, known: [String])
    case noSnapshot(model: String, snapshot: String, known: [String])
    case ambiguous(model: String, candidates: [String])
    case keyringRefuses(String)
    case noKeyring
    /// The reviewer's name does not read as written, or reads like another reviewer's.
    case reviewerName(String)

    public var description: String {
        switch self {
        case .noScorecard(let model, let known):
            let hint = NearestName.closest(to: model, in: known).map { "; did you mean '\($0)'?" } ?? ""
            return "no current scorecard of '\(model)' in the store\(hint) (models: \(known.isEmpty ? "none; run regenerate first" : known.joined(separator: ", ")))"
        case .noSnapshot(let model, let snapshot, let known):
            return "no current scorecard of '\(model)' at snapshot '\(snapshot)' (current: \(known.joined(separator: ", ")))"
        case .ambiguous(let model, let candidates):
            return "'\(model)' has several current scorecards (\(candidates.joined(separator: ", "))); name one with --snapshot, or the card with --config"
        case .keyringRefuses(let reason), .reviewerName(let reason):
            return reason
        case .noKeyring:
            return "no keyring to verify against: pass --keyring FILE, or name one in the card's keyring:"
        }
    }
}
