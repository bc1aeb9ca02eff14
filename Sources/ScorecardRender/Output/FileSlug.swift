import ScorecardCore

/// Safe, unique file-name stems for subjects, whatever their model names contain.
///
/// A stem is lowercase ASCII letters, digits, `.`, `_` and `-` only: no `/`, no `..`, no leading
/// dot or hyphen, at most 64 characters. The snapshot, when there is one, follows the model
/// after `--`. A name with nothing usable left (all punctuation or non-Latin) becomes `model`
/// plus a short hash of the name. Stems that collide all get a short hash of their own subject,
/// so no name takes another's file: which model gets `gpt-4o.md` never depends on which other
/// names are in the run or in which order (` GPT-4o` cannot take the real GPT-4o's file).
public enum FileSlug {
    /// The stems of `subjects`, in the same order, unique case-insensitively.
    ///
    /// `derived` are the suffixes of the other files each subject gets (`STEM-card`, one per
    /// section): a stem that is another subject's stem plus one of them gets a hash too, so model
    /// `A-card` never takes the file of model A's card.
    public static func stems(for subjects: [Subject], derived: [String] = []) -> [String] {
        let plain = subjects.map { subject in
            base(subject.model) + (subject.snapshot.map { "--" + base($0) } ?? "")
        }
        var count: [String: Int] = [:]
        for stem in plain { count[stem, default: 0] += 1 }
        let taken = Set(plain.flatMap { stem in derived.map { "\(stem)-\($0)" } })
        for stem in plain where taken.contains(stem) { count[stem, default: 0] += 1 }
        var used: Set<String> = []
        return zip(subjects, plain).map { subject, stem in
            var candidate = stem
            if count[stem, default: 0] > 1 {
                let key = subject.model + "\u{0}" + (subject.snapshot ?? "")
                candidate = "\(stem)-\(SHA256.hex(of: key).prefix(8))"
            }
            // The same subject twice, or a hash equal to another stem: number what is left.
            let first = candidate
            var counter = 2
            while used.contains(candidate) {
                candidate = "\(first)-\(counter)"
                counter += 1
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// The suffix of a section's own file, `STEM-SUFFIX.md`.
    public static func suffix(of section: SectionDefinition) -> String {
        let slug = Formatting.slug(section.id)
        return slug.isEmpty ? "section" : slug
    }

    /// The suffix of the whole-card document, `STEM-card.md`; no section may take it.
    public static let documentSuffix = "card"

    /// The suffixes of the files a card gives each subject besides its Preparedness report.
    public static func derived(sections: [SectionDefinition], document: Bool) -> [String] {
        sections.map(suffix(of:)) + (document ? [documentSuffix] : [])
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
