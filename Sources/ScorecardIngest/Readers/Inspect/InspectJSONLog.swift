import ScorecardJSON
/// Reads an Inspect `.json` log (one `EvalLog` document) in one forward pass over its bytes.
///
/// The header fields and each sample's id, epoch, scores, metadata and error are read; the
/// transcripts around them are skipped in place. A log larger than the map threshold is
/// mapped, and the pages already passed are released every 64 MiB, so neither the heap nor the
/// resident set grows with the file.
public enum InspectJSONLog {
    /// Reads `file`. `plan` sees the header fields read before `samples` (in Inspect's own key
    /// order: version, status and eval come first) and says how to read the samples, or returns
    /// nil to skip them: a refused log costs no sample parsing.
    public static func read(
        _ file: FileBytes, plan: (InspectLogHeader) -> InspectSampleRequest? = { _ in InspectSampleRequest() }
    ) throws(JSONError) -> InspectLog {
        // A UTF-8 byte-order mark before the document is not part of it.
        let bom = file.bytes.count >= 3 && file.bytes[0] == 0xEF && file.bytes[1] == 0xBB && file.bytes[2] == 0xBF
        var cursor = JSONCursor(file.bytes, offset: bom ? 3 : 0)
        var header = InspectLogHeader()
        var samples: [InspectSample] = []
        guard !cursor.atEnd() else { throw cursor.error("the file is empty") }
        guard try cursor.peekKind() == .object else {
            throw cursor.error("an Inspect log is a JSON object, found \(cursor.kindDescription())")
        }
        var top = try cursor.beginObject()
        while let key = try cursor.nextKey(&top) {
            if try InspectHeaderParser.readTopLevel(key, &cursor, into: &header) { continue }
            guard cursor.key(key, is: "samples") else {
                try cursor.skipValue()
                continue
            }
            guard let request = plan(header) else {
                // Refused: nothing after this point is read (a 2 GB log costs its first bytes).
                return InspectLog(header: header, samples: [], sampleSource: "none")
            }
            let parser = InspectSampleParser(readAnswers: request.readAnswers, member: nil)
            var count = 0
            var lines = LineCounter(file.bytes)
            try cursor.forEachElement("samples") { (cursor: inout JSONCursor) throws(JSONError) in
                cursor.skipWhitespace()
                let line = lines.line(at: cursor.offset)
                var sample = try parser.read(&cursor)
                sample.line = line
                samples.append(sample)
                count += 1
                if count & 1023 == 0 { file.releasePages(before: cursor.offset) }
            }
        }
        guard cursor.atEnd() else { throw cursor.error("unexpected content after the log's closing brace") }
        if header.version == 1, let scorer = header.results?.scores.first?.scorer, scorer != InspectSampleParser.versionOneScore {
            // A version 1 sample's one `score` is its scorer's, which the results name.
            for index in samples.indices {
                for part in samples[index].scores.indices where samples[index].scores[part].name == InspectSampleParser.versionOneScore {
                    samples[index].scores[part].name = scorer
                }
            }
        }
        return InspectLog(header: header, samples: samples, sampleSource: "samples")
    }
}

/// How to read a log's samples, decided once its header has been read.
public struct InspectSampleRequest: Sendable {
    /// Read each score's `answer` (for cons@k).
    public var readAnswers: Bool

    public init(readAnswers: Bool = true) {
        self.readAnswers = readAnswers
    }
}
