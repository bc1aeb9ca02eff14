import Foundation

/// A reviewer's decision on a scorecard.
public enum SignoffDecision: String, Codable, CaseIterable, Hashable, Sendable {
    case approve
    case reject
    case requestChanges = "request-changes"
}

/// A signed sign-off: a reviewer's decision bound to one version of one subject's scorecard.
///
/// The version is named by three hashes the scorecard records: its document's SHA-256 (the
/// scorecard's content hash, the same on every checkout for the same inputs), the framework
/// file's and the determinations file's. ``payload`` is the canonical byte string that is signed
/// (``CanonicalFields`` of ``domain`` and the fields in a fixed order); ``signature`` is the
/// reviewer's Ed25519 signature of it, and ``publicKey`` the key that made it, so a record is
/// checked alone (``verify(keyring:)``) and against a keyring of the reviewers' keys.
public struct Signoff: Codable, Hashable, Sendable {
    /// The domain-separation prefix and version of the signed payload.
    public static let domain = "scorecard-signoff-v1"
    /// The version of the record's JSON form.
    public static let recordVersion = 1

    public var version: Int
    public var model: String
    @Nullable public var snapshot: String? = nil
    public var documentSha256: String
    public var frameworkSha256: String
    /// Null when the scorecard was made without a determinations file.
    @Nullable public var determinationsSha256: String? = nil
    public var decision: SignoffDecision
    public var reviewer: String
    /// Null when none was given; an empty note is none.
    @Nullable public var note: String? = nil
    /// When it was signed: ISO 8601, UTC, whole seconds.
    public var signedAt: String
    /// The signing key, standard base64 of its 32 bytes.
    public var publicKey: String
    /// Standard base64 of the 64-byte Ed25519 signature of ``payload``.
    public var signature: String

    public init(
        version: Int, model: String, snapshot: String?, documentSha256: String, frameworkSha256: String,
        determinationsSha256: String?, decision: SignoffDecision, reviewer: String, note: String?, signedAt: String,
        publicKey: String, signature: String
    ) {
        self.version = version
        self.model = model
        self.snapshot = snapshot
        self.documentSha256 = documentSha256
        self.frameworkSha256 = frameworkSha256
        self.determinationsSha256 = determinationsSha256
        self.decision = decision
        self.reviewer = reviewer
        self.note = note
        self.signedAt = signedAt
        self.publicKey = publicKey
        self.signature = signature
    }

    /// The scorecard version a sign-off is about.
    public struct Version: Hashable, Sendable {
        public var subject: Subject
        public var documentSHA256: String
        public var frameworkSHA256: String
        public var determinationsSHA256: String?

        public init(subject: Subject, documentSHA256: String, frameworkSHA256: String, determinationsSHA256: String?) {
            self.subject = subject
            self.documentSHA256 = documentSHA256
            self.frameworkSHA256 = frameworkSHA256
            self.determinationsSHA256 = determinationsSHA256
        }
    }

    /// Signs `decision` on `version` by `reviewer` with `key` at `signedAt`.
    public static func sign(
        _ version: Version, decision: SignoffDecision, reviewer: String, note: String?, signedAt: String, key: Ed25519.PrivateKey
    ) throws(SignatureError) -> Signoff {
        var signoff = Signoff(
            version: recordVersion, model: version.subject.model, snapshot: version.subject.snapshot,
            documentSha256: version.documentSHA256, frameworkSha256: version.frameworkSHA256,
            determinationsSha256: version.determinationsSHA256, decision: decision, reviewer: reviewer,
            note: note?.isEmpty == true ? nil : note, signedAt: signedAt, publicKey: key.publicKey.base64, signature: "")
        signoff.signature = Data(try Ed25519.sign(signoff.payload, with: key)).base64EncodedString()
        return signoff
    }

    public var subject: Subject { Subject(model: model, snapshot: snapshot) }

    /// The version signed.
    public var signedVersion: Version {
        Version(subject: subject, documentSHA256: documentSha256, frameworkSHA256: frameworkSha256, determinationsSHA256: determinationsSha256)
    }

