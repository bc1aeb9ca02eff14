import ScorecardIngest

/// Merging imported records into an existing evidence file, and the checks that keep it sound.
///
/// Records of the existing file whose `source` is one of the files being imported are replaced
/// by that file's new records; all others are kept byte for byte, in front. A line identical to
/// one already written is written once. Two sources may not give the same result record (same
/// model, stage, evaluation, metric and variant), nor per-sample records of the same model,
/// stage and evaluation: the assessment would count them twice.
struct ImportMerge {
    private var kept: [ExistingEvidence.Line] = []
    /// Old lines of each source being imported again.
    private var previous: [String: [[UInt8]]] = [:]
    private var keyOwner: [ExistingEvidence.RecordKey: String] = [:]
    private var sliceOwner: [ImportPipeline.Slice: String] = [:]
    private var written = Set<LineBytes>()
    private var outcome = (new: 0, replaced: 0, unchanged: 0)
    private var counts = (summaries: 0, samples: 0, duplicates: 0)
    private var keptSources = Set<String>()
    private var removed = 0

    init(existing: ExistingEvidence?, importing paths: Set<String>) {
        for line in existing?.lines ?? [] {
            if let source = line.source, paths.contains(source) {
                previous[source, default: []].append(line.bytes)
                continue
            }
            kept.append(line)
            let owner = line.source ?? "\(existing?.path ?? "?"):\(line.number)"
            if let key = line.key, keyOwner[key] == nil { keyOwner[key] = owner }
            if let slice = line.slice, sliceOwner[slice] == nil { sliceOwner[slice] = owner }
            if let source = line.source { keptSources.insert(source) }
        }
        removed = previous.values.reduce(0) { $0 + $1.count }
    }

    /// Writes the kept lines of the existing file.
    mutating func writeKept(to writer: AtomicFileWriter) throws {
        for line in kept where written.insert(LineBytes(line.bytes)).inserted {
            try writer.write(line.bytes + [0x0A])
        }
    }

    /// Records of `processed` that another source already gave: one problem per other source.
    mutating func conflicts(_ processed: ImportPipeline.Processed) -> [Diagnostic] {
        let path = processed.path
        var clashes: [String: [String]] = [:]
        var repeated: [String] = []
        var own = Set<ExistingEvidence.RecordKey>()
        for key in processed.keys.map(ExistingEvidence.RecordKey.init) {
            if let owner = keyOwner[key], owner != path {
                clashes[owner, default: []].append(key.description)
            } else if !own.insert(key).inserted {
                repeated.append(key.description)
            } else {
                keyOwner[key] = path
            }
        }
        for slice in processed.slices.sorted(by: { $0.description < $1.description }) {
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
        let lines = processed.lines
        if let old = previous[processed.path] {
            if old == lines { outcome.unchanged += 1 } else { outcome.replaced += 1 }
        } else {
            outcome.new += 1
        }
        for line in lines {
            guard written.insert(LineBytes(line)).inserted else {
                counts.duplicates += 1
                continue
            }
            try writer.write(line + [0x0A])
        }
        counts.summaries += processed.summaryLines.count
        counts.samples += processed.sampleLines.count
    }

    /// What happened, in one or two lines.
    func report(out: String, files: Int, warnings: Int) -> String {
        var text = "wrote \(out): \(counts.summaries) summary and \(counts.samples) per-sample records from \(files) file\(files == 1 ? "" : "s")"
        text += " (\(outcome.new) new, \(outcome.replaced) replaced, \(outcome.unchanged) unchanged)"
        if removed > 0 { text += "; \(removed) earlier records of those files were replaced" }
        if !kept.isEmpty { text += "; kept \(kept.count) records from \(keptSources.count) other source\(keptSources.count == 1 ? "" : "s")" }
        if counts.duplicates > 0 { text += "; \(counts.duplicates) identical records written once" }
        if warnings > 0 { text += "; \(warnings) warning\(warnings == 1 ? "" : "s") above" }
        return text
    }
}

/// A line's bytes as a set member, hashed as one block rather than byte by byte.
struct LineBytes: Hashable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
