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
///   metadata shows that (the placeholder, or a value ending in `...`) is completed from its
///   `samples/<id>_epoch_<n>.json` member. `exactMetadata` reads every member instead.
/// - A killed log has no `summaries.json`; its `samples/*` members are read. So are they when
///   their count differs from the summaries'.
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

        let members = archive.uniqueEntries.filter { $0.name.hasPrefix("samples/") && $0.name.hasSuffix(".json") }
        let parser = InspectSampleParser(readAnswers: readAnswers, member: nil)
        if !exactMetadata, let summaries = archive.entry(named: "summaries.json") {
            var rows = try readSummaries(
                archive, summaries, path: path, readAnswers: readAnswers, streamAbove: streamSummariesAbove)
            if rows.count == members.count {
                try completeThinnedMetadata(&rows, archive: archive, path: path, parser: parser, warnings: &warnings)
                return InspectLog(header: header, samples: rows, sampleSource: "summaries.json")
            }
            warnings.append(Diagnostic(
                file: path,
                message: "summaries.json lists \(rows.count) sample records but the archive has \(members.count) samples/* members; reading the members"))
        }
        var samples: [InspectSample] = []
        samples.reserveCapacity(members.count)
        for entry in members {
            var sample = try parse(archive, entry, path: path) { (cursor: inout JSONCursor) throws(JSONError) in
                let sample = try parser.read(&cursor)
                guard cursor.atEnd() else { throw cursor.error("unexpected content after the sample") }
                return sample
            }
            sample.member = entry.name
            samples.append(sample)
        }
        return InspectLog(header: header, samples: samples, sampleSource: "samples/*")
    }

    /// Replaces the metadata of rows that summaries visibly thinned with the metadata of their member.
    static func completeThinnedMetadata(
        _ rows: inout [InspectSample], archive: ZipArchive, path: String, parser: InspectSampleParser,
        warnings: inout [Diagnostic]
    ) throws(InputError) {
        for index in rows.indices where rows[index].metadata.values.contains(where: isVisiblyThinned) {
            let name = "samples/\(rows[index].id)_epoch_\(rows[index].epoch).json"
            guard let entry = archive.entry(named: name) else {
                warnings.append(Diagnostic(
                    file: path,
                    message: "sample \(rows[index].id) epoch \(rows[index].epoch): summaries.json shortened its metadata and the member '\(name)' is missing; keeping the shortened values"))
                continue
            }
            let full = try parse(archive, entry, path: path) { (cursor: inout JSONCursor) throws(JSONError) in
                try parser.read(&cursor)
            }
            rows[index].metadata = full.metadata
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