    /// The bytes signed: ``CanonicalFields`` of the domain, then model, snapshot, document,
    /// framework and determinations hashes, decision, reviewer, note, time and public key (an
    /// absent snapshot, determinations hash or note is the empty string).
    public var payload: [UInt8] {
        Array(CanonicalFields.encode([
            Self.domain, model, snapshot ?? "", documentSha256, frameworkSha256, determinationsSha256 ?? "", decision.rawValue,
            reviewer, note ?? "", signedAt, publicKey,
        ]).utf8)
    }

    /// Whether the sign-off is about `version` (the same subject and the same three hashes).
    public func isAbout(_ version: Version) -> Bool { signedVersion == version }

    /// Checks the signature: against the reviewer's key in `keyring` when one is given, else
    /// against the record's own key (which proves the record unaltered, not who made it).
    public func verify(keyring: Keyring?) -> Verification {
        guard let own = Ed25519.PublicKey(base64: publicKey) else { return .malformed("its public_key is not base64 of 32 bytes") }
        guard let signature = Data(base64Encoded: signature), signature.count == 64 else {
            return .malformed("its signature is not base64 of 64 bytes")
        }
        var key = own
        if let keyring {
            guard let known = keyring.key(of: reviewer) else { return .unknownReviewer }
            guard known == own else { return .wrongKey(signedWith: own, keyring: known) }
            key = known
        }
        return Ed25519.verify([UInt8](signature), of: payload, by: key) ? .verified : .badSignature
    }

    /// What checking a sign-off's signature found.
    public enum Verification: Hashable, Sendable {
        case verified
        /// The keyring has no key for the reviewer.
        case unknownReviewer
        /// The record was signed with another key than the keyring gives the reviewer.
        case wrongKey(signedWith: Ed25519.PublicKey, keyring: Ed25519.PublicKey)
        /// The key is right but the signature is not of these fields: the record was altered.
        case badSignature
        /// A field is not what the record format allows.
        case malformed(String)

        public var isVerified: Bool { self == .verified }

        /// Why a sign-off by `reviewer` is refused, in a sentence (nil when verified).
        public func refusal(reviewer: String) -> String? {
            switch self {
            case .verified:
                nil
            case .unknownReviewer:
                "the reviewer '\(reviewer)' is not in the keyring"
            case .wrongKey(let signedWith, let keyring):
                "signed with the key \(signedWith.fingerprint), but the keyring gives '\(reviewer)' the key \(keyring.fingerprint)"
            case .badSignature:
                "the signature does not match the sign-off's fields: the sign-off was altered after it was signed"
            case .malformed(let what):
                "the sign-off is malformed: \(what)"
            }
        }
    }
}

/// Reviewers' public keys by name: who may sign off, and with which key.
public struct Keyring: Hashable, Sendable {
    public let keys: [String: Ed25519.PublicKey]

    public init(keys: [String: Ed25519.PublicKey]) { self.keys = keys }

    /// The key of the reviewer named exactly `name`.
    public func key(of name: String) -> Ed25519.PublicKey? { keys[name] }
}

/// A sign-off as a report shows it beside the scorecard it reports: whether it is about that
/// version, and whether its signature holds.
public struct ShownSignoff: Hashable, Sendable {
    public let signoff: Signoff
    /// Whether it is about the scorecard version reported; false: stale (an earlier version).
    public let current: Bool
    /// Why the signature does not hold (``Signoff/Verification/refusal(reviewer:)``); nil when it does.
    public let refusal: String?
    /// Whether it was checked against a keyring, or only against its own key.
    public let keyringChecked: Bool

    public init(signoff: Signoff, current: Bool, refusal: String?, keyringChecked: Bool) {
        self.signoff = signoff
        self.current = current
        self.refusal = refusal
        self.keyringChecked = keyringChecked
    }

    /// Each sign-off of `version`'s subject, checked against `keyring` (its own key when nil),
    /// in the order given.
    public static func of(_ signoffs: [Signoff], version: Signoff.Version, keyring: Keyring?) -> [ShownSignoff] {
        signoffs.filter { $0.subject == version.subject }.map {
            ShownSignoff(
                signoff: $0, current: $0.isAbout(version), refusal: $0.verify(keyring: keyring).refusal(reviewer: $0.reviewer),
                keyringChecked: keyring != nil)
        }
    }
}
