import Foundation

/// The result formats that can be read as evidence, in one place.
///
/// External formats (evaluation harness logs, interchange formats) are readers listed in
/// ``all`` and found by content; anything none of them claims is our own evidence format
/// (JSON array, JSON Lines or CSV), read by ``EvidenceLoader``.
public enum EvidenceFormats {
    /// Every external reader, tried in this order when detecting a format.
    public static let all: [any EvidenceReader.Type] = [
        InspectReader.self,
        LMEvalReader.self,
        EveryEvalEverReader.self,
        JUnitReader.self,
    ]

    /// The `--from` name of our own format.
    public static let ownFormatName = "evidence"

    /// The names `--from` accepts.
    public static var names: [String] { all.map { $0.name } + [ownFormatName] }

    /// The reader called `name`; nil for our own format. Unknown names are an error listing the known ones.
    public static func reader(named name: String) throws(InputError) -> (any EvidenceReader.Type)? {
        if name == ownFormatName { return nil }
        guard let reader = all.first(where: { $0.name == name }) else {
            throw InputError(file: "--from", "unknown format '\(name)' (known: \(names.joined(separator: ", ")))")
        }
        return reader
    }

    /// The external reader that recognises the file, or nil when it is not an external format.
    public static func detect(path: String, prefix: [UInt8]) -> (any EvidenceReader.Type)? {
        all.first { $0.detect(path: path, prefix: prefix) }
    }

    /// Whether a file looks like our own evidence format: JSON records or CSV naming `model` and `eval`.
    public static func looksLikeOwnFormat(prefix: [UInt8]) -> Bool {
        let text = String(decoding: prefix.prefix(4096), as: UTF8.self)
        let head = text.drop { $0.isWhitespace }
        if head.hasPrefix("[") || head.hasPrefix("{") {
            return text.contains("\"model\"") && text.contains("\"eval\"")
        }
        let header = head.prefix { $0 != "\n" && $0 != "\r" }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return header.contains("model") && header.contains("eval")
    }

    /// One input file and how to read it.
    public struct Input: Sendable {
        public let path: String
        /// nil: our own format.
        public let reader: (any EvidenceReader.Type)?
    }

    /// Expands paths into input files with their formats.
    ///
    /// A folder contributes its regular, non-hidden files in name order (not its subfolders), and
    /// only those some format recognises by content; the others are listed in `skipped`. A file
    /// named directly is an external format when a reader recognises it (or `forced` names one),
    /// and our own format otherwise. A path given twice is read once.
    public static func inputs(
        _ paths: [String], forced: String? = nil
    ) throws(InputError) -> (inputs: [Input], skipped: [String]) {
        var forcedChoice: (reader: (any EvidenceReader.Type)?, name: String)?
        if let forced { forcedChoice = (try reader(named: forced), forced) }
        var inputs: [Input] = []
        var skipped: [String] = []
        var seen = Set<String>()
        var problems: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(file: path, message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue, !FileManager.default.isReadableFile(atPath: path) {
                problems.append(Diagnostic(file: path, message: "cannot list the folder: permission denied"))
                continue
            }
            let files = isDirectory.boolValue ? FileGlob.expand(path) : [path]
            for file in files where seen.insert((file as NSString).standardizingPath).inserted {
                do {
                    let prefix = try InputFile.prefix(file)
                    if let forcedChoice {
                        inputs.append(Input(path: file, reader: forcedChoice.reader))
                    } else if let reader = detect(path: file, prefix: prefix) {
                        inputs.append(Input(path: file, reader: reader))
                    } else if !isDirectory.boolValue || looksLikeOwnFormat(prefix: prefix) {
                        inputs.append(Input(path: file, reader: nil))
                    } else {
                        skipped.append(file)
                    }
                } catch {
                    problems += error.diagnostics
                }
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        return (inputs, skipped)
    }
}
