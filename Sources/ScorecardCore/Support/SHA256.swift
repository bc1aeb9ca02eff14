import CLibCrypto

/// SHA-256 digests, for the content hashes that make scorecards reproducible.
///
/// Computed by OpenSSL's libcrypto (its SHA-NI code hashes about 2 GB/s here; every byte of
/// every imported log is hashed). Foundation on Linux has no digest API, and swift-crypto would
/// add a minute to every clean build for the same code.
public enum SHA256 {
    /// Whether `text` is a digest as this type writes one: 64 lowercase hex digits.
    public static func isHexDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// The lowercase hex digest of `bytes`.
    public static func hex(of bytes: UnsafeRawBufferPointer) -> String {
        let stream = SHA256Stream()
        stream.update(bytes)
        return stream.finalizeHex()
    }

    /// The lowercase hex digest of `bytes` (an array, `Data`, a slice...).
    public static func hex(of bytes: some Sequence<UInt8>) -> String {
        if let digest = bytes.withContiguousStorageIfAvailable({ hex(of: UnsafeRawBufferPointer($0)) }) { return digest }
        return Array(bytes).withUnsafeBytes { hex(of: $0) }
    }

    /// The lowercase hex digest of `text`'s UTF-8 bytes.
    public static func hex(of text: String) -> String { hex(of: Array(text.utf8)) }
}

/// An incremental SHA-256: feed bytes in pieces, then take the digest once.
public final class SHA256Stream {
    private let context: OpaquePointer
    private var digest: String?

    public init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            preconditionFailure("libcrypto could not start a SHA-256 computation (out of memory?)")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds bytes to the message; ignored once the digest has been taken.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard digest == nil, let base = bytes.baseAddress, bytes.count > 0 else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// Adds bytes to the message.
    public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// The lowercase hex digest of everything added; the same value on every call.
    public func finalizeHex() -> String {
        if let digest { return digest }
        var bytes = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &bytes, &length)
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes.prefix(Int(length)) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        let hex = String(decoding: out, as: UTF8.self)
        digest = hex
        return hex
    }
}
