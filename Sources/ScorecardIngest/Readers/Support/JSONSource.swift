import ScorecardCore
import ScorecardJSON

/// A JSON document read from a file, with what readers need to report places: lines and the hash.
struct JSONSource {
    let file: String
    let bytes: [UInt8]
    let lines: LineIndex
    let root: JSONValue

    /// SHA-256 of the file's bytes, for `EvidenceRecord.sourceSHA256`.
    var sha256: String { SHA256.hex(of: bytes) }

    /// Parses `bytes`; a malformed document throws with the file, line and column of the problem.
    init(bytes: [UInt8], file: String, format: String) throws(InputError) {
        self.file = file
        self.bytes = bytes
        lines = LineIndex(bytes)
        guard bytes.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw InputError(file: file, "the file is empty; expected \(format)")
        }
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            let (line, column) = lines.position(of: error.offset)
            throw InputError(file: file, line: line, column: column, "malformed JSON: \(error.message)")
        }
    }

    /// The 1-based line of a byte offset.
    func line(_ offset: Int) -> Int { lines.line(of: offset) }

    /// The line of an object member (its name), or of the object when the member is absent.
    func line(of key: String, in object: JSONObject) -> Int {
        line(object.member(key)?.offset ?? object.offset)
    }
}

/// Lines of a JSON Lines file, parsed one at a time.
enum JSONLines {
    /// Calls `body` with each non-blank line's 1-based number and parsed object.
    ///
    /// A line that is not a JSON object is reported in `log` with its line and column; reading goes on.
    static func forEachObject(
        _ bytes: [UInt8], _ log: inout DiagnosticLog, _ body: (Int, JSONObject, inout DiagnosticLog) -> Void
    ) {
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
            do {
                guard case .object(let object) = try JSONParser.parse(Array(line)) else {
                    log.add("each line must be one JSON object", line: lineNumber)
                    continue
                }
                body(lineNumber, object, &log)
            } catch {
                log.add("malformed JSON: \(error.message)", line: lineNumber, column: error.offset + 1)
            }
            if log.diagnostics.count > DiagnosticLog.maximumPerFile { return }
        }
    }
}
