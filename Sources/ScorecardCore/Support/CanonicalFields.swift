/// The one canonical encoding of a list of text fields, for everything that is hashed or signed.
///
/// Each field is written as its UTF-8 length in decimal, a colon, the field, and a newline
/// (`5:hello\n`), so no two lists of fields encode alike whatever they contain (a newline or a
/// colon inside a field cannot shift the boundaries). The first field names the format and its
/// version (`scorecard-chain-v1`, `scorecard-signoff-v1`): a domain-separation prefix, so bytes
/// signed or hashed for one purpose are never valid for another.
public enum CanonicalFields {
    /// The encoded text of `fields`.
    public static func encode(_ fields: [String]) -> String {
        fields.map { "\($0.utf8.count):\($0)\n" }.joined()
    }
}
