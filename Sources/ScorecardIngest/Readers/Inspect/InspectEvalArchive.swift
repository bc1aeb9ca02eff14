import ScorecardArchive
import ScorecardJSON
/// Reads an Inspect `.eval` log (a ZIP archive) from its cheapest complete members.
///
/// - `header.json` (written last) gives version, status, eval spec, results and error. A log
///   without it was killed or is still running: its `_journal/start.json` gives the spec, and
///   the status is `started`.
/// - Sample scores come from `summaries.json`, one member holding every sample record's id,
///   epoch, scores, metadata and error without the transcripts (in the anchors' medium corpus
///   0.85 MB compressed per log against 3.0 MB for the `samples/*` members; far less with real
///   transcripts). Summaries keep every score value and error exactly, but pass string metadata
///   through Inspect's `thin_text` and replace values over 1 KB with a placeholder: a row whose
///   metadata shows that (the placeholder, or a value ending in `...`), or that has no metadata
///   field (summaries of logs before inspect-ai 0.3.5x), is completed from its sample.
///   `exactMetadata` reads every sample instead, and so does a log whose header says some samples
///   were `invalidated` (summaries do not say which).
/// - A killed log has no `summaries.json`; its samples are read. So are they when their count
///   differs from the summaries'.
/// - Samples are whole members or chunked (see ``InspectEvalLayout``); of a chunked sample only
///   `sample.json` and `metadata.json` are read.
/// Duplicate member names are legal (a re-logged sample): the last one wins.
public enum InspectEvalArchive {
    /// Where a row came from and what to do about it.
    static let thinnedPlaceholder = "Key removed from summary (> 1k)"

    /// Reads the log at `path`; `plan` sees the header and says how to read the samples (nil: skip them).
    ///
    /// `limits` bound what the archive may inflate (a zip bomb is refused, naming the member and
    /// the budget); `summaries.json` is read as a stream above `streamSummariesAbove` bytes.
    /// Tests lower both.
    public static func read(
        path: String, exactMetadata: Bool, warnings: inout [Diagnostic], limits: ZipLimits = .default,
        streamSummariesAbove: UInt64 = summariesStreamThreshold,
        plan: (InspectLogHeader) -> InspectSampleRequest? = { _ in InspectSampleRequest() }
    ) throws(InputError) -> InspectLog {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(path: path, limits: limits)
        } catch {
            throw inputError(error, path: path)
        }
        var header: InspectLogHeader
        if let entry = archive.entry(named: "header.json") {
            header = try parse(archive, entry, path: path) { (cursor: inout JSONCursor) throws(JSONError) in
                try InspectHeaderParser.readDocument(&cursor)
            }
        } else if let entry = archive.entry(named: "_journal/start.json") {
            header = try parse(archive, entry, path: path) { (cursor: inout JSONCursor) throws(JSONError) in
                try InspectHeaderParser.readDocument(&cursor)
            }
            header.status = nil
        } else {
            throw InputError(file: path, "not an Inspect .eval log: the archive has neither header.json nor _journal/start.json")
        }
        guard let request = plan(header) else { return InspectLog(header: header, samples: [], sampleSource: "none") }
        let readAnswers = request.readAnswers

