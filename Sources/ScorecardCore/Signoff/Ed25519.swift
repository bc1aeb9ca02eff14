import CLibCrypto
import Foundation

/// Ed25519 signatures (RFC 8032), computed by OpenSSL's libcrypto.
///
/// Keys are raw: a private key is its 32-byte seed, a public key its 32 bytes. Signing and
/// verifying are one-shot `EVP_DigestSign`/`EVP_DigestVerify` calls with no digest, as Ed25519
/// hashes the message itself.
public enum Ed25519 {
    /// A public key: 32 bytes.
    public struct PublicKey: Hashable, Sendable {
        public let bytes: [UInt8]

        /// The key from its 32 bytes; nil for any other length.
        public init?(bytes: [UInt8]) {
            guard bytes.count == 32 else { return nil }
            self.bytes = bytes
        }

        /// The key from standard base64 of its 32 bytes; nil when it is not that.
        public init?(base64: String) {
            guard let data = Data(base64Encoded: base64) else { return nil }
            self.init(bytes: [UInt8](data))
        }

        /// Standard base64 of the 32 bytes, as keyrings and sign-off records write it.
        public var base64: String { Data(bytes).base64EncodedString() }

        /// The first 16 hex digits of the key's SHA-256: a short name to compare keys by eye.
        public var fingerprint: String { String(SHA256.hex(of: bytes).prefix(16)) }
    }

    /// A private key: its 32-byte seed, from which the public key follows.
    public struct PrivateKey: Sendable {
        public let seed: [UInt8]
        public let publicKey: PublicKey

        /// The key from its 32-byte seed.
        public init(seed: [UInt8]) throws(SignatureError) {
            guard seed.count == 32 else { throw SignatureError("an Ed25519 private key is 32 bytes, found \(seed.count)") }
            let key = try Ed25519.privateKey(seed)
            defer { EVP_PKEY_free(key) }
            var bytes = [UInt8](repeating: 0, count: 32)
            var length = 32
            guard EVP_PKEY_get_raw_public_key(key, &bytes, &length) == 1, length == 32, let publicKey = PublicKey(bytes: bytes) else {
                throw SignatureError("libcrypto could not derive the Ed25519 public key")
            }
            self.seed = seed
            self.publicKey = publicKey
        }

        /// A new key from libcrypto's random generator.
        public static func generate() throws(SignatureError) -> PrivateKey {
            var seed = [UInt8](repeating: 0, count: 32)
            guard RAND_bytes(&seed, 32) == 1 else { throw SignatureError("libcrypto's random generator failed") }
            return try PrivateKey(seed: seed)
        }
    }

    /// The 64-byte signature of `message` by `key`.
    public static func sign(_ message: [UInt8], with key: PrivateKey) throws(SignatureError) -> [UInt8] {
        let pkey = try privateKey(key.seed)
        defer { EVP_PKEY_free(pkey) }
        guard let context = EVP_MD_CTX_new() else { throw SignatureError("libcrypto could not start a signature (out of memory?)") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, nil, nil, pkey) == 1 else { throw SignatureError("libcrypto could not start an Ed25519 signature") }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        let status = message.withUnsafeBufferPointer { buffer in
            EVP_DigestSign(context, &signature, &length, buffer.baseAddress, buffer.count)
        }
        guard status == 1, length == 64 else { throw SignatureError("libcrypto could not sign with Ed25519") }
        return signature
    }

    /// Whether `signature` is `key`'s signature of `message`.
    public static func verify(_ signature: [UInt8], of message: [UInt8], by key: PublicKey) -> Bool {
        guard signature.count == 64,
              let pkey = EVP_PKEY_new_raw_public_key(scorecard_evp_pkey_ed25519, nil, key.bytes, key.bytes.count) else { return false }
        defer { EVP_PKEY_free(pkey) }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, nil, nil, pkey) == 1 else { return false }
        return message.withUnsafeBufferPointer { buffer in
            EVP_DigestVerify(context, signature, signature.count, buffer.baseAddress, buffer.count)
        } == 1
    }

    private static func privateKey(_ seed: [UInt8]) throws(SignatureError) -> OpaquePointer {
        guard let key = EVP_PKEY_new_raw_private_key(scorecard_evp_pkey_ed25519, nil, seed, seed.count) else {
            throw SignatureError("libcrypto refused the Ed25519 private key")
        }
        return key
    }
}

/// Why a key could not be made or a signature computed.
public struct SignatureError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
