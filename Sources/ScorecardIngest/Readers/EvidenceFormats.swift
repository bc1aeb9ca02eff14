import Foundation

/// The formats that can be read as evidence, in one place.
///
/// Each format is an ``EvidenceReader``, found by content (`detect`) unless a format is named:
/// other tools' results (evaluation harness logs, interchange formats) and our own evidence format
/// (``ScorecardEvidenceReader``: JSON array, JSON Lines or CSV), which is also what a file named
/// directly is read as when no reader recognises it.
public enum EvidenceFormats {
    /// The readers of other tools' formats, in the order detection tries them.
    public static let external: [any EvidenceReader.Type] = [
        InspectReader.self,
        LMEvalReader.self,
        EveryEvalEverReader.self,
        JUnitReader.self,
    ]

    /// Every reader, in the order detection tries them: other tools' formats, then our own.
    public static let all: [any EvidenceReader.Type] = external + [ScorecardEvidenceReader.self]

    /// The names `--from` and a card's `format` accept.
    public static var names: [String] { all.map { $0.name } }

    /// The reader called `name`. Unknown names are an error listing the known ones.
    public static func reader(named name: String) throws(InputError) -> any EvidenceReader.Type {
        guard let reader = all.first(where: { $0.name == name }) else {
            throw InputError(file: "--from", "unknown format '\(name)' (known: \(names.joined(separator: ", ")))")
        }
        return reader
    }

    /// The reader that recognises the file from its path and first bytes, or nil when none does.
    public static func detect(path: String, prefix: [UInt8]) -> (any EvidenceReader.Type)? {
        all.first { $0.detect(path: path, prefix: prefix) }
    }

    /// The reader for a file named directly: the one that recognises it, else our own format (so
    /// that a malformed evidence file is reported, not skipped).
    public static func reader(for path: String, prefix: [UInt8]) -> any EvidenceReader.Type {
        detect(path: path, prefix: prefix) ?? ScorecardEvidenceReader.self
    }

    /// One input file and how to read it.
    public struct Input: Sendable {
        public let path: String
        /// The reader of the file's format.
        public let reader: any EvidenceReader.Type
    }

    /// Warnings for the import options that only evaluation logs take (`stage`, `model`), when
    /// every input is Scorecard evidence, whose records name their own model and stage: the
    /// options were given, and nothing took them.
    public static func unappliedOptions(_ inputs: [Input], _ options: ImportOptions) -> [Diagnostic] {
        guard !inputs.isEmpty, inputs.allSatisfy({ $0.reader == ScorecardEvidenceReader.self }) else { return [] }
        var warnings: [Diagnostic] = []
        for (option, value, what) in [("--stage", options.stage, "stage"), ("--as-model", options.model, "model")] {
            guard let value else { continue }
            warnings.append(Diagnostic(
                file: option,
                message: "'\(value)' not applied: every file given is Scorecard evidence, whose records name their own \(what); edit the records instead"))
        }
        return warnings
    }

    /// Expands paths into input files with their formats.
    ///
    /// A folder contributes its regular, non-hidden files, in its subfolders too, in path order, and
    /// only those some format recognises by content; the others are listed in `skipped`. A file
    /// named directly is read by the reader that recognises it (or the one `forced` names), and as
    /// our own format otherwise. A path given twice is read once.
    public static func inputs(
        _ paths: [String], forced: String? = nil
    ) throws(InputError) -> (inputs: [Input], skipped: [String]) {
        var forcedReader: (any EvidenceReader.Type)?
        if let forced { forcedReader = try reader(named: forced) }
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
            var files = [path]
            if isDirectory.boolValue {
                let found = FileGlob.walk(path)
                files = found.files
                problems += found.unlisted.map { Diagnostic(file: $0, message: "cannot list the folder: its files would be left out") }
                skipped += found.ignored
            } else if !FileGlob.isRegularFile(path) {
                problems.append(Diagnostic(file: path, message: "not a regular file (a FIFO, socket or device): give a file or a folder"))
                continue
            }
            for file in files where seen.insert((file as NSString).standardizingPath).inserted {
                do {
                    let prefix = try InputFile.prefix(file)
                    if let forcedReader {
                        inputs.append(Input(path: file, reader: forcedReader))
                    } else if !isDirectory.boolValue, detect(path: file, prefix: prefix) == nil, InspectReader.isZip(prefix) {
                        problems.append(Diagnostic(
                            file: file, message: "a ZIP archive, but not an Inspect .eval log (it does not open with header.json, _journal/ or samples/): give --from inspect to read it as one"))
                    } else if !isDirectory.boolValue, detect(path: file, prefix: prefix) == nil, FormatSniffing.isInspectLogListing(prefix) {
                        problems.append(Diagnostic(
                            file: file, message: "this is the listing inspect eval-set writes beside its logs (logs.json), not a log: import the logs it lists, or their folder"))
                    } else if !isDirectory.boolValue, detect(path: file, prefix: prefix) == nil, FormatSniffing.isInspectEvalSetManifest(prefix) {
                        problems.append(Diagnostic(
                            file: file, message: "this is the manifest inspect eval-set writes beside its logs (eval-set.json), not a log: import the logs, or their folder"))
                    } else if let reader = isDirectory.boolValue ? detect(path: file, prefix: prefix) : Self.reader(for: file, prefix: prefix) {
                        inputs.append(Input(path: file, reader: reader))
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
