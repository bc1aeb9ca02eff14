import ScorecardArchive
import ScorecardJSON

extension InspectEvalArchive {
    /// Summaries larger than this (uncompressed) are read as a stream, row by row: 64 MiB.
    public static let summariesStreamThreshold: UInt64 = 64 << 20

    /// Reads every row of `summaries.json`.
    ///
    /// Up to `streamAbove` bytes the member is inflated whole and read in place, the fastest
    /// way. Above it the member is inflated in chunks and split into rows as it arrives, so memory
    /// holds one chunk and one row besides the rows read, however large the member. Either way the
    /// archive's inflation budget has refused a member that would inflate out of proportion to the
    /// archive before any of it is read.
    ///
    /// `chunkSize` is the size of the pieces the stream arrives in (lowered by tests).
    static func readSummaries(
        _ archive: ZipArchive, _ entry: ZipEntry, path: String, readAnswers: Bool, streamAbove: UInt64,
        chunkSize: Int = ZipArchive.defaultChunkSize
    ) throws(InputError) -> [InspectSample] {
        let rowParser = InspectSampleParser(readAnswers: readAnswers, member: entry.name)
        guard entry.uncompressedSize > streamAbove else {
            return try parse(archive, entry, path: path) { (cursor: inout JSONCursor) throws(JSONError) in
                var rows: [InspectSample] = []
                try cursor.forEachElement("summaries") { (cursor: inout JSONCursor) throws(JSONError) in
                    rows.append(try rowParser.read(&cursor))
                }
                guard cursor.atEnd() else { throw cursor.error("unexpected content after the summaries") }
                return rows
            }
        }
        var rows: [InspectSample] = []
        var splitter = JSONArraySplitter()
        do {
            try archive.read(entry, chunkSize: chunkSize) { chunk in
                try splitter.feed(chunk) { element, offset in
                    var cursor = JSONCursor(element)
                    do throws(JSONError) {
                        var row = try rowParser.read(&cursor)
                        guard cursor.atEnd() else { throw cursor.error("unexpected content after the sample record") }
                        row.offset += offset
                        rows.append(row)
                    } catch {
                        throw JSONError(offset: offset + error.offset, message: error.message)
                    }
                }
            }
            try splitter.finish()
        } catch let error as ZipError {
            throw inputError(error, path: path)
        } catch let error as JSONError {
            throw InputError(file: path, "entry '\(entry.name)', byte \(error.offset): \(error.message)")
        } catch {
            throw InputError(file: path, "entry '\(entry.name)': \(error)")
        }
        return rows
    }
}
