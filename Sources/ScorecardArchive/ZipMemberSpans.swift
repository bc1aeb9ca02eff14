/// Refuses archives whose members share bytes, when the central directory is read.
///
/// Each member occupies at least its 30-byte local header, its name and its compressed data,
/// from its local header offset on. In an archive that any ZIP writer produces these spans are
/// disjoint. A central directory that lists one member many times, or members whose data lie
/// inside one another (an "overlapping" zip bomb), lets a small file inflate the same bytes
/// again and again: 2,000 entries over one 100 MB member cost minutes of CPU. Such archives are
/// refused before anything is inflated, naming two of the entries.
enum ZipMemberSpans {
    /// Throws ``ZipError/Kind/overlapping(other:start:otherStart:otherEnd:more:)`` if two spans intersect.
    ///
    /// `nameLengths[i]` is the stored name length of `entries[i]`. The local header's own name
    /// and extra lengths are not read here: the span counted is the least the member can occupy,
    /// so a reported overlap is certain.
    static func check(_ entries: [ZipEntry], nameLengths: [Int], file: ZipFileView) throws(ZipError) {
        guard entries.count > 1, nameLengths.count == entries.count else { return }
        let order = entries.indices.sorted {
            (entries[$0].localHeaderOffset, $0) < (entries[$1].localHeaderOffset, $1)
        }
        var widest = order[0]
        var widestEnd = end(of: entries[widest], nameLength: nameLengths[widest])
        var first: (entry: Int, other: Int, otherEnd: UInt64)?
        var overlapping = 0
        for index in order.dropFirst() {
            let entry = entries[index]
            let entryEnd = end(of: entry, nameLength: nameLengths[index])
            if entry.localHeaderOffset < widestEnd {
                overlapping += 1
                if first == nil { first = (index, widest, widestEnd) }
            }
            if entryEnd > widestEnd {
                widest = index
                widestEnd = entryEnd
            }
        }
        guard let first else { return }
        let entry = entries[first.entry]
        let other = entries[first.other]
        throw file.error(
            .overlapping(
                other: other.name, start: entry.localHeaderOffset, otherStart: other.localHeaderOffset,
                otherEnd: first.otherEnd, more: overlapping - 1),
            entry: entry.name)
    }

    /// The first byte after the least span of `entry`, saturating at `UInt64.max`.
    static func end(of entry: ZipEntry, nameLength: Int) -> UInt64 {
        let header = UInt64(30 + max(0, nameLength))
        let (withHeader, overflow) = entry.localHeaderOffset.addingReportingOverflow(header)
        let (total, carry) = withHeader.addingReportingOverflow(entry.compressedSize)
        return overflow || carry ? .max : total
    }
}
