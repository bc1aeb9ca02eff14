import ScorecardCore
import ScorecardIngest

/// Merging imported records into an existing evidence file, and the checks that keep it sound.
///
/// Records of the existing file whose `source` is one of the files being imported are replaced
/// by that file's new records; all others are written back byte for byte, in front, as the
/// file is scanned. Replaced records are kept only as a digest per source, to tell "unchanged"
/// from "replaced". Lines of our own evidence format that repeat a line already written are
/// written once (records imported from logs carry their source, so they cannot repeat); the
/// lines written are remembered as 128-bit digests, not as bytes. Two
/// sources may not give the same result record (same model, stage, evaluation, metric and
/// variant), nor per-sample records of the same model, stage and evaluation: the assessment
/// would count them twice.
struct ImportMerge {
    /// Digests of the old lines of each source being imported again, and how many there were.
    private var previous: [String: (digest: String, lines: Int)] = [:]
    /// Result records' keys (as digests) → who gave them, an index into `owners`.
    private var keyOwner: [Digest128: UInt32] = [:]
    private var owners = Owners()
    private var sliceOwner: [EvidenceSet.SliceKey: String] = [:]
    /// Digests of the lines written so far, kept only when some input is in our own format (which can repeat lines).
    private var written = Set<Digest128>()
    private let remembersLines: Bool
    private var outcome = (new: 0, replaced: 0, unchanged: 0)
    private var counts = (summaries: 0, samples: 0, duplicates: 0)
    private var kept = 0
    private var keptSources = Set<String>()
    private var removed = 0
    /// The subjects of the records written so far, to refuse names a reader cannot tell apart.
    private var names = SubjectNames()
    /// Problems with the names of the records the existing file keeps.
    private(set) var existingNameProblems: [Diagnostic] = []

    /// Scans `existing` (when it exists), writing the records that stay to `writer`.
    init(existing path: String, importing inputs: [EvidenceFormats.Input], writer: AtomicFileWriter) throws {
        let paths = Set(inputs.map(\.path))
        remembersLines = inputs.contains { $0.reader is ScorecardEvidenceReader.Type }
        var digests: [String: SHA256Stream] = [:]
        var counts: [String: Int] = [:]
        var keyOwner: [Digest128: UInt32] = [:]
        var owners = Owners()
        var sliceOwner: [EvidenceSet.SliceKey: String] = [:]
        var written = Set<Digest128>()
        var kept = 0
        var keptSources = Set<String>()
        var names = SubjectNames()
        var nameProblems: [Diagnostic] = []
        let remembers = remembersLines
        _ = try ExistingEvidence.scan(path) { bytes, line in
            if let source = line.source, paths.contains(source) {
                let digest = digests[source] ?? SHA256Stream()
                digest.update(UnsafeRawBufferPointer(bytes))
                digest.update([0x0A])
                digests[source] = digest
                counts[source, default: 0] += 1
                return
            }
            if remembers, !written.insert(Digest128(UnsafeRawBufferPointer(bytes))).inserted { return }
            try writer.write(UnsafeRawBufferPointer(bytes))
            try writer.write([0x0A])
            kept += 1
            let owner = line.source ?? "\(path):\(line.number)"
            if let key = line.key {
                let digest = Digest128(key)
                if keyOwner[digest] == nil { keyOwner[digest] = owners.index(owner) }
            }
            if let slice = line.slice, sliceOwner[slice] == nil { sliceOwner[slice] = owner }
            if let source = line.source { keptSources.insert(source) }
            if let subject = line.key?.subject ?? line.slice?.subject {
                for problem in names.add(subject, seenAt: "\(path):\(line.number)") {
                    nameProblems.append(Diagnostic(file: path, line: line.number, message: NameCheck.message(problem, subject)))
                }
            }
        }
        for (source, digest) in digests {
            previous[source] = (digest.finalizeHex(), counts[source] ?? 0)
        }
        removed = counts.values.reduce(0, +)
        self.keyOwner = keyOwner
        self.owners = owners
        self.sliceOwner = sliceOwner
        self.written = written
        self.kept = kept
        self.keptSources = keptSources
        self.names = names
        self.existingNameProblems = nameProblems
    }

