import Foundation

/// Ed25519 keys as PEM files, the form OpenSSL reads (`openssl pkey -in key.pem -pubout`).
///
/// A private key is PKCS#8 (`-----BEGIN PRIVATE KEY-----`), a public key SubjectPublicKeyInfo
/// (`-----BEGIN PUBLIC KEY-----`). For Ed25519 both DER forms are a fixed prefix followed by the
/// 32 raw bytes (RFC 8410), so they are written and read here without an ASN.1 parser; any other
/// key (RSA, another curve, an encrypted PKCS#8) is refused by name.
public enum KeyPEM {
    static let privatePrefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    static let publicPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// The PEM text of a private key.
    public static func privateKey(_ key: Ed25519.PrivateKey) -> String {
        armor(privatePrefix + key.seed, label: "PRIVATE KEY")
    }

    /// The PEM text of a public key.
    public static func publicKey(_ key: Ed25519.PublicKey) -> String {
        armor(publicPrefix + key.bytes, label: "PUBLIC KEY")
    }

    /// Reads a PKCS#8 Ed25519 private key; the error says what the text is instead.
    public static func readPrivateKey(_ text: String) throws(SignatureError) -> Ed25519.PrivateKey {
        let der = try dearmor(text, label: "PRIVATE KEY")
        guard der.count == privatePrefix.count + 32, Array(der.prefix(privatePrefix.count)) == privatePrefix else {
            throw SignatureError("not an unencrypted Ed25519 private key (PKCS#8, as `scorecard keygen` writes)")
        }
        return try Ed25519.PrivateKey(seed: Array(der.suffix(32)))
    }

    private static func armor(_ der: [UInt8], label: String) -> String {
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(body)\n-----END \(label)-----\n"
    }

    private static func dearmor(_ text: String, label: String) throws(SignatureError) -> [UInt8] {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: "-----BEGIN \(label)-----"),
              let end = lines[begin...].firstIndex(of: "-----END \(label)-----") else {
            let found = lines.first { $0.hasPrefix("-----BEGIN ") }.map { "found '\($0)'" } ?? "no PEM header found"
            throw SignatureError("not a PEM \(label.lowercased()) (-----BEGIN \(label)-----; \(found))")
        }
        guard let data = Data(base64Encoded: lines[(begin + 1)..<end].joined()) else {
            throw SignatureError("the PEM \(label.lowercased()) is not valid base64")
        }
        return [UInt8](data)
    }
}
