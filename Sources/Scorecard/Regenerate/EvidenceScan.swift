import Foundation
import ScorecardCore
import ScorecardIngest
import ScorecardStore

/// One evidence file named by the configuration, as found on disk.
struct ScannedFile {
    let path: String
    /// The path relative to the configuration's folder, used in scorecards.
    let display: String
    let sha256: String
    let byteCount: Int
    let modifiedNs: Int64
    let source: CardConfig.EvidenceSource
    /// The file's bytes when they had to be read to hash it.
    var bytes: [UInt8]?
}

/// Finds the configured evidence files and their hashes, reading only what changed.
///
/// A file whose size and modification time match the last recorded state is not read (as
/// git's index does); any other file is hashed, so a touched but identical file costs one hash.
/// With `rehash` every file is hashed: a file rewritten behind the same size and time (`cp -p`,
/// `rsync --inplace`, a file system with coarse times) is then seen too.
struct EvidenceScan {
    /// Files up to this size are read whole when they must be hashed, and the bytes reused.
    static let keptInMemory = 64 << 20

    let config: CardConfig
    let known: [String: SourceState]
    /// Hash every file, trusting no size and modification time (`--rehash`, `rehash: true`).
    var rehash = false

    struct Result {
        var files: [ScannedFile] = []
        var counts = RunSummary.EvidenceCounts()
    }

    func run() throws -> Result {
        var result = Result()
        var seen: Set<String> = []
        for source in config.evidence {
            let matches = try Self.files(source, config: config)
            guard !matches.isEmpty else {
                throw InputError(file: config.path, line: source.line,
                                 "evidence '\(source.pattern)' matches no file (looked for \(source.resolvedPattern)); was it deleted?")
            }
            for path in matches where seen.insert(path).inserted {
                let file = try scan(path, source: source)
                switch known[file.display] {
                case nil: result.counts.new += 1
                case let state? where state.sha256 != file.sha256: result.counts.changed += 1
                default: result.counts.unchanged += 1
                }
                result.files.append(file)
            }
        }
        result.counts.files = result.files.count
        var byContent: [String: String] = [:]
        for file in result.files {
            if let first = byContent[file.sha256] {
                throw InputError(file: file.display, "has the same contents as \(first); list the results once")
            }
            byContent[file.sha256] = file.display
        }
        return result
    }

    /// The files an evidence entry names. A folder's subfolders that cannot be listed, and its
    /// entries that are neither a file nor a folder (a FIFO, a broken link, a link to a folder),
    /// are errors naming them: a scheduled run does not leave evidence out unseen.
    ///
    /// A wildcard pattern's matches are taken alike: a folder it matches is read as if named (its
    /// files, in its subfolders too), and a match that is neither is an error.
    static func files(_ source: CardConfig.EvidenceSource, config: CardConfig) throws(InputError) -> [String] {
        let found = FileGlob.find(source.resolvedPattern)
        let problems = found.unlisted.map { Diagnostic(file: config.display($0), message: "cannot list the folder: its files would be left out") }
            + found.ignored.map { Diagnostic(file: config.display($0), message: "neither a file nor a folder to read (a FIFO, a broken link or a link to a folder): remove it or list the files") }
        if !problems.isEmpty { throw InputError(problems) }
        return found.files
    }

    private func scan(_ path: String, source: CardConfig.EvidenceSource) throws -> ScannedFile {
        let display = config.display(path)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw InputError(file: display, "cannot read: \(error.localizedDescription)")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date) ?? .distantPast
        let nanoseconds = Int64((modified.timeIntervalSince1970 * 1e9).rounded())
        if !rehash, let state = known[display], state.byteCount == size, state.modifiedNs == nanoseconds {
            return ScannedFile(path: path, display: display, sha256: state.sha256, byteCount: size, modifiedNs: nanoseconds,
                               source: source, bytes: nil)
        }
        // Small files are kept in memory for parsing; large logs are hashed in a streaming pass.
        guard size <= Self.keptInMemory else {
            return ScannedFile(path: path, display: display, sha256: try FileDigest.sha256(path: path), byteCount: size,
                               modifiedNs: nanoseconds, source: source, bytes: nil)
        }
        let bytes = try InputFile.read(path)
        return ScannedFile(path: path, display: display, sha256: SHA256.hex(of: bytes), byteCount: bytes.count,
                           modifiedNs: nanoseconds, source: source, bytes: bytes)
    }
}