    /// Problems with the names of `processed`'s subjects against those written before (see `NameCheck`).
    mutating func nameProblems(_ processed: ImportPipeline.Processed) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var last: Subject?
        let subjects = processed.recordSubjects + processed.slices.sorted { $0.description < $1.description }.map(\.subject)
        for subject in subjects where subject != last {
            last = subject
            for problem in names.add(subject, seenAt: processed.path) {
                problems.append(Diagnostic(file: processed.path, message: NameCheck.message(problem, subject)))
            }
        }
        return problems
    }

    /// Records of `processed` that another source already gave: one problem per other source.
    mutating func conflicts(_ processed: ImportPipeline.Processed) throws -> [Diagnostic] {
        let path = processed.path
        var clashes: [String: [String]] = [:]
        var repeated: [String] = []
        let pathOwner = owners.index(path)
        // A line of our own format identical to one already written is a repeat, not a second source.
        let checkRepeats = remembersLines && processed.format == ScorecardEvidenceReader.name
        let alreadyWritten = written
        let repeats = { (line: UnsafeBufferPointer<UInt8>) in checkRepeats && alreadyWritten.contains(Digest128(UnsafeRawBufferPointer(line))) }
        // Only the digests of keys are kept; a clash is named from its line, read again.
        let describe = { (line: UnsafeBufferPointer<UInt8>) in
            ExistingEvidence.parse(line, number: 0)?.key?.description ?? "a result record"
        }
        var index = 0
        try processed.summaryLines.forEach { line, _ in
            defer { index += 1 }
            guard !repeats(line) else { return }
            let digest = processed.keyDigests[index]
            if let owner = keyOwner[digest] {
                if owner == pathOwner {
                    repeated.append(describe(line))
                } else {
                    clashes[owners.names[Int(owner)], default: []].append(describe(line))
                }
            } else {
                keyOwner[digest] = pathOwner
            }
        }
        var slices = processed.slices
        if !processed.sampleSlices.isEmpty {
            var fresh = Set<UInt32>()
            try processed.sampleLines.forEach { line, tag in
                if !fresh.contains(tag), !repeats(line) { fresh.insert(tag) }
            }
            slices = Set(fresh.map { processed.sampleSlices[Int($0)] })
        }
        for slice in slices.sorted(by: { $0.description < $1.description }) {
            if let owner = sliceOwner[slice], owner != path {
                clashes[owner, default: []].append("per-sample records of \(slice)")
            } else {
                sliceOwner[slice] = path
            }
        }
        var problems = clashes.sorted { $0.key < $1.key }.map { owner, what in
            Diagnostic(
                file: path,
                message: "\(Self.list(what)) also come\(what.count == 1 ? "s" : "") from \(owner); the assessment would count them twice. Import one of the two, or give one task another evaluation id with --map TASK=ID")
        }
        if !repeated.isEmpty { problems.append(Diagnostic(file: path, message: "\(Self.list(repeated)) appear twice in this file")) }
        return problems
    }

    /// The first three items and how many more.
    static func list(_ items: [String]) -> String {
        items.prefix(3).joined(separator: "; ") + (items.count > 3 ? " and \(items.count - 3) more records" : "")
    }

    /// Writes one input's lines and notes whether they are new, replace older ones, or repeat them.
    mutating func write(_ processed: ImportPipeline.Processed, to writer: AtomicFileWriter) throws {
        // Only a source imported before needs a digest, to compare with its earlier records.
        let digest = previous[processed.path] == nil ? nil : SHA256Stream()
        for lines in [processed.summaryLines, processed.sampleLines] {
            try lines.forEach { line, _ in
                let raw = UnsafeRawBufferPointer(line)
                if let digest {
                    digest.update(raw)
                    digest.update([0x0A])
                }
                if remembersLines, !written.insert(Digest128(raw)).inserted {
                    counts.duplicates += 1
                    return
                }
                try writer.write(raw)
                try writer.write([0x0A])
            }
        }
        if let old = previous[processed.path] {
            if old.digest == digest?.finalizeHex() { outcome.unchanged += 1 } else { outcome.replaced += 1 }
        } else {
            outcome.new += 1
        }
        counts.summaries += processed.summaryLines.count
        counts.samples += processed.sampleLines.count
    }

    /// What the merge wrote, for the summary of an import of `files` files into `out`.
    func summary(out: String, files: Int, warnings: [Diagnostic]) -> ImportSummary {
        ImportSummary(
            out: out, files: files, summaryRecords: counts.summaries, sampleRecords: counts.samples,
            newFiles: outcome.new, replacedFiles: outcome.replaced, unchangedFiles: outcome.unchanged,
            replacedRecords: removed, keptRecords: kept, keptSources: keptSources.count, duplicates: counts.duplicates,
            warnings: warnings)
    }
}

/// A line or a record's key as a set member: a 128-bit digest (two SipHash values under
/// different prefixes), so that remembering millions of them costs 16 bytes each rather than
/// the bytes or the strings. A collision (odds about 2⁻¹²⁸ a pair) would make two different
/// lines or keys look like one: an import refused, or a repeated line of our own format
/// written once, never a record silently kept twice.
struct Digest128: Hashable {
    let first: Int
    let second: Int

    init(_ bytes: UnsafeRawBufferPointer) { self.init { $0.combine(bytes: bytes) } }

    init(_ key: EvidenceRecord.Key) { self.init { $0.combine(key) } }

    /// Two hashes of what `feed` gives, the second under a prefix.
    private init(_ feed: (inout Hasher) -> Void) {
        var a = Hasher()
        feed(&a)
        var b = Hasher()
        b.combine(0x9E37_79B9_7F4A_7C15 as UInt64)
        feed(&b)
        first = a.finalize()
        second = b.finalize()
    }

    func hash(into hasher: inout Hasher) { hasher.combine(first) }
}

/// The sources that gave records, numbered, so that a key's owner costs four bytes.
struct Owners {
    private(set) var names: [String] = []
    private var numbers: [String: UInt32] = [:]

    mutating func index(_ name: String) -> UInt32 {
        if let known = numbers[name] { return known }
        let number = UInt32(names.count)
        names.append(name)
        numbers[name] = number
        return number
    }
}
