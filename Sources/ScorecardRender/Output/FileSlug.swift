import ScorecardCore

/// Safe, unique file-name stems for subjects, whatever their model names contain.
///
/// A stem is lowercase ASCII letters, digits, `.`, `_` and `-` only: no `/`, no `..`, no leading
/// dot or hyphen, at most 64 characters. The snapshot, when there is one, follows the model
/// after `--`. A name with nothing usable left (all punctuation or non-Latin) becomes `model`
/// plus a short hash of the name. Stems that collide get `-2`, `-3`, … in subject order.
public enum FileSlug {
    /// The stems of `subjects`, in the same order, unique case-insensitively.
    public static func stems(for subjects: [Subject]) -> [String] {
        var used: Set<String> = []
        return subjects.map { subject in
            var stem = base(subject.model)
            if let snapshot = subject.snapshot { stem += "--" + base(snapshot) }
            var candidate = stem
            var counter = 2
            while used.contains(candidate) {
                candidate = "\(stem)-\(counter)"
                counter += 1
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// The stem of one name, before disambiguation.
    static func base(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in name.lowercased().unicodeScalars {
            let ok = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
            if ok || (scalar == "." && out.last != "." && !out.isEmpty) {
                if pendingHyphen, !out.isEmpty, out.last != "." { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        while let last = out.last, last == "." || last == "-" { out.removeLast() }
        if out.count > 64 { out = String(out.prefix(64)).trimmingSuffix([".", "-"]) }
        if out.isEmpty || out.allSatisfy({ $0 == "_" }) {
            return "model-" + String(SHA256.hex(of: name).prefix(8))
        }
        return out
    }
}

extension String {
    fileprivate func trimmingSuffix(_ characters: Set<Character>) -> String {
        var text = self
        while let last = text.last, characters.contains(last) { text.removeLast() }
        return text
    }
}
