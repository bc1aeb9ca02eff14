/// The checks a reviewer's name gets, the same as a model name's (``NameSkeleton``): it reads as
/// it is written (no white space at either end, no control or invisible character), and no other
/// reviewer's name reads like it (case, white space, invisible or look-alike characters), so a
/// sign-off table never shows two reviewers a reader cannot tell apart.
public enum ReviewerName {
    /// Why `name` is refused as a reviewer's name beside `others` (the names already known, in a
    /// keyring or the store); nil when it is fit. A name equal to one of `others` is not a problem
    /// here: it is the same reviewer.
    public static func problem(_ name: String, among others: some Sequence<String>) -> String? {
        if name.isEmpty { return "the reviewer's name is empty" }
        if let reason = NameSkeleton.problem(in: name) {
            return "the reviewer name \(NameSkeleton.quoted(name)) \(reason): a name must read as it is written, "
                + "with no white space at either end and no control or invisible characters"
        }
        let skeleton = NameSkeleton.skeleton(name)
        if let other = others.sorted().first(where: { $0 != name && NameSkeleton.skeleton($0) == skeleton }) {
            let unusual = NameSkeleton.unusualCharacters(of: name, notIn: other)
            let holds = unusual.isEmpty ? "" : " (it holds \(unusual.prefix(6).joined(separator: ", ")))"
            return "the reviewer name \(NameSkeleton.quoted(name)) cannot be told apart from \(NameSkeleton.quoted(other))\(holds): "
                + "names that differ only by case, white space, invisible or look-alike characters are refused as ambiguous"
        }
        return nil
    }
}