        let layout = InspectEvalLayout(archive)
        let parser = InspectSampleParser(readAnswers: readAnswers, member: nil)
        // Summaries do not say which samples were invalidated: an invalidated log is read from its samples.
        if !exactMetadata, !header.invalidated, let summaries = archive.entry(named: "summaries.json") {
            var rows = try readSummaries(
                archive, summaries, path: path, readAnswers: readAnswers, streamAbove: streamSummariesAbove)
            if rows.count == layout.samples.count {
                try completeMetadata(&rows, archive: archive, layout: layout, path: path, parser: parser, warnings: &warnings)
                if readAnswers { try completeAnswers(&rows, archive: archive, layout: layout, path: path, parser: parser) }
                return InspectLog(header: header, samples: rows, sampleSource: "summaries.json")
            }
            warnings.append(Diagnostic(
                file: path,
                message: "summaries.json lists \(rows.count) sample records but the archive has \(layout.samples.count) samples; reading the samples"))
        }
        var samples: [InspectSample] = []
        samples.reserveCapacity(layout.samples.count)
        for members in layout.samples {
            samples.append(try readSample(members, archive: archive, path: path, parser: parser))
        }
        return InspectLog(header: header, samples: samples, sampleSource: "samples/*")
    }

    /// One sample from its members: the monolith, or a chunked sample's `sample.json` and `metadata.json`.
    static func readSample(
        _ members: InspectEvalLayout.SampleMembers, archive: ZipArchive, path: String, parser: InspectSampleParser
    ) throws(InputError) -> InspectSample {
        var sample = try parse(archive, members.record, path: path) { (cursor: inout JSONCursor) throws(JSONError) in
            let sample = try parser.read(&cursor)
            guard cursor.atEnd() else { throw cursor.error("unexpected content after the sample") }
            return sample
        }
        sample.member = members.record.name
        if members.isChunked {
            sample.metadata = try chunkedMetadata(members, archive: archive, path: path)
            sample.hasMetadataField = true
        }
        return sample
    }

    /// A chunked sample's metadata: its `metadata.json`, which Inspect writes only when there is some.
    static func chunkedMetadata(
        _ members: InspectEvalLayout.SampleMembers, archive: ZipArchive, path: String
    ) throws(InputError) -> [String: String] {
        guard let entry = members.metadata else { return [:] }
        return try parse(archive, entry, path: path) { (cursor: inout JSONCursor) throws(JSONError) in
            let metadata = try cursor.readScalarObject("sample metadata")
            guard cursor.atEnd() else { throw cursor.error("unexpected content after the metadata") }
            return metadata
        }
    }

    /// Replaces the metadata of rows whose summary thinned it (or, in logs written before summaries
    /// had metadata, left it out) with the metadata of their sample.
    static func completeMetadata(
        _ rows: inout [InspectSample], archive: ZipArchive, layout: InspectEvalLayout, path: String,
        parser: InspectSampleParser, warnings: inout [Diagnostic]
    ) throws(InputError) {
        var byName: [String: InspectEvalLayout.SampleMembers]?
        for index in rows.indices
        where !rows[index].hasMetadataField || rows[index].metadata.values.contains(where: isVisiblyThinned) {
            let names = byName ?? layout.byMonolithName()
            byName = names
            guard let members = names["samples/\(rows[index].id)_epoch_\(rows[index].epoch).json"] else {
                if rows[index].hasMetadataField {
                    warnings.append(Diagnostic(
                        file: path,
                        message: "sample \(rows[index].id) epoch \(rows[index].epoch): summaries.json shortened its metadata and its sample is missing from the archive; keeping the shortened values"))
                }
                continue
            }
            if members.isChunked {
                rows[index].metadata = try chunkedMetadata(members, archive: archive, path: path)
            } else {
                rows[index].metadata = try parse(archive, members.record, path: path) { (cursor: inout JSONCursor) throws(JSONError) in
                    try parser.read(&cursor)
                }.metadata
            }
            rows[index].hasMetadataField = true
        }
    }

    /// Gives rows whose summary left out their scores' answers (summaries of inspect-ai 0.3.1xx
    /// logs do) the answers of their sample, which consensus (cons@k) needs. When the first sample
    /// read has none either, the log's scorer gives none, and no further sample is read.
    static func completeAnswers(
        _ rows: inout [InspectSample], archive: ZipArchive, layout: InspectEvalLayout, path: String, parser: InspectSampleParser
    ) throws(InputError) {
        var byName: [String: InspectEvalLayout.SampleMembers]?
        for index in rows.indices where rows[index].scores.contains(where: { $0.answer == nil && $0.value != .null }) {
            let names = byName ?? layout.byMonolithName()
            byName = names
            guard let members = names["samples/\(rows[index].id)_epoch_\(rows[index].epoch).json"] else { continue }
            let sample = try readSample(members, archive: archive, path: path, parser: parser)
            var found = false
            for part in rows[index].scores.indices where rows[index].scores[part].answer == nil {
                if let answer = sample.scores.first(where: { $0.name == rows[index].scores[part].name })?.answer {
                    rows[index].scores[part].answer = answer
                    found = true
                }
            }
            if !found { return }
        }
    }

    /// Whether Inspect's summary thinning visibly changed a metadata value.
    static func isVisiblyThinned(_ value: String) -> Bool {
        value == thinnedPlaceholder || value.hasSuffix("...")
    }

    /// Decompresses `entry` and runs `body` on it, turning every failure into an error naming file and entry.
    static func parse<T>(
        _ archive: ZipArchive, _ entry: ZipEntry, path: String, _ body: (inout JSONCursor) throws(JSONError) -> T
    ) throws(InputError) -> T {
        let bytes: [UInt8]
        do {
            bytes = try archive.contents(of: entry)
        } catch {
            throw inputError(error, path: path)
        }
        let result: Result<T, JSONError> = bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer)
            do throws(JSONError) {
                return .success(try body(&cursor))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error):
            throw InputError(file: path, "entry '\(entry.name)', byte \(error.offset): \(error.message)")
        }
    }

    /// A ``ZipError`` as an input error on `path` (its description already names the entry).
    static func inputError(_ error: ZipError, path: String) -> InputError {
        let text = error.description
        let prefix = "\(path): "
        return InputError(file: path, text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text)
    }
}
