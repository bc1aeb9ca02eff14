/// Suggestions for a name that matches nothing: "did you mean 'acme-2'?".
///
/// The one place where near misses are found, for every kind of name (models, evaluation ids,
/// metrics, categories, stages, keys).
public enum NearestName {
    /// The candidate nearest to `name`, or nil when none is near.
    ///
    /// A candidate equal to `name` but for case is nearest; otherwise the one with the fewest
    /// edits (insertions, deletions, substitutions, ignoring case), if that is at most two, or a
    /// sixth of the name's length for long names. Ties go to the alphabetically first, so the
    /// suggestion is the same on every run.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let word = Array(name.lowercased())
        let limit = max(2, word.count / 6)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(word, Array(candidate.lowercased()), limit: limit)
            guard distance <= limit else { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// `"; did you mean 'x'?"` for the nearest candidate, or the empty string.
    public static func hint(_ name: String, in candidates: some Sequence<String>) -> String {
        guard let closest = closest(to: name, in: candidates) else { return "" }
        // Two names that read alike need the difference spelt out, or the hint reads as a riddle.
        guard NameSkeleton.skeleton(name) == NameSkeleton.skeleton(closest) else { return "; did you mean '\(closest)'?" }
        let odd = NameSkeleton.unusualCharacters(of: name, notIn: closest)
        let shown = NameSkeleton.quoted(name)
        // Case and white space show in quotes; look-alike and invisible characters do not.
        guard !odd.isEmpty || shown != "'\(name)'" else { return "; did you mean '\(closest)'?" }
        let what = odd.isEmpty ? "differs from it in invisible characters" : "holds \(odd.joined(separator: ", ")), which '\(closest)' does not"
        return "; did you mean '\(closest)'? (\(shown) looks the same but \(what))"
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once every path exceeds `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            var smallest = row[0]
            for j in 1...b.count {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
                smallest = min(smallest, row[j])
            }
            if smallest > limit { return limit + 1 }
        }
        return row[b.count]
    }
}
