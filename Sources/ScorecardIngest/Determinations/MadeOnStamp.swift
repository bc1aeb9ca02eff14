import ScorecardCore

/// Writes determinations' `made_on` into a determinations file's text, keeping everything else
/// (comments, order, quoting) as it is.
///
/// A determination written as a block mapping (`- model: o1` then one key per line) gets its
/// `made_on:` line replaced, or added as the mapping's last line at the indentation of its keys.
/// One written as a flow mapping (`- {model: o1, ...}`) is left alone and listed, to be edited by
/// hand: rewriting flow syntax in place would be a guess.
public enum MadeOnStamp {
    /// The new text and the lines of determinations that could not be stamped (flow mappings).
    ///
    /// - Parameter hashes: the line of each determination (its ``Determination/location``, the
    ///   line of its `-`) → the hash to record.
    public static func apply(_ text: String, hashes: [Int: String]) -> (text: String, flow: [Int]) {
        var lines = text.components(separatedBy: "\n")
        var flow: [Int] = []
        // From the bottom up, so inserting a line never moves one still to be stamped.
        for (line, hash) in hashes.sorted(by: { $0.key > $1.key }) {
            let index = line - 1
            guard lines.indices.contains(index) else { continue }
            let item = lines[index]
            guard let dash = item.firstIndex(of: "-") else { continue }
            let dashColumn = item.distance(from: item.startIndex, to: dash)
            let rest = item[item.index(after: dash)...]
            guard let first = rest.firstIndex(where: { $0 != " " }), rest[first] != "{" else {
                flow.append(line)
                continue
            }
            let keyColumn = item.distance(from: item.startIndex, to: first)
            var end = index  // the mapping's last line holding text
            var madeOn: Int?
            var next = index + 1
            while next < lines.count {
                let candidate = lines[next]
                let trimmed = candidate.drop { $0 == " " }
                if trimmed.isEmpty || trimmed.hasPrefix("#") {
                    next += 1
                    continue
                }
                let column = candidate.count - trimmed.count
                if column <= dashColumn { break }
                if column == keyColumn, trimmed.hasPrefix("made_on:") { madeOn = next }
                end = next
                next += 1
            }
            let stamped = String(repeating: " ", count: keyColumn) + "made_on: \(hash)"
            if let madeOn {
                lines[madeOn] = stamped
            } else {
                lines.insert(stamped, at: end + 1)
            }
        }
        return (lines.joined(separator: "\n"), flow.sorted())
    }
}
