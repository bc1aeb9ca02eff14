import ScorecardArchive
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a `.eval` keeps its sample records: which members are whole samples and which belong to
/// chunked samples.
///
/// Inspect writes a sample either as one member, `samples/<id>_epoch_<n>.json` (a "monolith"), or
/// chunked under a prefix of that name: `samples/<id>_epoch_<n>/sample.json` (the sample without
/// its transcript), `metadata.json` (only when the sample has metadata), `skeleton.json`, and
/// numbered chunks under `messages/`, `events/`, `calls/` and `attachments/`. One log can mix the
/// two shapes. A scorecard needs only `sample.json` and `metadata.json` of a chunked sample: the
/// other members are never read. Sample ids may contain `/`, so a member belongs to a chunked
/// sample only when one of its parent folders is the prefix of a `sample.json` in the archive.
struct InspectEvalLayout {
    /// One sample record in the archive.
    struct SampleMembers {
        /// The member holding the sample's id, epoch, scores and error: the monolith or `…/sample.json`.
        let record: ZipEntry
        /// `…/metadata.json` of a chunked sample, when present; nil for monoliths (metadata inline).
        let metadata: ZipEntry?
        /// Whether the sample is chunked.
        var isChunked: Bool { record.name.hasSuffix("/" + Self.shell) }

        static let shell = "sample.json"
    }

    /// Every sample record, in central-directory order (the last of duplicate names wins).
    let samples: [SampleMembers]

    init(_ archive: ZipArchive) {
        // One byte-level look at each name; a second pass only for archives with chunked samples.
        let entries = archive.uniqueEntries
        var candidates: [(index: Int, monolith: Bool)] = []
        var prefixes = Set<String>()
        for index in entries.indices {
            let shape = Self.shape(entries[index].name)
            if shape.shell { prefixes.insert(String(entries[index].name.dropLast(SampleMembers.shell.count + 1))) }
            if shape.json { candidates.append((index, shape.monolith)) }
        }
        var samples: [SampleMembers] = []
        samples.reserveCapacity(candidates.count)
        for (index, monolith) in candidates {
            let entry = entries[index]
            if let prefix = Self.chunkedPrefix(of: entry.name, in: prefixes) {
                guard entry.name == prefix + "/" + SampleMembers.shell else { continue }
                samples.append(SampleMembers(record: entry, metadata: archive.entry(named: prefix + "/metadata.json")))
            } else if monolith {
                samples.append(SampleMembers(record: entry, metadata: nil))
            }
        }
        self.samples = samples
    }

    /// What a member name can be: a `.json` under `samples/`, a monolith sample, a chunked sample's `sample.json`.
    static func shape(_ name: String) -> (json: Bool, monolith: Bool, shell: Bool) {
        var name = name
        return name.withUTF8 { bytes in
            guard matches(bytes, "samples/", at: 0), matches(bytes, ".json", at: bytes.count - 5) else { return (false, false, false) }
            let monolith = isStem(bytes, end: bytes.count - 5)
            let shell = matches(bytes, "/sample.json", at: bytes.count - 12) && isStem(bytes, end: bytes.count - 12)
            return (true, monolith, shell)
        }
    }

    /// Whether `bytes` hold `literal` at `offset`.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset >= 0, offset + count <= bytes.count, let base = bytes.baseAddress else { return false }
        return memcmp(base + offset, literal.utf8Start, count) == 0
    }

    /// Whether `bytes[..<end]` ends in `_epoch_<digits>`, as every sample's name does.
    static func isStem(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Bool {
        var end = end
        var digits = 0
        while end > 0, (0x30...0x39).contains(bytes[end - 1]) {
            end -= 1
            digits += 1
        }
        return digits > 0 && matches(bytes, "_epoch_", at: end - 7)
    }

    /// The samples by the name their monolith member has, `samples/<id>_epoch_<n>.json`, whatever their shape.
    ///
    /// Built on request: only logs whose summaries need completing look samples up by name.
    func byMonolithName() -> [String: SampleMembers] {
        var index: [String: SampleMembers] = [:]
        index.reserveCapacity(samples.count)
        for sample in samples {
            let name = sample.record.name
            index[sample.isChunked ? String(name.dropLast(SampleMembers.shell.count + 1)) + ".json" : name] = sample
        }
        return index
    }

    /// The chunked-sample prefix that `name` lies under, or nil.
    static func chunkedPrefix(of name: String, in prefixes: Set<String>) -> String? {
        guard !prefixes.isEmpty else { return nil }
        var index = name.startIndex
        while let slash = name[index...].firstIndex(of: "/") {
            let parent = String(name[..<slash])
            if prefixes.contains(parent) { return parent }
            index = name.index(after: slash)
        }
        return nil
    }
}
